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
    /// Resolutions by the analyzer's word id (`Token.wordID`), each with its facts, for the memo of words as written
    /// named by its `space`: for a word met before, one read of one cache line instead of a hashed probe, two string
    /// compares and a read of the record (on a large review set the probe slot and the record were cache misses).
    private var byID: [IDSlot] = []

    /// One word id's resolution: its facts and their index in `table` (for the word's expressions).
    struct IDSlot {
        var facts: ResolvedWord
        var index: Int32
        var space: Int
    }
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

    /// The facts and resolution index of the word with analyzer id `id` in the memo named `space`, when recorded.
    @inline(__always)
    func find(id: Int32, space: Int) -> (facts: ResolvedWord, index: Int)? {
        let i = Int(id)
        return byID.withUnsafeBufferPointer { slots in
            i < slots.count && slots[i].space == space ? (slots[i].facts, Int(slots[i].index)) : nil
        }
    }

    /// Records that the word with analyzer id `id` in the memo named `space` has resolution `k`.
    mutating func remember(id: Int32, space: Int, _ k: Int) {
        let i = Int(id)
        if i >= byID.count {
            byID.append(contentsOf: repeatElement(IDSlot(facts: ResolvedWord(nil, fromFallback: false, stemValence: nil), index: 0, space: 0),
                                                  count: i + 1 - byID.count))
        }
        byID[i] = IDSlot(facts: facts(k), index: Int32(truncatingIfNeeded: k), space: space)
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

    /// Records a word's resolution; returns its index, nil when the form is kept with another stem.
    @discardableResult
    mutating func insert(folded: String, foldedHash: Int, stem: String, stemHash: Int, facts: ResolvedWord, phrases: [Int]?) -> Int? {
        if table.count >= Self.limit {
            table = WordTable(capacity: 4096)
            byID.removeAll(keepingCapacity: true)
        }
        // A form met again with another stem keeps its first resolution: lookups with the other stem resolve afresh.
        guard table.entryIndex(folded, hash: foldedHash) == nil else { return nil }
        table.insert(folded, Word(stem: stem, stemHash: stemHash, facts: facts, phrases: phrases), hash: foldedHash)
        return table.count - 1
    }
}

/// What the scorer makes a word's unit from, as plain values: the lexicon entry's fields after every fallback
/// (`ScoringRun.resolveWord`) and the stem's valence for a word whose entry has none.
// Optional doubles first, then the one-byte fields: 48 bytes, so `ScorerWordMemo`'s slot by word id is one 64-byte line.
struct ResolvedWord {
    var valence: Double?
    var booster: Double?
    var stemValence: Double?
    var hasEntry: Bool
    var source: ValenceSource
    var contrast: ContrastSide?
    /// Expressions start with the word.
    var hasPhrases: Bool
    /// The entry came from the multilingual list, whose expressions its phrase indices point into.
    var fromFallback: Bool

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
