/// Phrases (one word, or two joined by a space) numbered in order of first sight, looked up by their UTF-8 bytes.
///
/// Building a `String` for every phrase of every record and hashing it (with Unicode normalization) was a few
/// percent of a whole run; here an ASCII phrase is hashed and compared as bytes, and a string is made once per
/// distinct phrase. Ids follow `String` equality exactly: ASCII text is equal as a string only when its bytes are
/// equal, and other text is looked up as a string, in a table that also holds the ASCII phrases once any
/// non-ASCII phrase has been seen (a non-ASCII text can be canonically equal to an ASCII one: "K", KELVIN SIGN).
struct PhraseIDs {
    /// The phrase of each id, as the first record wrote it.
    private(set) var keys: [String] = []
    /// Open addressing over ASCII phrases: an entry index + 1, 0 for an empty slot.
    private var slots: [Int32] = Array(repeating: 0, count: 64)
    private var entryHash: [UInt64] = []
    private var entryID: [Int32] = []
    /// Entry `e`'s bytes are `arena[entryStart[e]..<entryStart[e + 1]]`.
    private var entryStart: [Int32] = [0]
    private var arena: [UInt8] = []
    /// Every phrase by string, made when the first non-ASCII phrase is seen.
    private var byString: [String: Int32]?

    init() {}

    var count: Int { keys.count }

    /// The id of a phrase, numbering it if it is new.
    mutating func id(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>? = nil) -> Int {
        // FNV-1a over the phrase's bytes (a space between the words), noting any non-ASCII byte on the way.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var high: UInt8 = 0
        for byte in first { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3; high |= byte }
        if let second {
            hash = (hash ^ 0x20) &* 0x100_0000_01B3
            for byte in second { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3; high |= byte }
        }
        guard high < 0x80 else { return stringID(ThemeWords.phrase(first, second)) }
        let length = first.count + (second.map { $0.count + 1 } ?? 0)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { break }
            if entryHash[entry] == hash, matches(entry, first, second, length: length) { return Int(entryID[entry]) }
            slot = (slot + 1) & mask
        }
        let key = ThemeWords.phrase(first, second)
        let id: Int
        if byString != nil, let known = byString![key] {
            id = Int(known)
        } else {
            id = keys.count
            keys.append(key)
            byString?[key] = Int32(id)
        }
        slots[slot] = Int32(entryID.count + 1)
        entryHash.append(hash)
        entryID.append(Int32(id))
        arena.append(contentsOf: first)
        if let second {
            arena.append(0x20)
            arena.append(contentsOf: second)
        }
        entryStart.append(Int32(arena.count))
        if entryID.count * 2 > slots.count { grow() }
        return id
    }

    private func matches(_ entry: Int, _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>?, length: Int) -> Bool {
        let start = Int(entryStart[entry])
        guard Int(entryStart[entry + 1]) - start == length else { return false }
        return arena.withUnsafeBufferPointer { arena in
            for (k, byte) in first.enumerated() where arena[start + k] != byte { return false }
            guard let second else { return true }
            let from = start + first.count + 1
            for (k, byte) in second.enumerated() where arena[from + k] != byte { return false }
            return true
        }
    }

    private mutating func stringID(_ key: String) -> Int {
        if byString == nil {
            var all: [String: Int32] = [:]
            all.reserveCapacity(keys.count + 1)
            for (id, key) in keys.enumerated() { all[key] = Int32(id) }
            byString = all
        }
        if let known = byString![key] { return Int(known) }
        byString![key] = Int32(keys.count)
        keys.append(key)
        return keys.count - 1
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in entryHash.enumerated() {
            var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }
}
