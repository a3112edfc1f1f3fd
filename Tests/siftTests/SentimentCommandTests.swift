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

    @Test func jsonLinesWriteTheNumbersTheOneTextFormWrites() throws {
        // The JSON lines' digits come from tables of signed scaled values; the one-text form formats each number on
        // its own (`JSONWriter.format`): negative values, values whose last digits are zeros, 0 and 1 must agree.
        let texts = ["This app is terrible, awful and the worst ever!!!", "I hate it", "Love it, great app", "ok",
                     "The app crashes and I lost all my data, horrible", "It is good but the ads are annoying", "meh"]
        let lines = try SiftBinary.run(["sentiment", "-"], stdin: Data((texts.joined(separator: "\n") + "\n").utf8))
        #expect(lines.status == 0)
        let jsonLines = lines.stdout.split(separator: "\n").map(String.init)
        #expect(jsonLines.count == texts.count)
        var negatives = 0
        for (text, jsonLine) in zip(texts, jsonLines) {
            let one = try SiftBinary.run(["sentiment", text])
            #expect(one.status == 0)
            let words = one.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            #expect(words.count == 8)
            guard words.count == 8 else { continue }
            #expect(jsonLine == "{\"compound\":\(words[1]),\"positive\":\(words[3]),\"negative\":\(words[5]),\"neutral\":\(words[7])}")
            if words[1].hasPrefix("-") { negatives += 1 }
        }
        #expect(negatives >= 3)
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

extension SentimentCommandTests {
    /// Lines read as bytes: CRLF endings, empty lines, a last line without a newline, invalid UTF-8 (scored as its
    /// repaired text) and a line longer than the 64 KB read buffer each give one JSON line, the same on one thread
    /// (bytes scored in place) as on two (a String per line).
    @Test func linesOfEveryShapeScoreTheSameOnOneThreadAsOnTwo() throws {
        var input = Data("I love this app\r\n\r\n\nIt crashes every time\r\n".utf8)
        input.append(contentsOf: [0x62, 0x61, 0x64, 0x20, 0xFF, 0x20, 0x61, 0x70, 0x70, 0x0A])  // "bad \xFF app"
        input.append(contentsOf: Array("bad \u{FFFD} app\n".utf8))
        input.append(contentsOf: Array(String(repeating: "great stuff but slow ", count: 4000).utf8) + [0x0A])
        input.append(contentsOf: Array("muy buena app 👍".utf8))
        let one = try SiftBinary.run(["sentiment", "--threads", "1", "-"], stdin: input)
        let two = try SiftBinary.run(["sentiment", "--threads", "2", "-"], stdin: input)
        #expect(one.status == 0 && two.status == 0)
        let lines = one.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 9 && lines.last == "")
        #expect(lines[1] == #"{"compound":0,"positive":0,"negative":0,"neutral":1}"# && lines[2] == lines[1])
        #expect(lines[4] == lines[5] && lines[4] != lines[1])
        #expect(lines[0] != lines[1] && lines[6] != lines[1] && lines[7] != lines[1])
        #expect(two.stdout == one.stdout)
    }
}
