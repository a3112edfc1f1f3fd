import Foundation

/// Scores analyzed text with sift's lexicons and rules: per sentence, per record, with the reason for every valence.
public struct SentimentScorer: Sendable {
    let tables: ScoringTables
    var lexicons: SentimentLexicons { tables.lexicons }

    /// How far back (in words) a booster or dampener reaches.
    static let boosterReach = 3
    /// Valence multipliers, each chosen on examples written by the sift team.
    static let capsEmphasis = 1.3
    static let elongatedEmphasis = 1.15
    /// A word with a doubled last letter ("nicee") is read as the shorter word only when that word is this strong.
    static let drawnOutMinimumValence = 1.8
    static let negatedPositive = -0.75
    static let negatedNegative = -0.4
    static let leastFactor = -0.5
    static let negatedContentWord = -0.8
    /// Below this language-identification confidence, a language without a lexicon does not stop English scoring.
    static let trustedLanguageConfidence = 0.75
    /// Up to this many words, an identified language without a lexicon is not trusted either ("Gud app" → Danish).
    static let shortTextWords = 3
    static let concededClause = 0.5
    /// "It used to be great": the praise, reversed and weakened.
    static let pastPraise = -0.6
    /// "Would be great if it worked": praise on a condition, reversed and weakened more than praise of the past.
    static let conditionalPraise = -0.5
    /// "My only complaint is the ads": a complaint the writer calls their only one.
    static let onlyComplaint = 0.5
    static let verdictClause = 1.5
    static let exclamationStep = 0.3
    static let questionStep = 0.18
    /// What praise in a plain question weighs ("Is it worth it?").
    static let askedPraise = 0.5
    /// Sentence sums are squashed to −1…1 with tanh(sum / this).
    static let compoundScale = 3.5
    /// A text that is not about a product and whose sum stays below this floor plus this much per token reads as
    /// neutral: a headline or a chatty tweet with one mild word describes more than it judges.
    static let weakCueFloor = 0.3
    static let weakCuePerToken = 0.02

    init(tables: ScoringTables) {
        self.tables = tables
    }

    /// Loads the shipped lexicons and the user's overlays (the text of each `term<TAB>valence` file), later ones winning.
    /// - Throws: `SentimentLexiconError` for an overlay line that is not `term<TAB>valence`.
    public init(lexicons: LexiconStore = .shipped, overlays: [String] = []) throws {
        tables = ScoringTables(try SentimentLexicons(store: lexicons, overlays: overlays))
    }

    /// Languages with a sentiment lexicon, sorted.
    public var languages: [String] { lexicons.languages.keys.sorted() }

    /// The score of `text`, its sentences and every token's contribution.
    public func score(_ text: AnalyzedText) -> SentimentResult {
        var run = ScoringRun(tables: tables, explain: true)
        return run.result(text)
    }

    /// The record and sentence scores: the same numbers as `score(_:)` without building an explanation.
    public func scoreWithoutExplanation(_ text: AnalyzedText) -> SentimentResult {
        var run = ScoringRun(tables: tables, explain: false)
        return run.result(text)
    }

    /// The record score alone: the same numbers as `score(_:)` without building an explanation.
    public func compoundScore(_ text: AnalyzedText) -> SentimentScore {
        var run = ScoringRun(tables: tables, explain: false)
        return run.recordScore(text)
    }

    /// The record score alone, reusing `scratch`'s storage and its memo of resolved words from the texts before:
    /// the same numbers as `compoundScore(_:)`, for a thread that scores many texts.
    public func compoundScore(_ text: AnalyzedText, reusing scratch: inout SentimentScratch) -> SentimentScore {
        scratch.prepare(for: tables)
        return scratch.run!.recordScore(text)
    }

    /// The record score of a text given as UTF-8 bytes, analyzed by `analyzer` into `analyzed` (whose storage is
    /// reused; it is left holding the analysis, its `text` empty unless the bytes were not valid UTF-8): the same
    /// numbers as `compoundScore(_:reusing:)` of `analyzer.analyze(String(decoding: bytes, as: UTF8.self), …)`, for a
    /// thread that scores lines as it reads them. Valid UTF-8 is analyzed and scored where it lies, with no String;
    /// `isValid` says the caller checked it already (`isValidUTF8`).
    public func compoundScore(utf8 bytes: UnsafeBufferPointer<UInt8>, isValid: Bool = false, analyzer: TextAnalyzerWorker,
                              languageHint: String?, analyzed: inout AnalyzedText,
                              reusing scratch: inout SentimentScratch) -> SentimentScore {
        guard isValid || isValidUTF8(UnsafeRawBufferPointer(bytes)) else {
            // Repaired as the String does it: each invalid sequence becomes U+FFFD.
            analyzer.analyze(String(decoding: bytes, as: UTF8.self), languageHint: languageHint, into: &analyzed)
            return compoundScore(analyzed, reusing: &scratch)
        }
        analyzer.analyze(validUTF8: bytes, languageHint: languageHint, into: &analyzed)
        scratch.prepare(for: tables)
        // The run read through the optional's memory: `run!` read the optional's tag through an outlined call on every
        // text (~12 instructions). Safe: `prepare` leaves the run not nil, and an optional of a type with spare bit
        // patterns (the run's unowned(unsafe) first field has them) holds a value as the value itself
        // (the sizes agree, checked here and by `SentimentScratchTests`: constants, so the check folds away, and a
        // layout with a tag of its own would take `run!`).
        guard MemoryLayout<ScoringRun?>.size == MemoryLayout<ScoringRun>.size else { return scratch.run!.recordScore(analyzed, bytes: bytes) }
        return withUnsafeMutablePointer(to: &scratch.run) { optional in
            UnsafeMutableRawPointer(optional).assumingMemoryBound(to: ScoringRun.self).pointee.recordScore(analyzed, bytes: bytes)
        }
    }

    /// The record and sentence scores, reusing `scratch` likewise: the same numbers as `scoreWithoutExplanation(_:)`.
    public func scoreWithoutExplanation(_ text: AnalyzedText, reusing scratch: inout SentimentScratch) -> SentimentResult {
        scratch.prepare(for: tables)
        return scratch.run!.result(text)
    }

    /// Whether a text has too few words for its identified language to be trusted.
    static func isShort(_ text: AnalyzedText) -> Bool {
        text.tokens.withUnsafeBufferPointer { tokens in
            var words = 0
            for k in tokens.indices where tokens[k].kind == .word {
                words += 1
                if words > shortTextWords { return false }
            }
            return true
        }
    }

    /// The lexicon for a text's language, nil for a language sift has no lexicon for. Text whose language was not
    /// determined gets the lexicon language with the most stopwords in it, English on a tie.
    func lexicon(for text: AnalyzedText) -> (language: String, lexicon: LexiconLookup)? {
        if let lexicon = tables.lookup(text.language) { return (text.language, lexicon) }
        // Short and code-mixed reviews ("app bahut slow hai", "Gud app") are where language identification is least
        // sure; a guess below this confidence, or about a text of a few words, is scored with the lexicon its
        // stopwords point to, as undetermined text is. A language the caller named (confidence 1) is trusted.
        guard text.language == "und" || text.languageConfidence < SentimentScorer.trustedLanguageConfidence
                || (text.languageConfidence < 1 && Self.isShort(text)) else { return nil }
        var best = "en", bestCount = 0
        for (code, words) in tables.stopwords {
            var count = 0
            text.tokens.withUnsafeBufferPointer { tokens in
                for k in tokens.indices where tokens[k].kind == .word && words.contains(tokens[k].folded, hash: tokens[k].foldedHash) { count += 1 }
            }
            if count > bestCount || (count == bestCount && code == "en") { best = code; bestCount = count }
        }
        return tables.lookup(best).map { (best, $0) } ?? tables.english.map { ("en", $0) }
    }
}

/// One scored unit of a sentence: a word, an expression matched as a whole, an emoji or a clause break.
struct ScoredUnit {
    enum Role {
        case word, booster, contrast(ContrastSide), clauseBreak, other

        /// Whether the role is `.word`, as a plain test (the scorer's hot loop tells words first).
        var isWord: Bool {
            if case .word = self { return true }
            return false
        }
    }
    var tokens: Range<Int>
    var role: Role
    var base: Double = 0
    var valence: Double = 0
    var boosterScalar: Double = 0
}

/// Plain values (the units of the sentence being scored, the sentences' sums) in storage a run keeps from text to
/// text: appends and writes go straight to memory, without an array's uniqueness and capacity checks on each, and
/// emptying is one store (an array's `removeAll(keepingCapacity:)` was a generic call of ~80 instructions).
struct PlainBuffer<Element>: RandomAccessCollection {
    final class Storage {
        let base: UnsafeMutablePointer<Element>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    private var storage = Storage(capacity: 32)
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0

    init() { base = storage.base }

    typealias Indices = Range<Int>
    var startIndex: Int { 0 }
    var endIndex: Int { count }
    var indices: Range<Int> { 0..<count }

    subscript(position: Int) -> Element {
        get { base[position] }
        nonmutating set { base[position] = newValue }
    }

    // Inlined, growing out of line: the sentence sums' appends and the three reservations of every text were calls.
    @inline(__always)
    mutating func append(_ element: Element) {
        if count == storage.capacity { grow(to: count * 2) }
        (base + count).initialize(to: element)
        count &+= 1
    }

    /// Appends where `reserveCapacity` already made room: without the capacity test of `append`.
    // For the units and their indices, whose room `score` reserves for each text (a sentence never has more units
    // than the text has tokens); the assertion checks it in debug builds.
    @inline(__always)
    mutating func appendReserved(_ element: Element) {
        assert(count < storage.capacity, "appendReserved past the reserved room")
        (base + count).initialize(to: element)
        count &+= 1
    }

    /// Empties the buffer; its storage is always kept.
    mutating func removeAll(keepingCapacity: Bool = true) { count = 0 }

    @inline(__always)
    mutating func reserveCapacity(_ capacity: Int) {
        if capacity > storage.capacity { grow(to: capacity) }
    }

    @inline(never)
    private mutating func grow(to capacity: Int) {
        let larger = Storage(capacity: capacity)
        larger.base.moveInitialize(from: base, count: count)
        storage = larger
        base = larger.base
    }

    /// Empties the buffer, giving it storage of its own when a copy (of a copied `SentimentScratch`) shares it.
    mutating func makeUniqueAndEmpty() {
        count = 0
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(capacity: storage.capacity)
            base = storage.base
        }
    }
}

/// The rule marks of each token of the text being scored, in storage a run keeps from text to text and frees with it.
// Marks alone, not each token's whole `TokenFacts`: the rules after `buildUnits` read nothing else, and storing the
// 32 bytes of facts was ~6 instructions a token more.
final class TokenMarkStorage {
    private(set) var base: UnsafeMutablePointer<TokenFacts.Marks>
    private(set) var capacity: Int

    init() {
        capacity = 64
        base = .allocate(capacity: capacity)
    }

    /// Room for `count` tokens' marks; earlier contents are not kept.
    // Inlined, growing out of line: a call of the whole method retained and released the storage on every text.
    @inline(__always)
    func reserve(_ count: Int) -> UnsafeMutablePointer<TokenFacts.Marks> {
        if count > capacity { grow(count) }
        return base
    }

