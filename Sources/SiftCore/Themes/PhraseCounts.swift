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
        // One merge of all the parts at once, smallest key first from a heap of the parts' next keys: merging two by
        // two held intermediate sums beside the parts and the result.
        let total = parts.reduce(0) { $0 + $1.count }
        keys.reserveCapacity(total)
        counts.reserveCapacity(total)
        var next = [Int](repeating: 0, count: parts.count)
        var heap = parts.indices.filter { !parts[$0].keys.isEmpty }
        func key(_ part: Int) -> UInt64 { parts[part].keys[next[part]] }
        func before(_ a: Int, _ b: Int) -> Bool { key(a) != key(b) ? key(a) < key(b) : a < b }
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let left = 2 * i + 1, right = left + 1
                var smallest = i
                if left < heap.count && before(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count && before(heap[right], heap[smallest]) { smallest = right }
                if smallest == i { return }
                heap.swapAt(i, smallest)
                i = smallest
            }
        }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        while let part = heap.first {
            let (k, n) = (key(part), parts[part].counts[next[part]])
            if let last = keys.last, last == k { counts[counts.count - 1] += n } else { keys.append(k); counts.append(n) }
            next[part] += 1
            if next[part] == parts[part].keys.count {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
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
