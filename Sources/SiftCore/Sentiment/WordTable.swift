/// A read-mostly table from a word to a value, probed with the FNV-1a hash the text analyzer already computed for
/// each token (`Token.foldedHash`, `Token.stemHash`): the scorer's lookups hash nothing and compare one short string.
///
/// The standard Dictionary hashes its String keys with seeded SipHash on every lookup; that was a fifth of the time
/// of `sift sentiment -`.
struct WordTable<Value> {
    // Probing touches only `probes`, 8 bytes a slot (upper half of the hash, entry index + 1; 0 = empty), so the
    // tables of a language stay in cache; the key and value are read once, for the slot that matches, from one
    // array: on large review sets these reads miss the cache, and one miss is cheaper than two.
    private var probes = TaggedProbes(slots: 16)
    struct Entry {
        var key: String
        var value: Value
    }

    private var entries: [Entry] = []

    var count: Int { entries.count }

    init() {}

    /// An empty table with room for about `capacity` words before it grows.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        probes = TaggedProbes(slots: size)
    }

    /// An empty table with room for about `capacity` words, its entry storage allocated at once: for a table filled
    /// once, as the lexicons are at start-up, where growing the entries array copied it each time.
    init(reserving capacity: Int) {
        self.init(capacity: capacity)
        entries.reserveCapacity(capacity)
    }

    /// A table holding the pairs of a dictionary.
    init(_ dictionary: [String: Value]) {
        for (key, value) in dictionary { self[key] = value }
    }

    /// Every word and its value, in the order they were first added.
    func forEach(_ body: (String, Value) throws -> Void) rethrows {
        for entry in entries { try body(entry.key, entry.value) }
    }

    /// The index of `word`'s entry, added with `empty` as its value when the table has none yet; read and change the
    /// value with `subscript(valueAt:)`.
    // An index instead of a closure to run on the value: the closure's context was allocated on every call.
    mutating func index(inserting word: String, empty: @autoclosure () -> Value) -> Int {
        let hash = Self.hash(word)
        if let index = index(word, hash: hash) { return index }
        if (entries.count + 1) * 2 > probes.count { grow() }
        entries.append(Entry(key: word, value: empty()))
        probes.place(entries.count - 1, hash: hash)
        return entries.count - 1
    }

    /// The value of the entry at `index` (from `index(inserting:empty:)`).
    subscript(valueAt index: Int) -> Value {
        get { entries[index].value }
        _modify { yield &entries[index].value }
    }

    /// Changes the value of `word` in place, starting from `empty` when the table has none yet: one probe where
    /// reading and then setting the value took two.
    /// Returns the entry's index.
    @discardableResult
    mutating func update(_ word: String, empty: @autoclosure () -> Value, _ body: (inout Value) -> Void) -> Int {
        let hash = Self.hash(word)
        if let index = index(word, hash: hash) {
            body(&entries[index].value)
            return index
        }
        var value = empty()
        body(&value)
        if (entries.count + 1) * 2 > probes.count { grow() }
        entries.append(Entry(key: word, value: value))
        probes.place(entries.count - 1, hash: hash)
        return entries.count - 1
    }

    /// The hash the table probes with; the same function as the text analyzer's word memo.
    // Over the String's bytes at once: walking its UTF-8 view byte by byte was a quarter of inserting a lexicon term.
    @inline(__always)
    static func hash(_ word: String) -> Int {
        var word = word
        return word.withUTF8 { WordHash.of($0) }
    }

    /// The value for `word`, whose `hash` is `WordTable.hash(word)`.
    @inline(__always)
    func value(_ word: String, hash: Int) -> Value? {
        guard let index = index(word, hash: hash) else { return nil }
        return entries.withUnsafeBufferPointer { $0[index].value }
    }

    /// The index of `word`'s entry, whose `hash` is `WordTable.hash(word)`, for reading its value in place with
    /// `withEntries`.
    @inline(__always)
    func entryIndex(_ word: String, hash: Int) -> Int? { index(word, hash: hash) }

    /// Calls `body` with the entries, to read values in place: returning a value copies it.
    @inline(__always)
    func withEntries<R>(_ body: (UnsafeBufferPointer<Entry>) -> R) -> R { entries.withUnsafeBufferPointer(body) }

    @inline(__always)
    private func index(_ word: String, hash: Int) -> Int? {
        entries.withUnsafeBufferPointer { entries in probes.first(hash: hash) { entries[$0].key == word } }
    }

    subscript(word: String) -> Value? {
        get { value(word, hash: Self.hash(word)) }
        set {
            let hash = Self.hash(word)
            guard let newValue else {
                precondition(index(word, hash: hash) == nil, "WordTable does not remove entries")
                return
            }
            insert(word, newValue, hash: hash)
        }
    }

    /// Sets the value of `word`, whose `hash` is `WordTable.hash(word)`.
    mutating func insert(_ word: String, _ value: Value, hash: Int) {
        if let index = index(word, hash: hash) {
            entries[index].value = value
            return
        }
        if (entries.count + 1) * 2 > probes.count { grow() }
        entries.append(Entry(key: word, value: value))
        probes.place(entries.count - 1, hash: hash)
    }

    private mutating func grow() {
        let entries = self.entries
        probes.grow(entries: entries.count) { Self.hash(entries[$0].key) }
    }
}

extension WordTable: Sendable where Value: Sendable {}
extension WordTable.Entry: Sendable where Value: Sendable {}

/// A set of words probed with a precomputed FNV-1a hash, like `WordTable`.
struct WordSet: Sendable {
    private var table = WordTable<Bool>()

    init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words { table[word] = true }
    }

    /// An empty set with room for about `capacity` words before it grows.
    init(capacity: Int = 0) {
        table = WordTable(reserving: capacity)
    }

    mutating func insert(_ word: String) { table.update(word, empty: true) { _ in } }

    /// The words of a text of one word a line (empty lines skipped), as `scripts/embed-lexicons` writes lists.
    init(lines text: String) {
        var text = text
        self = text.withUTF8 { buffer in
            var set = WordSet()
            // Read through the base pointer, each word hashed from its bytes (`WordHash.of`): checked reads and
            // hashing each word's String again were half of building the lists.
            guard let bytes = buffer.baseAddress else { return set }
            let end = bytes + buffer.count
            // Plain pointer loops: iterating a closed range with a filter cost two dozen instructions a byte.
            var lines = 1
            var p = bytes
            while p < end {
                if p.pointee == UInt8(ascii: "\n") { lines += 1 }
                p += 1
            }
            set = WordSet(capacity: lines)
            var start = bytes
            while start < end {
                var stop = start
                while stop < end, stop.pointee != UInt8(ascii: "\n") { stop += 1 }
                if stop > start {
                    let word = UnsafeBufferPointer(start: start, count: stop - start)
                    set.table.insert(String(decoding: word, as: UTF8.self), true, hash: WordHash.of(word))
                }
                start = stop + 1
            }
            return set
        }
    }

    var count: Int { table.count }

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
    /// Words that show a text is about a product; nil when the language has no such list.
    let productWords: WordSet?

    init(_ lexicon: LanguageLexicon) {
        // The lexicon's own tables, shared: rebuilding them from dictionaries was a tenth of start-up.
        entries = lexicon.entries
        stems = lexicon.stemValences
        failures = lexicon.failures
        phrases = lexicon.phrases
        productWords = lexicon.productWords
    }

    init() {
        entries = WordTable()
        stems = WordTable()
        failures = WordTable()
        phrases = []
        productWords = nil
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
