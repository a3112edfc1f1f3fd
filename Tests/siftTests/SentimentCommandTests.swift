import Foundation
import Testing

struct SentimentCommandTests {
    @Test func scoresOneJSONLinePerInputLine() throws {
        let input = "I love this app\nIt crashes every time I open it\n\nmeh 😐\n"
        let result = try SiftBinary.run(["sentiment", "-"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 4)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Double]) }
        #expect(Set(objects[0].keys) == ["compound", "positive", "negative", "neutral"])
        #expect(objects[0]["compound"]! > 0.05)
        #expect(objects[1]["compound"]! < -0.05)
        #expect(objects[2]["compound"]! == 0)
    }

    @Test func threadsChangeNothingButTheCoresUsed() throws {
        let shapes = ["I love this app", "It crashes every time I open it", "", "meh 😐", "muy buena app", "kind of slow"]
        let input = (0..<3000).map { shapes[$0 % shapes.count] + ($0 % 7 == 0 ? "!!" : "") }.joined(separator: "\n") + "\n"
        let one = try SiftBinary.run(["sentiment", "--threads", "1", "-"], stdin: Data(input.utf8))
        let two = try SiftBinary.run(["sentiment", "--threads", "2", "-"], stdin: Data(input.utf8))
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout.split(separator: "\n").count == 3000)
        #expect(two.stdout == one.stdout)
    }

    @Test func explainPrintsATableAPMCanRead() throws {
        let result = try SiftBinary.run(["sentiment", "--explain", "Great app but it keeps crashing"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("token"))
        #expect(result.stdout.contains("keeps crashing"))
        #expect(result.stdout.contains("after 'but' (weighs more)"))
    }

    @Test func lexiconOverlayChangesTheScore() throws {
        let directory = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("mine.tsv")
        try Data("# our words\nwidgetized\t3\n".utf8).write(to: file)
        let plain = try SiftBinary.run(["sentiment", "it is widgetized"])
        let overlaid = try SiftBinary.run(["sentiment", "--lexicon", file.path, "it is widgetized"])
        #expect(plain.stdout.hasPrefix("compound 0 "))
        #expect(overlaid.stdout.hasPrefix("compound 0."))
        let bad = directory.appendingPathComponent("bad.tsv")
        try Data("widgetized three\n".utf8).write(to: bad)
        let failed = try SiftBinary.run(["sentiment", "--lexicon", bad.path, "x"])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("line 1"))
    }
}
