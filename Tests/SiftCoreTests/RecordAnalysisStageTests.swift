import Foundation
import Testing
@testable import SiftCore

/// The fused per-record stage: one analysis of each text feeds language, sentiment, sentences, kinds and severity.
struct RecordAnalysisStageTests {
    static func record(_ text: String, title: String? = nil, language: String? = nil) -> FeedbackRecord {
        FeedbackRecord(id: text, source: "test", format: "jsonl", text: text, title: title, language: language,
                       origin: RecordOrigin(file: "t.jsonl", line: 1))
    }

    @Test func everyRecordGetsKindsSeveritySentimentAndSentences() throws {
        let pipeline = Pipeline(recordStages: [try RecordAnalysisStage()], threads: 2)
        let out = pipeline.analyze([
            Self.record("Crashes on launch every single time."),
            Self.record("Please add a sleep timer."),
            Self.record("Love it. Works great!"),
            Self.record("Nice look, but it keeps crashing."),
        ])
        #expect(out.map { $0.analysis?.kinds.first?.kind } == [.bug, .featureRequest, .praise, .bug])
        #expect(out[0].analysis?.severity == .critical)
        #expect(out[1].analysis?.severity == Severity.none)
        let praise = try #require(out[2].analysis)
        #expect(praise.sentiment.compound > 0.05)
        #expect(praise.sentences.count == 2)
        let mixed = try #require(out[3].analysis)
        #expect(mixed.sentiment.compound < -0.05)
        // One sentence: its score is the record's, not stored twice.
        #expect(mixed.sentences.isEmpty)
        #expect(praise.sentences.first?.utf8Range == 0..<"Love it.".utf8.count)
    }

    @Test func theTitleCountsAndADeclaredLanguageIsKept() throws {
        let out = Pipeline(recordStages: [try RecordAnalysisStage()], threads: 1).analyze([
            Self.record("Since yesterday, every time.", title: "Keeps crashing"),
            Self.record("La aplicación se cierra", language: "es"),
        ])
        #expect(out[0].analysis?.kinds.contains { $0.kind == .bug } == true)
        #expect(out[1].analysis?.language == "es")
        #expect(out[1].analysis?.languageConfidence == 1)
    }

    @Test func oneThreadOrTwoGiveTheSameAnalysis() throws {
        let texts = (0..<300).map { "review \($0): " + ["app crashes", "love it", "add dark mode", "so slow!!!"][$0 % 4] }
        let records = texts.map { Self.record($0) }
        let one = Pipeline(recordStages: [try RecordAnalysisStage()], threads: 1).analyze(records)
        let two = Pipeline(recordStages: [try RecordAnalysisStage()], threads: 2).analyze(records)
        #expect(one.map(\.analysis) == two.map(\.analysis))
    }
}
