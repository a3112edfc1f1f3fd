import Testing
@testable import SiftCore

struct TokenArrayCountTests {
    private func token(_ k: Int, _ word: String) -> Token {
        Token(kind: .word, utf8Range: k..<(k + 1), folded: word, stem: word)
    }

    /// The layout is found on the platforms sift is built for (else the analyzer resizes element by element).
    @Test func isFoundHere() {
        #expect(Token.ArrayCount.isFound)
    }

    /// Setting the count shrinks and grows the array over the tokens in its storage, which stays the same, and the
    /// array goes on as usual after (appending, copying, comparing).
    @Test func settingTheCountShrinksAndGrowsOverTheStorage() throws {
        try #require(Token.ArrayCount.isFound)
        var tokens = (0..<6).map { token($0, "w\($0)") }
        tokens.reserveCapacity(10)
        let capacity = tokens.capacity
        tokens.withUnsafeMutableBufferPointer { Token.ArrayCount.set(2, elements: $0.baseAddress!) }
        #expect(tokens.map(\.folded) == ["w0", "w1"])
        #expect(tokens.capacity == capacity)
        // The tokens past the count are still in the storage (their strings own no memory): grown back over them.
        tokens.withUnsafeMutableBufferPointer { Token.ArrayCount.set(5, elements: $0.baseAddress!) }
        #expect(tokens.map(\.folded) == ["w0", "w1", "w2", "w3", "w4"])
        tokens.append(token(9, "appended after"))
        let copy = tokens
        #expect(copy.count == 6 && copy.last?.folded == "appended after" && copy == tokens)
    }
}
