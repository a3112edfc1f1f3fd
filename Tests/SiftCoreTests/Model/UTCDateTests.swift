import Foundation
import Testing
@testable import SiftCore

struct UTCDateTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_788_552_210.9, "2026-09-04T20:03:30Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (-1.5, "1969-12-31T23:59:58Z"),
        (-2_208_988_800, "1900-01-01T00:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
        (4_107_542_399, "2100-02-28T23:59:59Z"),
    ])
    func writesISO8601InUTC(seconds: Double, expected: String) {
        #expect(UTCDate.iso8601(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func everyDayOfTwoCenturiesRoundTripsThroughMake() {
        var day = UTCDate.make(year: 1900, month: 1, day: 1)!
        let end = UTCDate.make(year: 2101, month: 1, day: 1)!
        while day < end {
            let text = UTCDate.iso8601(day.addingTimeInterval(45_296))
            let parts = text.split(whereSeparator: { "-T:Z".contains($0) }).map { Int($0)! }
            #expect(UTCDate.make(year: parts[0], month: parts[1], day: parts[2]) == day)
            #expect(parts[3...5] == [12, 34, 56])
            day = day.addingTimeInterval(86400)
        }
    }

    @Test func yearsPastFourDigitsStillPrint() {
        #expect(UTCDate.iso8601(Date(timeIntervalSince1970: 253_402_300_800)) == "10000-01-01T00:00:00Z")
    }
}
