/// A table from a token's bytes as written to a value, for the analyzer's per-worker memo of ASCII words: one
/// hashing pass and one compare replace folding into a new String, hashing it and probing the stem memo.
///
/// Probes are 8-byte slots (upper half of the hash, entry index + 1; 0 = empty), as in `WordTable`. An entry holds
/// the first 16 bytes of its key beside its value, so a probe that matches reads one entry: on a large review set
/// these reads miss the cache. Longer keys are compared in full in a byte arena.
struct WrittenWordTable<Value> {
    struct Entry {
        var head0: UInt64
        var head1: UInt64
        var count: Int
        /// Where the whole key starts in `arena` (keys longer than 16 bytes only).
        var start: Int
        var value: Value
    }

    // Small at first, as most memos of a review set's languages stay small; growing is cheap (`TaggedProbes`).
    private var probes = TaggedProbes(slots: 16)
    private var entries: [Entry] = []
    private var arena: [UInt8] = []

    var count: Int { entries.count }

    init() {}

    /// An empty table whose entries have room for `capacity` keys before they are copied to grow (its probes still
    /// start small): storage reserved, not written, costs only its allocation until entries fill it.
    init(reservingCapacity capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    /// The first 16 bytes of a key as two words, zero-padded.
    @inline(__always)
    private static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var h0: UInt64 = 0, h1: UInt64 = 0
        let n = min(bytes.count, 16)
        for k in 0..<min(n, 8) { h0 |= UInt64(bytes[k]) << (8 * UInt64(k)) }
        if n > 8 { for k in 8..<n { h1 |= UInt64(bytes[k]) << (8 * UInt64(k - 8)) } }
        return (h0, h1)
    }

    /// The table's hash of a key: its head (`hashAndHead`).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int { hashAndHead(bytes).hash }

