import Foundation

/// What a record is (kinds, each with a confidence), how severe it is, and the cues that said so.
public struct KindResult: Sendable, Hashable {
    /// The kinds found, most confident first (ties in `FeedbackKind.allCases` order); `other` alone when none.
    public var kinds: [KindScore]
    public var severity: Severity
    /// The kind cues that matched, in text order.
    public var cues: [KindCue]
    /// The severity cue that set the level, if a cue did (a bug with no named level is major without one).
    public var severityCue: String?
    /// The confidence the cues alone give each kind they found, before the learned model is blended in.
    public var cueConfidences: [FeedbackKind: Double] = [:]
    /// Which side of the three-way triage the record is on. The learned model's decision step sets it when the
    /// model has one; otherwise the max rule of `KindSide.init(maxRuleOf:)`.
    public var side: KindSide

    public init(kinds: [KindScore], severity: Severity, cues: [KindCue], severityCue: String?, side: KindSide? = nil) {
        self.kinds = kinds
        self.severity = severity
        self.cues = cues
        self.severityCue = severityCue
        self.side = side ?? KindSide(maxRuleOf: kinds)
    }

    /// The confidence of `kind`, 0 when it was not found.
    public func confidence(_ kind: FeedbackKind) -> Double {
        kinds.first { $0.kind == kind }?.confidence ?? 0
    }
}

/// The side of a three-way triage a record is on: a problem with the product (bug, performance, usability,
/// battery, security_privacy), a feature request, or neither (praise, pricing, questions, usage stories, ratings).
public enum KindSide: String, Sendable, Hashable, CaseIterable {
    case problem
    case featureRequest = "feature_request"
    case other

    /// The max rule: the problem side when the most confident reported problem kind is at least as confident as a
    /// reported feature_request, the request side when that is more confident, otherwise other.
    public init(maxRuleOf kinds: [KindScore]) {
        var problem = 0.0, request = 0.0
        for score in kinds {
            if KindClassifier.isProblem(score.kind) {
                problem = max(problem, score.confidence)
            } else if score.kind == .featureRequest {
                request = score.confidence
            }
        }
        self = problem == 0 && request == 0 ? .other : problem >= request ? .problem : .featureRequest
    }
}

/// One cue found in a text and the kind it speaks for.
public struct KindCue: Sendable, Hashable {
    /// The cue as written in the lexicon ("please add", "crash* on start*").
    public var cue: String
    public var kind: FeedbackKind
    public var weight: Double
    /// Bytes of the text the cue covers.
    public var utf8Range: Range<Int>

    public init(cue: String, kind: FeedbackKind, weight: Double, utf8Range: Range<Int>) {
        self.cue = cue
        self.kind = kind
        self.weight = weight
        self.utf8Range = utf8Range
    }
}

/// Tells the kinds and severity of a text from weighted cues in `Lexicons/<lang>/kind-cues.txt` and
/// `severity-cues.txt`, matched over folded forms and stems, with negation and the record's sentiment.
public struct KindClassifier: Sendable {
    /// The confidence from which a kind is reported.
    public static let threshold = 0.5
    /// Kinds that count as a problem with the product (the "problem" side of the three-way split).
    public static let problemKinds: Set<FeedbackKind> = [.bug, .performance, .usability, .battery, .securityPrivacy]
    /// Cue weights below this mark topic words, which count fully only in a negative record or beside a bug cue.
    static let topicWeight = 0.7
    /// Kinds whose cues name a topic that a negation does not remove: "no ads" is still about pricing.
    static func negationKeepsTopic(_ kind: FeedbackKind) -> Bool { kind == .pricing || kind == .securityPrivacy }

    /// `problemKinds` as one bit per kind ordinal, so per-record checks hash nothing.
    private static let problemMask = problemKinds.reduce(0) { $0 | 1 << $1.ordinal }

    /// Whether `kind` is one of `problemKinds`.
    public static func isProblem(_ kind: FeedbackKind) -> Bool { problemMask & 1 << kind.ordinal != 0 }

