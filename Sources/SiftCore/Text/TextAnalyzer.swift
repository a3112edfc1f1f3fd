import Synchronization

/// The text chain every later stage reads: tokens with offsets, folded forms, stems, sentences, negation scope
/// and language. A value shared by all threads; each thread makes its own worker.
public struct TextAnalyzer: Sendable {
    let lexicons: TextLexicons

    public init(lexicons: LexiconStore = .shipped) {
        self.lexicons = TextLexicons(lexicons)
    }

    /// A worker for one thread: it owns the stemmers and ICU iterators, which are not thread-safe.
    public func makeWorker() -> TextAnalyzerWorker {
        TextAnalyzerWorker(lexicons: lexicons)
    }
}

/// Word lists the analyzer reads, per ISO 639-1 language.
struct TextLexicons: Sendable {
    /// The files each language's stopwords, negators and contrast words are read from (`wordLists(_:)`).
    let store: LexiconStore
    var folder: TokenFolder
    var romanizedHindiMarkers: Set<String>
    /// The word lists of the plain-English shortcut, made on first use.
    let plainEnglish: PlainEnglishWords

    /// A language's stopwords, negators and contrast words, folded, in their files' order (a word may repeat).
    struct WordLists {
        var stopwords: [String]
        var negators: [String]
        var contrast: [String]
    }

    init(_ store: LexiconStore) {
        self.store = store
        plainEnglish = PlainEnglishWords(embedded: store.plainEnglishLists)
        folder = TokenFolder(doubleLetterWords: Self.lineSet(store, "common/double-letter-words.txt") { String(decoding: $0, as: UTF8.self) })
        romanizedHindiMarkers = Self.lineSet(store, "hi/romanized-markers.txt") { String(decoding: $0, as: UTF8.self) }
    }

    /// The word lists of `language` (`LANGUAGE/stopwords.txt`, `negators.txt`, `contrast.txt`; empty for a file the
    /// store lacks), read and folded when asked: a worker asks once for each language it makes rules for.
    // Lists, not `Set`s, as the rules of a language make `WordSet`s of them (inserting 957 words into Sets with SipHash
    // was 0.55 M instructions of every run's start). Read when a language is met, not all at start-up: folding the
    // thirty lists of ten languages was 0.9 M instructions of every run's start, and a run meets few of them.
    func wordLists(_ language: String) -> WordLists {
        WordLists(stopwords: foldedLines("\(language)/stopwords.txt"), negators: foldedLines("\(language)/negators.txt"),
                  contrast: foldedLines("\(language)/contrast.txt"))
    }

    /// The folded lines of a file (`LexiconStore.withLines`), empty when the store has no such file.
    private func foldedLines(_ path: String) -> [String] {
        let folder = folder
        return store.withLines(path) { bytes, lines in lines.map { folder.unicodeFolded(UnsafeBufferPointer(rebasing: bytes[$0])) } } ?? []
    }

    /// The languages with a stopword, negator or contrast list in the store.
    func wordListLanguages() -> Set<String> {
        Set(["stopwords.txt", "negators.txt", "contrast.txt"].flatMap { store.languages(withFile: $0) })
    }

    /// The set of `word(line)` over a file's lines (`LexiconStore.lines`), read as bytes: a Substring and a String of
    /// each line made first were half of building these sets.
    private static func lineSet(_ store: LexiconStore, _ path: String,
                                _ word: (UnsafeBufferPointer<UInt8>) -> String) -> Set<String> {
        store.withLines(path) { bytes, lines in
            var words = Set<String>(minimumCapacity: lines.count)
            for line in lines { words.insert(word(UnsafeBufferPointer(rebasing: bytes[line]))) }
            return words
        } ?? []
    }
}

/// The two word lists of `sift sentiment -`'s plain-English shortcut, made once per process on first use and shared
/// by every worker: from the lists `scripts/embed-lexicons` wrote for the shipped files, else from the files.
final class PlainEnglishWords: Sendable {
    typealias Lists = (englishVocabulary: WordSet, otherLanguageWords: WordSet)
    private let embedded: LexiconStore.PlainEnglishLists?
    private let made = Mutex<Lists?>(nil)

    init(embedded: LexiconStore.PlainEnglishLists?) {
        self.embedded = embedded
    }

    /// The lists, made the first time any worker asks; `lexicons` are those this belongs to.
    func lists(_ lexicons: TextLexicons) -> Lists {
        made.withLock { made in
            if let made { return made }
            // Inserting the embedded words is all the first text waits for: folding and splitting the lexicon files
            // were a sixth of its wait.
            let lists: Lists = if let embedded {
                (WordSet(lines: embedded.englishVocabulary, distinct: true, embedded: "englishVocabulary"),
                 WordSet(lines: embedded.otherLanguageWords, distinct: true, embedded: "otherLanguageWords"))
            } else {
                (WordSet(lexicons.computedEnglishVocabulary()), WordSet(lexicons.computedOtherLanguageWords()))
            }
            made = lists
            return lists
        }
    }
}

extension TextLexicons {
    /// English words sift's lexicons know: the English stopwords and the single-word terms of the English sentiment,
    /// domain, booster and failure lists, folded.
    // What `EmbeddedLexicons.englishVocabulary` holds for the shipped files (a test compares the two).
    func computedEnglishVocabulary() -> Set<String> {
        var words = Set(wordLists("en").stopwords)
        for file in ["en/sentiment.tsv", "en/domain.tsv", "en/boosters.tsv", "en/failures.tsv"] {
            LexiconStore.shipped.withLines(file) { bytes, lines in
                for line in lines {
                    // The tab is found by its byte (a tab is a Character of its own).
                    let whole = UnsafeBufferPointer(rebasing: bytes[line])
                    let term = UnsafeBufferPointer(rebasing: whole[..<(whole.firstIndex(of: 0x09) ?? whole.endIndex)])
                    guard !term.contains(UInt8(ascii: " ")) else { continue }
                    words.insert(SentimentLexicons.asciiFolded(term) ?? folder.unicodeFolded(String(decoding: term, as: UTF8.self)))
                }
            }
        }
        return words
    }

    /// Words in ASCII letters that point away from English: the stopwords, negators and contrast words of sift's other
    /// languages and the words of the multilingual and Spanish sentiment lexicons, less the English negators and
    /// contrast words ("no") and, among the words of expressions, English ones ("app" of "top app"). English words sift
    /// knows are told apart from them per word (`isKnownEnglish`).
    // Only ASCII entries: text with a word in other letters goes to language identification anyway. What
    // `EmbeddedLexicons.otherLanguageWords` holds for the shipped files (a test compares the two).
    func computedOtherLanguageWords() -> Set<String> {
        let englishLists = wordLists("en")
        let english = Set(englishLists.negators + englishLists.contrast)
        // Code-mixed expressions hold English words ("top app", "paisa time waste"): a word of an English expression
        // is not taken from another language's expression.
        var englishInExpressions = english
        for file in ["en/sentiment.tsv", "en/domain.tsv", "en/idioms.tsv", "en/boosters.tsv", "en/failures.tsv"] {
            Self.forEachTerm(of: file, expressionsOnly: true) { words, _ in englishInExpressions.formUnion(words) }
        }
        var words = Set<String>()
        for language in wordListLanguages() where language != "en" {
            let lists = wordLists(language)
            for list in [lists.stopwords, lists.negators, lists.contrast] {
                words.formUnion(list.lazy.filter { $0.utf8.allSatisfy { $0 < 0x80 } && !english.contains($0) })
            }
        }
        for file in ["common/multilingual.tsv", "es/sentiment.tsv"] {
            Self.forEachTerm(of: file) { termWords, isExpression in
                // Each word of an expression ("muito bom", "sangat membantu") points away by itself.
                words.formUnion(termWords.lazy.filter { !(isExpression ? englishInExpressions : english).contains($0) })
            }
        }
        return words
    }

