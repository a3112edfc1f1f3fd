import Foundation
import Testing

/// The real binary on a Play Console export: UTF-16LE with BOM, CRLF, one malformed row.
struct IngestCSVTests {
    @Test func playExportInUTF16WithABadRowIsReadAndAccounted() throws {
        let dir = try SiftBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = "Package Name,App Version Name,Reviewer Language,Review Submit Date and Time,Star Rating,Review Title,Review Text,Review Link\r\n"
            + "com.example,3.1,en,2026-11-01T08:00:00Z,1,,\"Login loop after update, can't get in\",https://p/1\r\n"
            + "com.example,3.1,en,2026-11-01T09:00:00Z,5,Great,\"Love it,\r\nbut dark mode please\",https://p/2\r\n"
            + "com.example,3.1,en,2026-11-01T10:00:00Z,2,extra,field,Too many ads,https://p/3\r\n"
            + "com.example,3.2,fr,2026-11-02T10:00:00Z,2,,Batterie vide en une heure,https://p/4\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in csv.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let file = dir.appendingPathComponent("reviews.csv")
        try Data(bytes).write(to: file)

        let result = try SiftBinary.run(["ingest", file.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.contains("\"text\":\"Login loop after update, can't get in\"") == true)
        #expect(lines.first?.contains("\"format\":\"play\"") == true)
        #expect(result.stdout.contains("Love it,\\r\\nbut dark mode please"))
        #expect(result.stderr.contains("reviews.csv:5: rejected: row has 9 fields, header has 8"))
        #expect(result.stderr.contains("[play]: read 4 = accepted 3 + rejected 1"))
    }
}
