import Testing
@testable import SiftCore

struct SentimentStageTests {
    @Test func pipelineWritesRecordAndSentenceSentiment() throws {
        let stage = SentimentStage(scorer: try SentimentScorer())
        let origin = RecordOrigin(file: "reviews.csv", line: 2)
        let records = [
            FeedbackRecord(source: "reviews.csv", format: "csv", text: "Love it. Works great!", origin: origin),
            FeedbackRecord(source: "reviews.csv", format: "csv", text: "Nice look, but it keeps crashing.", origin: origin),
        ]
        let out = Pipeline(recordStages: [stage], threads: 2).analyze(records)
        let first = try #require(out[0].analysis)
        let second = try #require(out[1].analysis)
        #expect(first.sentiment.compound > 0.05)
        #expect(first.sentences.count == 2)
        #expect(second.sentiment.compound < -0.05)
        #expect(second.sentences.count == 1)
        #expect(second.sentences[0].utf8Range == 0..<"Nice look, but it keeps crashing.".utf8.count)
    }
}