    /// A key's hash and head, in one pass over its bytes: the head's two words are multiplied into the hash, the
    /// bytes past 16 one by one.
    // The table's own hash, not `WordHash.of`: nothing outside the table sees it, and FNV-1a with the head built
    // beside it cost 18 instructions a byte of every word of every text; words of 8 bytes or more are read 8 at a time.
    @inline(__always)
    static func hashAndHead(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: Int, head: (UInt64, UInt64)) {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return (Int(truncatingIfNeeded: mix(0, 0, 0)), (0, 0)) }
        var h0: UInt64 = 0, h1: UInt64 = 0
        if count >= 8 {
            h0 = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            if count >= 16 {
                h1 = UInt64(littleEndian: UnsafeRawPointer(base + 8).loadUnaligned(as: UInt64.self))
            } else {
                for k in 8..<count { h1 |= UInt64(base[k]) << (8 * UInt64(k - 8)) }
            }
        } else {
            for k in 0..<count { h0 |= UInt64(base[k]) << (8 * UInt64(k)) }
        }
        var hash = mix(h0, h1, count)
        if count > 16 {
            for k in 16..<count { hash = (hash ^ UInt64(base[k])) &* 0x100_0000_01b3 }
            hash ^= hash >> 29
        }
        return (Int(truncatingIfNeeded: hash), (h0, h1))
    }

    /// `hashAndHead` of the bytes of `text` in `range`, the same hash and head, with a key under 16 bytes read 8
    /// bytes at a time: where the text goes on far enough, bytes past the key are masked off; near the text's end,
    /// the 8 bytes read end with the key's last byte, and the bytes before the key are shifted out.
    // Most words are shorter than 8 bytes: reading them byte by byte was 7 instructions a byte (the last words of a
    // short review, within 16 bytes of its end, were read so until the reads from the end: ~100 instructions a review).
    @inline(__always)
    // Wrapping arithmetic: a range's count is never negative and, under 16, eight times it is small; `text.count - 16`
    // is at least -16 (the overflow checks were 8 instructions a word).
    static func hashAndHead(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (hash: Int, head: (UInt64, UInt64)) {
        let count = range.upperBound &- range.lowerBound
        // Most keys are short and far from the text's end: the branches are marked so (`_fastPath`).
        if _fastPath(count < 16), let base = text.baseAddress {
            let start = UnsafeRawPointer(base + range.lowerBound)
            let long = count >= 8
            if _fastPath(range.lowerBound <= text.count &- 16) {
                let bits = UInt64(truncatingIfNeeded: 8 &* count)
                let h0 = UInt64(littleEndian: start.loadUnaligned(as: UInt64.self)) & (long ? ~0 : (1 &<< bits) &- 1)
                let h1 = long ? UInt64(littleEndian: start.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & ((1 &<< (bits &- 64)) &- 1) : 0
                return (Int(truncatingIfNeeded: mix(h0, h1, count)), (h0, h1))
            }
            if count > 0, range.upperBound >= 8 {
                // The range lies inside the text, so the 8 bytes before its end do, and so do a long key's first 8.
                let last = UInt64(littleEndian: UnsafeRawPointer(base + range.upperBound - 8).loadUnaligned(as: UInt64.self))
                // Shifts of 0 to 56 bits: a long key's second word holds 1 to 7 bytes, a short key's only word 1 to 8.
                let h0 = long ? UInt64(littleEndian: start.loadUnaligned(as: UInt64.self)) : last &>> UInt64(truncatingIfNeeded: 64 &- 8 &* count)
                let h1 = count > 8 ? last &>> UInt64(truncatingIfNeeded: 128 &- 8 &* count) : 0
                return (Int(truncatingIfNeeded: mix(h0, h1, count)), (h0, h1))
            }
            if count > 0, text.count >= 8 {
                // The key lies in the text's first 8 bytes (it ends before the eighth): the first word of a short
                // text ("Good app"), read out of line byte by byte for ~55 instructions.
                let first = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
                let h0 = (first &>> UInt64(truncatingIfNeeded: 8 &* range.lowerBound)) & ((1 &<< UInt64(truncatingIfNeeded: 8 &* count)) &- 1)
                return (Int(truncatingIfNeeded: mix(h0, 0, count)), (h0, 0))
            }
        }
        return hashAndHeadOutOfLine(UnsafeBufferPointer(rebasing: text[range]))
    }

    /// The hash `hashAndHead` gives a key of at most 16 bytes whose head is `head`.
    @inline(__always)
    static func hash(head: (UInt64, UInt64), count: Int) -> Int { Int(truncatingIfNeeded: mix(head.0, head.1, count)) }

    /// The hash `hashAndHead` gives a key of at most 8 bytes whose head word is `head`.
    @inline(__always)
    static func hash(head: UInt64, count: Int) -> Int { hash(head: (head, 0), count: count) }

    @inline(never)
    private static func hashAndHeadOutOfLine(_ bytes: UnsafeBufferPointer<UInt8>) -> (hash: Int, head: (UInt64, UInt64)) {
        hashAndHead(bytes)
    }

    /// Two head words and a length as one well-spread hash (its low 32 bits are used: slot and tag).
    // One full-width multiply of the two words, each offset by a constant, with the product's halves folded together
    // (as wyhash mixes): each bit of the high half depends on every bit of both words. The splitmix-style mix before
    // (two multiplies, three shifts) was 17 instructions a word of every text.
    @inline(__always)
    private static func mix(_ h0: UInt64, _ h1: UInt64, _ count: Int) -> UInt64 {
        let product = (h0 ^ 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(by: h1 ^ UInt64(truncatingIfNeeded: count) << 56 ^ 0xBF58_476D_1CE4_E5B9)
        return product.high ^ product.low
    }

    /// The value stored for exactly these bytes, whose `hash` is `WrittenWordTable.hash(bytes)`.
    @inline(__always)
    func value(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> Value? {
        value(bytes, hash: hash, head: Self.head(bytes))
    }

    /// The index of the entry for exactly these bytes, whose hash and head are `hashAndHead(bytes)`, for reading its
    /// value in place with `withEntries`.
    @inline(__always)
    func entryIndex(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int, head: (UInt64, UInt64)) -> Int? {
        let (h0, h1) = head
        return entries.withUnsafeBufferPointer { entries in
            probes.first(hash: hash) { index in
                entries[index].head0 == h0 && entries[index].head1 == h1 && entries[index].count == bytes.count
                    && (bytes.count <= 16 || tailEquals(entries[index].start, bytes, 0..<bytes.count))
            }
        }
    }

    /// `entryIndex` of a key of at most 16 bytes given as its head (its bytes, zero after them, as `hashAndHead`
    /// makes it) and its count: its hash is made from the head (`hash(head:count:)`).
    @inline(__always)
    func entryIndex(head: (UInt64, UInt64), count: Int) -> Int? {
        let (h0, h1) = head
        let hash = Self.hash(head: head, count: count)
        return entries.withUnsafeBufferPointer { entries in
            probes.first(hash: hash) { index in
                entries[index].head0 == h0 && entries[index].head1 == h1 && entries[index].count == count
            }
        }
    }

    /// The value stored for the key of at most 16 bytes whose head is `head` (`entryIndex(head:count:)`).
    @inline(__always)
    func value(head: (UInt64, UInt64), count: Int) -> Value? {
        guard let index = entryIndex(head: head, count: count) else { return nil }
        return withEntries { $0[index].value }
    }

    /// `entryIndex` of the bytes of `text` in `range`, whose hash and head are `hashAndHead(in: text, range)`.
    // The key is not cut out of the text first: checking the range against the text was 15 instructions a token.
    @inline(__always)
    func entryIndex(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: Int, head: (UInt64, UInt64)) -> Int? {
        let (h0, h1) = head
        // Wrapping: a range's count is never negative (the overflow check was 3 instructions a word).
        let count = range.upperBound &- range.lowerBound
        return entries.withUnsafeBufferPointer { entries in
            probes.first(hash: hash) { index in
                entries[index].head0 == h0 && entries[index].head1 == h1 && entries[index].count == count
                    && (_fastPath(count <= 16) || tailEquals(entries[index].start, text, range))
            }
        }
    }

    /// Calls `body` with the entries, to read values in place: returning a value copies it.
    @inline(__always)
    func withEntries<R>(_ body: (UnsafeBufferPointer<Entry>) -> R) -> R { entries.withUnsafeBufferPointer(body) }

    /// The value stored for exactly these bytes, whose hash and head are `hashAndHead(bytes)`.
    @inline(__always)
    func value(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int, head: (UInt64, UInt64)) -> Value? {
        guard let index = entryIndex(bytes, hash: hash, head: head) else { return nil }
        // Through a buffer pointer: the read then copies neither the entry nor the array.
        return withEntries { $0[index].value }
    }

    /// Whether the bytes of `text` in `range` past its first 16 are those of the key at `start` in `arena`.
    // Out of line, the key cut from the text here: inlined, the cut was made before the probe for every key, long
    // or not (5 instructions a word).
    @inline(never)
    private func tailEquals(_ start: Int, _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let bytes = UnsafeBufferPointer(rebasing: text[range])
        return arena.withUnsafeBufferPointer { stored in
            for k in 16..<bytes.count where stored[start + k] != bytes[k] { return false }
            return true
        }
    }

    /// Adds a value for bytes not in the table yet.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ value: consuming Value, hash: Int) {
        insert(bytes, value, hash: hash, head: Self.head(bytes))
    }

    /// Adds a value for bytes not in the table yet, whose hash and head are `hashAndHead(bytes)`.
    // The value moved in, not copied: a copy of an analyzer memo's entry retained its strings, and the caller's
    // copy was then destroyed (140 instructions a new word), as was making the head again.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ value: consuming Value, hash: Int, head: (UInt64, UInt64)) {
        if (entries.count + 1) * 2 > probes.count { grow() }
        // Four times the room when full, not twice: each growth copies every entry (144 bytes with the analyzer's
        // tokens), and doubling copied 2.4 M instructions' worth on the Google Play reviews' 17,000 words.
        if entries.count == entries.capacity { entries.reserveCapacity(max(16, entries.capacity * 4)) }
        let (h0, h1) = head
        let start = arena.count
        if bytes.count > 16 { arena.append(contentsOf: bytes) }
        entries.append(Entry(head0: h0, head1: h1, count: bytes.count, start: start, value: value))
        probes.place(entries.count - 1, hash: hash)
    }

    /// Empties the table, keeping its storage.
    mutating func removeAll() {
        probes.removeAll()
        arena.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }

    private mutating func grow() {
        probes.grow()
    }
}

/// Folded forms by the bytes they were folded from, with their `WordHash`, for tokens whose folding is costly (Unicode
/// normalization, scalar filtering) and that review sets repeat: one probe instead of folding and hashing again.
/// Starts over past `limit` forms, so memory stays bounded on any input.
struct FoldMemo {
    private var index = WrittenWordTable<Int32>()
    private var forms: [(form: FoldedForm, hash: Int)] = []
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// The folded form of `written` and the `WordHash` of its folded string; `fold` makes the form the first time
    /// these bytes are seen.
    // The hash kept beside the form: hashing the folded string of each repeated emoji and word was 80 instructions.
    mutating func form(_ written: UnsafeBufferPointer<UInt8>, fold: () -> FoldedForm) -> (form: FoldedForm, hash: Int) {
        let (hash, head) = WrittenWordTable<Int32>.hashAndHead(written)
        if let known = index.value(written, hash: hash, head: head) { return forms[Int(known)] }
        let form = fold()
        let foldedHash = WordHash.of(form.folded)
        if forms.count >= limit {
            index.removeAll()
            forms.removeAll(keepingCapacity: true)
        }
        forms.append((form, foldedHash))
        index.insert(written, Int32(forms.count - 1), hash: hash, head: head)
        return (form, foldedHash)
    }
}
