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
        // Each line says which side of the three-way triage it is on.
        #expect(objects.map { $0["side"] as? String } == ["problem", "feature_request", "other"])
    }

    @Test func threadsChangeNothingButTheCoresUsed() throws {
        let shapes = [
            #"{"id": "a", "text": "Crashes on startup since the update."}"#, "Please add dark mode", "", "{\"txt\": 1}",
            "How do I export my data?", "love it but it drains my battery", "muy lenta, no funciona",
        ]
        let input = (0..<5000).map { shapes[$0 % shapes.count] }.joined(separator: "\n") + "\n"
        let one = try SiftBinary.run(["kinds", "--cues", "--threads", "1", "-"], stdin: Data(input.utf8))
        let two = try SiftBinary.run(["kinds", "--cues", "--threads", "2", "-"], stdin: Data(input.utf8))
        #expect(one.status == 0 && two.status == 0)
        // Blank lines make no output; bad JSON lines a message each, in input order.
        #expect(one.stdout.split(separator: "\n").count == (0..<5000).filter { ![2, 3].contains($0 % shapes.count) }.count)
        #expect(two.stdout == one.stdout)
        #expect(two.stderr == one.stderr)
        #expect(one.stderr.hasPrefix("-:4: a JSON object with no \"text\" string"))
    }

    @Test func aDirectoryOrAMissingFileStopsWithAReason() throws {
        let directory = try SiftBinary.run(["kinds", FileManager.default.temporaryDirectory.path])
        #expect(directory.status == 66)
        #expect(directory.stderr.contains("is a directory"))
        let missing = try SiftBinary.run(["kinds", "/nonexistent/reviews.txt"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("cannot read /nonexistent/reviews.txt"))
        let threads = try SiftBinary.run(["kinds", "--threads", "100000000", "-"], stdin: Data("Great app\n".utf8))
        #expect(threads.status == 64)
        #expect(threads.stderr.contains("--threads 100000000"))
    }

    @Test func aLineWithBytesThatAreNotUTF8IsClassifiedNotLost() throws {
        // Bytes of another encoding inside a JSON line become U+FFFD; the rest of the text is still classified.
        var input = Data(#"{"id": "x", "text": "caf"#.utf8)
        input.append(0xE9)
        input.append(contentsOf: Array(#" app crashes every time I open it"}"#.utf8) + [0x0A])
        let result = try SiftBinary.run(["kinds", "-"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""id":"x""#))
        #expect(result.stdout.contains(#""kind":"bug""#))
    }

    @Test func aJSONLineWithNoTextIsReportedAndSkipped() throws {
        let result = try SiftBinary.run(["kinds", "-"], stdin: Data("{\"txt\": 1}\nGreat app\n".utf8))
        #expect(result.status == 0)
        #expect(result.stderr.contains("-:1:"))
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    @Test func aTextThatOpensWithABraceIsATextNotABadJSONLine() throws {
        // A Google Play review, "{ Continue with Google } option is bad for my privacy…", was skipped as bad JSON.
        let result = try SiftBinary.run(["kinds", "-"], stdin: Data("{ Continue with Google } option is bad, the app keeps crashing\n".utf8))
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains(#""line":1"#))
        #expect(result.stdout.contains(#""side":"problem""#))
    }

    @Test func modelFileReplacesTheShippedModel() throws {
        // A toy model that reads every mention of "sync" as a battery complaint: the output must follow it.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sift-kinds-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("kinds.tsv")
        try "kinds\tbattery\nblend\t1\nlanguage\ten\nbias\t-4\nsync\t8\n".write(to: model, atomically: true, encoding: .utf8)
        let text = Data("The sync icon is blue.\n".utf8)
        let shipped = try SiftBinary.run(["kinds", "-"], stdin: text)
        let toy = try SiftBinary.run(["kinds", "--model-file", model.path, "-"], stdin: text)
        #expect(shipped.status == 0 && toy.status == 0)
        #expect(!shipped.stdout.contains("\"battery\""))
        #expect(toy.stdout.contains("\"battery\""), "\(toy.stdout)")

        let broken = directory.appendingPathComponent("broken.tsv")
        try "not a model\n".write(to: broken, atomically: true, encoding: .utf8)
        let refused = try SiftBinary.run(["kinds", "--model-file", broken.path, "-"], stdin: text)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("not a readable kind model"))
    }
}
