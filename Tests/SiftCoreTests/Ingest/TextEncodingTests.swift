import Testing
@testable import SiftCore

struct TextEncodingTests {
    /// Reads all of an input through `UTF8Input` in reads of `step` bytes, so chunk edges fall everywhere.
    func decoded(_ bytes: [UInt8], step: Int) throws -> (TextEncoding, String) {
        let input = try UTF8Input(InputSource(name: "t", bytes: bytes))
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: step)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try input.read(into: $0) }
            if n == 0 { break }
            out += chunk[0..<n]
        }
        return (input.encoding, String(decoding: out, as: UTF8.self))
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
