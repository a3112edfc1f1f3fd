import CLexiconTables

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
        self.init(capacity: capacity, reservingEntries: capacity)
    }

    /// An empty table with probes for about `capacity` words and entry storage reserved for `entries` of them (at
    /// least `capacity`): reserved storage is not touched until entries fill it, where the probes are cleared at once.
    init(capacity: Int, reservingEntries entries: Int) {
        self.init(capacity: capacity)
        self.entries.reserveCapacity(max(capacity, entries))
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
        return append(word, empty(), hash: hash)
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
        return append(word, value, hash: hash)
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

    /// Calls `body` with the lower 32 bits of every key's hash (`WordHashFilter`).
    func forEachHashTag(_ body: (Int) -> Void) { probes.forEachHashTag(body) }

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
        append(word, value, hash: hash)
    }

    /// Adds an entry for `word`, which the table does not hold (the caller probed for it), and returns its index;
    /// the probes grow first when they would be more than half full.
    // The key and value are taken, not borrowed: a caller's copy moves into the entry instead of being retained
    // again here and released by the caller.
    @discardableResult
    mutating func append(_ word: consuming String, _ value: consuming Value, hash: Int) -> Int {
        if (entries.count + 1) * 2 > probes.count { probes.grow() }
        // Four times the room when full, not twice, as `WrittenWordTable` grows: each growth copies every entry, and
        // the word rules' memos grow from nothing (doubling copied 0.6 M instructions' worth on gp.txt).
        if entries.count == entries.capacity { entries.reserveCapacity(max(16, entries.capacity * 4)) }
        entries.append(Entry(key: word, value: value))
        probes.place(entries.count - 1, hash: hash)
        return entries.count - 1
    }
}

extension WordTable: Sendable where Value: Sendable {}
extension WordTable.Entry: Sendable where Value: Sendable {}

/// A set of words probed with a precomputed FNV-1a hash, like `WordTable`.
struct WordSet: Sendable {
    private var table = WordTable<Bool>()
    /// The words of `init(lines:)`, kept as bytes of one buffer instead of a String each.
    private var laidOut: LaidOutWords?
    /// Whether `laidOut` holds the words: tested before `laidOut` is read through, since binding it copied it (a
    /// retain and release) on every probe of every set.
    private var isLaidOut = false

    init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words { table[word] = true }
    }

    /// An empty set with room for about `capacity` words before it grows.
    init(capacity: Int = 0) {
        table = WordTable(reserving: capacity)
    }

    mutating func insert(_ word: String) {
        precondition(!isLaidOut, "a set of lines takes no more words")
        table.update(word, empty: true) { _ in }
    }

    /// The words of a text of one word a line (empty lines skipped), as `scripts/embed-lexicons` writes lists.
    // Laid out, not inserted: making a String of each of the 10,771 words of the plain-English lists and inserting it
    // was a thirteenth of a one-line run.
    /// `distinct`: no word is on two lines (as `scripts/embed-lexicons` writes its lists), so none is looked for
    /// before it is placed. `embedded`: the name of the table `scripts/embed-lexicons` laid out of the same text
    /// (`LaidOutWords(lines:embedded:)`), taken when there is one.
    init(lines text: String, distinct: Bool = false, embedded name: String? = nil) {
        laidOut = name.flatMap { LaidOutWords(lines: text, embedded: $0) } ?? LaidOutWords(lines: text, distinct: distinct)
        isLaidOut = true
    }

    var count: Int { laidOut?.count ?? table.count }

    @inline(__always)
    func contains(_ word: String, hash: Int) -> Bool {
        // The scorer's and analyzer's small sets are probed on every text; the laid-out lists only for a word's first
        // sighting (the analyzer's word memo), out of line, so the common probe stays inlined.
        if _slowPath(isLaidOut) { return laidOutContains(word, hash: hash) }
        return table.value(word, hash: hash) != nil
    }

    @inline(never)
    private func laidOutContains(_ word: String, hash: Int) -> Bool { laidOut?.index(word, hash: hash) != nil }

    /// Calls `body` with the lower 32 bits of every word's hash (`WordHashFilter`).
    func forEachHashTag(_ body: (Int) -> Void) {
        if isLaidOut { laidOut?.forEachHashTag(body) } else { table.forEachHashTag(body) }
    }

    var isEmpty: Bool { count == 0 }
}

/// Words laid out in one byte buffer and found through `TaggedProbes` by their `WordHash`, as `WordTable` finds its
/// String keys: a table filled once from a text of one word a line makes no String per word.
// Read through pointers: into the binary's read-only data for a table `scripts/embed-lexicons` laid out (copying the
// embedded tables into arrays was a thirtieth of scoring one line), into memory of its own for one laid out at run
// time. The pointers are held by one object, so copying the words (a `WordSet` is copied for each text) retains one
// reference: the three buffers' pointers and counts held inline made every copy go through value witnesses.
struct LaidOutWords: Sendable {
    private let memory: Memory

