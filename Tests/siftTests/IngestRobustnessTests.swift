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

    @Test func anXMLErrorNearInvalidUTF8CostsOnlyItsRecord() throws {
        // Samples/appstore-feed.xml with a Latin-1 "é" in one review and an element name that is not a name in a
        // later one, both in the same chunk: reading stopped at the error (read 10 of 50).
        let dir = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = try String(contentsOf: SiftBinary.repositoryRoot.appendingPathComponent("Samples/appstore-feed.xml"), encoding: .utf8)
        var text = sample
        let upload = try #require(text.range(of: "<title>Uploads broken</title>"))
        text.replaceSubrange(upload, with: "<title>Uploads broken caf\u{1}</title>")
        let audio = try #require(text.range(of: "<title>Audio out of sync</title>"))
        text.replaceSubrange(audio, with: "<´title>Audio out of sync</title>")
        let bytes = text.utf8.map { $0 == 1 ? 0xE9 : $0 }  // "é" as one Latin-1 byte
        let file = dir.appendingPathComponent("feed.xml")
        try Data(bytes).write(to: file)

        let result = try SiftBinary.run(["ingest", file.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("feed.xml:184: error: malformed XML (StartTag: invalid element name); the record there is rejected and reading went on at the next record"))
        #expect(result.stderr.contains("1 bytes of invalid UTF-8 (the first here) were read as Windows-1252"))
        #expect(result.stderr.contains("[appstore-xml]: read 50 = accepted 49 + rejected 1"))
        #expect(result.stdout.contains(#""title":"Uploads broken café""#))
    }
}