    private struct Language: Sendable {
        /// The language's position among the classifier's, which names its table in a `KindMemo`.
        var index: Int
        var kinds: CueLexicon
        var kindOfPattern: [FeedbackKind]
        var severity: CueLexicon
        var levelOfPattern: [SeverityCueLevel]
        var kindRule: KeepRule
        var severityRule: KeepRule
    }

    private enum SeverityCueLevel: Sendable { case critical, major, minor, small }

    private var languages: [String: Language]
    /// `languages["en"]`, looked up once.
    private var english: Language?
    /// The learned model blended with the cues of its language; nil (the default) leaves the cues alone, because
    /// the shipped model, though better on every app-review set, lowers the held-out forum set (BENCHMARKS.md).
    public var model: KindModel?

    /// Loads the cue lexicons of every language `lexicons` has them for, and its learned model when `useModel`.
    public init(lexicons: LexiconStore = .shipped, useModel: Bool = true) {
        var languages: [String: Language] = [:]
        for (index, code) in lexicons.languages(withFile: "kind-cues.txt").enumerated() {
            // Unknown labels are lexicon typos; they are dropped rather than guessed.
            let kinds = CueLexicon(
                lines: lexicons.lines("\(code)/kind-cues.txt"), hasWeight: true, language: code,
                accepts: { FeedbackKind(rawValue: String($0)) != nil && $0 != "other" })
            let severity = CueLexicon(
                lines: lexicons.lines("\(code)/severity-cues.txt"), hasWeight: false, language: code,
                accepts: { ["critical", "major", "minor", "small"].contains($0) })
            let kindOfPattern = kinds.patterns.map { FeedbackKind(rawValue: $0.label)! }
            languages[code] = Language(
                index: index, kinds: kinds, kindOfPattern: kindOfPattern,
                severity: severity,
                levelOfPattern: severity.patterns.map {
                    switch $0.label {
                    case "critical": .critical
                    case "major": .major
                    case "minor": .minor
                    default: .small
                    }
                },
                kindRule: KeepRule(
                    weight: kinds.patterns.map(\.weight), label: kindOfPattern.map { UInt8($0.ordinal) },
                    keepsNegated: kindOfPattern.map(Self.negationKeepsTopic)),
                // Severity cues are kept by span alone: one label, equal weights, no topic kept under a negation.
                severityRule: KeepRule(
                    weight: severity.patterns.map { _ in 1 }, label: severity.patterns.map { _ in 0 },
                    keepsNegated: severity.patterns.map { _ in false }))
        }
        self.languages = languages
        self.english = languages["en"]
        self.model = useModel ? KindModel(lexicons: lexicons) : nil
    }

    /// The kinds and severity of `text`; `sentiment`, when known, lets topic words count in negative records.
    public func classify(_ text: AnalyzedText, sentiment: SentimentScore?) -> KindResult {
        classify(text, sentiment: sentiment, explains: true)
    }

    /// Classifies texts one after another on one thread, remembering what it learned of each written form (see
    /// `KindMemo`): the results of `classify(_:sentiment:)`, in a fraction of the time over many texts.
    public struct Worker {
        public let classifier: KindClassifier
        private var memo = KindMemo()

        init(classifier: KindClassifier) { self.classifier = classifier }

        /// The kinds and severity of `text`, as `KindClassifier.classify(_:sentiment:)` gives them.
        public mutating func classify(_ text: AnalyzedText, sentiment: SentimentScore?) -> KindResult {
            classifier.classify(text, sentiment: sentiment, explains: true, memo: &memo)
        }
    }

    /// A worker for one thread.
    public func makeWorker() -> Worker { Worker(classifier: self) }

    /// The kinds, severity and triage side alone, as the per-record stage needs them: no cue list and no cue
    /// confidences, which cost a dictionary and an array of strings a record.
    func kindsAndSeverity(_ text: AnalyzedText, sentiment: SentimentScore?) -> (kinds: [KindScore], severity: Severity, side: KindSide) {
        let result = classify(text, sentiment: sentiment, explains: false)
        return (result.kinds, result.severity, result.side)
    }

