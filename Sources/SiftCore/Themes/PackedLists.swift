/// Many short lists of ids in two flat arrays: a million records' term lists as a million separate arrays cost a
/// heap object each (header, malloc overhead and growth slack, several times the ids themselves).
struct PackedLists: Sendable {
    private(set) var values: [UInt32] = []
    /// List `i` is `values[starts[i]..<starts[i + 1]]`; 32-bit offsets, since a run's lists hold far fewer than
    /// 4 billion ids, halve the offsets' share.
    private var starts: [UInt32] = [0]

    init() {}

    /// Lists built from arrays (for tests and the public entry points that take nested arrays).
    init(_ lists: [[UInt32]]) {
        starts.reserveCapacity(lists.count + 1)
        values.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists { append(list) }
    }

    /// Lists already laid out: list `i` is `values[starts[i]..<starts[i + 1]]`.
    init(values: [UInt32], starts: [UInt32]) {
        precondition(starts.first == 0 && Int(starts.last!) == values.count, "offsets that do not cover the values")
        self.values = values
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    subscript(i: Int) -> ArraySlice<UInt32> { values[Int(starts[i])..<Int(starts[i + 1])] }

    /// The length of list `i`.
    func count(_ i: Int) -> Int { Int(starts[i + 1] - starts[i]) }

    mutating func reserve(lists: Int, values total: Int) {
        starts.reserveCapacity(lists + 1)
        values.reserveCapacity(total)
    }

    mutating func append<S: Sequence>(_ list: S) where S.Element == UInt32 {
        values.append(contentsOf: list)
        precondition(values.count <= Int(UInt32.max), "more ids than 32-bit offsets address")
        starts.append(UInt32(values.count))
    }

    /// Replaces every id with `map[id]`, in place (no second copy of the lists); the marks (`TermMarks`) stay.
    mutating func remap(through map: [UInt32]) {
        values.withUnsafeMutableBufferPointer { values in
            map.withUnsafeBufferPointer { map in
                for i in values.indices {
                    let value = values[i]
                    values[i] = map[Int(value & TermMarks.id)] | (value & ~TermMarks.id)
                }
            }
        }
    }

    /// Calls `body` with the ids, writable in place, and the lists' offsets (list `i` is `starts[i]..<starts[i + 1]`).
    mutating func withUnsafeMutableValues<R>(_ body: (UnsafeMutableBufferPointer<UInt32>, [UInt32]) -> R) -> R {
        let starts = self.starts
        return values.withUnsafeMutableBufferPointer { body($0, starts) }
    }

    /// The ids of list `i` the mixture reads (those not marked dropped), without their marks, into a reused buffer.
    func kept(_ i: Int, into out: inout [UInt32]) {
        out.removeAll(keepingCapacity: true)
        for value in values[Int(starts[i])..<Int(starts[i + 1])] where value & TermMarks.dropped == 0 {
            out.append(value & TermMarks.id)
        }
    }
}

/// Marks carried in the high bits of a term list's ids, so that one list serves both the mixture (the words it
/// reads) and naming (every word in text order, with the phrases it forms): two lists would hold every word twice.
enum TermMarks {
    /// The word is not one the mixture reads (a name, or boilerplate beside other words); its id is then the
    /// run's vocabulary id, not the language's local id.
    static let dropped: UInt32 = 1 << 31
    /// The word forms a two-word phrase with the word before it (adjacent in the text, and written differently).
    static let pairsWithPrevious: UInt32 = 1 << 30
    /// The id bits.
    static let id: UInt32 = (1 << 30) - 1
}

/// Lists kept in the parts they were built in (one per thread), read as one sequence: joining them would hold two
/// copies of every list for a moment.
struct ChunkedLists: Sendable {
    private(set) var chunks: [PackedLists]
    /// Every chunk but the last holds exactly this many lists.
    let perChunk: Int

    let count: Int

    init(chunks: [PackedLists], perChunk: Int) {
        self.chunks = chunks
        self.perChunk = max(1, perChunk)
        count = chunks.reduce(0) { $0 + $1.count }
    }

    /// One part holding every list.
    init(_ lists: PackedLists) { self.init(chunks: [lists], perChunk: lists.count) }

    subscript(i: Int) -> ArraySlice<UInt32> { chunks[i / perChunk][i % perChunk] }

    /// The length of list `i`.
    func count(_ i: Int) -> Int { chunks[i / perChunk].count(i % perChunk) }

    /// `PackedLists.kept` of list `i`.
    func kept(_ i: Int, into out: inout [UInt32]) { chunks[i / perChunk].kept(i % perChunk, into: &out) }

    /// Calls `body` with every part, in order, to change in place.
    mutating func updateChunks(_ body: (inout PackedLists) -> Void) {
        for c in chunks.indices { body(&chunks[c]) }
    }
}
