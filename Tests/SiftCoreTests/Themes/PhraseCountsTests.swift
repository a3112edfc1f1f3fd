import Testing
@testable import SiftCore

struct PhraseCountsTests {
    @Test func countsAddUpByKeyAndListEveryKeyOnce() {
        var counts = PhraseCounts()
        // Enough keys to make the table grow several times.
        for stem in 0..<500 as Range<UInt32> { counts.add(PhraseCounts.single(stem)) }
        for stem in 0..<500 as Range<UInt32> where stem % 2 == 0 { counts.add(PhraseCounts.single(stem), 3) }
        counts.add(PhraseCounts.pair(7, 9))
        #expect(counts.count == 501)
        #expect(counts[PhraseCounts.single(4)] == 4)
        #expect(counts[PhraseCounts.single(5)] == 1)
        #expect(counts[PhraseCounts.pair(7, 9)] == 1)
        #expect(counts[PhraseCounts.pair(9, 7)] == 0)
        var seen = 0, total = 0
        counts.forEach { _, n in seen += 1; total += n }
        #expect(seen == 501)
        #expect(total == 500 + 250 * 3 + 1)
    }

    @Test func keysSplitBackIntoTheirStems() {
        let single = PhraseCounts.stems(PhraseCounts.single(12))
        #expect(single.first == 12 && single.second == nil)
        let pair = PhraseCounts.stems(PhraseCounts.pair(12, 0))
        #expect(pair.first == 12 && pair.second == 0)
    }

    @Test func aListsPhrasesAreItsStemsAndMarkedPairsEachOnce() {
        let pair = TermMarks.pairsWithPrevious, dropped = TermMarks.dropped
        // Local ids 0 and 1 are run-wide 40 and 41; 99 is a dropped word (a name) with its run-wide id.
        // "battery drain battery drain" then a name after a gap, and the name's pair with the next word.
        let lists = ChunkedLists(PackedLists([[0, 1 | pair, 0 | pair, 1 | pair, 99 | dropped, 0 | pair]]))
        var keys: [UInt64] = []
        lists.phrases(0, globalOf: [40, 41], into: &keys)
        let expected: [UInt64] = [
            PhraseCounts.single(40), PhraseCounts.single(41), PhraseCounts.single(99), PhraseCounts.pair(40, 41),
            PhraseCounts.pair(41, 40), PhraseCounts.pair(99, 40),
        ].sorted()
        #expect(keys == expected)
    }
}
