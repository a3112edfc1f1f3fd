/// Many short lists of ids in two flat arrays: a million records' term lists as a million separate arrays cost a
/// heap object each (header, malloc overhead and growth slack, several times the ids themselves).
struct PackedLists: Sendable {
    private(set) var values: [UInt32] = []
    /// List `i` is `values[starts[i]..<starts[i + 1]]`.
    private var starts: [Int] = [0]

    var count: Int { starts.count - 1 }

    subscript(i: Int) -> ArraySlice<UInt32> { values[starts[i]..<starts[i + 1]] }

    mutating func append<S: Sequence>(_ list: S) where S.Element == UInt32 {
        values.append(contentsOf: list)
        starts.append(values.count)
    }

    /// Appends every list of `other` with each id replaced by `map[id]`.
    mutating func append(mapping other: PackedLists, through map: [UInt32]) {
        values.reserveCapacity(values.count + other.values.count)
        for id in other.values { values.append(map[Int(id)]) }
        let base = starts[starts.count - 1]
        for i in 1..<other.starts.count { starts.append(base + other.starts[i]) }
    }
}
