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

    @Test func keptSkipsDroppedWordsAndRemapKeepsMarks() {
        let pair = TermMarks.pairsWithPrevious, dropped = TermMarks.dropped
        var lists = PackedLists([[0, 1 | pair, 2 | dropped | pair], [3 | dropped], []])
        var out: [UInt32] = []
        lists.kept(0, into: &out)
        #expect(out == [0, 1])
        lists.kept(1, into: &out)
        #expect(out.isEmpty)
        lists.remap(through: [10, 11, 12, 13])
        #expect(Array(lists[0]) == [10, 11 | pair, 12 | dropped | pair])
        #expect(Array(lists[1]) == [13 | dropped])
    }

    @Test func listsLaidOutFromOffsetsReadBack() {
        let lists = ChunkedLists(PackedLists(values: [5, 6, 7], starts: [0, 2, 2, 3]))
        #expect(lists.count == 3)
        #expect(Array(lists[0]) == [5, 6])
        #expect(lists[1].isEmpty)
        #expect(Array(lists[2]) == [7])
    }
}