    @inline(never)
    private func grow(_ count: Int) {
        base.deallocate()
        capacity = max(count, capacity * 2)
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
}

/// The state of scoring one text at a time. A thread that scores many texts keeps one run in its `SentimentScratch`
/// and reuses it: while a text is scored the run borrows the text's tokens, bytes and sentences through buffer
/// pointers and the scorer's tables without retaining them, so a text costs no copy of `AnalyzedText`, no
/// reference counting for the run and no destruction of it.
struct ScoringRun {
    unowned(unsafe) let tables: ScoringTables
    /// `tables.ruleWords`, held by the run: read per token without retaining the table.
    let ruleWords: WordTable<UInt16>
    /// `tables.emoji` and `tables.emoticons`, held by the run likewise: read through the tables, each emoji retained
    /// and released the table's two arrays (~25 instructions).
    let emoji: WordTable<Double>
    let emoticons: WordTable<Double>
    /// `tables.asciiMarks`' strings and facts, valid while the tables are.
    let asciiMarks: UnsafePointer<String>
    let asciiMarkFacts: UnsafePointer<TokenFacts>
    /// The expressions of the English lexicon (empty without one) and of the multilingual list, which a memo word's
    /// candidates index; valid while the tables are, whose lookups hold the arrays and never change them.
    // Read through pointers: reading a lookup's array from `matchMemoPhrase` retained the lookup and the array.
    let englishPhrases: UnsafeBufferPointer<LexiconPhrase>
    let multilingualPhrases: UnsafeBufferPointer<LexiconPhrase>
    let explain: Bool
    /// `powersOfTwoInThirtySeconds`' storage: a static array, never freed or changed (read through `squash` without a
    /// `swift_once` and a bounds check).
    let powersOfTwo: UnsafePointer<Double>
    /// Only the record score is wanted (`recordScore`): sentence scores are not built.
    // Set by the two entry points, not by their callers: setting it on a scratch's optional run read the optional's
    // tag once more on every text.
    var recordOnly = false
    /// The text's tokens, UTF-8 bytes and sentence ranges, valid while a text is scored (`bind`).
    var tokens = UnsafeBufferPointer<Token>(start: nil, count: 0)
    var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var sentences = UnsafeBufferPointer<Range<Int>>(start: nil, count: 0)
    /// Each token's rule marks (`TokenFacts.marks`), filled by `buildUnits` sentence by sentence.
    var marks: UnsafeMutablePointer<TokenFacts.Marks>
    var markStorage = TokenMarkStorage()
    /// `markStorage`'s capacity, held by the run: asking the storage on every text retained and released it.
    var markCapacity = 0
    /// `AnalyzedText.wordSpace` of the text being scored.
    var wordSpace = 0
    /// Hindi and Urdu negate the word before the negator.
    var negatesBackward = false
    /// The language of the last text whose lexicon was its own language's, that lexicon and whether it is English:
    /// the texts of a stream mostly share a language, and the next one in it skips the search and its retains.
    var lastLanguage: String?
    var lastLanguageLexicon: Unmanaged<LexiconLookup>?
    var lastLanguageIsEnglish = false
    var lastLanguageNegatesBackward = false
    /// Plain values only, so appending and clearing them retains nothing; their explanations are in `unitRules`.
    var units = PlainBuffer<ScoredUnit>()
    /// The indices of the sentence's word units that `applyModifiers` may change: those with a valence or whose first
    /// token is negated; and of its emoji and emoticons with a valence. Most words have neither, and their units are
    /// not visited; a unit not listed here has a valence of 0 when the sentence is summed.
    var modifiableUnits = PlainBuffer<Int>()
    /// How many of the sentence's units are boosters, contrast words or clause breaks (those its sum does not count).
    var sentenceUnscoredUnits = 0
    /// Whether a word unit of the sentence is a booster that has a valence of its own ("super", "pretty").
    var sentenceHasValencedBooster = false
    /// Whether the sentence has a booster or dampener unit: a word with a valence looks back for one only then.
    var sentenceHasBooster = false
    /// The union of the flags of the tokens of the sentence's word units listed in `modifiableUnits`, for
    /// `modifiersMayApply`.
    // Gathered as the units are listed: a pass over the listed units before the call was ~28 instructions a sentence.
    var sentenceModifiableFlags: Token.Flags = []
    /// Whether the sentence being scored has an expression of several words with a valence.
    var sentenceHasExpression = false
    /// Whether the sentence being scored has a contrast word ("but", "although").
    var sentenceHasContrast = false
    /// The marks of every token of the sentence being scored: a rule whose word is not marked here has nothing to
    /// do in the sentence.
    var sentenceMarks: TokenFacts.Marks = []
    /// The marks of every token of the sentences scored so far in the text.
    var textMarks: TokenFacts.Marks = []
    /// The rules that changed each unit's valence, by unit index; filled only when explaining.
    var unitRules: [[String]] = []
    var contributions: [SentimentContribution] = []
    var notes: [String] = []
    var lexicon: LexiconLookup? { lentLexicon?.takeUnretainedValue() }
    /// The English lexicon when the text is scored with another one (or none), for the English words in it. Set with
    /// `lexiconKey`, as `memoPhrases` is: both follow from the lexicon alone.
    var englishLookup: LexiconLookup? { lentEnglishLookup?.takeUnretainedValue() }
    // `lexicon` and `englishLookup` held unretained (the tables own the lookups), and lent so to `resolve`: loaded
    // from unowned(unsafe) fields to be lent, each was retained and released for every new word.
    var lentLexicon: Unmanaged<LexiconLookup>?
    var lentEnglishLookup: Unmanaged<LexiconLookup>?
    /// Whether any token of the sentence being scored is "only": the only-complaint rule looks for nothing else in
    /// sentences without it.
    var sentenceHasOnly: Bool { sentenceMarks.contains(.only) }
    /// Whether the text has a "!" or "?": most have neither, and their sentences are not searched for them.
    var textHasMarks = true
    /// The thread's memo of resolved words against the lexicon of the text being scored, for runs without
    /// explanations kept in a `SentimentScratch`; `ScorerWordMemo.unused` in other runs.
    var wordMemo: ScorerWordMemo
    /// Whether `wordMemo` is used: the run's own (kept in a `SentimentScratch`), in a run without explanations (the
    /// memo holds resolutions without the stems' terms explanations name).
    let useWordMemo: Bool
    /// The lexicon (its `memoKey`) whose failure verbs `failures` holds and, in a run with a memo, which `wordMemo`
    /// resolves against: the two change together, on one test a text.
    var lexiconKey: UInt = 0
    /// The text's lexicon as a number for the word memos (`lexiconKey`), 0 for none (the multilingual list alone).
    // A plain number: comparing two optional identifiers on every text was twice the instructions.
    var memoKey: UInt { UInt(bitPattern: lentLexicon?.toOpaque()) }
    /// The memos of the other lexicons met, each kept while another is `wordMemo`.
    // Words of a text with another lexicon than English were resolved afresh, ~690 instructions each (four probes of
    // the lexicons, the stem's, retains of the lookups): a tenth of a warm review's instructions on gp.txt.
    var parkedWordMemos: [(lexicon: UInt, memo: ScorerWordMemo)] = []
    /// The failure verbs of the text's lexicon (`LexiconLookup.failures`; empty without a lexicon), held by the run
    /// and replaced when the lexicon changes (`lexiconKey`).
    // Probed through the lexicon, each negated word retained and released it (~20 instructions).
    var failures: WordTable<Double>
    /// The memo's expression candidates are matched (`matchMemoPhrase`): in English-lexicon runs of the memo only.
    // Another lexicon's words may start expressions of the multilingual list or of English (`matchWordPhrase`).
    var memoPhrases: Bool
    /// Each sentence's sum and weight; storage reused from text to text.
    /// Each sentence's sum and weight, and its UTF-8 range unless the run is `recordOnly`; storage reused from text
    /// to text (a separate array of ranges was released on every text).
    var sentenceScores = PlainBuffer<(sum: Double, weight: Double, range: Range<Int>)>()
    /// The sentences' scores of the text being scored, unless the run is `recordOnly`; `result` takes them.
    // A field, not an array `score` fills in its caller's frame: that empty array was released on every text.
    var sentenceResults: [SentenceSentiment] = []

    init(tables: ScoringTables, explain: Bool, wordMemo: ScorerWordMemo? = nil) {
        self.tables = tables
        ruleWords = tables.ruleWords
        emoji = tables.emoji
        emoticons = tables.emoticons
        asciiMarks = UnsafePointer(tables.asciiMarks.marks)
        asciiMarkFacts = UnsafePointer(tables.asciiMarks.facts)
        englishPhrases = tables.english?.phrases.withUnsafeBufferPointer { $0 } ?? UnsafeBufferPointer(start: nil, count: 0)
        multilingualPhrases = tables.multilingual.phrases.withUnsafeBufferPointer { $0 }
        self.explain = explain
        powersOfTwo = Self.powersOfTwoInThirtySeconds.withUnsafeBufferPointer { $0.baseAddress! }
        // A run that does not use a memo holds the unused one, which has no slots: `buildUnits` asks the memo first
        // without testing `useWordMemo`.
        useWordMemo = wordMemo != nil && !explain
        self.wordMemo = useWordMemo ? wordMemo! : .unused
        // The English lexicon's, as after an English text.
        lexiconKey = UInt(bitPattern: tables.english.map { Unmanaged.passUnretained($0).toOpaque() })
        failures = tables.english?.failures ?? WordTable()
        memoPhrases = useWordMemo && tables.english != nil
        marks = markStorage.base
        markCapacity = markStorage.capacity
    }

    /// Calls `body` with the text's tokens, bytes and sentences bound to the run, and unbinds them after; `textBytes`,
    /// when given, are the text's bytes in place of `text.text`'s.
    @inline(__always)
    mutating func bound<R>(_ text: AnalyzedText, bytes textBytes: UnsafeBufferPointer<UInt8>? = nil,
                           _ body: (inout ScoringRun) -> R) -> R {
        text.tokens.withUnsafeBufferPointer { tokens in
            Self.withUTF8(text.text, or: textBytes) { bytes in
                text.sentences.withUnsafeBufferPointer { sentences in
                    self.tokens = tokens
                    self.bytes = bytes
                    self.sentences = sentences
                    // A copied scratch shares the storage: the copy gets its own before writing. The mark storage
                    // answers for all four: they are copied together, and replaced together here (a buffer that grows
                    // gets storage no copy has), so when it is unique so are the others (three more checks were ~70
                    // instructions a text).
                    if isKnownUniquelyReferenced(&markStorage) {
                        units.removeAll()
                        modifiableUnits.removeAll()
                        sentenceScores.removeAll()
                    } else {
                        markStorage = TokenMarkStorage()
                        markCapacity = 0
                        units.makeUniqueAndEmpty()
                        modifiableUnits.makeUniqueAndEmpty()
                        sentenceScores.makeUniqueAndEmpty()
                    }
                    if tokens.count > markCapacity {
                        marks = markStorage.reserve(tokens.count)
                        markCapacity = markStorage.capacity
                    }
                    wordSpace = text.wordSpace
                    let result = body(&self)
                    self.tokens = UnsafeBufferPointer(start: nil, count: 0)
                    self.bytes = UnsafeBufferPointer(start: nil, count: 0)
                    self.sentences = UnsafeBufferPointer(start: nil, count: 0)
                    return result
                }
            }
        }
    }

    /// `body` with `bytes` when given, else with the string's UTF-8 bytes, made contiguous first if they are not.
    @inline(__always)
    static func withUTF8<R>(_ string: String, or bytes: UnsafeBufferPointer<UInt8>?, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let bytes { return body(bytes) }
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = string
        return copy.withUTF8(body)
    }

    /// The score of `text`, its sentences, contributions and notes.
    mutating func result(_ text: AnalyzedText) -> SentimentResult {
        recordOnly = false
        contributions.removeAll()
        notes.removeAll()
        return bound(text) { run in
            let score = run.score(text)
            let sentences = run.sentenceResults
            run.sentenceResults = []
            return SentimentResult(score: score, sentences: sentences, contributions: run.contributions, notes: run.notes)
        }
    }

    /// The record score of `text` alone: no `SentimentResult` is built or destroyed. `bytes`, when given, are the
    /// text's bytes in place of `text.text`'s.
    mutating func recordScore(_ text: AnalyzedText, bytes: UnsafeBufferPointer<UInt8>? = nil) -> SentimentScore {
        recordOnly = true
        return bound(text, bytes: bytes) { run in run.score(text) }
    }

    /// The record score; the sentences' scores go into `sentenceResults` unless the run is `recordOnly`.
    mutating func score(_ text: AnalyzedText) -> SentimentScore {
        let lexiconIsEnglish: Bool
        // The lexicon goes from one unowned field to the other: a local reference to it was retained and released
        // on every text.
        // `lastLanguage` and `lastLanguageLexicon` are set together, so a match means a lexicon (testing the unowned
        // field for nil retained and released it).
        if !explain, text.language == lastLanguage {
            // A language with a lexicon of its own is scored with it whatever else the text holds (`lexicon(for:)`).
            lentLexicon = lastLanguageLexicon
            lexiconIsEnglish = lastLanguageIsEnglish
            negatesBackward = lastLanguageNegatesBackward
        } else {
            negatesBackward = text.language == "hi" || text.language == "ur"
            let chosen = SentimentScorer(tables: tables).lexicon(for: text)
            lentLexicon = chosen.map { Unmanaged.passUnretained($0.lexicon) }
            lexiconIsEnglish = chosen?.language == "en"
            if let chosen, chosen.language == text.language {
                lastLanguage = text.language
                lastLanguageLexicon = lentLexicon
                lastLanguageIsEnglish = lexiconIsEnglish
                lastLanguageNegatesBackward = negatesBackward
            }
            if let chosen, chosen.language != text.language, text.language != "und" || chosen.language != "en", explain {
                notes.append("language '\(text.language)' not certain; scored with the '\(chosen.language)' lexicon")
            }
            if self.lexicon == nil, explain {
                notes.append("no sentiment lexicon for language '\(text.language)'; scored only emoji, emoticons and the multilingual word list")
            }
        }
        // What follows from the lexicon alone, set when it changes: set on every text, it was ~12 instructions.
        let memoKey = self.memoKey
        if memoKey != lexiconKey {
            lentEnglishLookup = lexiconIsEnglish ? nil : tables.english.map(Unmanaged.passUnretained)
            memoPhrases = useWordMemo && lexiconIsEnglish
            failures = lexicon?.failures ?? WordTable()
            if useWordMemo { switchWordMemo(to: memoKey) }
            lexiconKey = memoKey
        }
        textMarks = []
        textHasMarks = bytes.baseAddress.map { base in
            memchr(base, Int32(UInt8(ascii: "!")), bytes.count) != nil || memchr(base, Int32(UInt8(ascii: "?")), bytes.count) != nil
        } ?? false
        let tokens = tokens
        units.reserveCapacity(tokens.count)
        modifiableUnits.reserveCapacity(tokens.count)
        // Each sentence's sum and weight in one array, sized once (`bound` emptied it): two arrays grown from empty
        // were a few allocations per record.
        sentenceScores.reserveCapacity(self.sentences.count)
        var positive = 0.0, negative = 0.0, neutral = 0.0
        var total = 0.0
        var start = 0
        while start < tokens.count {
            let sentence = tokens[start].sentence
            // Four tokens a step while four remain: most of a text is one sentence, and a step per token was ~7
            // instructions a token.
            var end = start &+ 1
            while end &+ 4 <= tokens.count, tokens[end].sentence == sentence, tokens[end &+ 1].sentence == sentence,
                  tokens[end &+ 2].sentence == sentence, tokens[end &+ 3].sentence == sentence { end &+= 4 }
            while end < tokens.count, tokens[end].sentence == sentence { end &+= 1 }
            let firstContribution = contributions.count
            var sum = scoreSentence(start..<end, positive: &positive, negative: &negative, neutral: &neutral)
            textMarks.formUnion(sentenceMarks)
            if sum != 0, textHasMarks { sum += emphasis(sentenceBytes(start..<end), sum: sum, sentence: sentence) }
            // A sentence opening with "But"/"However" makes the sentences before it a concession.
            var weight = 1.0
            if sentenceHasContrast, let first = units.first(where: { if case .word = $0.role { return false }; if case .other = $0.role { return false }; return true }),
               case .contrast(.after) = first.role, first.tokens.lowerBound == start || units.first?.tokens == first.tokens, !sentenceScores.isEmpty {
                for i in sentenceScores.indices { sentenceScores[i].weight *= SentimentScorer.concededClause }
                weight = SentimentScorer.verdictClause
                if explain {
                    for i in contributions.indices where i < firstContribution { contributions[i].rules.append("earlier sentence conceded by '\(word(first))' (weighs less)") }
                }
            } else if sum < 0, !sentenceScores.isEmpty, !sentenceMarks.isDisjoint(with: [.presentState, .stateChangeOpener]),
                      let opener = Self.presentStateOpener(start..<end, tokens: tokens, marks: marks) {
                // "Loved this app. Now it keeps crashing.", "Since the update it won't open.": a complaint about how
                // the app is now makes the praise before it praise of how it was.
                for i in sentenceScores.indices { sentenceScores[i].weight *= SentimentScorer.concededClause }
                weight = SentimentScorer.verdictClause
                if explain {
                    for i in contributions.indices where i < firstContribution { contributions[i].rules.append("earlier sentence conceded by '\(opener)' (weighs less)") }
                }
            }
            // A text of one sentence, most texts: its weighted sum is the record's total, and `sentenceScores` need
            // not keep it (appending it and summing the array were ~20 instructions).
            if recordOnly, end == tokens.count, sentenceScores.isEmpty {
                total += sum * weight
                break
            }
            sentenceScores.append((sum, weight, recordOnly ? 0..<0 : sentenceRange(start..<end, index: sentence)))
            start = end
        }
        for i in sentenceScores.indices { total += sentenceScores[i].sum * sentenceScores[i].weight }
        // "Good app but the ads are annoying. 4 stars.": a rating the writer states is their verdict on the whole.
        if textMarks.contains(.ratingNoun), let stated = Self.statedRating(tokens: tokens, marks: marks) {
            let verdict = stated >= 4 ? Self.statedRatingVerdict : -Self.statedRatingVerdict
            if verdict > 0 ? total < verdict : total > verdict {
                total = verdict
                if explain { notes.append("the text states a rating of \(stated) stars: the record's score follows it") }
            }
        }
        // All tokens bound the count of non-punctuation ones: most records are decided without counting.
        if total != 0, abs(total) < SentimentScorer.weakCueFloor + SentimentScorer.weakCuePerToken * Double(tokens.count),
           abs(total) < SentimentScorer.weakCueFloor + SentimentScorer.weakCuePerToken * Double(Self.contentTokenCount(tokens)),
           !Self.mentionsProduct(tokens, words: lexicon?.productWords) {
            total = 0
            if explain { notes.append("only weak cues for its length in a text that names no product: read as neutral") }
        }
        if !recordOnly {
            sentenceResults.reserveCapacity(sentenceScores.count)
            for i in sentenceScores.indices {
                let sum = sentenceScores[i].sum
                sentenceResults.append(SentenceSentiment(utf8Range: sentenceScores[i].range, score: shares(compound: Self.squash(sum, powersOfTwo: powersOfTwo), positive: max(0, sum), negative: max(0, -sum), neutral: 0)))
            }
        }
        return shares(compound: Self.squash(total, powersOfTwo: powersOfTwo), positive: positive, negative: negative, neutral: neutral)
    }

