/// What the lexicons say about one word of English text, resolved once: the scorer's per-thread memo of words as
/// the analyzer folded and stemmed them (`SentimentScratch`).
///
/// Resolving a word probes the English lexicon by form and stem, the multilingual list, then tries the word without a
/// doubled last letter and as laughter: 3–5 probes of tables of several MB for the many words no list knows. Review
/// vocabularies repeat, so one probe of this smaller table replaces them. Only English-lexicon runs without
/// explanations use it (explanations name the stem's lexicon term, which is not kept here).
struct ScorerWordMemo {
    struct Word {
        /// The stem the word was resolved with: a token whose stem differs (another language's rules) is resolved
        /// afresh.
        var stem: String
        var stemHash: Int
        /// The lexicon entry after every fallback, as `ScoringRun.resolveWord` finds it.
        var entry: LexiconEntry?
        /// The entry came from the multilingual list, whose expressions its phrase indices point into.
        var fromFallback: Bool
        /// The valence a word without one of its own takes from its stem.
        var stemValence: Double?
    }

    private var index = WordTable<Int32>(capacity: 4096)
    private(set) var words: [Word] = []
    /// The memo starts over past this many words, so memory stays bounded on any input.
    static let limit = 50_000

    init() {}

    /// The memo of runs that have none lent to them, never read or written: one shared value, so such a run
    /// allocates no table.
    static let unused = ScorerWordMemo()

    /// The index in `words` of a token's resolution, nil when the token's form is not in the memo or was resolved
    /// with another stem.
    @inline(__always)
    func find(folded: String, foldedHash: Int, stem: String, stemHash: Int) -> Int? {
        guard let found = index.value(folded, hash: foldedHash) else { return nil }
        let k = Int(found)
        return words.withUnsafeBufferPointer { words in
            words[k].stemHash == stemHash && words[k].stem == stem ? k : nil
        }
    }

    /// The entry, whether it came from the multilingual list, and the stem's valence of `words[k]`, read in place.
    @inline(__always)
    func resolution(_ k: Int) -> (LexiconEntry?, Bool, Double?) {
        words.withUnsafeBufferPointer { words in (words[k].entry, words[k].fromFallback, words[k].stemValence) }
    }

    /// Records a word's resolution; returns its index in `words`.
    mutating func insert(folded: String, foldedHash: Int, _ word: Word) -> Int {
        if words.count >= Self.limit {
            index = WordTable(capacity: 4096)
            words.removeAll(keepingCapacity: true)
        }
        // A form met again with another stem keeps its first entry: lookups of it then resolve afresh.
        if index.value(folded, hash: foldedHash) != nil { return -1 }
        words.append(word)
        index.insert(folded, Int32(words.count - 1), hash: foldedHash)
        return words.count - 1
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