    /// `kindsAndSeverity(_:sentiment:)` reading each written form's lexicon ids and model hashes from `memo`, which
    /// looks each up once per worker rather than once per token.
    func kindsAndSeverity(
        _ text: AnalyzedText, sentiment: SentimentScore?, memo: inout KindMemo
    ) -> (kinds: [KindScore], severity: Severity, side: KindSide) {
        let result = classify(text, sentiment: sentiment, explains: false, memo: &memo)
        return (result.kinds, result.severity, result.side)
    }

    private func classify(_ text: AnalyzedText, sentiment: SentimentScore?, explains: Bool) -> KindResult {
        var memo = KindMemo.inactive
        return classify(text, sentiment: sentiment, explains: explains, memo: &memo)
    }

    private func classify(_ text: AnalyzedText, sentiment: SentimentScore?, explains: Bool, memo: inout KindMemo) -> KindResult {
        // English texts, most of them, go straight to the English cues, without hashing the language code.
        if text.language == "en", let english {
            return classify(text, sentiment: sentiment, language: english, code: "en", explains: explains, memo: &memo).result
        }
        // The detected language's cues come first; English is tried too, because short or mixed texts are often
        // detected wrongly. Unknown ("und") or cue-less languages try every lexicon. Most evidence wins; on a tie,
        // the earlier candidate.
        let candidates: [String]
        if languages[text.language] != nil {
            candidates = text.language == "en" ? ["en"] : [text.language, "en"]
        } else {
            candidates = languages.keys.sorted { $0 == "en" ? $1 != "en" : ($1 != "en" && $0 < $1) }
        }
        var best: (result: KindResult, evidence: Double)?
        for code in candidates {
            guard let language = languages[code] else { continue }
            let attempt = classify(text, sentiment: sentiment, language: language, code: code, explains: explains, memo: &memo)
            if best == nil || attempt.evidence > best!.evidence { best = attempt }
        }
        return best?.result ?? KindResult(kinds: [KindScore(kind: .other, confidence: 1)], severity: .none, cues: [], severityCue: nil)
    }