    /// Calls `body` with the lower-cased words in ASCII letters of each term (the text before a tab) of a shipped
    /// lexicon file, and whether the term has more than one word; with `expressionsOnly`, of terms of several words only.
    // On bytes, a String made only for a word passed on: Substrings, `lowercased` and splitting made this a tenth of
    // the first text's wait. Lines are split here in the same pass rather than by `LexiconStore.withLines`: its
    // trimmed range array cost 3 M more instructions at start-up (126.6 → 129.7 M for the first line), and the
    // shipped files have no indented or trailing-space lines for the two to read differently.
    static func forEachTerm(of file: String, expressionsOnly: Bool = false, _ body: (_ words: [String], _ isExpression: Bool) -> Void) {
        guard var text = LexiconStore.shipped.text(file) else { return }
        text.withUTF8 { buffer in
            // Read through the base pointer: the English files are 150 KB, and checked reads of each byte added up.
            guard let bytes = buffer.baseAddress else { return }
            let count = buffer.count
            var words: [Range<Int>] = []
            var termWords: [String] = []
            var i = 0
            while i < count {
                let lineStart = i
                var termEnd = -1
                var hasSpace = false
                while i < count, bytes[i] != 0x0A, bytes[i] != 0x0D {
                    if termEnd < 0 {
                        if bytes[i] == 0x09 { termEnd = i } else if bytes[i] == UInt8(ascii: " ") { hasSpace = true }
                    }
                    i += 1
                }
                if termEnd < 0 { termEnd = i }
                i += 1
                guard lineStart < termEnd, bytes[lineStart] != UInt8(ascii: "#"), !expressionsOnly || hasSpace else { continue }
                // The term's words: runs of bytes other than spaces.
                words.removeAll(keepingCapacity: true)
                var k = lineStart
                while k < termEnd {
                    guard bytes[k] != UInt8(ascii: " ") else {
                        k += 1
                        continue
                    }
                    let start = k
                    while k < termEnd, bytes[k] != UInt8(ascii: " ") { k += 1 }
                    words.append(start..<k)
                }
                guard !words.isEmpty, !expressionsOnly || words.count > 1 else { continue }
                termWords.removeAll(keepingCapacity: true)
                for range in words where range.allSatisfy({ bytes[$0] < 0x80 }) {
                    termWords.append(String(unsafeUninitializedCapacity: range.count) { out in
                        for n in range { out[n - range.lowerBound] = bytes[n] >= 0x41 && bytes[n] <= 0x5A ? bytes[n] | 0x20 : bytes[n] }
                        return range.count
                    })
                }
                body(termWords, words.count > 1)
            }
        }
    }
}

/// One thread's analyzer; not thread-safe.
// Stored properties are `@exclusivity(unchecked)`: one thread uses a worker, no access to them overlaps another, and
// the runtime checks of each access were 1.5 % of `sift sentiment -`.
public final class TextAnalyzerWorker {
    let lexicons: TextLexicons
    /// Rules by language, made on first use and never removed (`englishRules` relies on it).
    @exclusivity(unchecked) private var wordRules: [String: WordRules] = [:]
    // The last answer of `rulesAndEnglish`, in three properties: one optional tuple was copied (three references
    // retained and released) on every text.
    @exclusivity(unchecked) private var lastRulesLanguage = ""
    @exclusivity(unchecked) private var lastRules: WordRules?
    @exclusivity(unchecked) private var lastEnglishRules: WordRules?
    /// Every answer of `rulesAndEnglish` by language: one hashed lookup on a change of language, where asking `wordRules`
    /// and `nonLatinLanguages` was two or three (0.5 M instructions on gp.txt's 540 changes).
    @exclusivity(unchecked) private var rulesWithEnglish: [String: (WordRules, WordRules?)] = [:]
    /// `rules(for: "en")`, once made (`englishRules()`), unretained: `wordRules` holds it as long as the worker lives.
    @exclusivity(unchecked) private var knownEnglishRules: Unmanaged<WordRules>?
    /// The `WordSpaces` number of the memo whose indices the last tokenized text's `wordID`s are, 0 for none.
    @exclusivity(unchecked) private var lastWordSpace = 0
    /// The scanner's token storage, reused from text to text.
    private let scannedStorage = ScannedTokens()
    /// Where a text's build puts tokens past its slots (`TokenBuild.spill`), emptied after each text.
    private let spilledTokens = SpilledTokens()
    /// Folded forms of words with letters outside ASCII, by the bytes as written: Unicode normalization costs about
    /// 10,000 instructions a word, and review vocabularies repeat. Starts over past `WordRules.limit` words.
    // Keyed by bytes (FNV-1a and a byte compare): a String key was hashed with SipHash after NFC normalization,
    // 3,000 instructions a word.
    @exclusivity(unchecked) private var nonASCIIWordFolds = FoldMemo(limit: WordRules.limit)
    /// Each ASCII byte as a one-mark string (`TokenFolder.asciiMarks`), and the marks' `WordHash`es.
    private let asciiMarks = TokenFolder.asciiMarks
    private let asciiMarkHashes = TokenFolder.asciiMarks.map { WordHash.of($0) }
    /// Each ASCII byte's punctuation token at 0..<0, copied as bytes (`Token.StringLayout.copy`: one-byte strings
    /// are small and own no memory); read only with `stringLayout`.
    private let asciiMarkTokens = TokenFolder.asciiMarks.map { mark in
        Token(kind: .punctuation, utf8Range: 0..<0, folded: mark, foldedHash: WordHash.of(mark), stem: mark, stemHash: WordHash.of(mark),
              flags: TextAnalyzerWorker.punctuationFlags(mark))
    }
    /// `Token.StringLayout.found`, kept here: a global's once-check for every text.
    private let stringLayout = Token.StringLayout.found
    /// Tokens no word list decides (marks other than one ASCII byte, emoji, emoticons, numbers, links, mentions,
    /// prices) by their bytes as written, as `appendOther` makes them. Starts over past `WordRules.limit` tokens.
    // Review sets repeat them ("!!!", "...", "👍", "5"): folding, hashing and flagging one again (a repeated mark's
    // string built and hashed and its flags read from it; an emoji's bytes looked up in a memo of folded forms and
    // its token built and its string retained) was ~400 instructions a token.
    @exclusivity(unchecked) private var otherTokens = WrittenWordTable<WrittenOtherToken>()
    private lazy var wordBreaker: WordBreaker? = WordBreaker()
    private lazy var identifier: LanguageIdentifier? = LanguageIdentifier(
        engine: .cld2, romanizedHindiMarkers: lexicons.romanizedHindiMarkers)
    /// When above 0, `analyze` takes text whose words are all in ASCII letters (emoji and marks may be anything),
    /// with at least this many English stopwords among them, and no
    /// marker word of Hindi written in Latin letters, as English without running language identification (CLD2 was
    /// a quarter of the time of `sift sentiment -`). For callers that only need a lexicon; records keep CLD2's
    /// language because `sift analyze` leaves this at 0.
    @exclusivity(unchecked) public var plainEnglishStopwords = 0
    /// The settings `sift sentiment -` uses: two stopwords, or three in five words known to sift's English lexicons.
    public static let sentimentPlainEnglishStopwords = 2
    public static let sentimentPlainEnglishKnownShare = 0.6
    /// Texts pass as plain English too when at least this share of their words are English words sift's
    /// lexicons know (stopwords and single-word sentiment, domain, booster and failure terms), or when none of their
    /// words is a word of another language sift knows (`otherLanguageWords`); 0 turns both off.
    @exclusivity(unchecked) public var plainEnglishKnownShare = 0.0
    /// English words sift's lexicons know and words in ASCII letters that point away from English
    /// (`TextLexicons.computedEnglishVocabulary()`, `.computedOtherLanguageWords()`), read only when
    /// `plainEnglishKnownShare` is set.
    // Shared by every worker (`PlainEnglishWords`): built per worker, each thread paid for them again.
    private lazy var plainEnglishWords = lexicons.plainEnglish.lists(lexicons)

    /// Negation scope covers at most this many tokens after the negator ("no *dark mode*", "don't *like the new
    /// update*"), and ends sooner at clause punctuation or a contrast word.
    static let negationScope = 4

    init(lexicons: TextLexicons) {
        self.lexicons = lexicons
    }

    /// Tokenizes, folds, stems and flags `text`; `languageHint` (ISO 639-1, e.g. from the source) overrides detection.
    public func analyze(_ text: String, languageHint: String? = nil) -> AnalyzedText {
        var result = AnalyzedText(text: "", tokens: [], sentences: [], language: "und", languageConfidence: 0)
        analyze(text, languageHint: languageHint, into: &result)
        return result
    }

    /// `analyze(_:languageHint:)` into `result`, reusing the storage of its tokens and sentences: a thread that
    /// analyzes many texts in turn passes the same value each time and allocates no token arrays.
    // The fields of `result` are written in place and the last text's tokens overwritten slot by slot: rebuilding the
    // value and emptying its token array (each token destroyed through the generic value witness) were 900
    // instructions a review of `sift sentiment -`.
    public func analyze(_ text: String, languageHint: String? = nil, into result: inout AnalyzedText) {
        var text = text
        text.makeContiguousUTF8()
        _ = text.utf8.withContiguousStorageIfAvailable { bytes in
            analyze(bytes, languageHint: languageHint, into: &result)
        }
        result.text = consume text
    }

    /// What both `analyze(_:languageHint:into:)` and `analyze(validUTF8:languageHint:into:)` do, on the text's bytes
    /// (language identification reads them too: no String is made for it).
    private func analyze(_ bytes: UnsafeBufferPointer<UInt8>, languageHint: String?, into result: inout AnalyzedText) {
        guard languageHint == nil, plainEnglishStopwords > 0 else {
            return analyzeIdentified(bytes, languageHint: languageHint, tokenized: false, into: &result)
        }
        guard let share = plainEnglish(bytes, tokens: &result.tokens, sentences: &result.sentences) else {
            return analyzeIdentified(bytes, languageHint: nil, tokenized: true, into: &result)
        }
        // Most texts of a run are plainly English: the value is kept when it is "en" already (replacing it called
        // the runtime to release the last one).
        if result.language != "en" { result.language = "en" }
        result.languageConfidence = share
        result.wordSpace = lastWordSpace
    }

