import Foundation
import Testing

/// The real binary on broken exports: a bad record is rejected with where and why, and reading goes on.
struct IngestRobustnessTests {
    /// Samples/appstore-connect.json on one line, as the API sends it.
    static func oneLineAppStoreConnect() throws -> String {
        let sample = try String(contentsOf: SiftBinary.repositoryRoot.appendingPathComponent("Samples/appstore-connect.json"), encoding: .utf8)
        return sample.split(separator: "\n").map { $0.drop { $0 == " " } }.joined()
    }

    @Test func aStrayQuoteInTheFirstRecordOfAOneLineResponseCostsOnlyThatRecord() throws {
        let dir = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = try Self.oneLineAppStoreConnect()
        #expect(doc.components(separatedBy: #""body": "Nice editor"#).count == 2)
        let file = dir.appendingPathComponent("connect.json")
        try doc.replacingOccurrences(of: #""body": "Nice editor"#, with: #""body": ""Nice editor"#).write(to: file, atomically: true, encoding: .utf8)

        let result = try SiftBinary.run(["ingest", file.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("connect.json:1 element 1: rejected: invalid JSON"))
        #expect(result.stderr.contains("[appstore-connect]: read 30 = accepted 29 + rejected 1"))
        #expect(!result.stderr.contains("were not read"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 29)
        #expect(lines.first?.contains(#""text":"The new editor is fantastic""#) == true)
        #expect(lines.last?.contains(#""element":30"#) == true)
    }
}
