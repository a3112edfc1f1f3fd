import Foundation
import Testing
@testable import SiftCore

struct PainPointsCSVTests {
    /// A small RFC 4180 reader: CRLF rows, quoted fields with doubled quotes and line breaks.
    static func parse(_ csv: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var chars = Array(csv.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r", chars.first == "\n" {
                chars.removeFirst()
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return rows
    }

    @Test func everyRowHasTheHeadersColumnsAndPainPointsComeFirstByRank() throws {
        let csv = PainPointsCSV.render(ReportFixture.report())
        #expect(csv.hasSuffix("\r\n"))
        let rows = Self.parse(csv)
        let header = try #require(rows.first)
        #expect(header.prefix(5) == ["rank", "id", "label", "nature", "priority"])
        #expect(header.contains("score_rating_impact"))
        #expect(header.suffix(3) == ["covered", "linked_items", "top_quote"])
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        let top = rows[1]
        #expect(top[0] == "1")
        #expect(top[2] == "crash · opening PDF")
        #expect(top[header.firstIndex(of: "spike_start")!] == "2026-10-19")
        #expect(top[header.firstIndex(of: "emerged_after_version")!] == "5.4.0")
        #expect(top[header.firstIndex(of: "linked_items")!].hasPrefix("CRASH-112"))
        #expect(rows.filter { $0[3] == "strength" }.count == 2)
    }

    @Test func quotesCommasAndLineBreaksSurviveTheRoundTrip() throws {
        let text = "It said \"error\", then\r\nit froze, twice"
        let rows = Self.parse(PainPointsCSV.render(ReportFixture.report(quote: text)))
        let column = rows[0].firstIndex(of: "top_quote")!
        #expect(rows[1][column] == text)
        #expect(PainPointsCSV.quoted("a \"b\", c") == "\"a \"\"b\"\", c\"")
        #expect(PainPointsCSV.quoted("plain") == "plain")
    }

    @Test func aFormulaInFeedbackIsNotRunBySpreadsheets() throws {
        let rows = Self.parse(PainPointsCSV.render(ReportFixture.report(quote: "=HYPERLINK(\"http://x\")", label: "@sum")))
        #expect(rows[1][rows[0].firstIndex(of: "top_quote")!] == "'=HYPERLINK(\"http://x\")")
        #expect(rows[1][2] == "'@sum")
    }
}