    /// `analyze` of a text in the language `languageHint` names or language identification finds; `tokenized` when
    /// the plain-English attempt has left its tokens by English rules in `result`.
    // Out of line: with language identification in it, the plain-English path saved and restored more registers.
    @inline(never)
    private func analyzeIdentified(_ bytes: UnsafeBufferPointer<UInt8>, languageHint: String?, tokenized: Bool,
                                   into result: inout AnalyzedText) {
        let (language, confidence) = languageOf(bytes, hint: languageHint)
        // Text identified as English, or too short to tell, is tokenized by English rules: the attempt did that.
        if !(tokenized && (language == "en" || language == "und")) {
            tokenize(bytes, language: language, into: &result.tokens, sentences: &result.sentences)
        }
        result.language = language
        result.languageConfidence = confidence
        result.wordSpace = lastWordSpace
    }

    /// Tokenizes `bytes` by English rules into `tokens` and `sentences`; returns the share of its words that are
    /// English stopwords (given as the confidence) when the text is plainly English by `plainEnglishStopwords` and
    /// `plainEnglishKnownShare`, else nil.
    // Inlined into `analyze`, which has little else to do: the call, its frame and the arguments passed were ~25
    // instructions a text.
    @inline(__always)
    private func plainEnglish(_ bytes: UnsafeBufferPointer<UInt8>, tokens: inout TokenList, sentences: inout [Range<Int>]) -> Double? {
        var evidence = EnglishEvidence()
        // Borrowed: a reference taken from the property was retained and released around each text (40 instructions).
        englishRules()._withUnsafeGuaranteedRef { rules in
            tokenize(bytes, rules: rules, english: nil, evidence: &evidence, into: &tokens, sentences: &sentences)
        }
        // Text in ASCII letters with no word of another language sift knows is English too: CLD2 called 4,085 of the
        // 4,232 such Google Play reviews English or undetermined (then scored with the English lexicon), at ~17,000
        // instructions a text.
        guard evidence.hindiMarkers == 0, evidence.nonASCIIWords == 0, evidence.stopwords >= plainEnglishStopwords
                || plainEnglishKnownShare > 0 && (Double(evidence.knownWords) >= plainEnglishKnownShare * Double(evidence.words)
                    || evidence.otherLanguageWords == 0)
        else { return nil }
        return Double(evidence.stopwords) / Double(max(evidence.words, 1))
    }

    /// What tokenizing found that tells English text from other text in Latin letters.
    struct EnglishEvidence {
        var words = 0
        var stopwords = 0
        var hindiMarkers = 0
        var knownWords = 0
        /// Words with letters outside ASCII after folding (emoji and typographic apostrophes do not count).
        var nonASCIIWords = 0
        /// Words of another language sift knows that are not English words it knows (`WordRules.Word.isOtherLanguage`).
        var otherLanguageWords = 0
    }

    /// The language to analyze in: the hint when it names one, else what CLD2 finds (`und` for texts too short to
    /// tell, which are then tokenized and stemmed by English rules, the most common language of app reviews).
    func languageOf(_ bytes: UnsafeBufferPointer<UInt8>, hint: String?) -> (String, Double) {
        if let hint, let code = Self.isoCode(hint) { return (code, 1) }
        guard let guess = identifier?.identify(utf8: bytes) else { return ("und", 0) }
        return (guess.language, guess.confidence)
    }

    /// "en", "en-US", "pt_BR", "EN" → the two-letter code; nil for anything else.
    static func isoCode(_ tag: String) -> String? {
        // Byte-level: this runs once per record, and Character-level parsing showed up in profiles.
        let utf8 = tag.utf8
        guard utf8.count >= 2 else { return nil }
        var iterator = utf8.makeIterator()
        guard let a = iterator.next(), let b = iterator.next(), a.isASCIILetter, b.isASCIILetter else { return nil }
        if let separator = iterator.next(), separator != UInt8(ascii: "-"), separator != UInt8(ascii: "_") { return nil }
        let code = String(decoding: [a | 0x20, b | 0x20], as: UTF8.self)
        return code == "un" ? nil : code
    }

    // MARK: tokens

