import Foundation
import Testing

/// End-to-end tests run the real `sift` binary that `swift build` put beside the test bundle.
struct CommandLineTests {
    @Test func unknownFormatIsAUsageError() throws {
        let result = try SiftBinary.run(["ingest", "--format", "nope", "x.csv"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown --format 'nope'"))
    }
}

/// A night's dump directory with a file that cannot be read among the exports still gets its report.
struct DumpDirectoryCommandTests {
    @Test func anUnreadableFileInTheDumpIsSkippedAndTheReportIsWritten() throws {
        let dump = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dump) }
        let out = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let play = SiftBinary.repositoryRoot.appendingPathComponent("Samples/play-reviews.csv")
        try FileManager.default.copyItem(at: play, to: dump.appendingPathComponent("play-reviews.csv"))
        try Data().write(to: dump.appendingPathComponent("appstore-2026-11-29.csv"))
        try Data("export the surveys too\n".utf8).write(to: dump.appendingPathComponent("notes.txt"))
        let result = try SiftBinary.run(["analyze", dump.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("notes.txt: error: cannot tell the format"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any])
        let inputs = try #require((report["accounting"] as? [String: Any])?["inputs"] as? [[String: Any]])
        let byFile = Dictionary(uniqueKeysWithValues: inputs.map { (URL(fileURLWithPath: $0["file"] as? String ?? "").lastPathComponent, $0) })
        #expect(byFile["appstore-2026-11-29.csv"]?["format"] as? String == "empty")
        #expect(byFile["notes.txt"]?["format"] as? String == "skipped")
        #expect((byFile["notes.txt"]?["note"] as? String)?.contains("cannot tell the format") == true)
        #expect(byFile["play-reviews.csv"]?["read"] as? Int == 110)
        // The report says so at its top, not only in the accounting table at its end.
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let top = markdown.split(separator: "\n").prefix(6).joined(separator: "\n")
        #expect(top.contains("**1 input was skipped**") && top.contains("notes.txt"))
        // Named on its own, the same file still stops the run with the input exit code.
        let named = try SiftBinary.run(["analyze", dump.appendingPathComponent("notes.txt").path, "--out", out.path, "--quiet"])
        #expect(named.status == 66)
    }
}

/// `--kind` and `--min-severity`: only matching records go on to themes, pain points and records.jsonl, and the
/// accounting says how many were left out.
struct KindFilterCommandTests {
    @Test func onlyMajorBugReportsAreAnalysedAndTheRestAreAccounted() throws {
        let out = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let samples = SiftBinary.repositoryRoot.appendingPathComponent("Samples").path
        let result = try SiftBinary.run(["analyze", samples, "--out", out.path, "--quiet", "--kind", "bug", "--min-severity", "major"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: out.appendingPathComponent("records.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        var problems = 0
        for line in lines {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let kinds = (record["kinds"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds.contains("bug"))
            #expect(["major", "critical"].contains(record["severity"] as? String))
            let side = try #require(record["side"] as? String)
            #expect(["problem", "feature_request", "other"].contains(side))
            if side == "problem" { problems += 1 }
        }
        // Major bug reports are, nearly all, on the problem side of the triage.
        #expect(problems * 10 >= lines.count * 9, "\(problems) of \(lines.count)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any])
        let accounting = try #require(report["accounting"] as? [String: Any])
        func count(_ key: String) -> Int { accounting[key] as? Int ?? -1 }
        #expect(count("analysed") == lines.count)
        #expect(count("filtered_out") > 0)
        #expect(count("analysed") + count("filtered_out") + count("outside_window") == count("accepted"))
    }

    @Test func anUnknownKindIsAUsageError() throws {
        let result = try SiftBinary.run(["analyze", "x.csv", "--kind", "crash"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown kind 'crash'"))
    }
}
