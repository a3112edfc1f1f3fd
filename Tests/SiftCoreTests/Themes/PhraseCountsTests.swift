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

    @Test func sortedCountsHoldTheTablesCountsInKeyOrderAndSumOverThemes() {
        var themes: [SortedPhraseCounts] = []
        // Five themes of 300 stems each, overlapping by 100, each stem counted as often as its theme number + 1.
        for theme in 0..<5 as Range<UInt32> {
            var table = PhraseCounts()
            for stem in (theme * 200)..<(theme * 200 + 300) { table.add(PhraseCounts.single(stem), Int32(theme + 1)) }
            table.add(PhraseCounts.pair(theme, 1000))
            let sorted = SortedPhraseCounts(table)
            #expect(sorted.count == table.count)
            var keys: [UInt64] = []
            sorted.forEach { key, n in
                keys.append(key)
                #expect(n == table[key])
            }
            #expect(keys == keys.sorted())
            themes.append(sorted)
        }
        let overall = SortedPhraseCounts(summing: themes)
        #expect(overall.count == 4 * 200 + 300 + 5)
        #expect(overall[PhraseCounts.single(0)] == 1)
        #expect(overall[PhraseCounts.single(250)] == 1 + 2)
        #expect(overall[PhraseCounts.single(850)] == 4 + 5)
        #expect(overall[PhraseCounts.pair(3, 1000)] == 1)
        #expect(overall[PhraseCounts.single(5000)] == 0)
        // Keys asked for in increasing order, from one cursor, find the same counts.
        var cursor = 0
        for stem in stride(from: 0, to: 1200, by: 7) as StrideTo<UInt32> {
            let key = PhraseCounts.single(stem)
            #expect(overall.count(of: key, from: &cursor) == overall[key], "stem \(stem)")
        }
        #expect(SortedPhraseCounts(summing: []).count == 0)
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