    private func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, language: String, into tokens: inout TokenList, sentences: inout [Range<Int>]) {
        var evidence = EnglishEvidence()
        let (rules, english) = rulesAndEnglish(for: language == "und" ? "en" : language)
        tokenize(bytes, rules: rules, english: english, evidence: &evidence, into: &tokens, sentences: &sentences)
    }

    /// The tokens of one text as they are made, with what the passes after need.
    // Plain local state that no closure or nested function captures: captured, each update of it went through a
    // runtime access check.
    private struct TokenBuild {
        /// The next of the token list's slots (`TokenList.beginRefill`), which have room for one token per scanned
        /// token and are initialized from the front without destroying what they held, and the end of the slots.
        // A cursor rather than a count: a token's slot is then found without a multiply and two loads.
        var next: UnsafeMutablePointer<Token>
        let end: UnsafeMutablePointer<Token>
        /// Where tokens past the slots go (a run of letters word breaking split into several): the worker's
        /// `spilledTokens`, and whether any went there.
        // Unretained, so that the build holds no reference: with an array of its own, it was destroyed through a call
        // every text (~20 instructions).
        let spilled: Unmanaged<SpilledTokens>
        var hasSpilled = false
        /// Whether no token put in the slots so far owns memory (`Token.StringLayout.ownsNoMemory`); false without
        /// `layout`.
        var ownsNoMemory: Bool
        var capsCandidates = 0
        var capsWords = 0
        var evidence = EnglishEvidence()
        /// Memo words' counts not yet added into `evidence` and the capitals counts (`addCounts`).
        var counts = WordCounts()
        let layout: Token.StringLayout?

        /// Stores `token` as the next token of the text.
        @inline(__always)
        mutating func put(_ token: consuming Token) {
            if next < end {
                next.initialize(to: token)
                if ownsNoMemory, let layout, !layout.ownsNoMemory(next) { ownsNoMemory = false }
                next += 1
            } else {
                spill(token)
            }
        }

        private mutating func spill(_ token: Token) {
            spilled._withUnsafeGuaranteedRef { $0.tokens.append(token) }
            hasSpilled = true
        }

        /// Stores a copy of the token at `plain`, whose strings own no memory (`Token.StringLayout.isPlain`; only
        /// with `layout`), moved to `utf8Range`, as `put` does: copied as bytes, nothing is retained or released for it.
        @inline(__always)
        mutating func put(copyOf plain: UnsafeRawPointer, utf8Range: Range<Int>, breakBefore: Bool) {
            guard _fastPath(next < end) else {
                var token = plain.load(as: Token.self)
                token.utf8Range = utf8Range
                if breakBefore { token.flags.insert(.lineBreakBefore) }
                spill(token)
                return
            }
            Token.StringLayout.copy(plain, to: next)
            next.pointee.utf8Range = utf8Range
            if breakBefore { next.pointee.flags.insert(.lineBreakBefore) }
            next += 1
        }

        /// Adds `counts` into `evidence` and the capitals counts, and empties it.
        // Wrapping adds: each count is at most the text's token count, so none overflows (the checks were 7
        // instructions a text).
        mutating func addCounts() {
            evidence.words &+= counts.words
            evidence.stopwords &+= counts.stopwords
            evidence.hindiMarkers &+= counts.hindiMarkers
            evidence.knownWords &+= counts.knownWords
            evidence.otherLanguageWords &+= counts.otherLanguageWords
            evidence.nonASCIIWords &+= counts.nonASCIIWords
            capsCandidates &+= counts.capsCandidates
            capsWords &+= counts.capsWords
            counts = WordCounts()
        }
    }

    /// Puts the tokens and sentences of `bytes` into `tokens` and `sentences`, replacing what they held, by `rules`
    /// and, for ASCII words of a text in a language not written in Latin letters, `english` (`rulesAndEnglish`).
    // Inlined into its two callers: left out of line once the refill's vouching was added, it cost ~30 instructions a
    // text in calls and copies.
    @inline(__always)
    private func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, rules: WordRules, english: WordRules?, evidence: inout EnglishEvidence,
                          into tokens: inout TokenList, sentences: inout [Range<Int>]) {
        var scanner = TokenScanner(bytes: bytes, reusing: scannedStorage)
        scanner.scan()
        let scannedTokens = scannedStorage

        let spaceAtStart = rules.writtenMemo.space
        // One slot per scanned token, so tokens are written through a pointer.
        let slots = tokens.beginRefill(minimumCapacity: scannedTokens.count, layout: stringLayout)
        let first = slots.baseAddress.unsafelyUnwrapped
        var build = TokenBuild(next: first, end: first + slots.count, spilled: Unmanaged.passUnretained(spilledTokens),
                               ownsNoMemory: stringLayout != nil, evidence: evidence, layout: stringLayout)
        append(scannedTokens, bytes: bytes, rules: rules, english: english, memo: &rules.writtenMemo, to: &build)
        // Tokens past the slots (`spilled`) are appended after.
        tokens.endRefill(count: build.next - first)
        // Word ids index the memo only if it did not start over during the text; only ASCII words of Latin-script
        // text get them.
        lastWordSpace = english == nil && rules.writtenMemo.space == spaceAtStart ? spaceAtStart : 0
        evidence = build.evidence
        // Tokens past the slots were not tested as they were put.
        var ownsNoMemory = build.ownsNoMemory
        if build.hasSpilled {
            tokens.append(contentsOf: spilledTokens.tokens)
            spilledTokens.tokens.removeAll(keepingCapacity: true)
            ownsNoMemory = false
        }

        // Capitals are emphasis only against lower-case text around them.
        markSentencesAndScopes(&tokens, removingCaps: build.capsWords > 0 && build.capsWords == build.capsCandidates,
                               contrast: rules.contrastWords, into: &sentences)
        // Vouched for after the closing pass, which writes no strings: the next text's refill then tests none of the
        // tokens (memo words and ASCII marks own no memory by how they are copied, and the others were tested as put).
        if ownsNoMemory, let layout = stringLayout { tokens.vouchOwnsNoMemory(layout: layout) }
    }

    /// Folds, stems and flags the scanned tokens and appends them to `build`.
    // Out of line, so that `append` is inlined here: inlined into a larger caller, it was not.
    @inline(never)
    private func append(_ scannedTokens: ScannedTokens, bytes: UnsafeBufferPointer<UInt8>, rules: WordRules, english: WordRules?,
                        memo: inout WordRules.WrittenMemo, to build: inout TokenBuild) {
        // In runs that a memo word's lane cannot overflow in (`WordCounts.laneLimit`): at most one a scanned token.
        // Through a pointer: nothing the loop calls writes the scanner's storage.
        let taken = scannedTokens.taken
        var runStart = 0
        while runStart < taken.count {
            // Wrapping: `runStart` is below the count of tokens in memory, far from the top of `Int`.
            let runEnd = min(taken.count, runStart &+ WordCounts.laneLimit)
            // Each token's fields read where they are used, through its pointer: a copy of the token loaded all of
            // them before the memo probe, and the ones only the rarer paths read were spilled around it.
            var scanned = taken.baseAddress.unsafelyUnwrapped + runStart
            let scannedEnd = taken.baseAddress.unsafelyUnwrapped + runEnd
            while scanned < scannedEnd {
                // The branches marked likely and unlikely (`_fastPath`, `_slowPath`) down to a memo word's copy: the
                // compiler then keeps a memo word's values in registers and spills around the rarer paths' calls.
                if _slowPath(scanned.pointee.needsWordBreak), let breaker = wordBreaker {
                    appendWords(of: scanned.pointee, breaker: breaker, bytes: bytes, rules: rules, english: english, memo: &memo, to: &build)
                } else {
                    append(scanned, breakBefore: scanned.pointee.afterLineBreak, bytes: bytes, rules: rules, english: english,
                           memo: &memo, to: &build)
                }
                scanned += 1
            }
            build.addCounts()
            runStart = runEnd
        }
    }

    /// Appends the words dictionary word break finds in a scanned run of letters of a script written without spaces.
    // Out of line: a second inlined `append` in the token loop left it too large for the first to be inlined.
    @inline(never)
    private func appendWords(of scanned: ScannedToken, breaker: WordBreaker, bytes: UnsafeBufferPointer<UInt8>, rules: WordRules,
                             english: WordRules?, memo: inout WordRules.WrittenMemo, to build: inout TokenBuild) {
        let base = scanned.range.lowerBound
        var first = true
        breaker.forEachSegment(UnsafeBufferPointer(rebasing: bytes[scanned.range])) { segment in
            var piece = scanned
            piece.range = (base + segment.lowerBound)..<(base + segment.upperBound)
            piece.isASCII = false
            piece.needsWordBreak = true
            if piece.range.allSatisfy({ bytes[$0].isASCIIDigit }) {
                piece.kind = .number
                piece.isASCII = true
            }
            withUnsafePointer(to: piece) { piece in
                append(piece, breakBefore: first && scanned.afterLineBreak, bytes: bytes, rules: rules, english: english,
                       memo: &memo, to: &build)
            }
            first = false
        }
    }

    /// Folds, stems and flags the scanned token at `scanned` and appends it to `build`.
    @inline(__always)
    private func append(_ scanned: UnsafePointer<ScannedToken>, breakBefore: Bool, bytes: UnsafeBufferPointer<UInt8>, rules: WordRules,
                        english: WordRules?, memo: inout WordRules.WrittenMemo, to build: inout TokenBuild) {
        // Words, most tokens: their facts are read in place from the rules' memo of words as written (copying the
        // memo entry retained and released its strings); all but those word break splits.
        if _fastPath(scanned.pointee.kind == .word && (scanned.pointee.isASCII || !scanned.pointee.needsWordBreak)) {
            // Found without a closure: the one that folded a new word captured the worker, which was retained and
            // released for every word.
            let (hash, head) = WrittenWordTable<Int32>.hashAndHead(in: bytes, scanned.pointee.range)
            let found = memo.table.entryIndex(in: bytes, scanned.pointee.range, hash: hash, head: head)
            let index = _fastPath(found != nil) ? found.unsafelyUnwrapped
                : scanned.pointee.isASCII && english == nil
                    ? rules.addWrittenWord(UnsafeBufferPointer(rebasing: bytes[scanned.pointee.range]), hash: hash, head: head,
                                           folder: lexicons.folder, to: &memo)
                    : addWrittenFoldedWord(scanned.pointee, bytes: bytes, rules: rules, english: english, hash: hash, head: head, to: &memo)
            // Read in place through one buffer pointer: copying the entry retained and released its strings.
            memo.table.withEntries { entries in
                build.counts.add(entries[index].value.counts)
                // A plain token implies a found layout, so `build.layout` is set.
                if _fastPath(entries[index].value.isPlain) {
                    // The token's offset in the entry (stored properties: never nil) is a constant once compiled; kept
                    // in a property of the worker, it was loaded for every word.
                    build.put(copyOf: UnsafeRawPointer(entries.baseAddress.unsafelyUnwrapped + index)
                                  + MemoryLayout<WrittenWordTable<WordRules.WrittenWord>.Entry>.offset(of: \.value.token).unsafelyUnwrapped,
                              utf8Range: scanned.pointee.range, breakBefore: breakBefore)
                } else {
                    var token = entries[index].value.token
                    token.utf8Range = scanned.pointee.range
                    if breakBefore { token.flags.insert(.lineBreakBefore) }
                    build.put(token)
                }
            }
            return
        }
        if scanned.pointee.kind == .punctuation, !scanned.pointee.repeated, scanned.pointee.range.count == 1,
           bytes[scanned.pointee.range.lowerBound] < 0x80 {
            // One ASCII mark, most punctuation: folded as itself (`TokenFolder`), its string and hash made once per
            // worker (folding and hashing it were 200 instructions a mark).
            let byte = Int(bytes[scanned.pointee.range.lowerBound])
            // One-byte strings are small: they own no memory.
            if build.layout != nil {
                asciiMarkTokens.withUnsafeBufferPointer { marks in
                    build.put(copyOf: marks.baseAddress.unsafelyUnwrapped + byte, utf8Range: scanned.pointee.range, breakBefore: breakBefore)
                }
            } else {
                var flags = asciiMarkTokens[byte].flags
                if breakBefore { flags.insert(.lineBreakBefore) }
                build.put(Token(kind: .punctuation, utf8Range: scanned.pointee.range, folded: asciiMarks[byte], foldedHash: asciiMarkHashes[byte],
                                stem: asciiMarks[byte], stemHash: asciiMarkHashes[byte], flags: flags))
            }
            return
        }
        if scanned.pointee.kind == .word || scanned.pointee.kind == .hashtag {
            appendFolded(scanned.pointee, breakBefore: breakBefore, bytes: bytes, rules: rules, english: english, to: &build)
        } else {
            // The memo passed in: read as the worker's property, it was copied (its arrays retained) for each access.
            appendOther(scanned.pointee, breakBefore: breakBefore, bytes: bytes, memo: &otherTokens, to: &build)
        }
    }

    /// Adds a word not in `memo.table` (its bytes as written, their `hashAndHead` hash and head) that
    /// `WordRules.addWrittenWord` does not make: one with letters beyond ASCII, or any word of a text whose rules come
    /// with `english` (`rulesAndEnglish`). Made as `appendFolded` makes it; returns its entry index. Its token has no
    /// `wordID`, as before such words were remembered.
    // A word's bytes hold a byte beyond ASCII exactly when the scanner says it is not ASCII, so no key of these is an
    // ASCII word's of `addWrittenWord`; and a language's rules always come with the same `english` (nil for the
    // languages written in Latin letters), so one memo never holds words made with it and without. Remembered:
    // folding, stemming through the rules' memos (two for an ASCII word with `english`), flagging and building the
    // token again were ~450 instructions a word (an accented word, one with a typographic apostrophe, a Latin-letter
    // word in a Hindi or Russian review).
    @inline(never)
    private func addWrittenFoldedWord(_ scanned: ScannedToken, bytes: UnsafeBufferPointer<UInt8>, rules: WordRules, english: WordRules?,
                                      hash: Int, head: (UInt64, UInt64), to memo: inout WordRules.WrittenMemo) -> Int {
        let written = UnsafeBufferPointer(rebasing: bytes[scanned.range])
        let (form, foldedHash, word) = foldedWord(scanned, bytes: bytes, rules: rules, english: english)
        var flags = word.flags
        if form.elongated { flags.insert(.elongated) }
        if form.allCaps { flags.insert(.allCaps) }
        let isCapsCandidate = form.folded.utf8.count > 1 || form.allCaps
        let counts = WordCounts(isStopword: word.flags.contains(.stopword), isHindiMarker: word.isHindiMarker,
                                isKnownEnglish: word.isKnownEnglish, isOtherLanguage: word.isOtherLanguage,
                                isCapsCandidate: isCapsCandidate, isCaps: isCapsCandidate && form.allCaps,
                                isNonASCII: !scanned.isASCII && Self.isBeyondASCII(form.folded))
        if memo.table.count >= WordRules.limit {
            memo.table.removeAll()
            memo.space = WordSpaces.next()
        }
        let index = memo.table.count
        let token = Token(kind: .word, utf8Range: 0..<0, folded: form.folded, foldedHash: foldedHash, stem: word.stem,
                          stemHash: word.stemHash, flags: flags)
        memo.table.insert(written, WordRules.WrittenWord(token: token, isPlain: Token.StringLayout.isPlain(token), counts: counts),
                          hash: hash, head: head)
        return index
    }

    /// Appends a word or hashtag that is not read from the memo of words as written, folded, stemmed and flagged.
    // Out of line, as `appendOther`: a few tokens a review, which inlined would leave the word loop more to keep
    // in registers.
    /// A word's or hashtag's folded form, its hash and what the rules say of it, as `appendFolded` and
    /// `addWrittenFoldedWord` both make them: an ASCII word of a text whose rules come with English rules is an English
    /// word with its language's flags too; a piece word break made (`needsWordBreak`) is not stemmed.
    @inline(__always)
    private func foldedWord(_ scanned: ScannedToken, bytes: UnsafeBufferPointer<UInt8>, rules: WordRules,
                            english: WordRules?) -> (form: FoldedForm, hash: Int, word: WordRules.Word) {
        let hashedForm: (form: FoldedForm, hash: Int)
        if !scanned.isASCII {
            // A hashtag's bytes start with '#' and a word's never do, so the bytes alone say how they fold.
            hashedForm = nonASCIIWordFolds.form(UnsafeBufferPointer(rebasing: bytes[scanned.range])) { lexicons.folder.fold(scanned, bytes: bytes) }
        } else {
            let form = lexicons.folder.fold(scanned, bytes: bytes)
            hashedForm = (form, WordHash.of(form.folded))
        }
        let (form, foldedHash) = hashedForm
        var word: WordRules.Word
        if let english, scanned.isASCII {
            word = english.word(form.folded, hash: foldedHash, stem: true)
            word.flags.formUnion(rules.word(form.folded, hash: foldedHash, stem: false).flags)
        } else {
            word = rules.word(form.folded, hash: foldedHash, stem: !scanned.needsWordBreak)
        }
        return (form, foldedHash, word)
    }

    @inline(never)
    private func appendFolded(_ scanned: ScannedToken, breakBefore: Bool, bytes: UnsafeBufferPointer<UInt8>, rules: WordRules,
                              english: WordRules?, to build: inout TokenBuild) {
        let (form, foldedHash, word) = foldedWord(scanned, bytes: bytes, rules: rules, english: english)
        var flags: Token.Flags = breakBefore ? .lineBreakBefore : []
        if form.elongated { flags.insert(.elongated) }
        if form.allCaps { flags.insert(.allCaps) }
        if scanned.kind == .word, form.folded.utf8.count > 1 || form.allCaps {
            build.capsCandidates += 1
            if form.allCaps { build.capsWords += 1 }
        }
        flags.formUnion(word.flags)
        if scanned.kind == .word {
            build.evidence.words += 1
            if !scanned.isASCII, Self.isBeyondASCII(form.folded) { build.evidence.nonASCIIWords += 1 }
            if word.flags.contains(.stopword) { build.evidence.stopwords += 1 }
            if word.isHindiMarker { build.evidence.hindiMarkers += 1 }
            if word.isKnownEnglish { build.evidence.knownWords += 1 }
            if word.isOtherLanguage { build.evidence.otherLanguageWords += 1 }
        }
        build.put(Token(kind: scanned.kind, utf8Range: scanned.range, folded: form.folded, foldedHash: foldedHash,
                        stem: word.stem, stemHash: word.stemHash, flags: flags))
    }

    /// Whether a folded form has a byte beyond ASCII, its bytes read where they are: through the `UTF8View`'s
    /// iterator it was ~85 instructions a new word beyond ASCII.
    @inline(__always)
    static func isBeyondASCII(_ folded: String) -> Bool {
        folded.utf8.withContiguousStorageIfAvailable { $0.contains { $0 >= 0x80 } } ?? folded.utf8.contains { $0 >= 0x80 }
    }

    /// A token no word list decides, as `appendOther` makes it from its bytes (`otherTokens`).
    struct WrittenOtherToken {
        /// The token at 0..<0 with no line break before it.
        var token: Token
        /// Whether `token`'s strings own no memory (`Token.StringLayout.isPlain`).
        var isPlain: Bool
        /// How its bytes were scanned: the same bytes scanned otherwise are made anew.
        var scanned: Scanned

        /// What of a scanned token besides its bytes makes its token (`TokenFolder.fold` reads them).
        struct Scanned: Equatable {
            var kind: Token.Kind
            var isASCII: Bool
            var repeated: Bool

            @inline(__always)
            init(_ scanned: ScannedToken) {
                kind = scanned.kind
                isASCII = scanned.isASCII
                repeated = scanned.repeated
            }
        }
    }

    /// Appends a scanned token other than a word or a hashtag to `build`: from `otherTokens` when its bytes were seen
    /// scanned alike, else made and remembered there.
    // Out of line: a few tokens a review.
    @inline(never)
    private func appendOther(_ scanned: ScannedToken, breakBefore: Bool, bytes: UnsafeBufferPointer<UInt8>,
                             memo: inout WrittenWordTable<WrittenOtherToken>, to build: inout TokenBuild) {
        let (hash, head) = WrittenWordTable<Int32>.hashAndHead(in: bytes, scanned.range)
        let index: Int
        if let found = memo.entryIndex(in: bytes, scanned.range, hash: hash, head: head) {
            index = found
        } else {
            let token = otherToken(scanned, bytes: bytes)
            if memo.count >= WordRules.limit { memo.removeAll() }
            index = memo.count
            memo.insert(UnsafeBufferPointer(rebasing: bytes[scanned.range]),
                        WrittenOtherToken(token: token, isPlain: Token.StringLayout.isPlain(token), scanned: .init(scanned)),
                        hash: hash, head: head)
        }
        guard memo.withEntries({ $0[index].value.scanned == .init(scanned) }) else {
            // The same bytes scanned as another kind, or repeated otherwise: made again, as they may fold otherwise.
            var token = otherToken(scanned, bytes: bytes)
            token.utf8Range = scanned.range
            if breakBefore { token.flags.insert(.lineBreakBefore) }
            return build.put(token)
        }
        // Read in place: copying the entry retained and released its strings.
        memo.withEntries { entries in
            if entries[index].value.isPlain {
                build.put(copyOf: UnsafeRawPointer(entries.baseAddress.unsafelyUnwrapped + index)
                              + MemoryLayout<WrittenWordTable<WrittenOtherToken>.Entry>.offset(of: \.value.token).unsafelyUnwrapped,
                          utf8Range: scanned.range, breakBefore: breakBefore)
            } else {
                var token = entries[index].value.token
                token.utf8Range = scanned.range
                if breakBefore { token.flags.insert(.lineBreakBefore) }
                build.put(token)
            }
        }
    }

    /// The token of a scanned token other than a word or a hashtag at 0..<0, with no line break before it.
    private func otherToken(_ scanned: ScannedToken, bytes: UnsafeBufferPointer<UInt8>) -> Token {
        let form = lexicons.folder.fold(scanned, bytes: bytes)
        let foldedHash = WordHash.of(form.folded)
        var flags: Token.Flags = form.elongated ? .elongated : []
        if scanned.kind == .punctuation { flags.formUnion(Self.punctuationFlags(form.folded)) }
        if scanned.kind == .emoji || scanned.kind == .emoticon { flags.formUnion([.outsideScopeMark, .endsScopeMark]) }
        if scanned.kind == .number { flags.insert(.numberMark) }
        return Token(kind: scanned.kind, utf8Range: 0..<0, folded: form.folded, foldedHash: foldedHash, stem: form.folded,
                     stemHash: foldedHash, flags: flags)
    }

    /// Languages not written in Latin letters.
    static let nonLatinLanguages: Set<String> = [
        "hi", "ru", "uk", "bg", "sr", "mk", "be", "kk", "el", "ar", "fa", "ur", "he", "yi", "ja", "zh", "ko", "th",
        "lo", "km", "my", "hy", "ka", "ta", "te", "kn", "ml", "bn", "gu", "pa", "mr", "ne", "si", "am",
    ]

    /// Words after which a decimal number is a version ("iOS 12.0", "update 4.2"), not a quantity ("4.5 stars").
    static let versionCues: Set<String> = [
        "version", "ver", "v", "update", "updated", "upgrade", "ios", "android", "os", "build", "release", "app",
        "versión", "versao", "versão", "versione", "versie", "mise", "jour", "actualización", "atualização",
    ]

    /// The rules of a language, with the English rules when the language is not written in Latin letters: Latin-script
    /// words in such a text (Hinglish, English in a Russian review) are mostly English and get English stems and word
    /// lists. The last answer is kept, as most texts of a run share a language: two hashed lookups per text were a
    /// few percent of `sift sentiment -`.
    private func rulesAndEnglish(for language: String) -> (WordRules, WordRules?) {
        if let last = lastRules, lastRulesLanguage == language { return (last, lastEnglishRules) }
        let made = rulesWithEnglish[language] ?? madeRulesAndEnglish(for: language)
        lastRulesLanguage = language
        lastRules = made.0
        lastEnglishRules = made.1
        return made
    }

    /// `rulesAndEnglish` for a language it has not answered for yet.
    private func madeRulesAndEnglish(for language: String) -> (WordRules, WordRules?) {
        let made = (rules(for: language), Self.nonLatinLanguages.contains(language) ? rules(for: "en") : nil)
        rulesWithEnglish[language] = made
        return made
    }

    /// The English rules, which the plain-English attempt on every text asks for: kept in a property of their own,
    /// they are found without comparing language codes.
    private func englishRules() -> Unmanaged<WordRules> {
        if let known = knownEnglishRules { return known }
        // `wordRules` keeps the rules it makes for the worker's life: an unretained reference stays valid.
        let made = Unmanaged.passUnretained(rules(for: "en"))
        knownEnglishRules = made
        return made
    }

    /// The words that mark Hindi written in Latin letters, which the rules of every language probe: built once, not
    /// once for each language a review set turns up (54 on the Google Play reviews, 3 M instructions).
    private lazy var hindiMarkerWords = WordSet(lexicons.romanizedHindiMarkers)

    /// Room for this many words in the English rules' memo of words as written, which the plain-English attempt on
    /// every text fills: reserved, not written, so a short run pays only the allocation, while a review set's memo
    /// grew from 16 entries four-fold, each time copying every entry (5,456 entries of 144 bytes on the way to
    /// 16,384; a byte an instruction under callgrind). Since words beyond ASCII and the words of texts in other scripts
    /// joined the memo, 20,000 Google Play reviews filled 16,384 and the memo grew once more near their end: its
    /// 1 MB of new probes cleared and 2.4 MB of entries copied were ~550 page faults, more time than the instructions
    /// (the entries are reserved, not written, so the larger room costs a short run only 256 KB more of probes).
    static let englishWrittenWordCapacity = 32_768

    private func rules(for language: String) -> WordRules {
        if let known = wordRules[language] { return known }
        let lists = lexicons.wordLists(language)
        let made = WordRules(
            stemmer: SnowballStemmer(language: language), stopwords: lists.stopwords, negators: lists.negators, contrast: lists.contrast,
            hindiMarkers: hindiMarkerWords,
            englishVocabulary: language == "en" && plainEnglishKnownShare > 0 ? plainEnglishWords.englishVocabulary : WordSet(),
            otherLanguageWords: language == "en" && plainEnglishKnownShare > 0 ? plainEnglishWords.otherLanguageWords : WordSet(),
            writtenWordCapacity: language == "en" ? Self.englishWrittenWordCapacity : 0)
        wordRules[language] = made
        return made
    }

    // MARK: sentences and negation

    /// In one pass over the tokens: numbers after a version cue become versions ("iOS 12.0", "update 4.2", not
    /// "4.5 stars"); with `removingCaps`, `.allCaps` goes (a text all in capitals); each token gets its sentence
    /// index and `.sentenceStart`, a sentence ending after '.', '!', '?', '…', '。' or at a line break; and tokens after
    /// a negator get `.negated` until clause punctuation, a contrast word, an emoji or emoticon, the sentence end or
    /// the scope cap. `sentences` gets the sentences' byte ranges, replacing what they held. Clears the flags only
    /// tokenizing sets (`Token.Flags.whileTokenizing`).
    // One pass instead of four: each read every token again (a review's tokens are about a kilobyte). Punctuation is
    // told apart by the marks tokenizing gave it (`punctuationFlags`), not by its string: reading the first scalar of
    // each mark's string was a third of this pass. Inlined into `tokenize` (its loop stays a closure of its own):
    // out of line, the call and the list's uniqueness check around it were ~60 instructions a text.
    @inline(__always)
    private func markSentencesAndScopes(_ tokens: inout TokenList, removingCaps: Bool, contrast: WordSet,
                                        into sentences: inout [Range<Int>]) {
        var sentenceCount = 0
        let kept = ~(Token.Flags.whileTokenizing.rawValue | (removingCaps ? Token.Flags.allCaps.rawValue : 0))
        // The marks of a token that needs the whole step below; a token without them inside a sentence and outside a
        // negation scope gets only its sentence and flags (a number is stepped too: it may be a version). Clause
        // punctuation there ends no scope that is open, so it needs no step. Numbers are told by their mark, which
        // tokenizing gives them (`otherToken`): testing each token's kind as well was 2 instructions a token.
        let stepMarks = Token.Flags([.lineBreakBefore, .endsSentenceMark, .negator, .numberMark]).rawValue
        // Through one pointer: each write into the array checked its uniqueness and bounds. Fields are read in place:
        // copying a token retained its two strings. The list is `tokenize`'s refill, held since: its own storage.
        tokens.withRefilledTokens { tokens in
            guard let first = tokens.baseAddress, !tokens.isEmpty else { return }
            let end = first + tokens.count
            var token = first
            var sentence = -1
            var start = first
            // Whether the next token starts a sentence, as the first does.
            var startsSentence = true
            var remaining = 0
            while token < end {
                // Most tokens: words and commas inside a sentence and outside any scope, in a loop of their own (one
                // pass with every test for every token cost twice as much).
                if !startsSentence && remaining == 0 {
                    while token < end {
                        let marks = token.pointee.flags.rawValue
                        guard marks & stepMarks == 0 else { break }
                        token.pointee.sentence = sentence
                        token.pointee.flags = Token.Flags(rawValue: marks & kept)
                        token += 1
                    }
                    guard token < end else { break }
                }
                let marks = token.pointee.flags
                var flags = Token.Flags(rawValue: marks.rawValue & kept)
                if startsSentence || marks.contains(.lineBreakBefore) {
                    if token > first {
                        let range = start.pointee.utf8Range.lowerBound..<(token - 1).pointee.utf8Range.upperBound
                        if sentenceCount < sentences.count { sentences[sentenceCount] = range } else { sentences.append(range) }
                        sentenceCount += 1
                    }
                    sentence += 1
                    start = token
                    flags.insert(.sentenceStart)
                    remaining = 0
                }
                token.pointee.sentence = sentence
                startsSentence = marks.contains(.endsSentenceMark)
                if marks.contains(.outsideScopeMark) {
                    if marks.contains(.endsScopeMark) { remaining = 0 }
                } else {
                    let kind = token.pointee.kind
                    if kind == .number, token > first, (token - 1).pointee.kind == .word,
                       Self.isVersion(token.pointee.folded, after: (token - 1).pointee.folded) {
                        token.pointee.kind = .version
                    }
                    if flags.contains(.negator) {
                        remaining = Self.negationScope
                    } else if remaining > 0 {
                        if kind == .word, contrast.contains(token.pointee.folded, hash: token.pointee.foldedHash) {
                            remaining = 0
                        } else {
                            flags.insert(.negated)
                            remaining -= 1
                        }
                    }
                }
                token.pointee.flags = flags
                token += 1
            }
            let range = start.pointee.utf8Range.lowerBound..<(end - 1).pointee.utf8Range.upperBound
            if sentenceCount < sentences.count { sentences[sentenceCount] = range } else { sentences.append(range) }
            sentenceCount += 1
        }
        if sentences.count > sentenceCount { sentences.removeSubrange(sentenceCount...) }
    }

    /// Whether a number is a version by the word before it (`versionCues`) and its dots: one, and no comma.
    // The number's dots first: most numbers have none ("5 stars"), and the cue lookup hashes the word.
    @inline(never)
    private static func isVersion(_ number: String, after word: String) -> Bool {
        number.utf8.count(where: { $0 == UInt8(ascii: ".") }) == 1 && !number.utf8.contains(UInt8(ascii: ",")) && versionCues.contains(word)
    }

    /// The marks a punctuation token with folded form `folded` carries until sentences are marked: outside negation
    /// scopes, and whether it ends a sentence (`isSentenceEnd`) and a scope, as clause punctuation (`endsClause`).
    @inline(never)
    static func punctuationFlags(_ folded: String) -> Token.Flags {
        var flags: Token.Flags = .outsideScopeMark
        if isSentenceEnd(folded) { flags.insert(.endsSentenceMark) }
        if endsClause(folded) { flags.insert(.endsScopeMark) }
        return flags
    }

    static func isSentenceEnd(_ folded: String) -> Bool {
        // A single ASCII mark, most punctuation tokens, by its byte.
        if folded.utf8.count == 1, let byte = folded.utf8.first {
            return byte == 0x2E || byte == 0x21 || byte == 0x3F
        }
        return folded.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF61, 0x203C, 0x2049, 0x0964: return true
            default: return false
            }
        }
    }

    static func endsClause(_ folded: String) -> Bool {
        // An ASCII first byte is the first scalar: no decoding.
        guard let byte = folded.utf8.first else { return false }
        let value: UInt32
        if byte < 0x80 { value = UInt32(byte) } else if let first = folded.unicodeScalars.first { value = first.value } else { return false }
        switch value {
        case 0x2C, 0x3B, 0x3A, 0x2E, 0x21, 0x3F, 0x28, 0x29, 0x5B, 0x5D, 0x22, 0x2026, 0x3001, 0x3002, 0xFF0C, 0x201C, 0x201D:
            return true
        default:
            return false
        }
    }
}

