import Testing
@testable import SiftCore

struct TokenScannerTests {
    /// The bit tables answer as the Unicode properties do for every scalar they cover: Arabic, Devanagari and
    /// Bengali letters are word characters, their dandas are not, emoji start emoji.
    @Test func propertyBitsAgreeWithTheUnicodeProperties() {
        for value in ScalarPropertyBits.wordCharacterStart..<ScalarPropertyBits.wordCharacterEnd {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isWordCharacter == scalar.hasWordCharacterProperties, "U+\(String(value, radix: 16))")
        }
        for value in ScalarPropertyBits.emojiStart..<ScalarPropertyBits.emojiEnd {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isEmojiStart == (scalar.isRegionalIndicator || scalar.hasEmojiStartProperties), "U+\(String(value, radix: 16))")
        }
        for value in (ScalarPropertyBits.alphabeticStart - 1)...ScalarPropertyBits.alphabeticEnd {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ScalarPropertyBits.isAlphabetic(scalar) == scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
        }
        #expect(ScalarPropertyBits.isAlphabetic(Unicode.Scalar(0x0628)!) && !ScalarPropertyBits.isAlphabetic(Unicode.Scalar(0x060C)!))  // ب ،
        #expect(Unicode.Scalar(0x0628)!.isWordCharacter)  // ب
        #expect(!Unicode.Scalar(0x0964)!.isWordCharacter)  // ।
        #expect(Unicode.Scalar(0x1F60D)!.isEmojiStart)  // 😍
    }

    /// Storage reused from text to text holds only the tokens of the last text scanned.
    @Test func reusedStorageHoldsTheLastTextsTokens() {
        let storage = ScannedTokens(capacity: 1)
        var long = "one two three four five six seven eight nine ten"
        long.withUTF8 { bytes in
            var scanner = TokenScanner(bytes: bytes, reusing: storage)
            scanner.scan()
        }
        #expect(storage.count == 10)
        var short = "ok 👍"
        short.withUTF8 { bytes in
            var scanner = TokenScanner(bytes: bytes, reusing: storage)
            scanner.scan()
        }
        #expect(storage.count == 2)
        #expect(storage[0].kind == .word && storage[0].range == 0..<2)
        #expect(storage[1].kind == .emoji)
    }

    /// A lone modifier apostrophe "ʼ" (U+02BC, a letter to Unicode) once made an empty word and the scanner never
    /// finished: `sift sentiment` and `sift analyze` hung on such a review and grew until the system killed them.
    @Test func loneApostrophesEndTheScanWithNoEmptyToken() {
        let storage = ScannedTokens()
        for text in ["ʼ", "ʼ ", "it ʼs fine", "ʼ5", "+ʼ", "’", "don’t", "мʼята", "Hawaiʻi", "' '", "ʼʼʼ"] {
            var text = text
            var ranges: [Range<Int>] = []
            text.withUTF8 { bytes in
                var scanner = TokenScanner(bytes: bytes, reusing: storage)
                scanner.scan()
                ranges = (0..<storage.count).map { storage[$0].range }
            }
            #expect(ranges.allSatisfy { !$0.isEmpty }, "\(text)")
            // Tokens follow one another and cover every non-space byte.
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound }, "\(text)")
            #expect(ranges.reduce(0) { $0 + $1.count } == text.utf8.count(where: { $0 != UInt8(ascii: " ") }), "\(text)")
        }
        var text = "мʼята"
        text.withUTF8 { bytes in
            var scanner = TokenScanner(bytes: bytes, reusing: storage)
            scanner.scan()
        }
        #expect(storage.count == 1 && storage[0].kind == .word)
    }

    /// E-mail addresses are found from the first letter of their local part, and words before an '@' that ends no
    /// address stay words, now that the scanner remembers where the last local part ended (rescanning it from every
    /// word of "a-a-a-…" took minutes on a megabyte).
    @Test func emailsAfterLongLocalPartsAndWordsThatEndInNone() {
        let storage = ScannedTokens()
        func tokens(_ text: String) -> [(Token.Kind, String)] {
            var text = text
            return text.withUTF8 { bytes in
                var scanner = TokenScanner(bytes: bytes, reusing: storage)
                scanner.scan()
                return (0..<storage.count).map { (storage[$0].kind, String(decoding: UnsafeBufferPointer(rebasing: bytes[storage[$0].range]), as: UTF8.self)) }
            }
        }
        #expect(tokens("mail a-b.c@d.fr now").map(\.1) == ["mail", "a-b.c@d.fr", "now"])
        #expect(tokens("mail a-b.c@d.fr now")[1].0 == .email)
        // No dot in the domain: no address, from any start inside "a-b-c".
        #expect(tokens("a-b-c@d").filter { $0.0 == .email }.isEmpty)
        #expect(tokens("a-b-c@d").filter { $0.0 == .word }.map(\.1) == ["a", "b", "c"])
        let long = String(repeating: "a-", count: 5_000) + "a@x.io"
        #expect(tokens(long).map(\.0) == [.email])
        let noAddress = String(repeating: "v1.", count: 5_000)
        #expect(!tokens(noAddress).contains { $0.0 == .email })
    }
}
