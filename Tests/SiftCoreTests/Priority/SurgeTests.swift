import Foundation
import Testing
@testable import SiftCore

struct SurgeTests {
    @Test func aLastingRiseIsFoundWhereItStarts() {
        let counts = [10, 12, 9, 11, 10, 12, 25, 27, 24, 26, 28]
        let shift = SurgeFinder.levelShift(counts)
        #expect(shift?.index == 6)
        #expect(SurgeFinder.levelShift([10, 12, 9, 11, 10, 12, 11, 9, 10, 12]) == nil)
        // One busy day is a spike, not a lasting rise.
        #expect(SurgeFinder.levelShift([10, 12, 9, 11, 30, 12, 11, 9, 10, 12]) == nil)
    }

    @Test func theWordsThatRoseWithTheSurgeAreNamedWithQuotes() throws {
        var records: [FeedbackRecord] = []
        let steady = ["pages load slowly on my laptop", "the browser is slow to start", "tabs freeze sometimes"]
        let surge = ["the update disabled my toolbar add-on", "after the update my toolbar add-on is disabled again",
                     "toolbar add-on disabled, please bring it back"]
        for day in 1...20 {
            let count = day <= 10 ? 4 : 12
            for i in 0..<count {
                let text = day <= 10 || i < 4 ? steady[i % 3] : surge[i % 3]
                var r = FeedbackRecord(id: "r\(records.count)", source: "t", format: "csv", text: text,
                                       date: UTCDate.make(year: 2015, month: 12, day: day), version: day <= 10 ? "42" : "43",
                                       origin: RecordOrigin(file: "t"))
                r.analysis = Analysis(language: "en", sentiment: SentimentScore(compound: -0.5, positive: 0, negative: 1, neutral: 0))
                records.append(r)
            }
        }
        let buckets = TimeBuckets(first: records.first!.date!, last: records.last!.date!)
        let totals = buckets.counts(records.compactMap(\.date))
        let found = try #require(SurgeFinder.find(records: records, buckets: buckets, totals: totals, negativeTotals: totals, analyzer: TextAnalyzer()))
        #expect(UTCDate.day(found.start) == "2015-12-11")
        #expect(found.versionsAfter.first?.version == "43")
        let terms = found.risingTerms.map(\.term)
        #expect(terms.contains { $0.contains("toolbar") })
        #expect(terms.contains { $0.contains("disabled") })
        #expect(!terms.contains { $0.contains("slow") })
        #expect(!found.quotes.isEmpty)
        #expect(found.quotes.allSatisfy { $0.text.contains("toolbar") || $0.text.contains("disabled") })
    }
}
