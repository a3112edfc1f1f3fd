/// Label candidates counted by id: a stem, or two adjacent stems, as one 64-bit key into an open-addressed table.
///
/// Naming counts every phrase of every record of a theme; keys made of run-wide stem ids are hashed as one integer,
/// where the phrases' bytes were hashed (and compared) once per occurrence.
struct PhraseCounts {
    /// The key of a one-word phrase (never a pair's: ids are below 2^30).
    static func single(_ stem: UInt32) -> UInt64 { UInt64(stem) << 32 | 0xFFFF_FFFF }

    /// The key of the phrase `first second`.
    static func pair(_ first: UInt32, _ second: UInt32) -> UInt64 { UInt64(first) << 32 | UInt64(second) }

    /// The stems of a key: one, or two for a pair.
    static func stems(_ key: UInt64) -> (first: UInt32, second: UInt32?) {
        let low = UInt32(truncatingIfNeeded: key)
        return (UInt32(truncatingIfNeeded: key >> 32), low == 0xFFFF_FFFF ? nil : low)
    }

    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var values: [Int32]
    /// Distinct keys held.
    private(set) var count = 0

    init() {
        keys = Array(repeating: Self.empty, count: 64)
        values = Array(repeating: 0, count: 64)
    }

    /// Adds `n` to the count of `key`.
    mutating func add(_ key: UInt64, _ n: Int32 = 1) {
        let slot = find(key)
        if keys[slot] == Self.empty {
            keys[slot] = key
            count += 1
            values[slot] = n
            if count * 2 > keys.count { grow() }
        } else {
            values[slot] += n
        }
    }

    /// The count of `key` (0 when never added).
    subscript(key: UInt64) -> Int {
        let slot = find(key)
        return keys[slot] == Self.empty ? 0 : Int(values[slot])
    }

    /// Calls `body` with every key and its count, in an order that depends only on the keys added.
    func forEach(_ body: (_ key: UInt64, _ count: Int) -> Void) {
        for slot in keys.indices where keys[slot] != Self.empty { body(keys[slot], Int(values[slot])) }
    }

    private func find(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 33) & mask
        while keys[slot] != Self.empty && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        for slot in oldKeys.indices where oldKeys[slot] != Self.empty {
            let target = find(oldKeys[slot])
            keys[target] = oldKeys[slot]
            values[target] = oldValues[slot]
        }
    }
}

extension ChunkedLists {
    /// The label candidates of list `i` (marked, `TermMarks`), each once, sorted, into a reused buffer: every stem
    /// and every marked pair, by run-wide id (`globalOf` maps the ids the mixture reads).
    func phrases(_ i: Int, globalOf: [UInt32], into keys: inout [UInt64]) {
        keys.removeAll(keepingCapacity: true)
        var previous: UInt32 = 0
        for value in self[i] {
            let id = value & TermMarks.id
            let stem = value & TermMarks.dropped != 0 ? id : globalOf[Int(id)]
            if value & TermMarks.pairsWithPrevious != 0 { keys.append(PhraseCounts.pair(previous, stem)) }
            keys.append(PhraseCounts.single(stem))
            previous = stem
        }
        keys.sortAndRemoveDuplicates()
    }
}