    // @unchecked Sendable: the memory behind the pointers is never written after `init`, and is either static or
    // owned by this object.
    private final class Memory: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Each word's bytes in `bytes`: start << 32 | end, by index.
        let bounds: UnsafeBufferPointer<UInt64>
        /// `TaggedProbes`' slots for the words.
        let slots: UnsafeBufferPointer<UInt64>
        /// Whether the buffers were allocated here (else they are the binary's static data).
        let isOwned: Bool

        init(bytes: UnsafeBufferPointer<UInt8>, bounds: UnsafeBufferPointer<UInt64>, slots: UnsafeBufferPointer<UInt64>) {
            self.bytes = bytes
            self.bounds = bounds
            self.slots = slots
            isOwned = false
        }

        /// Copies of the arrays, freed with this object.
        init(bytes: [UInt8], bounds: [UInt64], slots: [UInt64]) {
            func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
                _ = buffer.initialize(fromContentsOf: array)
                return UnsafeBufferPointer(buffer)
            }
            self.bytes = copy(bytes)
            self.bounds = copy(bounds)
            self.slots = copy(slots)
            isOwned = true
        }

        deinit {
            guard isOwned else { return }
            bytes.deallocate()
            bounds.deallocate()
            slots.deallocate()
        }
    }

    var count: Int { memory.bounds.count }

    init() {
        self.init(bytes: [], bounds: [], probes: TaggedProbes(slots: 16))
    }

    private init(bytes: [UInt8], bounds: [UInt64], probes: TaggedProbes) {
        memory = Memory(bytes: bytes, bounds: bounds, slots: probes.slotValues)
    }

    /// The words of `text`, one a line (empty lines skipped); a word on several lines is held once. `count`: the
    /// number of lines when the caller knows it (else they are counted); `distinct`: no word is on two lines (as
    /// `scripts/embed-lexicons` writes its tables), so none is looked for before it is placed.
    init(lines text: String, count knownLines: Int? = nil, distinct: Bool = false) {
        let bytes = Array(text.utf8)
        func counted() -> Int { bytes.withUnsafeBufferPointer(Self.lineCount) }
        // With more lines than the caller said, laid out again with them counted (at least one a word).
        guard let (bounds, probes) = Self.layOut(bytes, lines: knownLines ?? counted(), distinct: distinct)
                ?? Self.layOut(bytes, lines: counted(), distinct: distinct) else {
            preconditionFailure("a text has no more words than lines")
        }
        self.init(bytes: bytes, bounds: bounds, probes: probes)
    }

    /// The words of `text`, one a line, as `scripts/embed-lexicons` laid them out into the binary's read-only data
    /// under `name` (`LexiconTables.h`; its words are distinct), read where they are. Nil when there is no such table
    /// or it was laid out of another text.
    init?(lines text: String, embedded name: String) {
        var text = text
        guard let table = text.withUTF8({ sift_laid_out_words_of(name, $0.baseAddress, $0.count) })?.pointee,
              let bytes = table.bytes, let bounds = table.bounds, let slots = table.slots else { return nil }
        memory = Memory(bytes: UnsafeRawPointer(bytes).withMemoryRebound(to: UInt8.self, capacity: table.byteCount) {
                            UnsafeBufferPointer(start: $0, count: table.byteCount)
                        },
                        bounds: UnsafeBufferPointer(start: bounds, count: table.count),
                        slots: UnsafeBufferPointer(start: slots, count: table.slotCount))
    }

    /// The bounds and probes of the words of `bytes`, one a line; nil when it has more than `lines` words.
    private static func layOut(_ bytes: [UInt8], lines: Int, distinct: Bool) -> ([UInt64], TaggedProbes)? {
        var size = 16
        while size < lines * 2 { size *= 2 }
        var probes = TaggedProbes(slots: size)
        // Written through pointers into storage of one bound a line, the probes placed through one borrow of their
        // slots: appending and placing word by word checked capacity and uniqueness each time.
        var complete = true
        let bounds = [UInt64](unsafeUninitializedCapacity: lines) { bounds, placed in
            complete = bytes.withUnsafeBufferPointer { buffer in
                probes.placing { placer in
                    layOut(buffer, into: bounds, placed: &placed, placer: placer, distinct: distinct)
                }
            }
        }
        return complete ? (bounds, probes) : nil
    }

    /// Lays out the words of `buffer`, one a line, into `bounds` (from `placed`) and the probes; false when `bounds`
    /// is full before the last word.
    // One pass: each word is hashed (`WordHash.of`) while its line's end is looked for, through plain pointers (a
    // second pass over the words to hash them, and checked reads, were half of laying them out).
    @inline(__always)
    private static func layOut(_ buffer: UnsafeBufferPointer<UInt8>, into bounds: UnsafeMutableBufferPointer<UInt64>,
                               placed: inout Int, placer: TaggedProbes.Placer, distinct: Bool) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let end = base + buffer.count
        var p = base
        while p < end {
            let start = p
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            while p < end {
                let byte = p.pointee
                if byte == UInt8(ascii: "\n") { break }
                h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
                p += 1
            }
            if p > start {
                let hash = Int(truncatingIfNeeded: h ^ (h >> 29))
                let word = UnsafeBufferPointer(start: start, count: p - start)
                let laidOut = UnsafeBufferPointer(rebasing: bounds[..<placed])
                if distinct || placer.first(hash: hash, where: { Self.holds(laidOut, $0, word, in: buffer) }) == nil {
                    guard placed < bounds.count else { return false }
                    bounds[placed] = UInt64(start - base) << 32 | UInt64(p - base)
                    placer.place(placed, hash: hash)
                    placed += 1
                }
            }
            p += 1
        }
        return true
    }

    /// The number of lines of `bytes` (line feeds + 1), eight bytes at once: one compare a byte was a tenth of laying
    /// out the plain-English lists.
    static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 1 }
        var lines = 1, i = 0
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while i + 8 <= bytes.count {
            // A byte of `x` is zero where the byte is a line feed; adding 0x7F to each byte's low seven bits sets the
            // top bit of every other byte, without a carry into the next.
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            let nonzero = ((x & low) &+ low) | x
            // The marks' count summed into the top byte by one multiply: `nonzeroBitCount` has no instruction on
            // the baseline x86-64 and was a dozen.
            lines &+= Int(truncatingIfNeeded: (((~nonzero & ~low) >> 7) &* 0x0101_0101_0101_0101) >> 56)
            i += 8
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") { lines += 1 }
            i += 1
        }
        return lines
    }

    /// Calls `body` with the lower 32 bits of every word's hash (`WordHashFilter`).
    func forEachHashTag(_ body: (Int) -> Void) { TaggedProbes.forEachHashTag(in: memory.slots, body) }

    /// The given words in their order, each assumed held once (a `WordTable`'s keys).
    init(distinct words: [String]) {
        var size = 16
        while size < words.count * 2 { size *= 2 }
        var probes = TaggedProbes(slots: size)
        var bytes: [UInt8] = [], bounds: [UInt64] = []
        bounds.reserveCapacity(words.count)
        for var word in words {
            word.withUTF8 { word in
                let start = bytes.count
                bytes.append(contentsOf: word)
                bounds.append(UInt64(start) << 32 | UInt64(bytes.count))
                probes.place(bounds.count - 1, hash: WordHash.of(word))
            }
        }
        self.init(bytes: bytes, bounds: bounds, probes: probes)
    }

    /// The index of `word`, whose `hash` is `WordHash.of(word)`; nil when it is not held.
    @inline(__always)
    func index(_ word: String, hash: Int) -> Int? {
        if let found = word.utf8.withContiguousStorageIfAvailable({ index($0, hash: hash) }) { return found }
        let copy = Array(word.utf8)
        return copy.withUnsafeBufferPointer { index($0, hash: hash) }
    }

    /// False when no word with `hash` is held, told by its first probe slot alone: the slots are filled in order
    /// from a word's first (`TaggedProbes`), so a word is held only where that slot is taken. True says "maybe".
    // The lexicons' tables are a third full or less, so two in three words they lack are told so here, without the
    // probe's call and its reading of the word's bytes (~45 instructions).
    @inline(__always)
    func mayHold(hash: Int) -> Bool {
        let slots = memory.slots
        return slots[hash & (slots.count - 1)] != 0
    }

    /// The word at `index` (below `count`).
    func word(at index: Int) -> String {
        let bound = memory.bounds[index]
        return String(decoding: UnsafeBufferPointer(rebasing: memory.bytes[Int(bound >> 32)..<Int(bound & 0xFFFF_FFFF)]), as: UTF8.self)
    }

    @inline(__always)
    private func index(_ word: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? {
        let (bounds, bytes) = (memory.bounds, memory.bytes)
        return TaggedProbes.first(hash: hash, in: memory.slots) { Self.holds(bounds, $0, word, in: bytes) }
    }

    /// Whether the word at index `k` of `bounds` is `word`.
    @inline(__always)
    private static func holds(_ bounds: UnsafeBufferPointer<UInt64>, _ k: Int, _ word: UnsafeBufferPointer<UInt8>,
                              in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(bounds[k] >> 32), end = Int(bounds[k] & 0xFFFF_FFFF)
        guard end - start == word.count else { return false }
        var i = 0
        while i < word.count {
            if buffer[start + i] != word[i] { return false }
            i += 1
        }
        return true
    }
}

