/// What the lexicons say about one word of English text, resolved once: the scorer's per-thread memo of words as
/// the analyzer folded and stemmed them (`SentimentScratch`).
///
/// Resolving a word probes the English lexicon by form and stem, the multilingual list, then tries the word without a
/// doubled last letter and as laughter: 3–5 probes of tables of several MB for the many words no list knows. Review
/// vocabularies repeat, so one probe of this smaller table replaces them. Only English-lexicon runs without
/// explanations use it (explanations name the stem's lexicon term, which is not kept here).
struct ScorerWordMemo {
    private struct Word {
        /// The stem the word was resolved with: a token whose stem differs (another language's rules) is resolved
        /// afresh.
        var stem: String
        var stemHash: Int
        var facts: ResolvedWord
        /// The expressions starting with the word, when `facts.hasPhrases`.
        var phrases: [Int]?
    }

    // Each resolution beside its key in one table: on a large review set the probe slot, the key and the record are
    // cache misses, and one entry holding key and record saves one of three.
    private var table = WordTable<Word>(capacity: 4096)
    /// The memo starts over past this many words, so memory stays bounded on any input.
    static let limit = 50_000

    init() {}

    /// The memo of runs that have none lent to them, never read or written: one shared value, so such a run
    /// allocates no table.
    static let unused = ScorerWordMemo()

    /// The index of a token's resolution, nil when the token's form is not in the memo or was resolved with another
    /// stem.
    @inline(__always)
    func find(folded: String, foldedHash: Int, stem: String, stemHash: Int) -> Int? {
        guard let k = table.entryIndex(folded, hash: foldedHash) else { return nil }
        return table.withEntries { entries in
            entries[k].value.stemHash == stemHash && entries[k].value.stem == stem ? k : nil
        }
    }

    /// The facts of resolution `k`, read in place.
    @inline(__always)
    func facts(_ k: Int) -> ResolvedWord {
        table.withEntries { $0[k].value.facts }
    }

    /// The expressions starting with the word of resolution `k`.
    func phrases(_ k: Int) -> [Int]? {
        table.withEntries { $0[k].value.phrases }
    }

    /// Records a word's resolution.
    mutating func insert(folded: String, foldedHash: Int, stem: String, stemHash: Int, facts: ResolvedWord, phrases: [Int]?) {
        if table.count >= Self.limit { table = WordTable(capacity: 4096) }
        // A form met again with another stem keeps its first resolution: lookups with the other stem resolve afresh.
        guard table.entryIndex(folded, hash: foldedHash) == nil else { return }
        table.insert(folded, Word(stem: stem, stemHash: stemHash, facts: facts, phrases: phrases), hash: foldedHash)
    }
}

/// What the scorer makes a word's unit from, as plain values: the lexicon entry's fields after every fallback
/// (`ScoringRun.resolveWord`) and the stem's valence for a word whose entry has none.
struct ResolvedWord {
    var hasEntry: Bool
    var valence: Double?
    var source: ValenceSource
    var booster: Double?
    var contrast: ContrastSide?
    /// Expressions start with the word.
    var hasPhrases: Bool
    /// The entry came from the multilingual list, whose expressions its phrase indices point into.
    var fromFallback: Bool
    var stemValence: Double?

    init(_ entry: LexiconEntry?, fromFallback: Bool, stemValence: Double?) {
        hasEntry = entry != nil
        valence = entry?.valence
        source = entry?.source ?? .general
        booster = entry?.booster
        contrast = entry?.contrast
        hasPhrases = !(entry?.phrases.isEmpty ?? true)
        self.fromFallback = fromFallback
        self.stemValence = stemValence
    }
}

/// Storage one thread's scoring reuses from text to text, and its memo of resolved words: pass the same value to
/// `SentimentScorer.compoundScore(_:reusing:)` for every text a thread scores.
public struct SentimentScratch {
    var units: [ScoredUnit] = []
    var sentenceScores: [(sum: Double, weight: Double)] = []
    var words = ScorerWordMemo()

    public init() {}
}
