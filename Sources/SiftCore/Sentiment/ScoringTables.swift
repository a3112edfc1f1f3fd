/// The lookups scoring reads for every record, behind one reference: starting a `ScoringRun` retains this object
/// instead of every dictionary and table of `SentimentLexicons` (those copies were a tenth of `sift sentiment -`).
final class ScoringTables: Sendable {
    let lexicons: SentimentLexicons
    /// Each language's lookup in a short array: a record's lexicon is found by comparing two-letter codes, without
    /// hashing the code into a Dictionary.
    let languages: [(language: String, lookup: LexiconLookup)]
    let english: LexiconLookup?
    let multilingual: LexiconLookup
    let emoji: WordTable<Double>
    let emoticons: WordTable<Double>
    let stopwords: [(language: String, words: WordSet)]
    /// The words the rules ask about, each with its marks (`TokenFacts.Marks`): one probe tells a token's.
    let ruleWords: WordTable<UInt16>
    /// The facts of the one-byte ASCII marks, most punctuation tokens.
    let asciiMarks: AsciiMarkFacts

    init(_ lexicons: SentimentLexicons) {
        self.lexicons = lexicons
        languages = lexicons.languages.sorted { $0.key < $1.key }.map { ($0.key, $0.value.lookup) }
        english = lexicons.languages["en"]?.lookup
        multilingual = lexicons.multilingual.lookup
        emoji = lexicons.emojiTable
        emoticons = lexicons.emoticonTable
        stopwords = lexicons.stopwordTables
        ruleWords = Self.makeRuleWords()
        asciiMarks = AsciiMarkFacts(ruleWords: ruleWords)
    }

    static func makeRuleWords() -> WordTable<UInt16> {
        var table = WordTable<UInt16>()
        func mark(_ words: [String], _ marks: TokenFacts.Marks) {
            for word in words { table[word] = (table[word] ?? 0) | marks.rawValue }
        }
        mark(ScoringRun.pastPraiseMarkerWords, .pastPraiseMarker)
        mark(ScoringRun.ratingNounWords, .ratingNoun)
        mark(["only"], .only)
        mark(["least"], .least)
        mark(["at", "very"], .atOrVery)
        mark(ScoringRun.presentStateWords, .presentState)
        mark(ScoringRun.stateChangeOpeners, .stateChangeOpener)
        mark(ScoringRun.needWords, .need)
        mark(ScoringRun.reliefVerbs, .reliefVerb)
        mark(ScoringRun.notProblemWords, .notProblem)
        mark(ScoringRun.selfHedges, .selfHedge)
        return table
    }

    /// The rule marks of a token's folded form.
    @inline(__always)
    static func ruleMarks(_ words: WordTable<UInt16>, _ folded: String, hash: Int) -> TokenFacts.Marks {
        TokenFacts.Marks(rawValue: words.value(folded, hash: hash) ?? 0)
    }

    /// The lookup of a language's lexicon, nil for a language sift has no lexicon for.
    @inline(__always)
    func lookup(_ language: String) -> LexiconLookup? {
        for entry in languages where entry.language == language { return entry.lookup }
        return nil
    }
}

/// The facts (`TokenFacts`: rule marks, clause break) of each one-byte ASCII mark, by its byte, made once: a
/// punctuation token's facts were a probe of `ruleWords` and a scan of its string (~150 instructions a mark).
// Plain memory, read through pointers the runs copy: reading an array held by the tables retained it.
final class AsciiMarkFacts: @unchecked Sendable {
    /// Each byte's mark as a string (`TokenFolder.asciiMarks`: the folded form of a one-byte mark), for bytes below 0x80.
    let marks: UnsafeMutablePointer<String>
    let facts: UnsafeMutablePointer<TokenFacts>

    init(ruleWords: WordTable<UInt16>) {
        marks = .allocate(capacity: 128)
        facts = .allocate(capacity: 128)
        for byte in 0..<128 {
            let mark = TokenFolder.asciiMarks[byte]
            var fact = TokenFacts()
            fact.marks = ScoringTables.ruleMarks(ruleWords, mark, hash: WordTable<UInt16>.hash(mark))
            if ScoringRun.breaksClause(mark) { fact.role = .clauseBreak }
            (marks + byte).initialize(to: mark)
            (facts + byte).initialize(to: fact)
        }
    }

    deinit {
        marks.deinitialize(count: 128)
        marks.deallocate()
        facts.deallocate()
    }
}
