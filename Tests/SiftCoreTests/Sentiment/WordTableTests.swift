import Testing
@testable import SiftCore

struct WordTableTests {
    @Test func findsEveryWordItHoldsAfterGrowing() {
        var table = WordTable<Int>()
        let words = (0..<5_000).map { "w\($0)" } + ["crash", "crashes", "😡", "don't", "très"]
        for (i, word) in words.enumerated() { table[word] = i }
        #expect(table.count == words.count)
        for (i, word) in words.enumerated() {
            #expect(table.value(word, hash: WordHash.of(word)) == i)
        }
        #expect(table["w5000"] == nil)
        #expect(table["crashe"] == nil)
    }

    @Test func aLaterValueReplacesAnEarlierOne() {
        var table = WordTable<Double>()
        table["laggy"] = -1
        table["laggy"] = -2
        #expect(table.count == 1)
        #expect(table["laggy"] == -2)
    }

    @Test func aWrongHashMissesInsteadOfMatchingAnotherWord() {
        var table = WordTable<Int>()
        table["good"] = 1
        // The key is compared as well as the hash: a probe that lands on another word's slot finds nothing.
        #expect(table.value("bad", hash: WordHash.of("good")) == nil)
    }

    @Test func tokensCarryTheHashesOfTheirFormsAfterAnEdit() {
        var token = Token(kind: .word, utf8Range: 0..<7, folded: "crashes", stem: "crash")
        #expect(token.foldedHash == WordHash.of("crashes"))
        #expect(token.stemHash == WordHash.of("crash"))
        #expect(token.hasOwnStem)
        token.stem = "crashes"
        #expect(token.stemHash == WordHash.of("crashes"))
        #expect(!token.hasOwnStem)
    }

    @Test func wordSetContainsOnlyItsWords() {
        let set = WordSet(["until", "till"])
        #expect(set.contains("until", hash: WordHash.of("until")))
        #expect(!set.contains("untill", hash: WordHash.of("untill")))
    }
}
