import Foundation
import Testing
@testable import SiftCore

struct JSONWriterTests {
    @Test(arguments: [
        (0.0, 4, "0"), (-0.0, 4, "0"), (5.0, 4, "5"), (4.5, 4, "4.5"), (-0.125, 4, "-0.125"), (0.00004, 4, "0"),
        (0.00005, 4, "0.0001"), (1234567.891, 2, "1234567.89"), (-12.0, 3, "-12"), (0.1 + 0.2, 4, "0.3"), (0.05, 3, "0.05"),
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
}
