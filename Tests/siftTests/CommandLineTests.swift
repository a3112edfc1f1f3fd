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

/// `--kind` and `--min-severity`: only matching records go on to themes, pain points and records.jsonl, and the
/// accounting says how many were left out.
struct KindFilterCommandTests {
    @Test func onlyMajorBugReportsAreAnalysedAndTheRestAreAccounted() throws {
        let out = try SiftBinary.temporaryDirectory()
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