/// One language's rules for words — Snowball stem, stopword, negator — with a memo of the words already seen:
/// review vocabularies repeat, and one lookup is cheaper than running Snowball and the word lists again.
final class WordRules {
    struct Word {
        var stem: String
        var stemHash: Int
        var flags: Token.Flags
        /// On the list of words that mark Hindi written in Latin letters.
        var isHindiMarker = false
        /// In `englishVocabulary` (English rules of a worker set to find plain English only).
        var isKnownEnglish = false
        /// In `otherLanguageWords` and not in `englishVocabulary` (the same rules only).
        var isOtherLanguage = false
    }

    private let stemmer: SnowballStemmer?
    /// `SmallASCIIString.isFound` and whether `Token.StringLayout` is found, stored: a once-check is a call.
    private let readsInlineWords = SmallASCIIString.isFound
    private let stringLayoutIsFound = Token.StringLayout.found != nil
    // The word lists are probed with the word's FNV hash, which `word(_:hash:stem:)` is given: as `Set<String>`s
    // they hashed each new word four times with SipHash (a third of the cost of a word's first sighting).
    let stopwords: WordSet
    let negators: WordSet
    /// The contrast words, probed with a token's folded hash (a Set hashed each word with SipHash).
    let contrastWords: WordSet
    let hindiMarkers: WordSet
    let englishVocabulary: WordSet
    let otherLanguageWords: WordSet
    /// Every word of the five lists above a new word is looked up in (`newWord`): most new words are on none, and one
    /// bit tells so where the five probes were ~150 instructions.
    private let listedWords: WordHashFilter
    // Small at first: most languages a review set turns up have a few words, and growing re-places slots without
    // hashing (`TaggedProbes`); room for 512 words cleared 16 KB for each.
    @exclusivity(unchecked) private var memo = WordTable<Word>()
    @exclusivity(unchecked) private var unstemmedMemo = WordTable<Word>()
    /// The memo of words as written, which the token loop reads and adds to in place (`TextAnalyzerWorker.tokenize`
    /// passes it `inout`); nothing else of the rules touches it meanwhile.
    // In place: moved out for each text and back (`take()`, the put-back destroying the empty optional out of line),
    // it was ~35 instructions a text; a stored property of this class is no slower to work in since its accesses
    // are unchecked.
    @exclusivity(unchecked) var writtenMemo: WrittenMemo
    /// The memo starts over past this many words, so memory stays bounded on any input.
    static let limit = 50_000

