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

    public init(kinds: [KindScore], severity: Severity, cues: [KindCue], severityCue: String?) {
        self.kinds = kinds
        self.severity = severity
        self.cues = cues
        self.severityCue = severityCue
    }

    /// The confidence of `kind`, 0 when it was not found.
    public func confidence(_ kind: FeedbackKind) -> Double {
        kinds.first { $0.kind == kind }?.confidence ?? 0
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
    static func isProblem(_ kind: FeedbackKind) -> Bool { problemMask & 1 << kind.ordinal != 0 }

    private struct Language: Sendable {
        /// The language's position among the classifier's, which names its table in a `KindMemo`.
        var index: Int
        var kinds: CueLexicon
        var kindOfPattern: [FeedbackKind]
        var severity: CueLexicon
        var levelOfPattern: [SeverityCueLevel]
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
        let codes = Set(lexicons.paths.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            return parts.count == 2 && parts[1] == "kind-cues.txt" ? String(parts[0]) : nil
        })
        for (index, code) in codes.sorted().enumerated() {
            // Unknown labels are lexicon typos; they are dropped rather than guessed.
            let kinds = CueLexicon(
                lines: lexicons.lines("\(code)/kind-cues.txt"), hasWeight: true, language: code,
                accepts: { FeedbackKind(rawValue: String($0)) != nil && $0 != "other" })
            let severity = CueLexicon(
                lines: lexicons.lines("\(code)/severity-cues.txt"), hasWeight: false, language: code,
                accepts: { ["critical", "major", "minor", "small"].contains($0) })
            languages[code] = Language(
                index: index, kinds: kinds, kindOfPattern: kinds.patterns.map { FeedbackKind(rawValue: $0.label)! },
                severity: severity,
                levelOfPattern: severity.patterns.map {
                    switch $0.label {
                    case "critical": .critical
                    case "major": .major
                    case "minor": .minor
                    default: .small
                    }
                })
        }
        self.languages = languages
        self.english = languages["en"]
        self.model = useModel ? KindModel(lexicons: lexicons) : nil
    }

    /// The kinds and severity of `text`; `sentiment`, when known, lets topic words count in negative records.
    public func classify(_ text: AnalyzedText, sentiment: SentimentScore?) -> KindResult {
        classify(text, sentiment: sentiment, explains: true)
    }

    /// The kinds and severity alone, as the per-record stage needs them: no cue list and no cue confidences, which
    /// cost a dictionary and an array of strings a record.
    func kindsAndSeverity(_ text: AnalyzedText, sentiment: SentimentScore?) -> (kinds: [KindScore], severity: Severity) {
        let result = classify(text, sentiment: sentiment, explains: false)
        return (result.kinds, result.severity)
    }

    /// `kindsAndSeverity(_:sentiment:)` reading each written form's lexicon ids and model hashes from `memo`, which
    /// looks each up once per worker rather than once per token.
    func kindsAndSeverity(
        _ text: AnalyzedText, sentiment: SentimentScore?, memo: inout KindMemo
    ) -> (kinds: [KindScore], severity: Severity) {
        let result = classify(text, sentiment: sentiment, explains: false, memo: &memo)
        return (result.kinds, result.severity)
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
        let rawKindMatches: [CueLexicon.Match]
        let severityMatches: [CueLexicon.Match]
        if memo.isActive {
            memo.resolve(tokens, language: language.index, kinds: language.kinds, severity: language.severity)
            memo.kindFacts.removeAll(keepingCapacity: true)
            memo.severityFacts.removeAll(keepingCapacity: true)
            tokens.withUnsafeBufferPointer { tokens in
                for index in tokens.indices {
                    let form = memo.form(ofToken: index, language: language.index)
                    let isPunctuation = tokens[index].kind == .punctuation, sentence = Int32(tokens[index].sentence)
                    memo.kindFacts.append(CueLexicon.tokenFacts(
                        form: form.kinds, isPunctuation: isPunctuation, sentence: sentence, questionMark: form.questionMark))
                    memo.severityFacts.append(CueLexicon.tokenFacts(
                        form: form.severity, isPunctuation: isPunctuation, sentence: sentence, questionMark: form.questionMark))
                }
            }
            language.kinds.matches(memo.kindFacts, into: &memo.kindMatches, candidates: &memo.candidates)
            language.severity.matches(memo.severityFacts, into: &memo.severityMatches, candidates: &memo.candidates)
            rawKindMatches = memo.kindMatches
            severityMatches = memo.severityMatches
        } else {
            rawKindMatches = language.kinds.matches(in: tokens)
            severityMatches = language.severity.matches(in: tokens)
        }
        let kindMatches = Self.kept(
            rawKindMatches, tokens: tokens, weight: { language.kinds.patterns[$0].weight },
            label: { language.kindOfPattern[$0].rawValue },
            keepsNegated: { Self.negationKeepsTopic(language.kindOfPattern[$0]) })
        // Sentences where a clear bug cue speaks: there, topic words name what is broken ("the menu is broken").
        // A record has a handful of matches: arrays searched in order cost less than sets that hash.
        var troubled: [Int] = []
        for match in kindMatches
        where language.kindOfPattern[match.pattern] == .bug && language.kinds.patterns[match.pattern].weight >= Self.topicWeight {
            troubled.append(tokens[match.tokens.lowerBound].sentence)
        }

        let negative = (sentiment?.compound ?? 0) <= -0.05
        var evidence = KindVector()
        var counted: [Int] = []
        var cues: [KindCue] = []
        for match in kindMatches {
            let pattern = language.kinds.patterns[match.pattern]
            let kind = language.kindOfPattern[match.pattern]
            if explains {
                cues.append(KindCue(
                    cue: pattern.text, kind: kind, weight: pattern.weight,
                    utf8Range: tokens[match.tokens.lowerBound].utf8Range.lowerBound..<tokens[match.tokens.upperBound - 1].utf8Range.upperBound))
            }
            // A cue repeated ("crash ... crash") is one piece of evidence, not two.
            guard !counted.contains(match.pattern) else { continue }
            counted.append(match.pattern)
            var weight = pattern.weight
            if weight < Self.topicWeight, Self.isProblem(kind),
                negative || troubled.contains(tokens[match.tokens.lowerBound].sentence)
            {
                weight *= 1.5
            }
            evidence.add(weight, to: kind)
        }
        // Praise in a clearly negative record is sarcasm or a concession ("great, another crash").
        if let compound = sentiment?.compound, compound <= -0.5, let praise = evidence[.praise] { evidence[.praise] = praise * 0.5 }

        let cueConfidences = evidence.map { 1 - exp(-$0) }
        var confidences = cueConfidences
        // The model only reads the stems it was trained on, so it speaks only for its own language's texts.
        if let model, code == model.language, text.language == model.language || text.language == "und" {
            if memo.isActive {
                let forms = memo.tables[language.index].forms, formOfToken = memo.formOfToken
                model.blendProbabilities(
                    text, cueConfidences: cueConfidences, into: &confidences, hashes: &memo.featureHashes, scores: &memo.scores
                ) { token, negated in
                    let form = forms[Int(formOfToken[token])]
                    return (negated ? form.negatedFeature : form.stemFeature, form.pairStart)
                }
            } else {
                model.blendProbabilities(text, cueConfidences: cueConfidences, into: &confidences)
            }
        }
        var kinds: [KindScore] = []
        for kind in FeedbackKind.allCases {
            guard let confidence = confidences[kind] else { continue }
            if confidence >= Self.threshold { kinds.append(KindScore(kind: kind, confidence: confidence)) }
        }
        kinds = kinds.enumerated().sorted { a, b in
            a.element.confidence != b.element.confidence ? a.element.confidence > b.element.confidence : a.offset < b.offset
        }.map(\.element)
        if kinds.isEmpty {
            let strongest = confidences.maximum ?? 0
            kinds = [KindScore(kind: .other, confidence: 1 - strongest)]
        }

        let (severity, severityCue) = Self.severity(of: kinds, matches: severityMatches, tokens: tokens, language: language)
        var result = KindResult(kinds: kinds, severity: severity, cues: cues, severityCue: severityCue)
        if explains { result.cueConfidences = cueConfidences.dictionary }
        return (result, evidence.sum)
    }

    private static func severity(
        of kinds: [KindScore], matches: [CueLexicon.Match], tokens: [Token], language: Language
    ) -> (Severity, String?) {
        let matches = kept(
            matches, tokens: tokens, weight: { _ in 1 }, label: { _ in "severity" },
            keepsNegated: { _ in false })
        func first(_ level: SeverityCueLevel) -> String? {
            matches.first { language.levelOfPattern[$0.pattern] == level }.map { language.severity.patterns[$0.pattern].text }
        }
        if let cue = first(.critical) { return (.critical, cue) }
        let major = first(.major)
        if kinds.contains(where: { $0.kind == .bug }) || major != nil {
            if let small = first(.small) { return (.minor, small) }
            return (.major, major)
        }
        if let cue = first(.minor) ?? first(.small) { return (.minor, cue) }
        if kinds.contains(where: { $0.kind != .bug && (isProblem($0.kind) || $0.kind == .pricing) }) { return (.minor, nil) }
        return (.none, nil)
    }

    /// The matches that count: none negated unless the cue starts with the negator or its topic survives negation,
    /// none lying inside a longer match, and one per span and label.
    private static func kept(
        _ matches: [CueLexicon.Match], tokens: [Token], weight: (Int) -> Double, label: (Int) -> String,
        keepsNegated: (Int) -> Bool
    ) -> [CueLexicon.Match] {
        if matches.isEmpty { return [] }
        let live = matches.filter { match in
            let first = tokens[match.tokens.lowerBound].flags
            return !first.contains(.negated) || first.contains(.negator) || keepsNegated(match.pattern)
        }
        // Most texts have at most one live match of a lexicon, which is kept as it is, without sorting.
        if live.count < 2 { return live }
        var kept: [CueLexicon.Match] = []
        // Strongest first, so that of two cues on the same words for the same label the heavier is kept.
        let byWeight = live.enumerated().sorted { a, b in
            let wa = weight(a.element.pattern), wb = weight(b.element.pattern)
            return wa != wb ? wa > wb : a.offset < b.offset
        }.map(\.element)
        for match in byWeight {
            let inside = live.contains { other in
                other.tokens.count > match.tokens.count && other.tokens.lowerBound <= match.tokens.lowerBound
                    && other.tokens.upperBound >= match.tokens.upperBound
            }
            if inside { continue }
            if kept.contains(where: { $0.tokens == match.tokens && label($0.pattern) == label(match.pattern) }) { continue }
            kept.append(match)
        }
        return kept.sorted { a, b in
            a.tokens.lowerBound != b.tokens.lowerBound ? a.tokens.lowerBound < b.tokens.lowerBound : a.pattern < b.pattern
        }
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
