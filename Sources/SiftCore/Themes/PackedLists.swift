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

    /// Replaces each list, in order, with what `rewrite` appends to its second argument (never more ids than the
    /// list had), in place: the rewritten lists take the room of the old ones.
    mutating func rewriteInPlace(_ rewrite: (ArraySlice<UInt32>, inout [UInt32]) -> Void) {
        var starts = self.starts
        self.starts = []
        var input: [UInt32] = []
        var output: [UInt32] = []
        var write = 0
        var readStart = 0
        for i in 0..<(starts.count - 1) {
            let readEnd = Int(starts[i + 1])
            input.removeAll(keepingCapacity: true)
            input.append(contentsOf: values[readStart..<readEnd])
            output.removeAll(keepingCapacity: true)
            rewrite(input[...], &output)
            precondition(output.count <= input.count, "a list rewritten in place may only shrink")
            values.withUnsafeMutableBufferPointer { values in
                for id in output {
                    values[write] = id
                    write += 1
                }
            }
            starts[i + 1] = UInt32(write)
            readStart = readEnd
        }
        values.removeLast(values.count - write)
        self.starts = starts
    }

    /// Replaces every id with `map[id]`, in place (no second copy of the lists).
    mutating func remap(through map: [UInt32]) {
        values.withUnsafeMutableBufferPointer { values in
            map.withUnsafeBufferPointer { map in
                for i in values.indices { values[i] = map[Int(values[i])] }
            }
        }
    }
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

    /// `PackedLists.rewriteInPlace` over every part, in order.
    mutating func rewriteInPlace(_ rewrite: (ArraySlice<UInt32>, inout [UInt32]) -> Void) {
        for c in chunks.indices { chunks[c].rewriteInPlace(rewrite) }
    }
}
