import Testing
@testable import SiftCore

struct TokenListTests {
    /// A token whose strings own heap memory (longer than a small string's 15 bytes) when `owning`, else small ones.
    private static func token(_ k: Int, owning: Bool = false) -> Token {
        let word = owning ? "a folded form long enough to own memory \(k)" : "w\(k)"
        return Token(kind: .word, utf8Range: k..<(k + 1), folded: word, stem: owning ? "its stem, which owns memory too \(k)" : word)
    }

    private static func tokens(_ range: Range<Int>, owning: Bool = false) -> [Token] {
        range.map { token($0, owning: owning) }
    }

    /// Puts `tokens` into `list` through `beginRefill` and `endRefill`, as the analyzer does.
    private static func refill(_ list: inout TokenList, with tokens: [Token], layout: Token.StringLayout? = Token.StringLayout.found) {
        let slots = list.beginRefill(minimumCapacity: tokens.count, layout: layout)
        #expect(slots.count >= tokens.count && list.isEmpty)
        for (k, token) in tokens.enumerated() { (slots.baseAddress! + k).initialize(to: token) }
        list.endRefill(count: tokens.count)
    }

    @Test func indicesRunFromZeroToTheCount() {
        let list = TokenList(Self.tokens(0..<5))
        #expect(list.startIndex == 0 && list.endIndex == 5 && list.count == 5 && !list.isEmpty)
        #expect(Array(list.indices) == [0, 1, 2, 3, 4])
        #expect(list[3].folded == "w3" && list.last?.folded == "w4" && list.index(before: 5) == 4)
        #expect(Array(list[1..<3].map(\.folded)) == ["w1", "w2"])
        #expect(TokenList().isEmpty && TokenList().startIndex == TokenList().endIndex)
    }

    @Test func arrayLiteralsAndArraysGiveTheSameTokens() {
        let list: TokenList = [Self.token(0), Self.token(1, owning: true)]
        #expect(Array(list) == [Self.token(0), Self.token(1, owning: true)])
        #expect(list == TokenList([Self.token(0), Self.token(1, owning: true)]))
        #expect(([] as TokenList).isEmpty && ([] as TokenList) == TokenList())
        #expect(list.description == Array(list).description)
    }

    @Test func equalityIsOverTheTokens() {
        let list = TokenList(Self.tokens(0..<3, owning: true))
        #expect(list == TokenList(Self.tokens(0..<3, owning: true)))
        #expect(list != TokenList(Self.tokens(0..<2, owning: true)))
        #expect(list != TokenList(Self.tokens(0..<3)))
        var changed = list
        changed[2].sentence = 1
        #expect(list != changed)
    }

    @Test func appendingGrowsPastTheCapacityKeepingTheTokens() {
        var list = TokenList()
        #expect(list.capacity == 0)
        var expected: [Token] = []
        for k in 0..<100 {
            let grows = list.count == list.capacity
            let capacity = list.capacity
            list.append(Self.token(k, owning: k % 3 == 0))
            expected.append(Self.token(k, owning: k % 3 == 0))
            #expect(grows ? list.capacity > capacity : list.capacity == capacity)
        }
        list.append(contentsOf: Self.tokens(100..<140, owning: true))
        list.append(contentsOf: Self.tokens(140..<150).lazy.map { $0 })
        expected += Self.tokens(100..<140, owning: true) + Self.tokens(140..<150)
        #expect(Array(list) == expected)
    }

    /// A list appended to itself reads the tokens it had, not the ones being appended.
    @Test func appendingAListToItselfDoublesIt() {
        var list = TokenList(Self.tokens(0..<3, owning: true))
        list.append(contentsOf: list)
        #expect(Array(list) == Self.tokens(0..<3, owning: true) + Self.tokens(0..<3, owning: true))
    }

    /// A copy shares the storage until one of them is written, then each has its own tokens.
    @Test func copiesAreIndependentOnceWritten() {
        let original = TokenList(Self.tokens(0..<4, owning: true))
        var copy = original
        copy[0].flags = .negated
        copy[1].folded = "changed"
        #expect(original[0].flags == [] && original[1].folded == Self.token(1, owning: true).folded)
        #expect(copy[0].flags == .negated && copy[1].folded == "changed")

        var appended = original
        appended.append(Self.token(4))
        var throughBuffer = original
        throughBuffer.withUnsafeMutableBufferPointer { $0[2].sentence = 7 }
        var refilled = original
        Self.refill(&refilled, with: Self.tokens(10..<11))
        #expect(original == TokenList(Self.tokens(0..<4, owning: true)))
        #expect(appended.count == 5 && throughBuffer[2].sentence == 7 && Array(refilled) == Self.tokens(10..<11))
    }

