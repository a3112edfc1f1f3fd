import Foundation
import SiftCore
import Testing

/// The kind stage fills every record's kinds and severity in the pipeline.
struct KindStageTests {
    static func record(_ text: String, title: String? = nil) -> FeedbackRecord {
        FeedbackRecord(
            id: text, source: "test", format: "jsonl", text: text, title: title, origin: RecordOrigin(file: "t.jsonl", line: 1))
    }

    @Test func pipelineSetsKindsAndSeverity() {
        let pipeline = Pipeline(recordStages: [KindStage()], threads: 2)
        let out = pipeline.analyze([
            Self.record("Crashes on launch every single time."),
            Self.record("Please add a sleep timer."),
            Self.record("Nice."),
        ])
        #expect(out.map { $0.analysis?.kinds.first?.kind } == [.bug, .featureRequest, .praise])
        #expect(out.map { $0.analysis?.severity } == [.critical, Severity.none, Severity.none])
    }

    @Test func titleCountsToo() {
        let out = Pipeline(recordStages: [KindStage()], threads: 1).analyze([
            Self.record("Since yesterday, every time.", title: "Keeps crashing")
        ])
        #expect(out[0].analysis?.kinds.contains { $0.kind == .bug } == true)
    }
}