/// A table from a word to a value whose words are laid out in one buffer (`LaidOutWords`): filled at once from the
/// tables `scripts/embed-lexicons` lays out, or copied from a `WordTable`, and only read after.
struct LaidOutTable<Value> {
    private(set) var keys = LaidOutWords()
    private(set) var values: [Value] = []

    init() {}

    /// `values[k]` is the value of the word at index k of `keys`.
    init(keys: LaidOutWords, values: [Value]) {
        precondition(keys.count == values.count, "a value for each word")
        self.keys = keys
        self.values = values
    }

    /// The words and values of `table`, in its order (so an entry keeps its index).
    init(_ table: WordTable<Value>) {
        var words: [String] = [], values: [Value] = []
        words.reserveCapacity(table.count)
        values.reserveCapacity(table.count)
        table.forEach { words.append($0); values.append($1) }
        keys = LaidOutWords(distinct: words)
        self.values = values
    }

    var count: Int { values.count }

    /// The value for `word`, whose `hash` is `WordHash.of(word)`.
    @inline(__always)
    func value(_ word: String, hash: Int) -> Value? {
        guard let index = keys.index(word, hash: hash) else { return nil }
        return values.withUnsafeBufferPointer { $0[index] }
    }

    subscript(word: String) -> Value? { value(word, hash: WordHash.of(word)) }

