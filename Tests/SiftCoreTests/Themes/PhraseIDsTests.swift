import Testing
@testable import SiftCore

struct PhraseIDsTests {
    private func id(_ ids: inout PhraseIDs, _ first: String, _ second: String? = nil) -> Int {
        let a = Array(first.utf8)
        return a.withUnsafeBufferPointer { a in
            guard let second else { return ids.id(a) }
            return Array(second.utf8).withUnsafeBufferPointer { b in ids.id(a, b) }
        }
    }

    /// Ids are handed out in order of first sight and a phrase seen again gets its id back, however many phrases
    /// the table grows to hold.
    @Test func samePhraseSameIDAcrossGrowth() {
        var ids = PhraseIDs()
        #expect(id(&ids, "battery", "drain") == 0)
        #expect(id(&ids, "battery") == 1)
        #expect(id(&ids, "drain") == 2)
        for n in 0..<5_000 { #expect(id(&ids, "word\(n)", "next") == 3 + n) }
        #expect(id(&ids, "battery", "drain") == 0)
        #expect(id(&ids, "drain") == 2)
        #expect(id(&ids, "word4999", "next") == 5_002)
        // The space between two words is part of the phrase: "ab c" is not "a bc", nor the one word "ab".
        #expect(id(&ids, "ab", "c") != id(&ids, "a", "bc"))
        #expect(id(&ids, "ab", "c") != id(&ids, "ab"))
        #expect(ids.keys.count == ids.count)
        #expect(ids.keys[0] == "battery drain")
        #expect(ids.keys[5_002] == "word4999 next")
    }

    /// Phrases that are equal as strings share an id even when their bytes differ, as they did when phrases were
    /// counted in a dictionary of strings; the key is the spelling seen first.
    @Test func canonicallyEqualPhrasesShareAnID() {
        var ids = PhraseIDs()
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let first = id(&ids, composed, "menu")
        #expect(id(&ids, decomposed, "menu") == first)
        #expect(id(&ids, "menu") != first)
        // KELVIN SIGN is canonically the letter K: equal to the ASCII word, whichever is seen first.
        let ascii = id(&ids, "K")
        #expect(id(&ids, "\u{212A}") == ascii)
        var kelvinFirst = PhraseIDs()
        let kelvin = id(&kelvinFirst, "\u{212A}", "mode")
        #expect(id(&kelvinFirst, "K", "mode") == kelvin)
        #expect(kelvinFirst.keys == ["\u{212A} mode"])
        #expect(ids.keys == ["caf\u{E9} menu", "menu", "K"])
    }
}
