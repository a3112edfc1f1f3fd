import Foundation
import Testing

/// Two nightly runs over a growing dump: the second counts only the new records, marks the pain point that
/// appeared in between as new, and recognises the themes it had before.
struct NightlyRunTests {
    @Test func theSecondRunOverAGrowingDumpCountsOnlyNewRecordsAndMarksTheNewPainPoint() throws {
        let dir = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected = try SiftBinary.makeSpikeDump(in: dir, seed: 11)
        let spikeDay = (expected["spike"] as! [String: Any])["date"] as! String

        // Yesterday's dump ends the day before the crash appears; today's is the whole file.
        let lines = try String(contentsOf: dir.appendingPathComponent("feedback.csv"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        let header = lines[0]
        let dateColumn = header.split(separator: ",").firstIndex(of: "date")!
        let before = lines.dropFirst().filter { String($0.split(separator: ",")[dateColumn].prefix(10)) < spikeDay }
        let yesterday = dir.appendingPathComponent("yesterday.csv"), today = dir.appendingPathComponent("today.csv")
        try ([String(header)] + before.map(String.init)).joined(separator: "\n").appending("\n").write(to: yesterday, atomically: true, encoding: .utf8)
        try lines.map(String.init).joined(separator: "\n").appending("\n").write(to: today, atomically: true, encoding: .utf8)

        let state = dir.appendingPathComponent("state.sqlite").path
        let first = try SiftBinary.run(["analyze", yesterday.path, "--state", state, "--out", dir.appendingPathComponent("r1").path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("run 1 on this state: \(before.count) new records"))
        let second = try SiftBinary.run(["analyze", today.path, "--state", state, "--out", dir.appendingPathComponent("r2").path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("run 2 on this state: \(lines.count - 1 - before.count) new records"))

        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("r2/report.json"))) as! [String: Any]
        let pains = report["pain_points"] as! [[String: Any]]
        let top = try #require(pains.first)
        #expect(top["status"] as? String == "new", "top: \(top["label"]!) \(top["status"]!)")
        // The background themes were there yesterday: most pain points are recognised, not new.
        let recognised = pains.filter { ["steady", "rising", "falling"].contains($0["status"] as? String ?? "") }
        #expect(recognised.count * 2 >= pains.count, "statuses: \(pains.map { $0["status"] as? String ?? "-" })")
        #expect(((report["run"] as? [String: Any])?["number"] as? Int) == 2)
    }
}
