/// A read-mostly table from a word to a value, probed with the FNV-1a hash the text analyzer already computed for
/// each token (`Token.foldedHash`, `Token.stemHash`): the scorer's lookups hash nothing and compare one short string.
///
/// The standard Dictionary hashes its String keys with seeded SipHash on every lookup; that was a fifth of the time
/// of `sift sentiment -`.
struct WordTable<Value>: Sequence {
    fileprivate struct Slot {
        var hash: Int
        var key: String
        var value: Value
    }

    // Hash, key and value side by side: one cache line per probe.
    private var slots: [Slot?] = Array(repeating: nil, count: 16)
    private(set) var count = 0

    init() {}

    /// A table holding the pairs of a dictionary.
    init(_ dictionary: [String: Value]) {
        for (key, value) in dictionary { self[key] = value }
    }

    /// The hash the table probes with; the same function as the text analyzer's word memo.
    @inline(__always)
    static func hash(_ word: String) -> Int { WordHash.of(word) }

    /// The value for `word`, whose `hash` is `WordTable.hash(word)`.
    @inline(__always)
    func value(_ word: String, hash: Int) -> Value? {
        let mask = slots.count - 1
        var index = hash & mask
        while let slot = slots[index] {
            if slot.hash == hash, slot.key == word { return slot.value }
            index = (index + 1) & mask
        }
        return nil
    }

    subscript(word: String) -> Value? {
        get { value(word, hash: Self.hash(word)) }
        set {
            let hash = Self.hash(word)
            guard let newValue else {
                precondition(value(word, hash: hash) == nil, "WordTable does not remove entries")
                return
            }
            insert(word, newValue, hash: hash)
        }
    }

    private mutating func insert(_ word: String, _ value: Value, hash: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var index = hash & mask
        while let slot = slots[index] {
            if slot.hash == hash, slot.key == word {
                slots[index]!.value = value
                return
            }
            index = (index + 1) & mask
        }
        slots[index] = Slot(hash: hash, key: word, value: value)
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        count = 0
        for case let slot? in old { insert(slot.key, slot.value, hash: slot.hash) }
    }

    func makeIterator() -> some IteratorProtocol<(key: String, value: Value)> {
        slots.lazy.compactMap { $0.map { (key: $0.key, value: $0.value) } }.makeIterator()
    }
}

extension WordTable: Sendable where Value: Sendable {}
extension WordTable.Slot: Sendable where Value: Sendable {}

/// A set of words probed with a precomputed FNV-1a hash, like `WordTable`.
struct WordSet: Sendable {
    private var table = WordTable<Bool>()

    init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words { table[word] = true }
    }

    @inline(__always)
    func contains(_ word: String, hash: Int) -> Bool { table.value(word, hash: hash) != nil }

    var isEmpty: Bool { table.count == 0 }
}

/// One language lexicon's entries, stems, failures and expressions as `WordTable`s, built once after loading:
/// what the scorer reads per token. A class, so choosing a lexicon per word copies one reference.
final class LexiconLookup: Sendable {
    let entries: WordTable<LexiconEntry>
    let stems: WordTable<StemValence>
    let failures: WordTable<Double>
    let phrases: [LexiconPhrase]

    init(_ lexicon: LanguageLexicon) {
        entries = WordTable(lexicon.entries)
        stems = WordTable(lexicon.stemValences.mapValues { StemValence(valence: $0.valence, term: $0.term) })
        failures = WordTable(lexicon.failures)
        phrases = lexicon.phrases
    }

    init() {
        entries = WordTable()
        stems = WordTable()
        failures = WordTable()
        phrases = []
    }

    /// What the lexicon says about a token's folded form.
    @inline(__always)
    func entry(_ token: Token) -> LexiconEntry? { entries.value(token.folded, hash: token.foldedHash) }

    /// The valence a token's stem lends it, when the folded form itself is not in the lexicon.
    @inline(__always)
    func stem(_ token: Token) -> StemValence? { stems.value(token.stem, hash: token.stemHash) }

    /// The valence of a negated verb of what an app should do, by stem or else by folded form.
    @inline(__always)
    func failure(_ token: Token) -> Double? {
        failures.value(token.stem, hash: token.stemHash) ?? failures.value(token.folded, hash: token.foldedHash)
    }
}

/// A valence found through a Snowball stem, with the lexicon term it came from for explanations.
struct StemValence: Sendable {
    var valence: Double
    var term: String
}