    private func classify(
        _ text: AnalyzedText, sentiment: SentimentScore?, language: Language, code: String, explains: Bool,
        memo: inout KindMemo
    ) -> (result: KindResult, evidence: Double) {
        let tokens = text.tokens
        // The model only reads the stems it was trained on, so it speaks only for its own language's texts.
        let readingModel = model.flatMap { model in
            code == model.language && (text.language == model.language || text.language == "und") ? model : nil
        }
        if memo.isActive {
            memo.resolve(
                tokens, language: language.index, kinds: language.kinds, severity: language.severity,
                model: model.flatMap { code == $0.language ? $0 : nil })
            memo.collectFacts(tokens, language: language.index)
            language.kinds.matches(memo.kindFacts, candidates: memo.tables[language.index].kindCandidates, into: &memo.kindMatches)
            language.severity.matches(
                memo.severityFacts, candidates: memo.tables[language.index].severityCandidates, into: &memo.severityMatches)
        } else {
            memo.kindMatches = language.kinds.matches(in: tokens)
            memo.severityMatches = language.severity.matches(in: tokens)
        }
        Self.keep(memo.kindMatches, tokens: tokens, rule: language.kindRule, into: &memo.keptKinds, live: &memo.live, order: &memo.order)
        let kindMatches = memo.keptKinds

        let negative = (sentiment?.compound ?? 0) <= -0.05
        var evidence = KindVector()
        var cues: [KindCue] = []
        for (position, match) in kindMatches.enumerated() {
            let weight = language.kindRule.weight[match.pattern]
            let kind = language.kindOfPattern[match.pattern]
            if explains {
                cues.append(KindCue(
                    cue: language.kinds.patterns[match.pattern].text, kind: kind, weight: weight,
                    utf8Range: tokens[match.tokens.lowerBound].utf8Range.lowerBound..<tokens[match.tokens.upperBound - 1].utf8Range.upperBound))
            }
            // A cue repeated ("crash ... crash") is one piece of evidence, not two.
            guard !kindMatches[..<position].contains(where: { $0.pattern == match.pattern }) else { continue }
            // Topic words count more in a negative record, or in a sentence where a clear bug cue speaks: there they
            // name what is broken ("the menu is broken"). A record has a handful of matches, searched in order.
            var counted = weight
            if weight < Self.topicWeight, Self.isProblem(kind),
                negative || Self.bugSpeaks(in: tokens[match.tokens.lowerBound].sentence, matches: kindMatches, tokens: tokens, language: language)
            {
                counted *= 1.5
            }
            evidence.add(counted, to: kind)
        }
        // Praise in a clearly negative record is sarcasm or a concession ("great, another crash").
        if let compound = sentiment?.compound, compound <= -0.5, let praise = evidence[.praise] { evidence[.praise] = praise * 0.5 }

        let cueConfidences = evidence.map { 1 - exp(-$0) }
        var confidences = cueConfidences
        if let model = readingModel {
            if memo.isActive {
                memo.collectModelRows(tokens, language: language.index, model: model)
                model.blendProbabilities(rows: &memo.modelRows!, cueConfidences: cueConfidences, into: &confidences, scores: &memo.scores)
            } else {
                model.blendProbabilities(text, cueConfidences: cueConfidences, into: &confidences)
            }
        }
        // Most confident first; equal confidences in `FeedbackKind.allCases` order (an insertion keeps that order).
        var kinds: [KindScore] = []
        for kind in FeedbackKind.allCases {
            guard let confidence = confidences[kind], confidence >= Self.threshold else { continue }
            var at = kinds.count
            while at > 0, kinds[at - 1].confidence < confidence { at -= 1 }
            kinds.insert(KindScore(kind: kind, confidence: confidence), at: at)
        }
        if kinds.isEmpty {
            let strongest = confidences.maximum ?? 0
            kinds = [KindScore(kind: .other, confidence: 1 - strongest)]
        }

        Self.keep(
            memo.severityMatches, tokens: tokens, rule: language.severityRule, into: &memo.keptSeverity, live: &memo.live,
            order: &memo.order)
        // The decision step weighs the kinds against each other and the sentiment ("easy to use, love it" names a
        // usability topic but is not a problem); without one, the max rule.
        let side = readingModel?.side(confidences: confidences, cueConfidences: cueConfidences, compound: sentiment?.compound ?? 0)
        let (severity, severityCue) = Self.severity(
            of: kinds, matches: memo.keptSeverity, language: language, problemSide: (side ?? KindSide(maxRuleOf: kinds)) != .other)
        var result = KindResult(kinds: kinds, severity: severity, cues: cues, severityCue: severityCue, side: side)
        if explains { result.cueConfidences = cueConfidences.dictionary }
        return (result, evidence.sum)
    }

    /// Whether a clear bug cue (not a topic word) among `matches` lies in sentence `sentence`.
    private static func bugSpeaks(in sentence: Int, matches: [CueLexicon.Match], tokens: TokenList, language: Language) -> Bool {
        matches.contains { match in
            language.kindOfPattern[match.pattern] == .bug && language.kindRule.weight[match.pattern] >= topicWeight
                && tokens[match.tokens.lowerBound].sentence == sentence
        }
    }