    /// The word at `index`, made as a String only here.
    func key(at index: Int) -> String { keys.word(at: index) }

    /// Every word and its value, in table order.
    func forEach(_ body: (String, Value) throws -> Void) rethrows {
        for index in values.indices { try body(keys.word(at: index), values[index]) }
    }
}

extension LaidOutTable: Sendable where Value: Sendable {}

/// A stem's valence and the index of the entry whose term lends it (its String made only for an explanation).
struct StemTarget: Sendable {
    var valence: Double
    var term: Int32
}

/// One language lexicon's entries, stems, failures and expressions as tables probed with the analyzer's token hashes:
/// what the scorer reads per token. A class, so choosing a lexicon per word copies one reference.
final class LexiconLookup: Sendable {
    let entries: LaidOutTable<LexiconEntry>
    let stems: LaidOutTable<StemTarget>
    let failures: WordTable<Double>
    let phrases: [LexiconPhrase]
    /// Words that show a text is about a product; nil when the language has no such list.
    let productWords: WordSet?

    /// The tables of a lexicon built at run time (the user's overlays, a user's lexicon directory).
    init(_ lexicon: LanguageLexicon) {
        entries = LaidOutTable(lexicon.entries)
        var stemKeys: [String] = [], targets: [StemTarget] = []
        lexicon.stemValences.forEach { stem, hit in
            // A stem lends the valence of one of the lexicon's own terms (`indexStems`).
            guard let term = lexicon.entries.entryIndex(hit.term, hash: WordTable<LexiconEntry>.hash(hit.term)) else {
                preconditionFailure("a stem's term is an entry")
            }
            stemKeys.append(stem)
            targets.append(StemTarget(valence: hit.valence, term: Int32(term)))
        }
        stems = LaidOutTable(keys: LaidOutWords(distinct: stemKeys), values: targets)
        failures = lexicon.failures
        phrases = lexicon.phrases
        productWords = lexicon.productWords
    }

    /// The tables `scripts/embed-lexicons` laid out, with the failures and product words built at run time.
    init(laidOut: LaidOutLexicon, failures: WordTable<Double>, productWords: WordSet?) {
        entries = laidOut.entries
        stems = laidOut.stems
        phrases = laidOut.phrases
        self.failures = failures
        self.productWords = productWords
    }

    init() {
        entries = LaidOutTable()
        stems = LaidOutTable()
        failures = WordTable()
        phrases = []
        productWords = nil
    }

    /// What the lexicon says about a token's folded form.
    @inline(__always)
    func entry(_ token: Token) -> LexiconEntry? { entries.value(token.folded, hash: token.foldedHash) }

    /// The valence a token's stem lends it, when the folded form itself is not in the lexicon.
    @inline(__always)
    func stem(_ token: Token) -> StemValence? {
        stems.value(token.stem, hash: token.stemHash).map { StemValence(valence: $0.valence, term: entries.key(at: Int($0.term))) }
    }

    /// The valence of a negated verb of what an app should do, by stem or else by folded form, in `failures` (a
    /// lexicon's `failures`, which a scoring run holds itself).
    @inline(__always)
    static func failure(_ token: borrowing Token, in failures: WordTable<Double>) -> Double? {
        failures.value(token.stem, hash: token.stemHash) ?? failures.value(token.folded, hash: token.foldedHash)
    }
}

/// A valence found through a Snowball stem, with the lexicon term it came from for explanations.
struct StemValence: Sendable {
    var valence: Double
    var term: String
}
