import Testing
@testable import SiftCore

struct TextEncodingTests {
    /// Reads all of an input through `UTF8Input` in reads of `step` bytes, so chunk edges fall everywhere.
    func decoded(_ bytes: [UInt8], step: Int) throws -> (TextEncoding, String) {
        let input = try UTF8Input(InputSource(name: "t", bytes: bytes))
        return (input.encoding, String(decoding: try readAll(input, step: step), as: UTF8.self))
    }

    /// Every byte `input` hands out, read `step` bytes at a time.
    func readAll(_ input: UTF8Input, step: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: step)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try input.read(into: $0) }
            if n == 0 { return out }
            out += chunk[0..<n]
        }
    }

    @Test func sniffsByteOrderMarks() {
        #expect(TextEncoding.sniff([0xEF, 0xBB, 0xBF, 0x61]) == (.utf8, 3))
        #expect(TextEncoding.sniff([0xFF, 0xFE, 0x61, 0x00]) == (.utf16LE, 2))
        #expect(TextEncoding.sniff([0xFE, 0xFF, 0x00, 0x61]) == (.utf16BE, 2))
        #expect(TextEncoding.sniff(Array("plain,csv\n".utf8)) == (.utf8, 0))
    }

    @Test func recognisesUTF16WithoutABOMByItsZeroBytes() {
        #expect(TextEncoding.sniff(utf16("Review Text,Star Rating\n", bom: false)).encoding == .utf16LE)
        #expect(TextEncoding.sniff(utf16("Review Text,Star Rating\n", bigEndian: true, bom: false)).encoding == .utf16BE)
    }

    @Test(arguments: [3, 4, 7, 64, 4096])
    func transcodesUTF16AcrossChunkEdges(step: Int) throws {
        let text = "Crash 💥 on Zoë's phone, ¿por qué? 日本語\r\n"
        let (le, leText) = try decoded(utf16(text), step: step)
        #expect(le == .utf16LE)
        #expect(leText == text)
        let (be, beText) = try decoded(utf16(text, bigEndian: true), step: step)
        #expect(be == .utf16BE)
        #expect(beText == text)
    }

    /// 3,000 review-like lines (about 300 KB as UTF-16: past several 64 KiB transcoding chunks).
    static let reviewLines = (0..<3000).map { "\($0),\"Review number \($0) says the app crashes\",\($0 % 5 + 1)" }

    @Test(arguments: [false, true], [[UInt8(0x41)], [0x00, 0x41, 0x42], []])
    func realignsUTF16ThatIsOneByteOff(bigEndian: Bool, inserted: [UInt8]) throws {
        // A byte inserted (or, for the empty case, one lost) in line 1,000 shifted every later line by one byte:
        // they decoded as CJK-looking characters with no line end, and a CSV reader read one broken row for them all.
        let text = Self.reviewLines.joined(separator: "\n") + "\n"
        var bytes = utf16(text, bigEndian: bigEndian)
        let damaged = 2 + 2 * Self.reviewLines[..<1000].reduce(0) { $0 + $1.utf16.count + 1 } + 17
        if inserted.isEmpty { bytes.remove(at: damaged) } else { bytes.insert(contentsOf: inserted, at: damaged) }
        let input = try UTF8Input(InputSource(name: "t", bytes: bytes))
        let lines = String(decoding: try readAll(input, step: 5000), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == Self.reviewLines.count + 1)
        // Only the damaged line differs; every other line reads as written.
        let differing = zip(lines, Self.reviewLines).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(differing == [1000])
        #expect(input.realignmentCount == 1)
        #expect(input.realignments.count == 1)
        if let offset = input.realignments.first { #expect(offset >= damaged && offset <= damaged + 8) }
    }

    @Test func realUTF16TextIsNeverRealigned() throws {
        // Runs of one character whose low byte is zero (ideographic spaces U+3000, "一" U+4E00) read the same one byte
        // off ("000…", "NNN…"), and CJK text has such characters; none of it may trigger a realignment.
        let text = (["日本語のレビュー　　　　　　　　　　です。", "一一一一一一一一一一一一", "最开一刀最好用", "ok　　　　　　　　　fine"]
            .joined(separator: "\n") + "\n")
        for bigEndian in [false, true] {
            let input = try UTF8Input(InputSource(name: "t", bytes: utf16(String(repeating: text, count: 200), bigEndian: bigEndian)))
            #expect(String(decoding: try readAll(input, step: 4096), as: UTF8.self) == String(repeating: text, count: 200))
            #expect(input.realignmentCount == 0)
        }
    }

    @Test func dropsTheUTF8ByteOrderMark() throws {
        let (encoding, text) = try decoded([0xEF, 0xBB, 0xBF] + Array(",a\n".utf8), step: 2)
        #expect(encoding == .utf8)
        #expect(text == ",a\n")
    }

    @Test func unpairedSurrogateBecomesAReplacementCharacter() throws {
        let (_, text) = try decoded([0xFF, 0xFE, 0x3D, 0xD8, 0x61, 0x00], step: 16)
        #expect(text == "\u{FFFD}a")
    }

    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        // Edge cases of each lead byte, then many random runs mixing ASCII, lead and continuation bytes.
        var cases: [[UInt8]] = [
            [], Array("plain ascii text, longer than a word".utf8), Array("café 👍 ünïcode".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xE2, 0x82],
            Array("12345678".utf8) + [0xE2, 0x82, 0xAC] + Array("abcdefgh".utf8), Array("1234567".utf8) + [0xF0, 0x9F, 0x91],
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        let palette: [UInt8] = [0x41, 0x20, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE,
                                0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let length = Int(next() % 24)
            cases.append((0..<length).map { _ in palette[Int(next() % UInt64(palette.count))] })
        }
        // Mostly ASCII, as reviews are: sequences at every offset of a word and of the last word.
        for _ in 0..<20_000 {
            let length = Int(next() % 40)
            cases.append((0..<length).map { _ in next() % 4 != 0 ? 0x61 : palette[Int(next() % UInt64(palette.count))] })
        }
        // Runs of lines, long and mostly ASCII with a sequence now and then: the 64- and 32-byte steps and their ends.
        for _ in 0..<5_000 {
            let length = Int(next() % 200)
            cases.append((0..<length).map { _ in next() % 64 != 0 ? 0x61 : palette[Int(next() % UInt64(palette.count))] })
        }
        var disagreements: [[UInt8]] = []
        for bytes in cases {
            let ours = bytes.withUnsafeBytes { isValidUTF8($0) }
            let standard = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
            if ours != standard { disagreements.append(bytes) }
        }
        #expect(disagreements.isEmpty)
        #expect(cases.contains { bytes in bytes.withUnsafeBytes { isValidUTF8($0) } && bytes.contains { $0 >= 0x80 } })
    }

    @Test func windows1252MapsTheC1RangeToItsPunctuation() {
        #expect(Windows1252.decode([0x93, 0x68, 0x69, 0x94, 0x20, 0x80, 0x35, 0x20, 0xE9]) == "“hi” €5 é")
    }
}
