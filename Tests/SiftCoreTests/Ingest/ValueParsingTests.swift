import Foundation
import Testing
@testable import SiftCore

struct ValueParsingTests {
    @Test(arguments: [
        ("2026-10-14T08:21:37Z", "2026-10-14T08:21:37Z"),
        ("2026-10-14 08:21:37", "2026-10-14T08:21:37Z"),
        ("2026-10-02T11:03:12-07:00", "2026-10-02T18:03:12Z"),
        ("2026-10-14", "2026-10-14T00:00:00Z"),
        ("1760430097000", "2025-10-14T08:21:37Z"),
        ("24.12.17", "2017-12-24T00:00:00Z"),
        ("12/6/2015", "2015-12-06T00:00:00Z"),
        ("25/03/18", "2018-03-25T00:00:00Z"),
        ("10/20/2026 09:03:04 PM", "2026-10-20T21:03:04Z"),
        ("10/20/2026 12:15:00 AM", "2026-10-20T00:15:00Z"),
        ("Nov 28, 2026", "2026-11-28T00:00:00Z"),
    ])
    func readsTheDateFormsExportsWrite(text: String, expected: String) throws {
        let date = try #require(ValueParsing.date(text))
        #expect(UTCDate.iso8601(date) == expected)
    }

    @Test func rejectsWhatIsNoDate() {
        #expect(ValueParsing.date("31.02.2026") == nil)
        #expect(ValueParsing.date("yesterday") == nil)
        #expect(ValueParsing.date("13/13/2026") == nil)
    }

    @Test func readsNumbersAndMissingMarkers() {
        #expect(ValueParsing.number("4,5") == 4.5)
        #expect(ValueParsing.number("1,234") == 1234)
        #expect(ValueParsing.number(" 3 ") == 3)
        #expect(ValueParsing.isMissing("?"))
        #expect(ValueParsing.isMissing("  "))
        #expect(!ValueParsing.isMissing("0"))
        #expect(ValueParsing.number("4") == 4)
        #expect(ValueParsing.number("0") == 0)
        #expect(ValueParsing.number("x") == nil)
        #expect(ValueParsing.number("45") == 45)
        // Markers in any case and with spaces around are missing; longer text is not, however it starts and ends.
        #expect(["N/A", " null ", "None", "NaN", "--", "\u{00A0}-\u{00A0}"].allSatisfy { ValueParsing.isMissing($0) })
        #expect(!["nulls", "n/a!", " none of it", "-- ok", "na 👍"].contains { ValueParsing.isMissing($0) })
        for text in ["N/A", " null ", "nulls", "n/a!", " none of it", "", "na 👍", "\u{00A0}-\u{00A0}"] {
            var bytes = Array(text.utf8)
            #expect(bytes.withUnsafeMutableBufferPointer { ValueParsing.isMissing(utf8: UnsafeBufferPointer($0)) }
                == ValueParsing.isMissing(text))
        }
    }
}
