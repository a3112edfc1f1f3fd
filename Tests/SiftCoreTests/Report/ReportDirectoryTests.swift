import Foundation
import Testing
@testable import SiftCore

struct ReportDirectoryTests {
    /// Writes the fixture's reports into a directory; `SIFT_FIXTURE_REPORT_DIR` keeps them there (for
    /// `scripts/screenshot-report`), otherwise a temporary directory is used and removed.
    @Test func everyReportFileIsWrittenAndNoTemporaryFileRemains() throws {
        let keep = ProcessInfo.processInfo.environment["SIFT_FIXTURE_REPORT_DIR"]
        let path = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("sift-reports-\(UUID().uuidString)").path
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: path) } }
        let directory = try ReportDirectory(path: path)
        try directory.finish(ReportFixture.report(), corpus: Corpus(records: []))
        let files = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        #expect(files == ["pain-points.csv", "records.jsonl", "rejects.jsonl", "report.html", "report.json", "report.md"])
        let html = try String(contentsOfFile: path + "/report.html", encoding: .utf8)
        #expect(html.contains("id=\"pain-points\""))
    }
}