    init(stemmer: SnowballStemmer?, stopwords: [String], negators: [String], contrast: [String], hindiMarkers: WordSet,
         englishVocabulary: WordSet = WordSet(), otherLanguageWords: WordSet = WordSet(), writtenWordCapacity: Int = 0) {
        writtenMemo = WrittenMemo(table: WrittenWordTable(reservingCapacity: writtenWordCapacity))
        self.hindiMarkers = hindiMarkers
        self.englishVocabulary = englishVocabulary
        self.otherLanguageWords = otherLanguageWords
        self.stemmer = stemmer
        self.stopwords = WordSet(stopwords)
        self.negators = WordSet(negators)
        contrastWords = WordSet(contrast)
        let lists = [self.stopwords, self.negators, hindiMarkers, englishVocabulary, otherLanguageWords]
        var listedWords = WordHashFilter(words: lists.reduce(0) { $0 + $1.count })
        for list in lists { listedWords.insert(list) }
        self.listedWords = listedWords
    }

    /// An ASCII word as the analyzer makes it from its bytes: its token, but for where it is, and what it counts.
    struct WrittenWord {
        /// The word's token at 0..<0 with no line break before it: folded form, stem, their hashes, the flags from
        /// folding and the word lists (`.elongated`, `.allCaps`, `.stopword`, `.negator`) and as its `wordID` its
        /// entry's index, or the index of the entry of its folded form when the memo held that first.
        var token: Token
        /// Whether `token`'s strings own no memory, as nearly all words' do (`Token.StringLayout.isPlain`).
        var isPlain: Bool
        /// What the word adds to a text's counts: a word; a stopword, a Hindi marker, a known English word, a word of
        /// another language (`Word`); a capitals candidate (longer than one letter, or in capitals) and a word in
        /// capitals, which tell all-capitals text from capitals for emphasis.
        var counts: WordCounts
    }

