import Foundation
import Testing
@testable import SiftCore

struct JSONWriterTests {
    @Test(arguments: [
        (0.0, 4, "0"), (-0.0, 4, "0"), (5.0, 4, "5"), (4.5, 4, "4.5"), (-0.125, 4, "-0.125"), (0.00004, 4, "0"),
        (0.00005, 4, "0.0001"), (1234567.891, 2, "1234567.89"), (-12.0, 3, "-12"), (0.1 + 0.2, 4, "0.3"), (0.05, 3, "0.05"),
        (2.5, 0, "3"), (0.1, 1, "0.1"), (123.456789, 6, "123.456789"), (1e-9, 9, "0.000000001"), (-7.25, 12, "-7.25"),
    ])
    func numbersAreShortAndExact(value: Double, digits: Int, expected: String) {
        #expect(JSONWriter.format(value, digits: digits) == expected)
    }

    @Test func stringsAreEscapedAndTheDocumentParses() throws {
        var json = JSONWriter()
        json.beginObject()
        json.field("text", "say \"hi\"\\ \n\t\u{01} — ✓ 👍🏽")
        json.field("n", 42)
        json.field("x", -0.5)
        json.field("none", nil as String?)
        json.beginArray(key: "list")
        json.value(1)
        json.value("b")
        json.endArray()
        json.endObject()
        let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as! [String: Any]
        #expect(parsed["text"] as? String == "say \"hi\"\\ \n\t\u{01} — ✓ 👍🏽")
        #expect(parsed["n"] as? Int == 42)
        #expect(parsed["x"] as? Double == -0.5)
        #expect(parsed["none"] is NSNull)
        #expect((parsed["list"] as? [Any])?.count == 2)
    }

    /// Long texts with a character to escape at every position around the eight-byte blocks the scan reads.
    @Test func everyCharacterThatNeedsAnEscapeGetsOneWhereverItSits() throws {
        let specials: [String] = ["\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}"]
        let fillers = ["abcdefghijklmnopq", "é—✓👍🏽 and ~ ! # ü", String(repeating: "\u{7F} ", count: 9)]
        for filler in fillers {
            for special in specials {
                for position in 0...17 {
                    var text = String(filler.prefix(position)) + special + String(filler.dropFirst(position))
                    text += special + " end"
                    var json = JSONWriter()
                    json.value(text)
                    let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes), options: .fragmentsAllowed) as? String
                    #expect(parsed == text)
                    #expect(!json.bytes.contains(where: { $0 < 0x20 }))
                }
            }
        }
    }

    @Test func encodedKeysWriteWhatPlainKeysWrite() {
        var plain = JSONWriter(), encoded = JSONWriter()
        for json in [0, 1] {
            var w = JSONWriter()
            w.beginObject()
            if json == 0 { w.field("say \"x\"", "v"); w.field("n", 2) } else { w.field(JSONKey("say \"x\""), "v"); w.field(JSONKey("n"), 2) }
            w.endObject()
            if json == 0 { plain = w } else { encoded = w }
        }
        #expect(encoded.string == plain.string)
        #expect(plain.string == #"{"say \"x\"":"v","n":2}"#)
    }
}