    /// The severity of a record of `kinds` whose kept severity cues are `matches`, and the cue that set it;
    /// `problemSide` is false when the triage side is other, where a problem kind alone names nothing broken.
    private static func severity(
        of kinds: [KindScore], matches: [CueLexicon.Match], language: Language, problemSide: Bool
    ) -> (Severity, String?) {
        func first(_ level: SeverityCueLevel) -> String? {
            matches.first { language.levelOfPattern[$0.pattern] == level }.map { language.severity.patterns[$0.pattern].text }
        }
        if let cue = first(.critical) { return (.critical, cue) }
        let major = first(.major)
        // A problem kind on the other side is a fixed bug or a topic praised ("it doesn't crash anymore, thanks",
        // "fast and smooth"), not a broken feature: only severity cues set the level then. (Without the model the
        // side is the max rule, which puts every reported problem kind on a side other than other.)
        if (problemSide && kinds.contains(where: { $0.kind == .bug })) || major != nil {
            if let small = first(.small) { return (.minor, small) }
            return (.major, major)
        }
        if let cue = first(.minor) ?? first(.small) { return (.minor, cue) }
        if kinds.contains(where: { $0.kind == .pricing || (problemSide && $0.kind != .bug && isProblem($0.kind)) }) {
            return (.minor, nil)
        }
        return (.none, nil)
    }

    /// What `keep` reads of each pattern of a lexicon: its weight, its label's number, and whether its topic
    /// survives a negation.
    struct KeepRule: Sendable {
        var weight: [Double]
        var label: [UInt8]
        var keepsNegated: [Bool]
    }

    /// The matches that count, into `kept` in token order (then pattern order): none negated unless the cue starts
    /// with the negator or its topic survives negation, none lying inside a longer match, and one per span and
    /// label, the heaviest (the earliest found of equal weights). `live` and `order` are scratch space.
    private static func keep(
        _ matches: [CueLexicon.Match], tokens: TokenList, rule: KeepRule, into kept: inout [CueLexicon.Match],
        live: inout [CueLexicon.Match], order: inout [Int]
    ) {
        kept.removeAll(keepingCapacity: true)
        if matches.isEmpty { return }
        live.removeAll(keepingCapacity: true)
        for match in matches {
            let first = tokens[match.tokens.lowerBound].flags
            if !first.contains(.negated) || first.contains(.negator) || rule.keepsNegated[match.pattern] { live.append(match) }
        }
        // Most texts have at most one live match of a lexicon, which is kept as it is.
        if live.count < 2 {
            kept.append(contentsOf: live)
            return
        }
        if live.count > manyMatches {
            keepMany(live, rule: rule, into: &kept)
        } else {
            keepFew(live, rule: rule, into: &kept, order: &order)
        }
    }

    /// Past this many live matches `keep` sorts and sweeps (`keepMany`); below it, insertion and pairwise checks
    /// (`keepFew`) are cheaper. Pairwise, a 30 KB review of one repeated cue word took over 30 s to classify.
    static let manyMatches = 24

    /// `keep`'s choice among two or more live matches, by insertion and pairwise checks: quadratic in the matches.
    static func keepFew(_ live: [CueLexicon.Match], rule: KeepRule, into kept: inout [CueLexicon.Match], order: inout [Int]) {
        // Strongest first, so that of two cues on the same words for the same label the heavier is kept; a handful
        // of matches, so insertion (which keeps the found order among equal weights) beats a sort.
        order.removeAll(keepingCapacity: true)
        for index in live.indices {
            let weight = rule.weight[live[index].pattern]
            var at = order.count
            while at > 0, rule.weight[live[order[at - 1]].pattern] < weight { at -= 1 }
            order.insert(index, at: at)
        }
        for index in order {
            let match = live[index]
            let inside = live.contains { other in
                other.tokens.count > match.tokens.count && other.tokens.lowerBound <= match.tokens.lowerBound
                    && other.tokens.upperBound >= match.tokens.upperBound
            }
            if inside { continue }
            if kept.contains(where: { $0.tokens == match.tokens && rule.label[$0.pattern] == rule.label[match.pattern] }) { continue }
            var at = kept.count
            while at > 0,
                kept[at - 1].tokens.lowerBound > match.tokens.lowerBound
                    || (kept[at - 1].tokens.lowerBound == match.tokens.lowerBound && kept[at - 1].pattern > match.pattern)
            {
                at -= 1
            }
            kept.insert(match, at: at)
        }
    }