    /// Refilling shrinks and grows the list over its storage, whatever its tokens' strings own, and the list goes on
    /// as usual after (appending, copying, comparing); the leak check of these tests runs them under valgrind.
    @Test(arguments: [true, false])
    func refillingShrinksAndGrowsOverTheStorage(withLayout: Bool) throws {
        let found = try #require(Token.StringLayout.found)
        let layout = withLayout ? found : nil
        var list = TokenList(Self.tokens(0..<6) + Self.tokens(6..<10, owning: true))
        let sequence: [[Token]] = [
            Self.tokens(0..<2, owning: true),
            Self.tokens(0..<3) + Self.tokens(3..<5, owning: true),
            [],
            Self.tokens(20..<60, owning: true),
            Self.tokens(0..<1),
            Self.tokens(0..<30),
            Self.tokens(5..<12, owning: true),
        ]
        for tokens in sequence {
            Self.refill(&list, with: tokens, layout: layout)
            #expect(Array(list) == tokens)
        }
        let capacity = list.capacity
        Self.refill(&list, with: Self.tokens(0..<3), layout: layout)
        #expect(list.capacity == capacity)
        list.append(Self.token(99, owning: true))
        let copy = list
        #expect(copy == list && copy.count == 4 && copy.last == Self.token(99, owning: true))
    }

    @Test func sortingAndReversingWorkInPlaceOnAnOwnCopy() {
        let original = TokenList(Self.tokens(0..<6, owning: true))
        var sorted = original
        sorted.sort { $0.utf8Range.lowerBound > $1.utf8Range.lowerBound }
        var reversed = original
        reversed.reverse()
        #expect(Array(sorted) == Self.tokens(0..<6, owning: true).reversed() && sorted == reversed)
        #expect(Array(original) == Self.tokens(0..<6, owning: true))
    }

    /// The refill's writer changes the refilled tokens in place, all of them and only them, and the list shows it.
    @Test func refilledTokensChangeInPlace() {
        var list = TokenList(Self.tokens(0..<8))
        Self.refill(&list, with: Self.tokens(0..<3))
        let seen = list.withRefilledTokens { tokens -> Int in
            for k in tokens.indices { tokens[k].sentence = k + 10 }
            return tokens.count
        }
        #expect(seen == 3 && list.count == 3 && list.map(\.sentence) == [10, 11, 12])
        var empty = TokenList()
        #expect(empty.withRefilledTokens { $0.count } == 0)
    }

    /// What is vouched for the tokens' strings lasts until the list is written in any other way; the analyzer vouches
    /// for a text whose strings own no memory only.
    @Test func everyWriteForgetsWhatWasVouched() throws {
        let layout = try #require(Token.StringLayout.found)
        var list = TokenList(Self.tokens(0..<4))
        let writes: [(inout TokenList) -> Void] = [
            { $0[0].stem = String(repeating: "owned", count: 8) },
            { $0.append(Self.token(9, owning: true)) },
            { $0.append(contentsOf: Self.tokens(0..<2)) },
            { $0.withUnsafeMutableBufferPointer { $0[1].flags = .negated } },
            { $0.withRefilledTokens { $0[1].flags = .negated } },
            { $0.sort { $0.utf8Range.lowerBound > $1.utf8Range.lowerBound } },
            { Self.refill(&$0, with: Self.tokens(0..<2)) },
        ]
        for write in writes {
            Self.refill(&list, with: Self.tokens(0..<4))
            list.vouchOwnsNoMemory(layout: layout)
            #expect(list.ownsNoMemoryIsVouched)
            write(&list)
            #expect(!list.ownsNoMemoryIsVouched)
        }
        let worker = TextAnalyzer().makeWorker()
        var analyzed = worker.analyze("Great app, but it crashes.", languageHint: "en")
        #expect(analyzed.tokens.ownsNoMemoryIsVouched)
        worker.analyze("Internationalization is uncharacteristically slow", languageHint: "en", into: &analyzed)
        #expect(!analyzed.tokens.ownsNoMemoryIsVouched && analyzed.tokens[0].folded == "internationalization")
        worker.analyze("Great app", languageHint: "en", into: &analyzed)
        #expect(analyzed.tokens.ownsNoMemoryIsVouched && Array(analyzed.tokens.map(\.folded)) == ["great", "app"])
    }

    @Test func theAnalyzersTokensAreATokenList() {
        let analyzed = TextAnalyzer().makeWorker().analyze("Great app, but it crashes.", languageHint: "en")
        var copy = analyzed.tokens
        copy[0].flags.insert(.negated)
        #expect(!analyzed.tokens[0].flags.contains(.negated) && copy[0].flags.contains(.negated))
        #expect(Array(analyzed.tokens).map(\.folded) == ["great", "app", ",", "but", "it", "crashes", "."])
    }
}
