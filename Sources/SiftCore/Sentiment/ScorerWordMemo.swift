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

    private var index = WordTable<Int32>(capacity: 4096)
    private var words: [Word] = []
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
        guard let found = index.value(folded, hash: foldedHash) else { return nil }
        let k = Int(found)
        return words.withUnsafeBufferPointer { words in
            words[k].stemHash == stemHash && words[k].stem == stem ? k : nil
        }
    }

    /// The facts of resolution `k`, read in place.
    @inline(__always)
    func facts(_ k: Int) -> ResolvedWord {
        words.withUnsafeBufferPointer { $0[k].facts }
    }

    /// The expressions starting with the word of resolution `k`.
    func phrases(_ k: Int) -> [Int]? {
        words[k].phrases
    }

    /// Records a word's resolution.
    mutating func insert(folded: String, foldedHash: Int, stem: String, stemHash: Int, facts: ResolvedWord, phrases: [Int]?) {
        if words.count >= Self.limit {
            index = WordTable(capacity: 4096)
            words.removeAll(keepingCapacity: true)
        }
        // A form met again with another stem keeps its first resolution: lookups with the other stem resolve afresh.
        guard index.value(folded, hash: foldedHash) == nil else { return }
        words.append(Word(stem: stem, stemHash: stemHash, facts: facts, phrases: phrases))
        index.insert(folded, Int32(words.count - 1), hash: foldedHash)
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
