import Testing
@testable import SiftCore

struct WordHashFilterTests {
    private static let listed = (0..<3_000).map { "listed\($0)" } + ["don't", "très", "😡", "a", "nahi"]
    private static let absent = (0..<10_000).map { "absent\($0)" }

    @Test func everyWordOfEverySetInsertedMayBeThere() {
        // One set kept as a table, one laid out from lines, as the word rules' lists are.
        let table = WordSet(Self.listed.prefix(1_000))
        let laidOut = WordSet(lines: Self.listed.dropFirst(1_000).joined(separator: "\n"))
        var filter = WordHashFilter(words: table.count + laidOut.count)
        filter.insert(table)
        filter.insert(laidOut)
        for word in Self.listed { #expect(filter.mayContain(hash: WordHash.of(word)), "\(word)") }
    }

    @Test func mostWordsOfNoSetAreToldAbsent() {
        var filter = WordHashFilter(words: Self.listed.count)
        filter.insert(WordSet(Self.listed))
        // 16 bits a word: about 6 % of other words share a bit with a listed one.
        let passed = Self.absent.count { filter.mayContain(hash: WordHash.of($0)) }
        #expect(passed < Self.absent.count / 10)
    }

    @Test func anEmptyFilterHoldsNothing() {
        var filter = WordHashFilter(words: 0)
        filter.insert(WordSet())
        for word in Self.listed.prefix(100) { #expect(!filter.mayContain(hash: WordHash.of(word))) }
        // Hashes with the top bits set (negative) are read by their lower half too.
        #expect(!filter.mayContain(hash: -1))
        #expect(!filter.mayContain(hash: Int.min))
    }

    @Test func aHashIsReadByItsLowerHalfAsTheProbeSlotsKeepIt() {
        var filter = WordHashFilter(words: 1)
        filter.insert(WordSet(["crash"]))
        let hash = WordHash.of("crash")
        #expect(filter.mayContain(hash: hash))
        #expect(filter.mayContain(hash: hash ^ (0x5A5A << 40)))
    }
}
