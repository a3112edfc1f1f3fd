import Foundation
import Testing

/// `sift kinds` end to end: JSON Lines or plain lines in, one JSON line per text out.
struct KindsCommandTests {
    @Test func kindsOfEachLine() throws {
        let input = """
            {"id": "r1", "text": "Crashes on startup since the update."}
            Please add an option to hide the stories bar

            {"id": 7, "text": "How do I export my data?"}
            """
        let result = try SiftBinary.run(["kinds", "--cues", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        func kinds(_ o: [String: Any]) -> [String] { (o["kinds"] as! [[String: Any]]).map { $0["kind"] as! String } }
        #expect(objects[0]["id"] as? String == "r1")
        #expect(kinds(objects[0]).first == "bug")
        #expect(objects[0]["severity"] as? String == "critical")
        #expect(kinds(objects[1]) == ["feature_request"])
        #expect(objects[2]["id"] as? String == "7")
        #expect(kinds(objects[2]).contains("question"))
    }

    @Test func badJSONLineIsReportedAndSkipped() throws {
        let result = try SiftBinary.run(["kinds", "-"], stdin: Data("{\"txt\": 1}\nGreat app\n".utf8))
        #expect(result.status == 0)
        #expect(result.stderr.contains("-:1:"))
        #expect(result.stdout.split(separator: "\n").count == 1)
    }
}