    /// The memo of words by their bytes as written, each word's facts beside its key: on a large review set
    /// the probe slot, the key and the facts are cache misses, and one entry holding key and facts saves one of three.
    struct WrittenMemo {
        var table = WrittenWordTable<WrittenWord>()
        /// Names this memo's contents (`WordSpaces`): a new number each time it starts over.
        var space = WordSpaces.next()
    }

    /// Adds an ASCII word not in `memo.table` (its bytes as written and their `hashAndHead` hash), folded by
    /// `folder`, with its stem and flags; returns its entry index. Most tokens of a review set are words already seen,
    /// spelt the same way, and are found with `memo.table.entryIndex` instead.
    func addWrittenWord(_ written: UnsafeBufferPointer<UInt8>, hash: Int, head: (UInt64, UInt64), folder: TokenFolder,
                        to memo: inout WrittenMemo) -> Int {
        let (form, foldedHash, changed) = readsInlineWords && written.count <= SmallASCIIString.capacity
            ? folder.foldASCIIWordHashed(written, head: head) : folder.foldASCIIWordHashed(written)
        // The word's facts come from the written memo itself when its folded form was seen written that way ("good"
        // for "Good"), else are made without `memo`: a new written word's folded form is nearly always new too, and
        // probing, inserting and growing the folded-form memo for it was 400 instructions a new word. A word folded
        // as written is not in the written memo: not probed again.
        let known = changed ? writtenWord(form.folded, in: memo.table) : nil
        let word = known?.word ?? newWord(form.folded, hash: foldedHash, stem: true)
        var flags = word.flags
        if form.elongated { flags.insert(.elongated) }
        if form.allCaps { flags.insert(.allCaps) }
        let isCapsCandidate = form.folded.utf8.count > 1 || form.allCaps
        // A spelling of a word the memo holds as folded ("Good", "GOOD" after "good") takes that entry's word id: the
        // scorer's facts of a word follow from its folded form and stem alone, which the two share, and a new id sent
        // each spelling through the scorer's memo again (~150 instructions). Not across a start over, which makes
        // the ids of the memo before it another memo's.
        var wordID = known?.wordID
        if memo.table.count >= Self.limit {
            memo.table.removeAll()
            memo.space = WordSpaces.next()
            wordID = nil
        }
        let index = memo.table.count
        let token = Token(kind: .word, utf8Range: 0..<0, folded: form.folded, foldedHash: foldedHash, stem: word.stem,
                          stemHash: word.stemHash, flags: flags, wordID: wordID ?? Int32(truncatingIfNeeded: index))
        let counts = WordCounts(isStopword: word.flags.contains(.stopword), isHindiMarker: word.isHindiMarker,
                                isKnownEnglish: word.isKnownEnglish, isOtherLanguage: word.isOtherLanguage,
                                isCapsCandidate: isCapsCandidate, isCaps: isCapsCandidate && form.allCaps)
        // `Token.StringLayout.isPlain(token)`, with the layout's once-check answered at init.
        let isPlain = stringLayoutIsFound && Token.StringLayout.ownsNoMemory(Token.StringLayout.bits(token.folded))
            && Token.StringLayout.ownsNoMemory(Token.StringLayout.bits(token.stem))
        memo.table.insert(written, WrittenWord(token: token, isPlain: isPlain, counts: counts),
                          hash: hash, head: head)
        return index
    }