    /// Makes `wordMemo` the memo of the lexicon `key` names (a new one the first time), parking the one it was, of
    /// `lexiconKey` (which the caller then sets to `key`).
    // Out of line: the texts of a stream mostly share a lexicon.
    @inline(never)
    mutating func switchWordMemo(to key: UInt) {
        if let k = parkedWordMemos.firstIndex(where: { $0.lexicon == key }) {
            swap(&wordMemo, &parkedWordMemos[k].memo)
            parkedWordMemos[k].lexicon = lexiconKey
        } else {
            parkedWordMemos.append((lexiconKey, wordMemo))
            wordMemo = ScorerWordMemo(capacity: ScorerWordMemo.otherLexiconCapacity, idCapacity: 0,
                                      entryCapacity: ScorerWordMemo.otherLexiconEntryCapacity)
        }
    }

    /// The facts of token `i` (`TokenFacts`): a word's from the thread's memo when it is used (resolved and
    /// remembered on a first sighting), else resolved here; other tokens' rule marks and clause breaks.
    @inline(__always)
    mutating func tokenFacts(_ i: Int) -> TokenFacts {
        switch tokens[i].kind {
        case .word, .hashtag: memoFacts(i)
        case .punctuation: Self.markFacts(i, tokens: tokens, bytes: bytes, asciiMarks: asciiMarks, asciiMarkFacts: asciiMarkFacts, ruleWords: ruleWords)
        default: Self.otherFacts(i, tokens: tokens, ruleWords: ruleWords)
        }
    }

    /// Fills `marks` for the tokens in `range` (those inside an expression matched as a whole); returns their union.
    @inline(never)
    mutating func resolveFacts(_ range: Range<Int>) -> TokenFacts.Marks {
        var union: TokenFacts.Marks = []
        for i in range {
            let fact = tokenFacts(i)
            union.formUnion(fact.marks)
            (marks + i).initialize(to: fact.marks)
        }
        return union
    }

    /// A punctuation token's facts: its rule marks and whether it ends a clause.
    // Static, over the caller's buffers: a method called from the mutating `buildUnits` would copy the run.
    @inline(__always)
    static func markFacts(_ i: Int, tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, asciiMarks: UnsafePointer<String>,
                          asciiMarkFacts: UnsafePointer<TokenFacts>, ruleWords: WordTable<UInt16>) -> TokenFacts {
        if let fact = oneByteMarkFacts(i, tokens: tokens, bytes: bytes, asciiMarks: asciiMarks, asciiMarkFacts: asciiMarkFacts) { return fact }
        var fact = otherFacts(i, tokens: tokens, ruleWords: ruleWords)
        if breaksClause(tokens[i].folded) { fact.role = .clauseBreak }
        return fact
    }

    /// The facts of punctuation token `i` when it is one ASCII mark, most punctuation, by its byte: its facts were made
    /// with the tables.
    @inline(__always)
    static func oneByteMarkFacts(_ i: Int, tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>,
                                 asciiMarks: UnsafePointer<String>, asciiMarkFacts: UnsafePointer<TokenFacts>) -> TokenFacts? {
        let range = tokens[i].utf8Range
        guard range.upperBound &- range.lowerBound == 1, range.lowerBound < bytes.count, case let byte = Int(bytes[range.lowerBound]),
              byte < 0x80, tokens[i].folded == asciiMarks[byte] else { return nil }
        return asciiMarkFacts[byte]
    }

    /// The facts of a token that is neither a word nor a mark: its rule marks alone.
    @inline(__always)
    static func otherFacts(_ i: Int, tokens: UnsafeBufferPointer<Token>, ruleWords: WordTable<UInt16>) -> TokenFacts {
        var fact = TokenFacts()
        fact.marks = ScoringTables.ruleMarks(ruleWords, tokens[i].folded, hash: tokens[i].foldedHash)
        return fact
    }

    /// A word's facts from the thread's memo for the text's lexicon, by the analyzer's word id when it has one (in the
    /// English memo) and else by folded form and stem; resolved and remembered when the memo has neither. In a run
    /// without the memo (`useWordMemo` false), resolved afresh.
    @inline(__always)
    mutating func memoFacts(_ i: Int) -> TokenFacts {
        let id = tokens[i].wordID
        // `find` misses a word without an id (-1) and a text without a space (0) itself: tested here first, they were
        // ~5 instructions a word. A run without the memo holds the unused one, which has no slots: asked first, it
        // spares the words found in it the test of `useWordMemo` (2 instructions a word).
        if let known = wordMemo.find(id: id, space: wordSpace) { return known }
        guard useWordMemo else { return wordFacts(i) }
        // Only the English memo keeps slots by id: the ids run to the English vocabulary's size, and another
        // lexicon's memo grew slots for all of them for its few words (1.8 M instructions more on gp.txt).
        return rememberFacts(i, byID: id >= 0 && wordSpace != 0 && memoPhrases)
    }

    /// A word's facts resolved afresh, without the memo.
    // Out of line: the lexicon references are copied (retained) only here, not in the memo's loop. Mutating though it
    // changes nothing: called from the mutating `buildUnits`, a non-mutating method copied the whole run each call.
    @inline(never)
    mutating func wordFacts(_ i: Int) -> TokenFacts {
        let tokens = tokens
        let resolved = Self.resolve(i, tokens: tokens, folded: tokens[i].folded, stem: tokens[i].stem, lexicon: lentLexicon,
                                    fallback: Unmanaged.passUnretained(tables.multilingual), englishLookup: lentEnglishLookup)
        return TokenFacts(resolved, fromFallback: resolved.activeIsNotTexts,
                          ruleMarks: ScoringTables.ruleMarks(ruleWords, tokens[i].folded, hash: tokens[i].foldedHash))
    }

    /// `memoFacts` for a word whose id the memo does not know yet.
    // The token's fields are read in place: a copy of the token retained and released its two strings.
    @inline(never)
    mutating func rememberFacts(_ i: Int, byID: Bool) -> TokenFacts {
        let tokens = tokens
        let place = wordMemo.place(folded: tokens[i].folded, foldedHash: tokens[i].foldedHash, stem: tokens[i].stem, stemHash: tokens[i].stemHash)
        if case let .resolved(k) = place {
            if byID { wordMemo.remember(id: tokens[i].wordID, space: wordSpace, k) }
            return wordMemo.facts(k)
        }
        // The token's strings copied once, lent to `resolve` and moved into the memo: `resolve` copied them for its
        // probes and released them, and the memo took copies of its own.
        let folded = tokens[i].folded, stem = tokens[i].stem
        let resolved = Self.resolve(i, tokens: tokens, folded: folded, stem: stem, lexicon: lentLexicon,
                                    fallback: Unmanaged.passUnretained(tables.multilingual), englishLookup: lentEnglishLookup)
        var fact = TokenFacts(resolved, fromFallback: resolved.activeIsNotTexts,
                              ruleMarks: ScoringTables.ruleMarks(ruleWords, folded, hash: tokens[i].foldedHash))
        // Expression candidates for a word that starts some, none for most words and for another lexicon's memo,
        // which matches none (`memoPhrases`). Made where they are handed to the memo: an optional held across the
        // insert was released after it for every new word (a call of ~16 instructions, though nearly always nil).
        // A form kept with another stem keeps its first resolution: this one is not remembered.
        if memoPhrases, fact.marks.contains(.hasPhrases) {
            let phrases = resolved.entryLookup.phrases(ofEntry: resolved.entryIndex)
            fact.follows = TokenFacts.followFilter(phrases, in: resolved.active)
            if place == .absent {
                remember(i, folded: consume folded, stem: consume stem, facts: &fact,
                         phrases: PhraseCandidates(phrases, in: resolved.active), byID: byID)
            }
        } else if place == .absent {
            remember(i, folded: consume folded, stem: consume stem, facts: &fact, phrases: nil, byID: byID)
        }
        return fact
    }

    /// Adds token `i`'s new resolution `facts` (its strings `folded` and `stem`, taken) to the memo, with its
    /// expressions, and sets `facts.memoIndex`; by its word id too when `byID`.
    @inline(__always)
    private mutating func remember(_ i: Int, folded: consuming String, stem: consuming String, facts: inout TokenFacts,
                                   phrases: PhraseCandidates?, byID: Bool) {
        let k = wordMemo.insert(absent: folded, foldedHash: tokens[i].foldedHash, stem: stem, stemHash: tokens[i].stemHash,
                                facts: facts, phrases: phrases)
        facts.memoIndex = Int32(truncatingIfNeeded: k)
        if byID { wordMemo.remember(id: tokens[i].wordID, space: wordSpace, k) }
    }

