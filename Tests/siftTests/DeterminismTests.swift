import Foundation
import Testing

/// Same input, same output: whatever the order the files are named in and the number of threads.
struct DeterminismTests {
    static func painPoints(_ arguments: [String], out: URL) throws -> (Any, Any, Data) {
        let result = try SiftBinary.run(["analyze"] + arguments + ["--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: out.appendingPathComponent("report.json"))
        let report = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let records = try Data(contentsOf: out.appendingPathComponent("records.jsonl"))
        return (report["pain_points"]!, report["strengths"]!, records)
    }

    @Test func fileOrderAndThreadCountDoNotChangeTheFindings() throws {
        let dir = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let samples = SiftBinary.repositoryRoot.appendingPathComponent("Samples")
        let files = try FileManager.default.contentsOfDirectory(atPath: samples.path)
            .filter { !$0.hasPrefix("roadmap") && !$0.hasSuffix(".md") }.sorted()
            .map { samples.appendingPathComponent($0).path }
        let roadmap = ["--roadmap", samples.appendingPathComponent("roadmap.yaml").path]
        let a = try Self.painPoints(files + roadmap + ["--threads", "1"], out: dir.appendingPathComponent("a"))
        let b = try Self.painPoints(files.reversed() + roadmap + ["--threads", "2"], out: dir.appendingPathComponent("b"))
        let c = try Self.painPoints(files + roadmap + ["--threads", "2"], out: dir.appendingPathComponent("c"))
        #expect(NSDictionary(dictionary: ["p": a.0, "s": a.1]).isEqual(to: ["p": b.0, "s": b.1]))
        // Same order: byte-identical records, whatever the threads.
        #expect(a.2 == c.2)
    }

    /// Three of the samples named in both orders write the same pain-point table, to the last printed digit: the
    /// severity and sentiment sums once added up record by record in input order, and a Double's last bits turned
    /// 0.6563 into 0.6562.
    @Test func fileOrderDoesNotMoveAPrintedDigit() throws {
        let dir = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let samples = SiftBinary.repositoryRoot.appendingPathComponent("Samples")
        let files = ["play-reviews.csv", "appstore-feed.xml", "creator-feedback.jsonl"].map { samples.appendingPathComponent($0).path }
        var tables: [Data] = []
        for (name, order) in [("forward", files), ("backward", files.reversed())] {
            let out = dir.appendingPathComponent(name)
            let result = try SiftBinary.run(["analyze"] + order + ["--out", out.path, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            tables.append(try Data(contentsOf: out.appendingPathComponent("pain-points.csv")))
        }
        #expect(tables[0] == tables[1])
    }
}
