import Testing
@testable import SiftCore

struct WordBreakerTests {
    private func segments(_ bytes: [UInt8], _ breaker: WordBreaker) -> [[UInt8]] {
        var found: [[UInt8]] = []
        bytes.withUnsafeBufferPointer { buffer in
            breaker.forEachSegment(buffer) { found.append(Array(bytes[$0])) }
        }
        return found
    }

    private func segments(_ text: String, _ breaker: WordBreaker) -> [String] {
        segments(Array(text.utf8), breaker).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Chinese and Japanese go through UTF-16, the scripts with Complex_Context letters through UTF-8, and one code
    /// point not through ICU at all; a breaker reused across them keeps no state from one text to the next.
    @Test func segmentsTextOfEveryPath() throws {
        let breaker = try #require(WordBreaker())
        #expect(segments("这个应用很好用", breaker) == ["这个", "应用", "很好", "用"])
        #expect(segments("アプリが落ちる", breaker) == ["アプリ", "が", "落ちる"])
        // ICU's Burmese and Khmer engines weigh words by their length in UTF-8 bytes here: through UTF-16 both of
        // these came out whole.
        #expect(segments("မရ", breaker) == ["မ", "ရ"])
        #expect(segments("ហខ", breaker) == ["ហ", "ខ"])
        #expect(segments("แอพนี้ดีมาก", breaker) == ["แอ", "พนี้", "ดี", "มาก"])
        // A Thai letter in a Chinese run sends the whole run through UTF-8; with ASCII before it, or a code point past
        // U+FFFF, the boundaries are still UTF-8 offsets.
        #expect(segments("好用ดีมาก", breaker) == ["好用", "ดี", "มาก"])
        #expect(segments("appดีมาก", breaker) == ["appดี", "มาก"])
        #expect(segments("𠀋ดีมาก𠀋", breaker) == ["𠀋", "ดี", "มาก", "𠀋"])
        #expect(segments("ok𠀋မရ", breaker) == ["ok", "𠀋", "မ", "ရ"])
        #expect(segments("微信WeChat很好用", breaker) == ["微", "信", "WeChat", "很好", "用"])
        for one in ["好", "ก", "𠀋", "ｱ"] {
            #expect(segments(one, breaker) == [one])
        }
        #expect(segments("𠀋𠀋好", breaker).joined() == "𠀋𠀋好")
        #expect(segments("", breaker).isEmpty)
        // Longer than any text before it: the breaker's buffers grow.
        let long = String(repeating: "这个应用很好用", count: 40)
        #expect(segments(long, breaker).count == 160)
    }

    /// Bytes that are not UTF-8 are left to ICU, which reads them as it reads them.
    @Test func segmentsIllFormedUTF8() throws {
        let breaker = try #require(WordBreaker())
        let bytes: [UInt8] = Array("好".utf8) + [0xFF] + Array("好用".utf8)
        let found = segments(bytes, breaker)
        #expect(Array(found.joined()) == bytes)
        #expect(found == [Array("好".utf8), [0xFF], Array("好用".utf8)])
    }

    @Test func complexContextLettersLieInTheBlocksBrokenThroughUTF8() {
        #expect(WordBreaker.complexContextOutsideBlocks == nil)
    }
}
