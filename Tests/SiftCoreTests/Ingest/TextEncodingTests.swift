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

    @Test func windows1252MapsTheC1RangeToItsPunctuation() {
        #expect(Windows1252.decode([0x93, 0x68, 0x69, 0x94, 0x20, 0x80, 0x35, 0x20, 0xE9]) == "“hi” €5 é")
    }
}
