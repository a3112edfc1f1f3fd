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
}
