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

/// Phrase counts in two arrays sorted by key: 12 bytes a phrase, where the open-addressed table they were counted in
/// takes 24 to 48. Naming holds every theme's counts at once, and their sum over the themes: on text of random or
/// misspelt words, a few million phrases seen once each.
struct SortedPhraseCounts {
    private(set) var keys: [UInt64] = []
    private(set) var counts: [Int32] = []

    init() {}

    /// The counts of `table`.
    init(_ table: PhraseCounts) {
        var entries: [(key: UInt64, count: Int32)] = []
        entries.reserveCapacity(table.count)
        table.forEach { key, n in entries.append((key, Int32(n))) }
        entries.sort { $0.key < $1.key }
        keys = entries.map(\.key)
        counts = entries.map(\.count)
    }

    /// The sum of `parts`: each key once, with the sum of its counts.
    init(summing parts: [SortedPhraseCounts]) {
        // Merged two by two, so that each count is copied about log2(parts) times, not once per part.
        var level = parts
        guard !level.isEmpty else { return }
        while level.count > 1 {
            var next: [SortedPhraseCounts] = []
            next.reserveCapacity((level.count + 1) / 2)
            var i = 0
            while i < level.count {
                if i + 1 < level.count {
                    next.append(level[i].adding(level[i + 1]))
                    level[i] = SortedPhraseCounts()
                    level[i + 1] = SortedPhraseCounts()
                } else {
                    next.append(level[i])
                }
                i += 2
            }
            level = next
        }
        self = level[0]
    }

    /// Phrases held.
    var count: Int { keys.count }

    /// The count of `key` (0 when absent).
    subscript(key: UInt64) -> Int {
        var cursor = 0
        return count(of: key, from: &cursor)
    }

    /// The count of `key`, searched from `cursor` on (keys asked for in increasing order move it forward only, so
    /// a whole sorted list of them costs one pass, not a binary search each).
    func count(of key: UInt64, from cursor: inout Int) -> Int {
        // Steps of doubling length find a range past the key, then a binary search within it.
        var low = cursor, step = 1
        var high = low
        while high < keys.count && keys[high] < key {
            low = high + 1
            high = low + step
            step *= 2
        }
        high = min(high, keys.count)
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        cursor = low
        return low < keys.count && keys[low] == key ? Int(counts[low]) : 0
    }

    /// Calls `body` with every key and its count, in increasing order of key.
    func forEach(_ body: (_ key: UInt64, _ count: Int) -> Void) {
        for i in keys.indices { body(keys[i], Int(counts[i])) }
    }

    private func adding(_ other: SortedPhraseCounts) -> SortedPhraseCounts {
        var sum = SortedPhraseCounts()
        sum.keys.reserveCapacity(keys.count + other.keys.count)
        sum.counts.reserveCapacity(keys.count + other.keys.count)
        var a = 0, b = 0
        while a < keys.count || b < other.keys.count {
            if b == other.keys.count || (a < keys.count && keys[a] < other.keys[b]) {
                sum.keys.append(keys[a]); sum.counts.append(counts[a]); a += 1
            } else if a == keys.count || other.keys[b] < keys[a] {
                sum.keys.append(other.keys[b]); sum.counts.append(other.counts[b]); b += 1
            } else {
                sum.keys.append(keys[a]); sum.counts.append(counts[a] + other.counts[b]); a += 1; b += 1
            }
        }
        return sum
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