    /// The word facts and word id of the entry written as `folded`, if any.
    private func writtenWord(_ folded: String, in table: WrittenWordTable<WrittenWord>) -> (word: Word, wordID: Int32)? {
        let found: Int?
        // An inline word is looked up by the two words holding its bytes: a copy of the String to read its bytes
        // through was retained and released, and its head and hash made again byte by byte (~80 instructions).
        if readsInlineWords, let (low, high, count) = SmallASCIIString.words(of: folded) {
            found = table.entryIndex(head: (low, high), count: count)
        } else {
            var folded = folded
            found = folded.withUTF8 { bytes in
                let (hash, head) = WrittenWordTable<WrittenWord>.hashAndHead(bytes)
                return table.entryIndex(bytes, hash: hash, head: head)
            }
        }
        guard let index = found else { return nil }
        return table.withEntries { entries in
            let token = entries[index].value.token, counts = entries[index].value.counts
            return (Word(stem: token.stem, stemHash: token.stemHash, flags: token.flags.intersection([.stopword, .negator]),
                         isHindiMarker: counts.hindiMarkers > 0, isKnownEnglish: counts.knownWords > 0,
                         isOtherLanguage: counts.otherLanguageWords > 0), token.wordID)
        }
    }

    /// The stem and flags of a folded word; `stem: false` for words Snowball does not apply to (Chinese, Thai).
    func word(_ folded: String, hash: Int, stem: Bool) -> Word {
        if stem, let known = memo.value(folded, hash: hash) { return known }
        if !stem, let known = unstemmedMemo.value(folded, hash: hash) { return known }
        let word = newWord(folded, hash: hash, stem: stem)
        // Appended without `insert`'s probe for the word: the lookup above found none.
        if stem {
            if memo.count >= Self.limit { memo = WordTable() }
            memo.append(folded, word, hash: hash)
        } else {
            if unstemmedMemo.count >= Self.limit { unstemmedMemo = WordTable() }
            unstemmedMemo.append(folded, word, hash: hash)
        }
        return word
    }

    /// `WordHash.of(stem)`, read from the string's own words when it is inline ASCII, as English stems are: copying
    /// its bytes out of the String to hash them was half of hashing a stem.
    private func stemHashOf(_ stem: String) -> Int {
        if readsInlineWords, let (low, high, count) = SmallASCIIString.words(of: stem) {
            return WordHash.of(low: low, high: high, count: count)
        }
        return WordHash.of(stem)
    }

    /// `stem == word` (canonical equivalence) for a changed stem of the word's byte count, without String's
    /// normalizing compare where the bytes decide it (`TokenFolder.bytesDecideEquivalence`): 475 of them on gp.txt,
    /// 1,340 instructions each and 11,000 for long words, were changed stems of words beyond ASCII (German "ß" to
    /// "ss", Turkish and Cyrillic letters), whose Strings carry no NFC mark.
    static func isEquivalent(_ stem: String, _ word: String) -> Bool {
        TokenFolder.bytesDecideEquivalence(stem, word) ?? (stem == word)
    }

    /// The stem and flags of a folded word (whose `WordHash` is `hash`), made from the stemmer and the word lists.
    private func newWord(_ folded: String, hash: Int, stem: Bool) -> Word {
        // The stem is often the word itself (the stemmer changes nothing): its hash is then known.
        let changed = stem ? stemmer?.changedStem(folded) : nil
        let stemmed = changed ?? folded
        let stemHash = changed.map { $0.utf8.count == folded.utf8.count && Self.isEquivalent($0, folded) ? hash : stemHashOf($0) } ?? hash
        guard listedWords.mayContain(hash: hash) else { return Word(stem: stemmed, stemHash: stemHash, flags: []) }
        var flags: Token.Flags = []
        if stopwords.contains(folded, hash: hash) { flags.insert(.stopword) }
        if negators.contains(folded, hash: hash) { flags.insert(.negator) }
        let isKnownEnglish = englishVocabulary.contains(folded, hash: hash)
        return Word(stem: stemmed, stemHash: stemHash, flags: flags,
                    isHindiMarker: hindiMarkers.contains(folded, hash: hash), isKnownEnglish: isKnownEnglish,
                    isOtherLanguage: !isKnownEnglish && otherLanguageWords.contains(folded, hash: hash))
    }
}

/// The tokens a text's build put past its slots (`TextAnalyzerWorker.TokenBuild`), in storage the worker keeps.
final class SpilledTokens {
    var tokens: [Token] = []
}

/// Counts of a text's words toward `TextAnalyzerWorker.EnglishEvidence` and its capitals, in 8-bit lanes of one
/// word, so a memo word adds its own (`WordRules.WrittenWord.counts`) with one addition instead of seven tests and
/// counter updates. Added into the counts before any lane could carry (`laneLimit`).
struct WordCounts {
    /// From the lowest lane up: words, stopwords, Hindi markers, known English words, words of other languages,
    /// capitals candidates, words in capitals and words with letters outside ASCII after folding.
    private var lanes: UInt64 = 0

    /// How many additions of one word's counts a lane holds.
    static let laneLimit = 255

    init() {}

    /// One word's counts.
    init(isStopword: Bool, isHindiMarker: Bool, isKnownEnglish: Bool, isOtherLanguage: Bool, isCapsCandidate: Bool, isCaps: Bool,
         isNonASCII: Bool = false) {
        lanes = 1
        if isStopword { lanes |= 1 << 8 }
        if isHindiMarker { lanes |= 1 << 16 }
        if isKnownEnglish { lanes |= 1 << 24 }
        if isOtherLanguage { lanes |= 1 << 32 }
        if isCapsCandidate { lanes |= 1 << 40 }
        if isCaps { lanes |= 1 << 48 }
        if isNonASCII { lanes |= 1 << 56 }
    }

    @inline(__always)
    mutating func add(_ other: WordCounts) { lanes &+= other.lanes }

    private func lane(_ shift: UInt64) -> Int { Int(truncatingIfNeeded: (lanes >> shift) & 0xFF) }

    var words: Int { lane(0) }
    var stopwords: Int { lane(8) }
    var hindiMarkers: Int { lane(16) }
    var knownWords: Int { lane(24) }
    var otherLanguageWords: Int { lane(32) }
    var capsCandidates: Int { lane(40) }
    var capsWords: Int { lane(48) }
    var nonASCIIWords: Int { lane(56) }
}

/// Numbers naming the contents of the analyzers' memos of words as written, unique in the process: a token's
/// `wordID` means one word only together with its text's `wordSpace`.
enum WordSpaces {
    private static let counter = Atomic<Int>(0)

    /// A number no memo had before (never 0).
    static func next() -> Int { counter.add(1, ordering: .relaxed).newValue }
}

/// FNV-1a over a word's UTF-8 bytes, folded to spread the high bits: the one hash every word lookup of the text
/// chain and the sentiment scorer uses, computed once per token (`Token.foldedHash`).
enum WordHash {
    @inline(__always)
    static func of(_ word: String) -> Int {
        // Over the contiguous bytes (a small string's are copied out in one go): iterating `utf8` went through the
        // string's representation checks for every byte, 25 instructions a byte.
        if let hash = word.utf8.withContiguousStorageIfAvailable({ of($0) }) { return hash }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The same hash of the `count` bytes held in two words, little-endian (`SmallASCIIString.words`).
    @inline(__always)
    static func of(low: UInt64, high: UInt64, count: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var lane = low
        for k in 0..<count {
            if k == 8 { lane = high }
            h = (h ^ (lane & 0xFF)) &* 0x100_0000_01b3
            lane >>= 8
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The same hash of a word's bytes.
    @inline(__always)
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}

extension TextAnalyzerWorker {
    /// `analyze(_:languageHint:into:)` of a text given as valid UTF-8 bytes, for a caller that scores the bytes itself
    /// (`SentimentScorer.compoundScore(utf8:isValid:analyzer:languageHint:analyzed:reusing:)`): no String is made,
    /// and `result.text` is left empty.
    // A String per line of `sift sentiment -` (validation, allocation, copy and free) was ~430 instructions a review.
    func analyze(validUTF8 bytes: UnsafeBufferPointer<UInt8>, languageHint: String?, into result: inout AnalyzedText) {
        if !result.text.isEmpty { result.text = "" }
        analyze(bytes, languageHint: languageHint, into: &result)
    }
}