    /// `keepFew`'s result in O(n log n), for texts with many matches: the same matches in the same order.
    static func keepMany(_ live: [CueLexicon.Match], rule: KeepRule, into kept: inout [CueLexicon.Match]) {
        // A match lies inside a longer one when another span starts at or before it and ends at or after it. Distinct
        // spans by start, longer first: a span is inside another exactly when a span before it ends at or after its end.
        var spans = live.map(\.tokens)
        spans.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
        var insideSpans = Set<Range<Int>>()
        var furthestEnd = Int.min
        var previous: Range<Int>?
        for span in spans where span != previous {
            if furthestEnd >= span.upperBound { insideSpans.insert(span) }
            furthestEnd = max(furthestEnd, span.upperBound)
            previous = span
        }
        // Strongest first, the found order among equal weights (the insertion order of `keepFew`).
        let order = live.indices.sorted { a, b in
            let (wa, wb) = (rule.weight[live[a].pattern], rule.weight[live[b].pattern])
            return wa != wb ? wa > wb : a < b
        }
        struct SpanLabel: Hashable {
            var tokens: Range<Int>
            var label: UInt8
        }
        var taken = Set<SpanLabel>()
        var chosen: [(match: CueLexicon.Match, rank: Int)] = []
        for index in order where !insideSpans.contains(live[index].tokens) {
            guard taken.insert(SpanLabel(tokens: live[index].tokens, label: rule.label[live[index].pattern])).inserted else { continue }
            chosen.append((live[index], chosen.count))
        }
        // Token order, then pattern order; equal keys in the order they were chosen, as insertion placed them.
        chosen.sort { a, b in
            if a.match.tokens.lowerBound != b.match.tokens.lowerBound { return a.match.tokens.lowerBound < b.match.tokens.lowerBound }
            if a.match.pattern != b.match.pattern { return a.match.pattern < b.match.pattern }
            return a.rank < b.rank
        }
        kept.append(contentsOf: chosen.lazy.map(\.match))
    }
}

/// One optional number per kind, in `FeedbackKind.allCases` order: a record's tallies without hashing enums into
/// dictionaries (those lookups were a sixth of kind classification).
struct KindVector {
    // Inline, not an array: a record makes several of these, and each array was a heap allocation.
    private var values = SIMD16<Double>()
    private var present: UInt32 = 0

    subscript(kind: FeedbackKind) -> Double? {
        get { present & (1 << kind.ordinal) != 0 ? values[kind.ordinal] : nil }
        set {
            if let newValue {
                values[kind.ordinal] = newValue
                present |= 1 << kind.ordinal
            } else {
                values[kind.ordinal] = 0
                present &= ~(1 << kind.ordinal)
            }
        }
    }

    mutating func add(_ amount: Double, to kind: FeedbackKind) { self[kind] = (self[kind] ?? 0) + amount }

    /// The vector with `transform` applied to each present value.
    func map(_ transform: (Double) -> Double) -> KindVector {
        var out = self
        for i in 0..<FeedbackKind.allCases.count where present & (1 << i) != 0 { out.values[i] = transform(values[i]) }
        return out
    }

    /// The sum of the present values, in kind order.
    var sum: Double {
        var total = 0.0
        for i in 0..<FeedbackKind.allCases.count where present & (1 << i) != 0 { total += values[i] }
        return total
    }

    var maximum: Double? {
        var best: Double?
        for i in 0..<FeedbackKind.allCases.count where present & (1 << i) != 0 { best = max(best ?? values[i], values[i]) }
        return best
    }

    var dictionary: [FeedbackKind: Double] {
        var out: [FeedbackKind: Double] = [:]
        for kind in FeedbackKind.allCases { if let value = self[kind] { out[kind] = value } }
        return out
    }
}

extension FeedbackKind {
    /// The kind's position in `allCases`.
    var ordinal: Int {
        switch self {
        case .bug: 0
        case .featureRequest: 1
        case .performance: 2
        case .usability: 3
        case .battery: 4
        case .securityPrivacy: 5
        case .pricing: 6
        case .praise: 7
        case .question: 8
        case .other: 9
        }
    }
}
