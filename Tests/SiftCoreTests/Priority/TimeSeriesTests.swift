import Foundation
import Testing
@testable import SiftCore

struct TimeSeriesTests {
    private func day(_ d: Int) -> Date { UTCDate.make(year: 2026, month: 10, day: d)! }

    @Test func shortSpansAreDailyLongOnesWeekly() {
        #expect(TimeBuckets(first: day(1), last: day(20)).width == .day)
        #expect(TimeBuckets(first: day(1), last: day(20)).count == 20)
        let long = TimeBuckets(first: UTCDate.make(year: 2026, month: 1, day: 1)!, last: day(1))
        #expect(long.width == .week)
        // Weeks start on Monday: 2026-01-01 is a Thursday, so the first bucket starts 2025-12-29.
        #expect(UTCDate.day(long.start) == "2025-12-29")
    }

    @Test func aJumpAgainstItsOwnBaselineIsASpike() {
        let buckets = TimeBuckets(first: day(1), last: day(14))
        let counts = [1, 2, 1, 1, 2, 1, 1, 1, 2, 1, 14, 18, 20, 17]
        let totals = Array(repeating: 100, count: 14)
        let spike = TrendMath.spike(counts: counts, totals: totals, buckets: buckets)
        #expect(spike?.bucket == 10)
        #expect(UTCDate.day(spike!.start) == "2026-10-11")
    }

    @Test func moreFeedbackOfEverythingIsNoSpike() {
        let buckets = TimeBuckets(first: day(1), last: day(10))
        let counts = [2, 2, 2, 2, 2, 2, 2, 20, 20, 20]
        let totals = [100, 100, 100, 100, 100, 100, 100, 1000, 1000, 1000]
        #expect(TrendMath.spike(counts: counts, totals: totals, buckets: buckets) == nil)
    }

    @Test func steadyThemesAreFlatAndRisingOnesGrow() {
        let totals = Array(repeating: 100, count: 8)
        #expect(abs(TrendMath.growth(counts: Array(repeating: 5, count: 8), totals: totals) - 1) < 0.01)
        #expect(TrendMath.growth(counts: [2, 2, 2, 2, 2, 2, 10, 12], totals: totals) > 3)
    }

    @Test func versionsCompareNumerically() {
        #expect(VersionOrder.less("34.9.2", "34.10.0"))
        #expect(!VersionOrder.less("5.4.0", "5.3.9"))
        #expect(VersionOrder.less("5.4", "5.4.1"))
    }

    /// Found by scripts/fuzz-inputs: a zero-width character or an emoji inside a version (separators to the parts)
    /// made two versions tie, and the report's version columns came out in a different order from run to run.
    @Test func versionsSortTheSameWhateverOrderTheyComeIn() {
        let versions = ["2.06", "2.06\u{FEFF}", "1.4.1.4", "1.\u{1F468}\u{200D}\u{1F469}4.1.4", "5", "05", "9", "10", "10x", "beta", "é", "e\u{301}"]
        let expected = versions.sorted(by: VersionOrder.less)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<200 {
            #expect(versions.shuffled(using: &generator).sorted(by: VersionOrder.less) == expected)
        }
        #expect(!VersionOrder.less("2.06", "2.06"))
        #expect(VersionOrder.less("2.06", "2.06\u{FEFF}") != VersionOrder.less("2.06\u{FEFF}", "2.06"))
    }
}
