import Testing
@testable import SiftCore

struct PackedListsTests {
    @Test func listsReadBackAsAppendedAndRemapInPlace() {
        var lists = PackedLists([[3, 1], [], [2, 2, 0]])
        #expect(lists.count == 3)
        #expect(Array(lists[0]) == [3, 1])
        #expect(lists[1].isEmpty)
        #expect(lists.count(2) == 3)
        lists.remap(through: [10, 11, 12, 13])
        #expect(Array(lists[0]) == [13, 11])
        #expect(Array(lists[2]) == [12, 12, 10])
    }

    @Test func chunksReadAsOneSequence() {
        let chunked = ChunkedLists(chunks: [PackedLists([[1], [2, 3]]), PackedLists([[4]])], perChunk: 2)
        #expect(chunked.count == 3)
        #expect(Array(chunked[1]) == [2, 3])
        #expect(Array(chunked[2]) == [4])
        #expect(chunked.count(1) == 2)
    }
}