    /// The star rating the text states as its own ("4 stars", "1 star because …", "5*"), when every rating it states
    /// agrees on a side of 3; nil for none, for 3, and for ratings that are wished for, past or someone else's ("would
    /// be 5 stars", "was 5 stars", "5 stars if you fix it", "the 5 star reviews").
    // This helper and the four below are static, over what they read: a method called from the mutating `score`
    // copied the whole run (408 bytes, ~64 instructions of `memcpy`) first.
    static func statedRating(tokens: UnsafeBufferPointer<Token>, marks: UnsafeMutablePointer<TokenFacts.Marks>) -> Int? {
        var found: Int?
        var k = 0
        while k + 1 < tokens.count {
            defer { k += 1 }
            // The noun first, by its mark: asked of every token, and almost every token fails it.
            guard marks[k + 1].contains(.ratingNoun),
                  tokens[k].kind == .number || tokens[k].kind == .word,
                  let stars = Self.ratingNumbers[tokens[k].folded] else { continue }
            if k + 2 < tokens.count, Self.ratingNotOwn.contains(tokens[k + 2].folded) { return nil }
            for j in max(0, k - 3)..<k where Self.ratingNotOwn.contains(tokens[j].folded) || tokens[j].flags.contains(.negator) { return nil }
            guard stars != 3 else { return nil }
            if let previous = found, (previous >= 4) != (stars >= 4) { return nil }
            found = stars
        }
        return found
    }
    static let ratingNumbers: [String: Int] = ["1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5]
    /// Words that make a rating beside them not the writer's own: wished for, past, on a condition, a comparison, or
    /// other people's.
    static let ratingNotOwn: Set<String> = [
        "would", "could", "should", "was", "were", "used", "going", "gonna", "wanted", "want", "deserve", "deserves",
        "if", "than", "minus", "from", "to", "reviews", "review", "ratings", "rating", "i'd", "id", "might", "until", "til",
        "till", "before", "the", "those", "these", "fake", "all",
    ]
    static let statedRatingVerdict = 1.2

    /// Whether the text names a product or service ("app", "update", "ads", "login"…): feedback always judges. Texts
    /// in a language without the word list count as feedback.
    static func mentionsProduct(_ tokens: UnsafeBufferPointer<Token>, words: WordSet?) -> Bool {
        guard let words else { return true }
        for k in tokens.indices where (tokens[k].kind == .word || tokens[k].kind == .hashtag)
            && (words.contains(tokens[k].folded, hash: tokens[k].foldedHash) || words.contains(tokens[k].stem, hash: tokens[k].stemHash)) {
            return true
        }
        return false
    }

    /// Tokens other than punctuation: the length a text's cues are weighed against.
    static func contentTokenCount(_ tokens: UnsafeBufferPointer<Token>) -> Int {
        var count = 0
        for k in tokens.indices where tokens[k].kind != .punctuation { count += 1 }
        return count
    }

    /// Words that open a sentence about the present state (`TokenFacts.Marks.presentState`).
    static let presentStateWords = ["now", "nowadays", "lately", "recently", "currently", "today"]
    /// Words that open one when an update follows (`TokenFacts.Marks.stateChangeOpener`): "since the update".
    static let stateChangeOpeners = ["since", "after", "ever"]

    /// The words opening a sentence about the app's present state ("Now", "Lately", "Since the update", "After the
    /// latest update"), or nil.
    static func presentStateOpener(_ range: Range<Int>, tokens: UnsafeBufferPointer<Token>,
                                   marks: UnsafeMutablePointer<TokenFacts.Marks>) -> String? {
        guard let first = range.first(where: { tokens[$0].kind == .word }) else { return nil }
        // Marks, not the word sets: most sentences open with neither kind of word.
        if marks[first].contains(.presentState) { return tokens[first].folded }
        guard marks[first].contains(.stateChangeOpener) else { return nil }
        for k in first + 1..<min(first + 5, range.upperBound) where tokens[k].folded.hasPrefix("updat") || tokens[k].folded.hasPrefix("upgrad") {
            return tokens[first...k].map(\.folded).joined(separator: " ")
        }
        return nil
    }

    static func squash(_ sum: Double, powersOfTwo: UnsafePointer<Double>) -> Double {
        Self.tanhInTenThousandths(sum / SentimentScorer.compoundScale, powersOfTwo: powersOfTwo)
    }

    /// `(tanh(y) * 10_000).rounded() / 10_000` (half away from zero), bit for bit, mostly without libm's `tanh`.
    ///
    /// glibc's `tanh` goes through `expm1` (~95 instructions a call); e = e^(−2|y|) by `expOfNegative` is ~30. Then
    /// (1 − e) / (1 + e) is |tanh(y)| to within ~1e-14 (e to ~1e-14 relative; the subtraction, the sum and the quotient
    /// each err by at most an ulp of 1), and `tanh` itself is within 2 ulps of it: the two values times 10,000 differ
    /// by less than 1e-9. So when the scaled value lies farther than 1e-8 from a whole number and a half, both round
    /// to the same whole number; nearer to it (about one value in 50 million), and outside 0 < |y| < 20, `tanh`
    /// decides. `ScoringRunArithmeticTests` compares the two on both sides of every rounding boundary.
    @inline(__always)
    static func tanhInTenThousandths(_ y: Double, powersOfTwo: UnsafePointer<Double>) -> Double {
        let magnitude = y.magnitude
        // tanh(±0) is ±0, kept as `roundedHalfAway` keeps it.
        if magnitude == 0 { return y }
        guard magnitude < 20 else { return tanhInTenThousandthsByLibm(y) }
        let e = expOfNegative(-2 * magnitude, powersOfTwo: powersOfTwo)
        let scaled = (1 - e) / (1 + e) * 10_000
        // The nearest whole number: 0 ≤ scaled ≤ 10,000, and adding 2^52 leaves no fraction (nor does taking it away).
        let nearest = (scaled + 0x1p52) - 0x1p52
        guard (scaled - nearest).magnitude < 0.5 - 1e-8 else { return tanhInTenThousandthsByLibm(y) }
        return Double(signOf: y, magnitudeOf: nearest) / 10_000
    }

    /// e^x for −40 < x < 0, to within ~1e-14 relative, for `tanhInTenThousandths`: x = (n/32)·ln 2 + r with
    /// |r| ≤ ln 2/64, e^x = 2^(n/32)·e^r, e^r by its Taylor polynomial to r^5 (the rest is below 3e-15), 2^(n/32) from
    /// `powersOfTwo` (`powersOfTwoInThirtySeconds`) and the exponent bits. ~30 instructions, no libm call.
    @inline(__always)
    static func expOfNegative(_ x: Double, powersOfTwo: UnsafePointer<Double>) -> Double {
        // Adding 1.5 · 2^52 rounds x · 32/ln 2 to a whole number n, left in the low bits of the sum (|n| < 2,000).
        let shifted = x * 0x1.71547652b82fep5 + 0x1.8p52
        let n = Int(Int32(truncatingIfNeeded: shifted.bitPattern))
        let r = x - (shifted - 0x1.8p52) * 0x1.62e42fefa39efp-6
        let er = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))))
        // n = 32·k + j with 0 ≤ j < 32; 2^k as exponent bits (−63 < k ≤ 0: a normal number).
        let twoToK = Double(bitPattern: UInt64(truncatingIfNeeded: 1023 + (n >> 5)) << 52)
        return powersOfTwo[n & 31] * twoToK * er
    }

    /// 2^(j/32) for j = 0…31, each within an ulp (of Python's `float.hex(2**(j/32))`).
    static let powersOfTwoInThirtySeconds: [Double] = [
        0x1.0000000000000p+0, 0x1.059b0d3158574p+0, 0x1.0b5586cf9890fp+0, 0x1.11301d0125b51p+0,
        0x1.172b83c7d517bp+0, 0x1.1d4873168b9aap+0, 0x1.2387a6e756238p+0, 0x1.29e9df51fdee1p+0,
        0x1.306fe0a31b715p+0, 0x1.371a7373aa9cbp+0, 0x1.3dea64c123422p+0, 0x1.44e086061892dp+0,
        0x1.4bfdad5362a27p+0, 0x1.5342b569d4f82p+0, 0x1.5ab07dd485429p+0, 0x1.6247eb03a5585p+0,
        0x1.6a09e667f3bcdp+0, 0x1.71f75e8ec5f74p+0, 0x1.7a11473eb0187p+0, 0x1.82589994cce13p+0,
        0x1.8ace5422aa0dbp+0, 0x1.93737b0cdc5e5p+0, 0x1.9c49182a3f090p+0, 0x1.a5503b23e255dp+0,
        0x1.ae89f995ad3adp+0, 0x1.b7f76f2fb5e47p+0, 0x1.c199bdd85529cp+0, 0x1.cb720dcef9069p+0,
        0x1.d5818dcfba487p+0, 0x1.dfc97337b9b5fp+0, 0x1.ea4afa2a490dap+0, 0x1.f50765b6e4540p+0,
    ]

    /// `tanhInTenThousandths` as written: libm's `tanh`, then the rounding.
    @inline(never)
    static func tanhInTenThousandthsByLibm(_ y: Double) -> Double {
        roundedHalfAway(tanh(y) * 10_000) / 10_000
    }

    func shares(compound: Double, positive: Double, negative: Double, neutral: Double) -> SentimentScore {
        let total = positive + negative + neutral
        guard total > 0 else { return SentimentScore(compound: compound, positive: 0, negative: 0, neutral: 1) }
        // Written out, not a local function: that was a call for each share. A share of (±)0 is that 0 itself, as
        // dividing, rounding and dividing would leave it: most texts lack one side, and its rounding is skipped.
        return SentimentScore(compound: compound, positive: positive == 0 ? positive : Self.roundedShare(positive / total * 1000) / 1000,
                              negative: negative == 0 ? negative : Self.roundedShare(negative / total * 1000) / 1000,
                              neutral: neutral == 0 ? neutral : Self.roundedShare(neutral / total * 1000) / 1000)
    }

    /// `roundedHalfAway(x)` for a share in thousandths, 0 < x ≤ 1,000 (anything else, NaN included, goes to
    /// `roundedHalfAway`): adding and taking away 2^52 leaves the nearest whole number (a tie to the even one), and
    /// only an exact half above it rounds up instead. ~6 instructions where the integer conversion and its range checks
    /// were ~20.
    @inline(__always)
    static func roundedShare(_ x: Double) -> Double {
        guard x > 0, x <= 1000 else { return roundedHalfAway(x) }
        let nearest = (x + 0x1p52) - 0x1p52
        return x - nearest == 0.5 ? nearest + 1 : nearest
    }

    /// `x.rounded()` (half away from zero) without libm's `round` (four calls a text), keeping the sign of `x` as
    /// `round` does (-0.0).
    @inline(__always)
    static func roundedHalfAway(_ x: Double) -> Double {
        guard let whole = x.roundedHalfAwayInteger else { return x.rounded() }
        return Double(signOf: x, magnitudeOf: Double(whole))
    }

    func sentenceRange(_ tokenRange: Range<Int>, index: Int) -> Range<Int> {
        if index < sentences.count { return sentences[index] }
        return tokens[tokenRange.lowerBound].utf8Range.lowerBound..<tokens[tokenRange.upperBound - 1].utf8Range.upperBound
    }

    func sentenceBytes(_ tokenRange: Range<Int>) -> Range<Int> {
        tokens[tokenRange.lowerBound].utf8Range.lowerBound..<tokens[tokenRange.upperBound - 1].utf8Range.upperBound
    }

    func word(_ unit: ScoredUnit) -> String {
        unit.tokens.map { tokens[$0].folded }.joined(separator: " ")
    }

    /// Whether `unit` is a single word with the rule mark `mark` ("least", "at"/"very"), without comparing strings.
    func isWord(_ unit: ScoredUnit, _ mark: TokenFacts.Marks) -> Bool {
        unit.tokens.count == 1 && marks[unit.tokens.lowerBound].contains(mark)
    }

    func original(_ unit: ScoredUnit) -> String {
        let first = tokens[unit.tokens.lowerBound].utf8Range.lowerBound
        let last = tokens[unit.tokens.upperBound - 1].utf8Range.upperBound
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
    }

    /// Forgets the rules recorded for unit `u`.
    // Out of line: inlined in `applyModifiers`, the rules array was made unique (a new empty array allocated) on
    // every call, explaining or not.
    @inline(never)
    mutating func forgetRules(_ u: Int) {
        unitRules[u].removeAll()
    }

    /// Records a rule that changed unit `u`'s valence, for the explanation.
    mutating func addRule(_ u: Int, _ rule: String) {
        while unitRules.count <= u { unitRules.append([]) }
        unitRules[u].append(rule)
    }

    /// `addRule` with the rule's text made here, out of line, for `applyModifiers`: it asks only when explaining, yet
    /// the long strings written in it were made on every call (the compiler hoisted them out of its loop).
    @inline(never)
    mutating func addModifierRule(_ u: Int, _ rule: @autoclosure () -> String) {
        addRule(u, rule())
    }

    /// "Is an MBA worth it?": praise in the clause a plain question asks about is not the writer's verdict and
    /// weighs half. Praise in a clause before it ("Great app, but can you add a widget?") and a complaint asked ("Why
    /// does it keep crashing?") keep their weight.
    mutating func weighAskedPraise(_ range: Range<Int>) {
        // The flag first: calling `asksOnly`, a non-mutating method, from here copied the run for every sentence.
        guard textHasMarks, Self.asksOnly(sentenceBytes(range), in: bytes) else { return }
        // The asked clause: the units after the last clause break or contrast word that has words after it.
        var end = units.count
        while end > 0, case .clauseBreak = units[end - 1].role { end -= 1 }
        var start = end
        scan: while start > 0 {
            switch units[start - 1].role {
            case .clauseBreak, .contrast: break scan
            default: start -= 1
            }
        }
        var asked = 0.0
        for u in start..<end {
            switch units[u].role {
            case .word, .other: asked += units[u].valence
            default: break
            }
        }
        guard asked > 0 else { return }
        for u in start..<end where units[u].valence != 0 {
            switch units[u].role {
            case .word, .other:
                units[u].valence *= SentimentScorer.askedPraise
                if explain { addRule(u, "praise in a question (weighs half)") }
            default: break
            }
        }
    }

    /// Whether the sentence of UTF-8 range `bytes` in `buffer` is a plain question: it ends in "?" and has no other
    /// "?" or "!".
    // Static: a method called from the mutating `weighAskedPraise` copied the run.
    static func asksOnly(_ bytes: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.upperBound <= buffer.count, bytes.upperBound > bytes.lowerBound,
              buffer[bytes.upperBound - 1] == UInt8(ascii: "?") else { return false }
        // One run of "?" at the end ("worth it?", "really??"), none before it, no "!".
        var runStart = bytes.upperBound - 1
        while runStart > bytes.lowerBound, buffer[runStart - 1] == UInt8(ascii: "?") { runStart -= 1 }
        for i in bytes.lowerBound..<runStart where buffer[i] == UInt8(ascii: "!") || buffer[i] == UInt8(ascii: "?") {
            return false
        }
        return true
    }

    /// "!" and "?" make a sentence's sentiment stronger in the direction it already has.
    mutating func emphasis(_ bytes: Range<Int>, sum: Double, sentence: Int) -> Double {
        guard sum != 0, textHasMarks else { return 0 }
        let buffer = self.bytes
        let end = min(bytes.upperBound, buffer.count)
        guard let base = buffer.baseAddress, bytes.lowerBound < end else { return 0 }
        let exclamations = Self.count(UInt8(ascii: "!"), in: base + bytes.lowerBound, length: end - bytes.lowerBound)
        let questions = Self.count(UInt8(ascii: "?"), in: base + bytes.lowerBound, length: end - bytes.lowerBound)
        var extra = Double(min(exclamations, 4)) * SentimentScorer.exclamationStep
        if questions > 1 { extra += Double(min(questions, 3)) * SentimentScorer.questionStep }
        guard extra > 0 else { return 0 }
        let signed = sum > 0 ? extra : -extra
        if explain {
            let marks = exclamations > 0 ? String(repeating: "!", count: min(exclamations, 4)) : String(repeating: "?", count: min(questions, 3))
            contributions.append(SentimentContribution(text: marks, sentence: sentence, base: 0, final: (signed * 100).rounded() / 100,
                                                       rules: ["punctuation emphasis: strengthens the sentence's \(sum > 0 ? "positive" : "negative") tone"]))
        }
        return signed
    }

    /// How many times `byte` occurs in the `length` bytes at `start`.
    // By `memchr`, a call per occurrence: sentences have few marks, and testing byte by byte was ~6 instructions a byte.
    static func count(_ byte: UInt8, in start: UnsafePointer<UInt8>, length: Int) -> Int {
        var count = 0
        var p = UnsafeRawPointer(start)
        let end = p + length
        while p < end, let hit = memchr(p, Int32(byte), end - p) {
            count += 1
            p = UnsafeRawPointer(hit) + 1
        }
        return count
    }

    /// Scores the tokens of one sentence; adds its word weights to the record's positive/negative/neutral totals.
    // Inlined in `score`, its one caller: the call's set-up, its saved registers and the totals passed through memory
    // were ~17 instructions a sentence.
    @inline(always)
    mutating func scoreSentence(_ range: Range<Int>, positive: inout Double, negative: inout Double, neutral: inout Double) -> Double {
        buildUnits(range)
        guard !units.isEmpty else { return 0 }
        // Each rule's flag is tested here: most sentences need none of the rules below, and a call that returns at
        // once still saved and restored the registers of a large function (~25 instructions each).
        if sentenceHasValencedBooster || (!modifiableUnits.isEmpty && modifiersMayApply()) { applyModifiers(range) }
        if sentenceMarks.contains(.pastPraiseMarker) { applyPastPraise(range) }
        if sentenceHasContrast { applyContrast() }
        if sentenceHasOnly { applyOnlyComplaint(range) }
        // The sentence's last byte first (`asksOnly` asks it too): most sentences of a text with a mark end in none or
        // in "!", and the call cost ~80 instructions to learn it.
        if textHasMarks, case let end = tokens[range.upperBound &- 1].utf8Range.upperBound, end > 0, end <= bytes.count,
           bytes[end &- 1] == UInt8(ascii: "?") {
            weighAskedPraise(range)
        }
        var sum = 0.0
        guard explain else {
            // Only the listed units may have a valence (`modifiableUnits`, in unit order): the others are neutral, and
            // adding their 0 to the sum changes nothing. Visiting every unit was ~15 instructions a unit.
            var valenced = 0
            for m in modifiableUnits.indices {
                let u = modifiableUnits[m]
                switch units[u].role {
                case .word, .other:
                    let valence = units[u].valence
                    if valence > 0 { positive += valence; valenced &+= 1 } else if valence < 0 { negative -= valence; valenced &+= 1 }
                    sum += valence
                default: break
                }
            }
            neutral += Double(units.count &- sentenceUnscoredUnits &- valenced)
            return sum
        }
        let sentence = tokens[range.lowerBound].sentence
        // By index: copying each unit would retain its explanation fields.
        for u in units.indices {
            switch units[u].role {
            case .word, .other:
                let valence = units[u].valence
                if valence > 0 { positive += valence } else if valence < 0 { negative -= valence } else { neutral += 1 }
                sum += valence
                if explain, valence != 0 || units[u].base != 0 {
                    contributions.append(SentimentContribution(text: original(units[u]), sentence: sentence, base: units[u].base,
                                                               final: (valence * 100).rounded() / 100, rules: u < unitRules.count ? unitRules[u] : []))
                }
            default: break
            }
        }
        return sum
    }

    /// Whether a rule of `applyModifiers` may change a listed unit (`modifiableUnits`) of the sentence: one has a
    /// token in capitals, drawn out or negated, or the sentence has a booster, "least" or a language that negates
    /// backwards. Most sentences have none, and the call, whose set-up alone was ~50 instructions, is skipped.
    @inline(__always)
    func modifiersMayApply() -> Bool {
        sentenceHasBooster || negatesBackward || sentenceMarks.contains(.least)
            || !sentenceModifiableFlags.isDisjoint(with: [.allCaps, .elongated, .negated])
    }

    /// Splits a sentence into words, expressions matched as wholes, boosters, contrast words and clause breaks, and
    /// fills its tokens' `marks` on the way.
    // One pass for facts and units: a pass of its own over the text's tokens to fill their facts first cost ~25
    // instructions a token more (its loop, and copying each word's facts back from memory here).
    // Inlined in `scoreSentence`, its one caller (`@inline(__always)` did not inline it): the call's set-up and
    // return were ~12 instructions a sentence.
    @inline(always)
    mutating func buildUnits(_ range: Range<Int>) {
        units.removeAll(keepingCapacity: true)
        modifiableUnits.removeAll(keepingCapacity: true)
        sentenceUnscoredUnits = 0
        sentenceHasValencedBooster = false
        sentenceHasBooster = false
        sentenceHasExpression = false
        sentenceHasContrast = false
        sentenceModifiableFlags = []
        // The union goes straight into the field: a local was spilled, a load, an or and a store for every token.
        sentenceMarks = []
        if explain { unitRules.removeAll(keepingCapacity: true) }
        // Tokens and their facts are read in place: copying a token retained and released its two strings.
        let tokens = tokens, marks = marks
        var i = range.lowerBound
        while i < range.upperBound {
            let kind = tokens[i].kind
            // Words, nine tokens in ten, are told apart before the switch over the other kinds: through the switch's
            // jump table a word cost ~7 instructions more.
            if _fastPath(kind == .word || kind == .hashtag) {
                // The word's unit as its facts made it (`TokenFacts`); its expressions and the lookup they index only
                // for words that start some.
                var fact = memoFacts(i)
                (marks + i).initialize(to: fact.marks)
                sentenceMarks.formUnion(fact.marks)
                // The memo's words carry the hashes their expressions' second words may have: most words that start
                // expressions are not followed by any of them, and matching is skipped.
                if fact.marks.contains(.hasPhrases), !memoPhrases || Self.phraseMayFollow(i, end: range.upperBound, fact.follows, tokens: tokens) {
                    // A memo index is read before any other word is resolved: a word resolved later may start the
                    // memo over, and the index would point into the old table.
                    // `matchWordPhrase` changes a copy of the facts: passing `fact` itself inout kept it in memory
                    // on every word's path.
                    var matched = fact
                    if let length = memoPhrases && fact.memoIndex >= 0
                        ? matchMemoPhrase(i, end: range.upperBound, memoIndex: Int(fact.memoIndex), fromFallback: fact.marks.contains(.fromFallback))
                        : matchWordPhrase(i, range: range, fact: &matched) {
                        sentenceMarks.formUnion(resolveFacts(i + 1..<i + length))
                        i += length
                        continue
                    }
                    fact = matched
                }
                if explain { addWordRules(i, fact) }
                // The word role, most words', before the switch over the others: the switch's jump table was ~7
                // instructions a word more.
                if _fastPath(fact.role.isWord) {
                    // Most words have neither a valence nor a booster's scalar: both are tested at once, by their bits
                    // (-0 takes the tests inside, which tell it from a valence), before each is: two floating-point
                    // tests were ~7 instructions a word. The flags are read again inside: read once before the test,
                    // they were loaded for every word.
                    if fact.base.bitPattern | fact.boosterScalar.bitPattern != 0 || tokens[i].flags.contains(.negated) {
                        if fact.base != 0 || tokens[i].flags.contains(.negated) {
                            modifiableUnits.appendReserved(units.count)
                            sentenceModifiableFlags.formUnion(tokens[i].flags)
                        }
                        if fact.boosterScalar != 0 { sentenceHasValencedBooster = true }
                    }
                } else {
                    switch fact.role {
                    case .contrast:
                        sentenceHasContrast = true
                        sentenceUnscoredUnits &+= 1
                    case .booster:
                        sentenceHasBooster = true
                        sentenceUnscoredUnits &+= 1
                    case .clauseBreak: sentenceUnscoredUnits &+= 1
                    case .word, .other: break
                    }
                }
                units.appendReserved(ScoredUnit(tokens: Range(uncheckedBounds: (i, i &+ 1)), role: fact.role, base: fact.base, valence: fact.base,
                                        boosterScalar: fact.boosterScalar))
                i &+= 1
                continue
            }
            // One-byte marks ('.', ',', '!'), most other tokens, in line: the call of `appendOtherUnit` saved and
            // restored six registers for each.
            if kind == .punctuation,
               let fact = Self.oneByteMarkFacts(i, tokens: tokens, bytes: bytes, asciiMarks: asciiMarks, asciiMarkFacts: asciiMarkFacts) {
                (marks + i).initialize(to: fact.marks)
                sentenceMarks.formUnion(fact.marks)
                if case .clauseBreak = fact.role {
                    units.appendReserved(ScoredUnit(tokens: Range(uncheckedBounds: (i, i &+ 1)), role: .clauseBreak))
                    sentenceUnscoredUnits &+= 1
                }
                i &+= 1
                continue
            }
            // The marks come back rather than inout: an inout union kept the words' union in memory too.
            let other = appendOtherUnit(i, end: range.upperBound)
            sentenceMarks.formUnion(other.marks)
            i = other.next
        }
    }

    /// Records where the valence of word `i`'s unit, the next one, comes from, for the explanation.
    // Out of line: its strings, made ready before `buildUnits`' loop, cost every sentence ~8 instructions.
    @inline(never)
    mutating func addWordRules(_ i: Int, _ fact: TokenFacts) {
        if fact.marks.contains(.ownValence) { addRule(units.count, fact.source.label) }
        if fact.marks.contains(.stemValence) {
            let stemTerm = Self.resolveWord(i, tokens: tokens, lexicon: lexicon, fallback: tables.multilingual, englishLookup: englishLookup).stemHit?.term ?? ""
            addRule(units.count, "lexicon via '\(stemTerm)'")
        }
    }

    /// Appends the unit of emoji or emoticon `i`, with `valence` from `source`'s list when it has one; returns its marks.
    private mutating func appendFaceUnit(_ i: Int, valence: Double?, source: ValenceSource) -> TokenFacts.Marks {
        let own = resolveOther(i)
        var unit = ScoredUnit(tokens: i..<i + 1, role: .other)
        if let v = valence {
            unit.base = v; unit.valence = v
            if explain { addRule(units.count, source.label) }
            if v != 0 { modifiableUnits.appendReserved(units.count) }
        }
        units.appendReserved(unit)
        return own
    }

    /// Appends the unit of token `i`, which is not a word; returns the index after the unit (a number may start an
    /// expression) and the union of the marks of the unit's tokens.
    // Out of line, so that the words' test in `buildUnits` stays a test: with this switch beside it the compiler
    // merged the two into one jump table, ~7 instructions more a word.
    @inline(never)
    mutating func appendOtherUnit(_ i: Int, end: Int) -> (next: Int, marks: TokenFacts.Marks) {
        let tokens = tokens, marks = marks
        switch tokens[i].kind {
        case .punctuation:
            let fact = Self.markFacts(i, tokens: tokens, bytes: bytes, asciiMarks: asciiMarks, asciiMarkFacts: asciiMarkFacts, ruleWords: ruleWords)
            (marks + i).initialize(to: fact.marks)
            if case .clauseBreak = fact.role {
                units.appendReserved(ScoredUnit(tokens: i..<i + 1, role: .clauseBreak))
                sentenceUnscoredUnits &+= 1
            }
            return (i + 1, fact.marks)
        case .emoji:
            let valence = emoji.value(tokens[i].folded, hash: tokens[i].foldedHash) ?? emoji[SentimentLexicons.emojiKey(tokens[i].folded)]
            return (i + 1, appendFaceUnit(i, valence: valence, source: .emoji))
        case .emoticon:
            let valence = emoticons.value(tokens[i].folded, hash: tokens[i].foldedHash)
            return (i + 1, appendFaceUnit(i, valence: valence, source: .emoticon))
        case .number:
            let own = resolveOther(i)
            // Ratings written out ("0 stars", "10/10") are expressions that start with a number.
            let active = lexicon ?? tables.multilingual
            if let phrases = active.entry(tokens[i])?.phrases, !phrases.isEmpty,
               let (phrase, length) = Self.matchPhrase(phrases, at: i, end: end, lexicon: active, tokens: tokens),
               case .valence(let v, let source) = phrase.kind {
                let unit = ScoredUnit(tokens: i..<i + length, role: .word, base: v, valence: v)
                if length > 1, v != 0 { sentenceHasExpression = true }
                if explain { addRule(units.count, source == .general ? "expression" : source.label) }
                if v != 0 || tokens[i].flags.contains(.negated) { listModifiable(i..<i + length) }
                units.appendReserved(unit)
                return (i + length, own.union(resolveFacts(i + 1..<i + length)))
            } else {
                units.appendReserved(ScoredUnit(tokens: i..<i + 1, role: .other))
                return (i + 1, own)
            }
        default:
            let own = resolveOther(i)
            units.appendReserved(ScoredUnit(tokens: i..<i + 1, role: .other))
            return (i + 1, own)
        }
    }

    /// Fills the marks of token `i`, neither a word nor a mark, and returns them.
    @inline(__always)
    func resolveOther(_ i: Int) -> TokenFacts.Marks {
        let fact = Self.otherFacts(i, tokens: tokens, ruleWords: ruleWords)
        (marks + i).initialize(to: fact.marks)
        return fact.marks
    }

    /// Whether an expression of a word whose second words' hashes are in `follows` may start at `i`: when the next
    /// token (a word or a mark such as the "+" of "a +"), or the word after a joining hyphen, has one of those hashes.
    @inline(__always)
    static func phraseMayFollow(_ i: Int, end: Int, _ follows: UInt64, tokens: UnsafeBufferPointer<Token>) -> Bool {
        if follows == ~0 { return true }
        guard i + 1 < end else { return false }
        if follows & TokenFacts.followBit(tokens[i + 1].foldedHash) != 0 { return true }
        // "hassle-free": a hyphen joining the next word stands for the space (`matchPhrase`).
        return tokens[i + 1].kind == .punctuation && i + 2 < end && joinsWords(i + 1, tokens: tokens)
            && follows & TokenFacts.followBit(tokens[i + 2].foldedHash) != 0
    }

    /// Appends the unit of the longest expression that starts with the word at `i` and returns its length in
    /// tokens; nil when none follows. The multilingual list knows a few English words only as the start of its
    /// expressions ("best" of "best gila", "top" of "top demais"): where none of them follows, `fact` becomes the
    /// English word's own.
    // Out of line: only words that start expressions get here.
    @inline(never)
    mutating func matchWordPhrase(_ i: Int, range: Range<Int>, fact: inout TokenFacts) -> Int? {
        let fallback = tables.multilingual
        let resolved = Self.resolveWord(i, tokens: tokens, lexicon: lexicon, fallback: fallback, englishLookup: englishLookup)
        let phraseLookup = resolved.active
        let matched = resolved.entry.flatMap { Self.matchPhrase($0.phrases, at: i, end: range.upperBound, lexicon: phraseLookup, tokens: tokens) }
            .map { ($0.0.kind, $0.1) }
        if let matched {
            appendPhrase(matched.0, tokens: i..<i + matched.1)
            return matched.1
        }
        if fact.marks.contains(.phrasesOnly), let english = englishLookup, phraseLookup !== english, let other = english.entry(tokens[i]) {
            if !other.phrases.isEmpty, let matched = Self.matchPhrase(other.phrases, at: i, end: range.upperBound, lexicon: english, tokens: tokens) {
                appendPhrase(matched.0.kind, tokens: i..<i + matched.1)
                return matched.1
            }
            fact = TokenFacts(other, fromFallback: false, stemValence: nil, ruleMarks: fact.marks.intersection(.ruleWords))
        }
        return nil
    }

    /// `matchWordPhrase` for a word of the memo (`memoIndex`): its candidates, keyed by their second words (a word such
    /// as "not" starts dozens of expressions), matched against the expressions of the lexicon its facts came from.
    /// A memo run's lexicon is English, so the multilingual list's English fallback never applies here.
    // Apart from `matchWordPhrase`, with the lookups read from the run's unowned fields and only the expressions'
    // array held: that path retained and released the lookups and arrays about five times a call.
    @inline(never)
    mutating func matchMemoPhrase(_ i: Int, end: Int, memoIndex: Int, fromFallback: Bool) -> Int? {
        let tokens = tokens
        // A memo run's lexicon is the English one.
        let phrases = fromFallback ? multilingualPhrases : englishPhrases
        // The expression's index comes back and only its kind is read, in place: returning the expression copied
        // (retained) its word and hash arrays.
        let found: (kind: PhraseKind, length: Int)? = wordMemo.withPhrases(memoIndex) { keyed, single, secondWords in
            LexiconLookup.matchPhrase(phrases, keyed: keyed, single: single, secondWords: secondWords, at: i, end: end, tokens: tokens)
                .map { (phrases[$0.index].kind, $0.length) }
        }
        guard let found else { return nil }
        appendPhrase(found.kind, tokens: i..<i + found.length)
        return found.length
    }

    /// Lists the word unit about to be appended, of the tokens in `range`, in `modifiableUnits`.
    mutating func listModifiable(_ range: Range<Int>) {
        modifiableUnits.appendReserved(units.count)
        for k in range { sentenceModifiableFlags.formUnion(tokens[k].flags) }
    }

    /// Appends the unit of an expression matched as a whole.
    mutating func appendPhrase(_ kind: PhraseKind, tokens range: Range<Int>) {
        var unit = ScoredUnit(tokens: range, role: .word)
        switch kind {
        case .valence(let v, let source):
            unit.base = v; unit.valence = v
            if range.count > 1, v != 0 { sentenceHasExpression = true }
            if explain { addRule(units.count, source == .general ? "expression" : source.label) }
            if v != 0 || tokens[range.lowerBound].flags.contains(.negated) { listModifiable(range) }
        case .booster(let s):
            unit.role = .booster; unit.boosterScalar = s
            sentenceHasBooster = true
            sentenceUnscoredUnits &+= 1
        case .contrast(let side):
            sentenceHasContrast = true
            unit.role = .contrast(side)
            sentenceUnscoredUnits &+= 1
        }
        units.appendReserved(unit)
    }

    /// What the lexicons say about a word: its entry after the fallbacks (multilingual list, English, the word
    /// without a doubled last letter, laughter), the lookup the entry's expressions index, and the stem's valence for
    /// a word whose entry has none. A function of the token's folded form and stem and of the run's lexicons alone,
    /// which is what lets `ScorerWordMemo` keep it.
    // Copies of the entry and stem for the rare callers that want them (explanations, runs without the memo's
    // expression candidates); the memo and per-token paths read `resolve` in place.
    static func resolveWord(_ i: Int, tokens: UnsafeBufferPointer<Token>, lexicon: LexiconLookup?, fallback: LexiconLookup,
                            englishLookup: LexiconLookup?) -> (entry: LexiconEntry?, active: LexiconLookup, stemHit: StemValence?) {
        let resolved = resolve(i, tokens: tokens, folded: tokens[i].folded, stem: tokens[i].stem, lexicon: lexicon.map(Unmanaged.passUnretained),
                               fallback: Unmanaged.passUnretained(fallback), englishLookup: englishLookup.map(Unmanaged.passUnretained))
        var entry: LexiconEntry?
        if resolved.entryIndex >= 0 {
            entry = resolved.entryLookup.entries.values[resolved.entryIndex]
            if resolved.dropsPhrases { entry?.phrases = [] }
        }
        let stemHit = resolved.stemIndex >= 0 ? resolved.active.stemValence(resolved.stemIndex) : nil
        return (entry, resolved.active, stemHit)
    }

    /// `resolveWord` as places in the lookups' tables: the resolution of the word at `i` of `tokens`, whose folded
    /// form and stem are `folded` and `stem`.
    // Static, over the caller's token buffer: called from the token loop, a method on the run copied the whole run
    // for each call, and a returned tuple of an optional entry, a lookup and an optional stem was copied and
    // destroyed through generic value witnesses (a quarter of a new word's cost). The lookups are lent unretained
    // (the run's tables own them for its life): held as references, each was retained and released around the call
    // and again for each probe, ~250 instructions a new word.
    // The token's strings are the caller's (`rememberFacts` keeps its copies in the memo), held for every probe: read
    // from the token buffer for each call, each was retained and released around it (~60 instructions a probe).
    static func resolve(_ i: Int, tokens: UnsafeBufferPointer<Token>, folded: String, stem: String, lexicon: Unmanaged<LexiconLookup>?,
                        fallback: Unmanaged<LexiconLookup>, englishLookup: Unmanaged<LexiconLookup>?) -> WordResolution {
        let foldedHash = tokens[i].foldedHash
        let hasOwnStem = tokens[i].hasOwnStem
        // The text's lookup is held in a local for every probe.
        let primary = lexicon ?? fallback
        var resolved = WordResolution(primary)
        resolved.entryIndex = primary.entryIndex(folded, hash: foldedHash) ?? -1
        // One stem lookup per word, reused below.
        let stemIndex = resolved.entryIndex < 0 && hasOwnStem ? primary.stemIndex(stem, hash: tokens[i].stemHash) ?? -1 : -1
        if resolved.entryIndex < 0, lexicon != nil, stemIndex < 0, let k = fallback.entryIndex(folded, hash: foldedHash) {
            resolved = WordResolution(fallback)
            resolved.entryIndex = k
            resolved.activeIsNotTexts = fallback.toOpaque() != primary.toOpaque()
        }
        // Code-mixed reviews praise and pan in English ("aplikasinya very good", "app bahut slow hai"): a word
        // neither the text's lexicon nor the multilingual list knows is looked up, as written, in English.
        if resolved.entryIndex < 0, stemIndex < 0, let english = englishLookup, let k = english.entryIndex(folded, hash: foldedHash) {
            resolved = WordResolution(english)
            resolved.entryIndex = k
            resolved.activeIsNotTexts = english.toOpaque() != primary.toOpaque()
        }
        // "nicee", "goodd", "okk": a doubled last letter is a short drawn-out word (three or more are squeezed
        // by the analyzer already); the word without it is looked up the same way.
        // Only strong words: a weak one is too often a real word with a double ending ("add" is not "ad").
        // Both this and laughter below are told by one look at an unknown word's bytes where they are: a copy of the
        // String to read them through was retained and released (~25 instructions a new word), and reading the word
        // as a String, a view's iterator and a `Set<String>` probe, 300 and 1,300 instructions a call. (Set from a
        // closure, the two locals were boxed and every access to them checked at run time.)
        var shorter: String?, isLaughter = false
        if resolved.entryIndex < 0, stemIndex < 0 {
            (shorter, isLaughter) = folded.utf8.withContiguousStorageIfAvailable(Self.unknownWordForms)
                ?? { var copy = folded; return copy.withUTF8(Self.unknownWordForms) }()
        }
        if let shorter, resolved.entryIndex < 0, stemIndex < 0 {
            let hash = WordTable<LexiconEntry>.hash(shorter)
            // The first of the three lookups that knows the shorter word decides.
            var found = primary.entryIndex(shorter, hash: hash).map { (lookup: primary, index: $0) }
            if found == nil { found = fallback.entryIndex(shorter, hash: hash).map { (fallback, $0) } }
            if found == nil, let english = englishLookup { found = english.entryIndex(shorter, hash: hash).map { (english, $0) } }
            if let found, let valence = found.lookup.valence(ofEntry: found.index),
               abs(valence) >= SentimentScorer.drawnOutMinimumValence {
                resolved.entryLookup = found.lookup.takeUnretainedValue()
                resolved.entryIndex = found.index
                resolved.dropsPhrases = true  // the phrases index another lexicon's list
            }
        }
        // "hahahaha", "ahahah", "bwahaha", "hehehe": laughter of any length reads as the lexicon's "haha".
        if isLaughter, resolved.entryIndex < 0, stemIndex < 0 {
            let hash = WordTable<LexiconEntry>.hash("haha")
            if let k = primary.entryIndex("haha", hash: hash) {
                resolved.entryLookup = primary.takeUnretainedValue()
                resolved.entryIndex = k
                resolved.dropsPhrases = true
            } else if let english = englishLookup, let k = english.entryIndex("haha", hash: hash) {
                resolved.entryLookup = english.takeUnretainedValue()
                resolved.entryIndex = k
                resolved.dropsPhrases = true
            }
        }
        // A word with no valence of its own takes its stem's (looked up again when the entry only boosts or contrasts).
        guard hasOwnStem else { return resolved }
        if resolved.entryIndex < 0 {
            resolved.stemIndex = stemIndex
        } else if resolved.entryLookup.valence(ofEntry: resolved.entryIndex) == nil {
            resolved.stemIndex = resolved.active.stemIndex(stem, hash: tokens[i].stemHash) ?? -1
        }
        return resolved
    }

    /// A word's bytes without a doubled last letter (`withoutDoubledLastLetter`) and whether they are laughter.
    static func unknownWordForms(_ word: UnsafeBufferPointer<UInt8>) -> (shorter: String?, isLaughter: Bool) {
        (withoutDoubledLastLetter(word), isLaughter(word))
    }

    /// Whether a word is written laughter: "ha", "he", "hi" or "ah" syllables (at least two "h"s, five letters or more,
    /// so "haha" and "hehe" stay lexicon words), optionally after "bw" or "mw" ("bwahaha", "mwahaha").
    static func isLaughter(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        // Asked of every word the lexicons do not know: reject on the first letter and the length before anything else.
        guard word.count >= 5 else { return false }
        let first = word[0]
        guard first == UInt8(ascii: "h") || first == UInt8(ascii: "a") || first == UInt8(ascii: "b") || first == UInt8(ascii: "m")
        else { return false }
        var skip = 0
        if first == UInt8(ascii: "b") || first == UInt8(ascii: "m") {
            guard word[1] == UInt8(ascii: "w"), word.count >= 7 else { return false }
            skip = 2
        }
        var hs = 0, previous: UInt8 = 0
        for byte in word[skip...] {
            switch byte {
            case UInt8(ascii: "h"):
                if previous == byte { return false }
                hs += 1
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"): break
            default: return false
            }
            previous = byte
        }
        return hs >= 2
    }

    /// English words whose last letter is doubled and whose shorter form is a strong word of another language, as
    /// bytes: they are ASCII, and no other string is canonically equivalent to an ASCII word without a singleton
    /// decomposition onto its letters (none has one onto these), so comparing bytes answers as comparing Strings.
    static let doubledEndingWords: [[UInt8]] = [Array("mall".utf8), Array("null".utf8)]

    /// The word (UTF-8) without its last letter when it ends in the same ASCII letter twice ("nicee" → "nice"), for
    /// words of at least three letters. Cut at the last byte: the last Character of such a word is that one letter.
    static func withoutDoubledLastLetter(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        let n = word.count
        guard n >= 3, word[n - 1].isASCIILetter, word[n - 2] == word[n - 1],
              !doubledEndingWords.contains(where: { $0.elementsEqual(word) }) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: word[..<(n - 1)]), as: UTF8.self)
    }

    /// Commas, semicolons, colons, dashes and brackets end a clause.
    static func breaksClause(_ mark: String) -> Bool {
        for byte in mark.utf8 {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): return true
            default: continue
            }
        }
        // An em or en dash alone (E2 80 94, E2 80 93), compared as bytes: comparing Strings normalizes them.
        var bytes = mark.utf8.makeIterator()
        guard bytes.next() == 0xE2, bytes.next() == 0x80, let last = bytes.next(), last == 0x94 || last == 0x93 else { return false }
        return bytes.next() == nil
    }

    /// The longest expression among `candidates` that the tokens from `start` spell, and its length in tokens.
    // Static, over the caller's token buffer: an instance method called from the mutating `buildUnits` copied the
    // whole run (retaining its fields) once it was too large to inline, and passing the text copied that.
    static func matchPhrase(_ candidates: [Int], at start: Int, end: Int, lexicon: LexiconLookup,
                            tokens: UnsafeBufferPointer<Token>) -> (LexiconPhrase, Int)? {
        let phrases = lexicon.phrases
        for index in candidates {
            if let length = matchLength(phrases, index, at: start, end: end, tokens: tokens) { return (phrases[index], length) }
        }
        return nil
    }

    /// The length in tokens of expression `index` of `phrases` spelled by the tokens from `start`, nil when they do not.
    @inline(__always)
    static func matchLength(_ phrases: [LexiconPhrase], _ index: Int, at start: Int, end: Int, tokens: UnsafeBufferPointer<Token>) -> Int? {
        phrases.withUnsafeBufferPointer { matchLength($0, index, at: start, end: end, tokens: tokens) }
    }

    /// `matchLength` over the expressions read in place.
    @inline(__always)
    static func matchLength(_ phrases: UnsafeBufferPointer<LexiconPhrase>, _ index: Int, at start: Int, end: Int, tokens: UnsafeBufferPointer<Token>) -> Int? {
        // Fields are read in place, and hashes compared before words: copying each candidate and comparing
        // unequal strings was most of matching.
        let count = phrases[index].words.count
        guard start + count <= end else { return nil }
        var i = start + 1
        var k = 1
        while k < count {
            if i < end, tokens[i].foldedHash == phrases[index].hashes[k], tokens[i].folded == phrases[index].words[k] {
                i += 1
                k += 1
            } else if i + 1 < end, joinsWords(i, tokens: tokens) {
                // "hassle-free", "mean-spirited": a hyphen between two words stands for the expression's space.
                i += 1
            } else {
                return nil
            }
        }
        return i - start
    }

    /// Whether token `i` is a "-" touching a word on each side ("user-friendly").
    static func joinsWords(_ i: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
        let r = tokens[i].utf8Range
        guard tokens[i].kind == .punctuation, r.count == 1, i > 0, tokens[i - 1].kind == .word, tokens[i + 1].kind == .word,
              tokens[i - 1].utf8Range.upperBound == r.lowerBound, tokens[i + 1].utf8Range.lowerBound == r.upperBound
        else { return false }
        return tokens[i].folded == "-"
    }

    /// Capitals, drawn-out letters, boosters, negation, "least" and app failures, unit by unit.
    mutating func applyModifiers(_ range: Range<Int>) {
        let tokens = tokens
        // A booster that also carries valence ("super", "pretty") boosts when a valenced word follows it.
        if sentenceHasValencedBooster {
            for u in units.indices where units[u].boosterScalar != 0 {
                guard case .word = units[u].role, u + 1 < units.count, case .word = units[u + 1].role, units[u + 1].base != 0 else { continue }
                units[u].role = .booster
                units[u].valence = 0
                units[u].base = 0
                sentenceUnscoredUnits &+= 1
                sentenceHasBooster = true
                if u < unitRules.count { forgetRules(u) }
            }
        }
        // The negator whose scope a negative word already took ("never had a *problem* logging in"): the words after
        // it in that scope are not negated, so "logging" is not read as "never logging".
        var spentNegator = -1
        // Only the units a rule may change (`modifiableUnits`): a word unit without a valence whose first token is not
        // negated keeps its valence of 0 whatever comes before it.
        for m in modifiableUnits.indices {
            let u = modifiableUnits[m]
            guard case .word = units[u].role else { continue }
            // The first token is copied only where a rule needs it: copying retains its strings.
            let firstIndex = units[u].tokens.lowerBound
            var v = units[u].valence
            // Capitals are looked for only in words with a valence, most words have none; the unit's tokens' flags in
            // one pass (two searches were ~15 instructions more a unit).
            if v != 0 {
                var flags: Token.Flags = []
                for k in units[u].tokens { flags.formUnion(tokens[k].flags) }
                if flags.contains(.allCaps) {
                    v *= SentimentScorer.capsEmphasis
                    if explain { addModifierRule(u, "written in capitals (stronger)") }
                }
                // `v` is still not 0: 1.3 times a number that is not 0 is not 0.
                if flags.contains(.elongated) {
                    v *= SentimentScorer.elongatedEmphasis
                    if explain { addModifierRule(u, "drawn out (stronger)") }
                }
            }
            // Most sentences have no booster: the flag spares each valenced word its look back (~40 instructions).
            if v != 0, sentenceHasBooster {
                var distance = 0
                var k = u - 1
                while k >= 0, distance < SentimentScorer.boosterReach {
                    if case .clauseBreak = units[k].role { break }
                    if case .contrast = units[k].role { break }
                    distance += 1
                    if case .booster = units[k].role {
                        var scalar = units[k].boosterScalar * (distance == 1 ? 1 : distance == 2 ? 0.9 : 0.8)
                        if tokens[units[k].tokens.lowerBound].flags.contains(.allCaps) { scalar *= SentimentScorer.capsEmphasis }
                        v *= max(0.1, 1 + scalar)
                        if explain { addRule(u, "\(scalar >= 0 ? "booster" : "dampener") '\(word(units[k]))'") }
                    }
                    k -= 1
                }
            }
            if tokens[firstIndex].flags.contains(.negated), !negatorIsInsideExpression(before: u, in: range),
               case let negator = negatorIndex(before: units[u].tokens.lowerBound, in: range), negator == nil || negator != spentNegator,
               !(negator.map { tokens[$0].foldedHash == Self.withoutHash && withoutAfterANegator($0, in: range) } ?? false) {
                // Only explanations name the negator: copying its string retained and released it for every negated unit.
                var negatorWord: String { negator.map { tokens[$0].folded } ?? "not" }
                let statesProblem = negator.map { Self.negatorCanStateProblem($0, in: range, tokens: tokens, marks: marks) } ?? true
                let failure = statesProblem ? LexiconLookup.failure(tokens[firstIndex], in: failures) : nil
                // A listed verb is a failure even when the lexicon calls it negative: "can't cancel", "not refunded"
                // complain, they do not praise the way "not bad" does.
                if let failure {
                    v = failure
                    if explain { addModifierRule(u, "problem statement: '\(negatorWord) \(tokens[firstIndex].folded)'") }
                } else if v > 0 {
                    v *= SentimentScorer.negatedPositive
                    if explain { addModifierRule(u, "negated by '\(negatorWord)'") }
                } else if v < 0 {
                    v *= SentimentScorer.negatedNegative
                    if explain { addModifierRule(u, "negated by '\(negatorWord)' (softened)") }
                    spentNegator = negator ?? -1
                } else if let negator, statesProblem, tokens[firstIndex].kind == .word, !tokens[firstIndex].flags.contains(.stopword),
                          !marks[firstIndex].contains(.notProblem),
                          (negator + 1..<units[u].tokens.lowerBound).allSatisfy({ tokens[$0].flags.contains(.stopword) || tokens[$0].flags.contains(.negator) }) {
                    // In feedback, "can't upload", "no dark mode", "doesn't sync" state a problem even without
                    // an emotional word: the first content word after a negator carries it.
                    v = SentimentScorer.negatedContentWord
                    if explain { addModifierRule(u, "problem statement: '\(negatorWord) \(tokens[firstIndex].folded)'") }
                }
                if v != 0, let negator, tokens[negator].flags.contains(.allCaps) {
                    v *= SentimentScorer.capsEmphasis
                    if explain { addModifierRule(u, "'\(negatorWord)' in capitals (stronger)") }
                }
            }
            if v != 0, negatesBackward, !tokens[firstIndex].flags.contains(.negated),
               case let after = units[u].tokens.upperBound, after < range.upperBound, tokens[after].flags.contains(.negator) {
                // Hindi and Urdu state "good" and then negate it: "accha *nahi* hai", "pasand *nahi* aaya", "koi
                // problem *nahi*": the negator after a judging word turns it as one before it would.
                v *= v > 0 ? SentimentScorer.negatedPositive : SentimentScorer.negatedNegative
                if explain { addModifierRule(u, "negated by '\(tokens[after].folded)' after it") }
            }
            if v != 0, u >= 1, sentenceMarks.contains(.least), isWord(units[u - 1], .least) {
                let atLeast = u >= 2 && isWord(units[u - 2], .atOrVery)
                if !atLeast {
                    v *= SentimentScorer.leastFactor
                    if explain { addModifierRule(u, "after 'least' (reversed)") }
                }
            }
            // Written back only when a rule changed it: each write to the array checks that its storage is unique.
            if v.bitPattern != units[u].valence.bitPattern { units[u].valence = v }
        }
    }

    /// "It used to be great", "good until the update", "would be great if it worked": in a review, praise of how the
    /// app was, or would be, is a complaint about how it is, so the praise turns negative.
    mutating func applyPastPraise(_ range: Range<Int>) {
        guard sentenceMarks.contains(.pastPraiseMarker), units.contains(where: { $0.valence > 0 }) else { return }
        let tokens = tokens, marks = marks
        for m in units.indices {
            let at = units[m].tokens.lowerBound
            // Most words are none of the markers: one bit of the token's marks instead of a probe.
            guard marks[at].contains(.pastPraiseMarker) else { continue }
            let marker = tokens[at].folded
            let next = at + 1 < range.upperBound ? tokens[at + 1].folded : ""
            if (marker == "used" || marker == "use") && next == "to" {
                // The praise follows, up to the end of the clause: "used to be *great*, now ..."
                var u = m
                var pastProblem = false
                while u < units.count {
                    if case .clauseBreak = units[u].role { break }
                    // "Used to *crash*, but it's fine now": a problem of the past, then the present; the praise
                    // after the contrast is praise of now.
                    if case .contrast = units[u].role, pastProblem { break }
                    if units[u].valence < 0 { pastProblem = true }
                    if u != m { reversePastPraise(u, marker: "used to") }
                    u += 1
                }
            } else if m > 0 && Self.untilWords.contains(marker, hash: tokens[at].foldedHash) && at + 1 < range.upperBound
                        && Self.changeOpeners.contains(next, hash: tokens[at + 1].foldedHash)
                        || marker == "before" && (at + 1..<min(at + 4, range.upperBound)).contains(where: { tokens[$0].folded.hasPrefix("update") }) {
                // The praise comes first: "it was *good* until the update"; "until now" keeps it present.
                for u in 0..<m { reversePastPraise(u, marker: marker) }
            } else if marker == "if" && next == "only" {
                // "Great features if only it would load": the praise before "if only" is wished for, not had.
                for u in 0..<m { reversePastPraise(u, marker: "if only", factor: SentimentScorer.conditionalPraise) }
            } else if marker == "if", m > 0, at > range.lowerBound, marks[at - 1].contains(.ratingNoun),
                      !Self.conditionIsTheSpeakersLimit(after: at, in: range, tokens: tokens) {
                // "5 stars if you fix the bug": the rating is promised on a condition the app does not meet yet.
                for u in 0..<m { reversePastPraise(u, marker: "\(tokens[at - 1].folded) if", factor: SentimentScorer.conditionalPraise) }
            } else if Self.conditionalModals.contains(marker, hash: tokens[at].foldedHash),
                      (at + 1..<min(at + 4, range.upperBound)).contains(where: { Self.conditionalVerbs.contains(tokens[$0].folded, hash: tokens[$0].foldedHash) }),
                      let condition = (at + 1..<range.upperBound).first(where: { tokens[$0].folded == "if" }),
                      !Self.conditionIsTheSpeakersLimit(after: condition, in: range, tokens: tokens) {
                // "Would be a great app if it didn't crash", "I'd give 5 stars if you fix this", "would be nice if it
                // worked": praise on a condition, and the condition itself, name what the app lacks now; the
                // condition ends at the clause's end.
                var u = m + 1
                while u < units.count {
                    if case .clauseBreak = units[u].role, units[u].tokens.lowerBound > condition { break }
                    reversePastPraise(u, marker: "\(marker) … if", factor: SentimentScorer.conditionalPraise)
                    u += 1
                }
            }
        }
    }

    /// "I'd give it 10 stars *if I could*", "would rate it higher *if possible*": the condition is the speaker's own
    /// limit, not something the app lacks, so the praise stands.
    static func conditionIsTheSpeakersLimit(after condition: Int, in range: Range<Int>, tokens: UnsafeBufferPointer<Token>) -> Bool {
        let words = (condition + 1..<min(condition + 4, range.upperBound)).map { tokens[$0].folded }
        guard let first = words.first else { return false }
        if first == "possible" { return true }
        guard first == "i", words.count > 1 else { return false }
        return ["could", "can", "was", "were", "had"].contains(words[1])
    }

    // Word sets probed with the tokens' hashes: a Set<String> hashed each word with SipHash.
    static let untilWordList = ["until", "till", "untill", "til"]
    static let untilWords = WordSet(untilWordList)
    /// Words that end a rating: "5 *stars* if you fix it" (`TokenFacts.Marks.ratingNoun`).
    static let ratingNounWords = ["star", "stars", "*"]
    static let conditionalModalList = ["would", "could", "i'd", "it'd", "would've", "could've", "wouldve", "couldve"]
    static let conditionalModals = WordSet(conditionalModalList)
    /// Verbs that make the words after a modal a verdict on the app: "would *be* great", "would *give* 5 stars".
    static let conditionalVerbs = WordSet(["be", "been", "give", "rate", "have"])
    /// Every word `applyPastPraise` starts from (`TokenFacts.Marks.pastPraiseMarker`).
    static let pastPraiseMarkerWords = untilWordList + conditionalModalList + ["used", "use", "before", "if"]
    /// Words that open an event after "until" ("until *the* update", "till *they* changed it", "until *recently*");
    /// "till vacation", "until 5pm", "until now" do not put the praise in the past.
    static let changeOpeners = WordSet([
        "the", "a", "an", "this", "that", "these", "those", "last", "latest", "recent", "recently", "lately", "new",
        "i", "you", "they", "it", "we", "he", "she", "my", "your", "their", "its", "some", "one", "few", "yesterday",
        "update", "updates", "updated", "updating", "version", "after", "then", "suddenly",
    ])

    // The marker as an autoclosure: only explanations name it, and its string was made for every unit visited.
    mutating func reversePastPraise(_ u: Int, marker: @autoclosure () -> String, factor: Double = SentimentScorer.pastPraise) {
        guard case .word = units[u].role, units[u].valence > 0 else { return }
        units[u].valence *= factor
        if explain {
            addRule(u, factor == SentimentScorer.pastPraise ? "praise of the past ('\(marker())'): a complaint now"
                                                                        : "praise on a condition ('\(marker())'): a complaint now")
        }
    }

    /// Adverbs and verbs of thinking or saying: "haven't *even*", "don't *think*", "can't *say*" hedge rather than
    /// state that the app fails (`TokenFacts.Marks.notProblem`).
    static let notProblemWords = [
        "even", "ever", "really", "yet", "quite", "always", "just", "actually", "exactly", "necessarily", "think",
        "remember", "say", "mind", "believe", "know", "imagine", "decide", "feel", "feeling", "mean", "matter",
        "wonder", "expect", "expected", "expecting", "thought", "single",
    ]

    /// Whether the negator at `k` is a "without" that a negator earlier in its clause governs: "can't watch anything
    /// *without* buffering", "can't open it without an ad" say the buffering and the ad always come, so the word
    /// after "without" keeps its own valence.
    // The caller compares the hash first: calling this method from the mutating `applyModifiers` copies the run.
    func withoutAfterANegator(_ k: Int, in range: Range<Int>) -> Bool {
        let tokens = tokens
        guard tokens[k].foldedHash == Self.withoutHash, tokens[k].folded == "without" else { return false }
        var j = k - 1
        while j >= range.lowerBound, j >= k - Self.withoutReach {
            if tokens[j].kind == .punctuation { return false }
            if tokens[j].flags.contains(.negator) {
                // Not across a contrast word: "I don't know why, but it works without crashing".
                let between = j + 1..<k
                return !units.contains { unit in
                    if case .contrast = unit.role { return between.contains(unit.tokens.lowerBound) }
                    return false
                }
            }
            j -= 1
        }
        return false
    }
    /// How far back from "without" its governing negator may stand: "can't even watch one video without an ad".
    static let withoutReach = 8
    /// `WordHash.of("without")`, written out: computed, the static was initialized through a `swift_once` call on
    /// every negated word (a test checks the two agree).
    static let withoutHash = 0x5437_c298_f337_c471

    /// Whether the negator at `k` can state that the app fails: "don't *have to* carry my laptop", "no *need* for
    /// another app" tell of relief, not of a failure.
    // Static, over the caller's tokens: a method called from the mutating `applyModifiers` copied the whole run.
    static func negatorCanStateProblem(_ k: Int, in range: Range<Int>, tokens: UnsafeBufferPointer<Token>,
                                       marks: UnsafeMutablePointer<TokenFacts.Marks>) -> Bool {
        guard k + 1 < range.upperBound else { return true }
        // The words by their marks: probing two word sets was most of this function's ~90 instructions.
        if marks[k + 1].contains(.need) { return false }
        guard marks[k + 1].contains(.reliefVerb), k + 2 < range.upperBound else { return true }
        return tokens[k + 2].folded != "to"
    }
    /// "no *need* for", "doesn't *need* an account": relief without "to" (`TokenFacts.Marks.need`).
    static let needWords = ["need", "needs"]
    /// Verbs that tell of relief before "to": "don't *have* to", "haven't *got* to" ("need" needs no "to";
    /// `TokenFacts.Marks.reliefVerb`).
    static let reliefVerbs = ["have", "has", "got"]

    /// Whether the negator before `index` belongs to an expression scored as a whole ("can't *wait*", "can't say
    /// enough", "couldn't be happier"): its meaning is already in the expression's valence, so it negates nothing after.
    func negatorIsInsideExpression(before u: Int, in range: Range<Int>) -> Bool {
        // Most sentences have no such expression: the flag `buildUnits` set settles them without a search.
        guard sentenceHasExpression, let negator = negatorIndex(before: units[u].tokens.lowerBound, in: range) else { return false }
        // Units follow their tokens' order without overlapping: the only unit that can hold the negator is the last
        // one before unit `u` that starts at or before it (all units were searched, ~30 instructions a review).
        var k = u - 1
        while k >= 0, units[k].tokens.lowerBound > negator { k -= 1 }
        guard k >= 0 else { return false }
        // "still *not* fixed": an expression ending in its negator hands the negation on to the next word.
        guard units[k].tokens.count > 1, units[k].tokens.contains(negator), negator != units[k].tokens.upperBound - 1,
              case .word = units[k].role else { return false }
        return units[k].base != 0
    }

    func negatorIndex(before index: Int, in range: Range<Int>) -> Int? {
        var k = index - 1
        while k >= range.lowerBound {
            if tokens[k].flags.contains(.negator) { return k }
            k -= 1
        }
        return nil
    }

    /// Words by which a writer calls their own complaint small: "sometimes", "a bit", "a little", "slightly", "a small
    /// issue".
    static let selfHedges = ["sometimes", "occasionally", "occasional", "slightly", "minor", "small", "tiny", "bit"]

    /// Whether the tokens in `start..<end` call what they say small ("a little" counts; "little" alone does not;
    /// "my only complaint" does).
    // Static, with the tokens passed: a method called from the mutating `applyContrast` copied the whole run.
    // The hedges by their mark (`TokenFacts.Marks.selfHedge`): probing a word set for every token was ~20 instructions each.
    static func hedgesItself(after start: Int, to end: Int, tokens: UnsafeBufferPointer<Token>, marks: UnsafeMutablePointer<TokenFacts.Marks>,
                             hasOnly: Bool) -> Bool {
        let littleHash = Self.littleHash, aHash = Self.aHash  // static reads go through `swift_once`
        for k in start..<end {
            if marks[k].contains(.selfHedge) { return true }
            // Fields read in place: passing a token on copied it and retained its strings.
            if k > start, tokens[k].foldedHash == littleHash, tokens[k].folded == "little", tokens[k - 1].foldedHash == aHash,
               tokens[k - 1].folded == "a" { return true }
            if onlyComplaint(at: k, end: end, tokens: tokens, hasOnly: hasOnly) { return true }
        }
        return false
    }

    /// Words that open a request: "but *please* add", "but *I wish* it had", "but *it would* be nice if", "but *can
    /// you* add".
    static let requestOpeners = WordSet(["please", "pls", "plz", "plss", "plzz", "kindly", "wish", "hope", "hoping", "add", "would", "it'd", "could", "can", "needs"])
    /// Words that may stand before a request opener: "but *it* would be nice", "but *I* wish", "but *you* could".
    static let requestSubjects = WordSet(["i", "it", "you", "we", "just", "maybe", "perhaps", "really", "also", "still", "one", "thing"])

    /// Whether the clause starting at token `start` opens with a request.
    static func opensWithRequest(at start: Int, end: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
        var k = start
        while k < end, tokens[k].kind == .punctuation { k += 1 }
        while k < end, k < start + 3, Self.requestSubjects.contains(tokens[k].folded, hash: tokens[k].foldedHash) { k += 1 }
        guard k < end, Self.requestOpeners.contains(tokens[k].folded, hash: tokens[k].foldedHash) else { return false }
        // "can't", "couldn't" fold to their own words; "can" and "could" open a request only as a question or an
        // offer ("can you add", "could use a dark mode"), not "could not".
        if k + 1 < end, tokens[k + 1].flags.contains(.negator) { return false }
        return true
    }

    /// Nouns that, after "only", name the one complaint in an otherwise content review: "my only *gripe* is …".
    static let complaintNouns = WordSet([
        "complaint", "complaints", "problem", "problems", "issue", "issues", "gripe", "gripes", "downside",
        "downsides", "drawback", "drawbacks", "con", "cons", "concern", "flaw", "negative", "criticism",
    ])
    /// After "only thing(s)", the words that make it the writer's one complaint: "the only thing *is* …".
    static let complaintThingFollowers = WordSet(["is", "i", "that", "was"])
    static let onlyHash = WordHash.of("only"), littleHash = WordHash.of("little"), aHash = WordHash.of("a")

    /// Whether token `k` opens "only <complaint noun>" ("the only thing is …", "the only thing that …" too; not "the
    /// only thing this app does well").
    func onlyComplaint(at k: Int, end: Int) -> Bool {
        Self.onlyComplaint(at: k, end: end, tokens: tokens, hasOnly: sentenceHasOnly)
    }

    static func onlyComplaint(at k: Int, end: Int, tokens: UnsafeBufferPointer<Token>, hasOnly: Bool) -> Bool {
        // Most sentences have no "only": the per-sentence flag settles them, and the hash most tokens of the rest, each read
        // in place (passing a token on copied it and retained its strings, 1,400 instructions a review).
        guard hasOnly, tokens[k].foldedHash == Self.onlyHash, k + 1 < end else { return false }
        guard tokens[k].folded == "only" else { return false }
        let noun = tokens[k + 1]
        if Self.complaintNouns.contains(noun.folded, hash: noun.foldedHash) { return true }
        guard noun.folded == "thing" || noun.folded == "things", k + 2 < end else { return false }
        return Self.complaintThingFollowers.contains(tokens[k + 2].folded, hash: tokens[k + 2].foldedHash)
    }

    /// "Great app, my only complaint is the ads": what follows the writer's one complaint weighs half, since they
    /// call it the only thing wrong.
    mutating func applyOnlyComplaint(_ range: Range<Int>) {
        guard sentenceHasOnly, units.contains(where: { $0.valence < 0 }),
              let marker = range.first(where: { onlyComplaint(at: $0, end: range.upperBound) }) else { return }
        for u in units.indices where units[u].valence < 0 && units[u].tokens.lowerBound > marker {
            units[u].valence *= SentimentScorer.onlyComplaint
            if explain { addRule(u, "the writer's only complaint ('only \(tokens[marker + 1].folded)'): weighs less") }
        }
    }

    /// "but" and "however" make the clause after them weigh more; "although" makes its own clause weigh less.
    mutating func applyContrast() {
        guard sentenceHasContrast, let c = units.lastIndex(where: { if case .contrast(.after) = $0.role { return true }; return false }) ?? units.firstIndex(where: { if case .contrast(.before) = $0.role { return true }; return false }) else { return }
        // The contrast word is named only in explanations: joining its tokens copied the run.
        let name = explain ? word(units[c]) : ""
        if case .contrast(.after) = units[c].role {
            guard c > 0 else { return }  // a sentence opening with "But" concedes the sentence before; see result()
            // "Love it but sometimes it lags", "great app but the ads are a bit much": a complaint the writer calls
            // small does not outweigh the praise it follows, so neither side is reweighed.
            guard !Self.hedgesItself(after: units[c].tokens.upperBound, to: units[units.count - 1].tokens.upperBound,
                                     tokens: tokens, marks: marks, hasOnly: sentenceHasOnly) else { return }
            // "Love this app, but please add dark mode": a request after praise asks for more; it is not the verdict.
            guard !Self.opensWithRequest(at: units[c].tokens.upperBound, end: units[units.count - 1].tokens.upperBound, tokens: tokens) else {
                if explain { notes.append("a request after '\(name)': the praise before it still counts in full") }
                // What the request names ("reduce the ads", "fix the lag") is asked for, not the verdict: it weighs
                // as the writer's only complaint does.
                for u in units.indices where u > c && units[u].valence < 0 {
                    units[u].valence *= SentimentScorer.onlyComplaint
                    if explain { addRule(u, "asked for after '\(name)' (weighs less)") }
                }
                return
            }
            for u in units.indices where units[u].valence != 0 {
                if u < c {
                    units[u].valence *= SentimentScorer.concededClause
                    if explain { addRule(u, "before '\(name)' (weighs less)") }
                } else {
                    units[u].valence *= SentimentScorer.verdictClause
                    if explain { addRule(u, "after '\(name)' (weighs more)") }
                }
            }
        } else {
            var clauseEnd = units.count
            for u in (c + 1)..<units.count { if case .clauseBreak = units[u].role { clauseEnd = u; break } }
            let conceded = c..<clauseEnd
            let hasOther = units.indices.contains { !conceded.contains($0) && units[$0].valence != 0 }
            for u in units.indices where units[u].valence != 0 {
                if conceded.contains(u) {
                    units[u].valence *= SentimentScorer.concededClause
                    if explain { addRule(u, "conceded by '\(name)' (weighs less)") }
                } else if hasOther {
                    units[u].valence *= SentimentScorer.verdictClause
                    if explain { addRule(u, "main clause against '\(name)' (weighs more)") }
                }
            }
        }
    }
}
