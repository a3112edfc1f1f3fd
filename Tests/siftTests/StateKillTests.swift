import Foundation
import Testing

/// Nightly runs must survive being killed: SIGKILL at any point leaves the state as it was, and the rerun counts
/// every record exactly once.
struct StateKillTests {
    /// A JSON Lines dump of `count` distinct records.
    static func writeDump(_ url: URL, count: Int) throws {
        var text = ""
        let problems = ["the app crashes when I open the camera", "login keeps failing after the update",
                        "videos take forever to upload", "too many ads between videos", "love the new filters"]
        for i in 0..<count {
            let day = 1 + i % 28
            text += #"{"id":"r\#(i)","message":"\#(problems[i % problems.count]) #\#(i)","submitted_at":"2026-10-\#(String(format: "%02d", day))T10:00:00Z","rating":\#(1 + i % 5)}"# + "\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static func newRecords(in summary: String) -> Int? {
        guard let line = summary.split(separator: "\n").first(where: { $0.contains("on this state:") }) else { return nil }
        let words = line.split(separator: " ")
        guard let i = words.firstIndex(of: "new") else { return nil }
        return Int(words[i - 1])
    }

    @Test func killedRunsLeaveTheStateIntactAndTheRerunCountsEachRecordOnce() throws {
        let dir = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dump = dir.appendingPathComponent("dump.jsonl")
        try Self.writeDump(dump, count: 4_000)
        let state = dir.appendingPathComponent("state.sqlite").path
        let out = dir.appendingPathComponent("out").path
        let arguments = ["analyze", dump.path, "--state", state, "--out", out, "--quiet"]

        // Kill runs at staggered moments: while reading, while analysing, while writing.
        var killedMidRun = 0
        for delay in [0.05, 0.3, 0.8, 1.5] {
            let process = Process()
            process.executableURL = SiftBinary.productsDirectory.appendingPathComponent("sift")
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedMidRun += 1
            }
            process.waitUntilExit()
        }
        #expect(killedMidRun >= 2, "the runs finished before they could be killed; make the dump larger")

        // Whatever the killed runs did, a full run now sees each record once, and the next sees none as new.
        let first = try SiftBinary.run(["analyze", dump.path, "--state", state, "--out", out])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try SiftBinary.run(["analyze", dump.path, "--state", state, "--out", out])
        #expect(second.status == 0, "\(second.stderr)")
        let firstNew = Self.newRecords(in: first.stdout) ?? -1
        #expect(Self.newRecords(in: second.stdout) == 0)
        // A run that completed before being killed may have recorded some ids already; together they are all.
        let completedBefore = 4_000 - firstNew
        #expect(completedBefore == 0 || completedBefore == 4_000, "a killed run recorded part of its records")
    }

    @Test func aSecondRunOnTheSameStateExitsWithAClearMessage() throws {
        let dir = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dump = dir.appendingPathComponent("dump.jsonl")
        try Self.writeDump(dump, count: 4_000)
        let state = dir.appendingPathComponent("state.sqlite").path
        let process = Process()
        process.executableURL = SiftBinary.productsDirectory.appendingPathComponent("sift")
        process.arguments = ["analyze", dump.path, "--state", state, "--out", dir.appendingPathComponent("a").path, "--quiet"]
        try process.run()
        Thread.sleep(forTimeInterval: 0.3)
        let second = try SiftBinary.run(["analyze", dump.path, "--state", state, "--out", dir.appendingPathComponent("b").path])
        process.waitUntilExit()
        #expect(second.status == 66)
        #expect(second.stderr.contains("another sift run is using the state"))
    }
}
