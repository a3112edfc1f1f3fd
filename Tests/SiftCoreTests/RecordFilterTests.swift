import Foundation
import Testing
@testable import SiftCore

/// The kind and severity filter: a PM triaging crashes keeps bug reports of major severity and up.
struct RecordFilterTests {
    static func record(_ kinds: [FeedbackKind], _ severity: Severity) -> FeedbackRecord {
        var record = FeedbackRecord(source: "t", format: "jsonl", text: "x", origin: RecordOrigin(file: "t.jsonl", line: 1))
        record.analysis = Analysis(kinds: kinds.map { KindScore(kind: $0, confidence: 0.9) }, severity: severity)
        return record
    }

    @Test func keepsRecordsWithAnyListedKindAtTheSeverity() {
        let filter = RecordFilter(kinds: [.bug, .performance], minimumSeverity: .major)
        #expect(filter.keeps(Self.record([.praise, .bug], .critical)))
        #expect(filter.keeps(Self.record([.performance], .major)))
        #expect(!filter.keeps(Self.record([.bug], .minor)))
        #expect(!filter.keeps(Self.record([.featureRequest], .major)))
        #expect(RecordFilter().keeps(Self.record([.other], .none)))
        #expect(RecordFilter().keepsAll && !filter.keepsAll)
    }

    @Test func parsesKindListsAndNamesWhatItDoesNotKnow() throws {
        #expect(try RecordFilter.kinds(parsing: ["bug, feature_request", "battery"]) == [.bug, .featureRequest, .battery])
        #expect(try RecordFilter.severity(parsing: "Major") == .major)
        #expect(throws: FilterError.self) { try RecordFilter.kinds(parsing: ["bugs"]) }
        do {
            _ = try RecordFilter.kinds(parsing: ["crash"])
        } catch {
            #expect(error.description.contains("unknown kind 'crash'"))
        }
        #expect(throws: FilterError.self) { try RecordFilter.severity(parsing: "huge") }
    }

    @Test func thePipelineLeavesFilteredRecordsOutAndCountsThem() throws {
        var pipeline = Pipeline(recordStages: [try RecordAnalysisStage()], threads: 2)
        pipeline.recordFilter = RecordFilter(kinds: [.featureRequest])
        let lines = [
            #"{"text": "Please add a dark mode."}"#,
            #"{"text": "Crashes on launch every time."}"#,
            #"{"text": "I wish I could export to CSV."}"#,
            #"{"text": "Love it!"}"#,
        ].joined(separator: "\n")
        let corpus = try pipeline.run([InputSource(name: "t.jsonl", bytes: Array(lines.utf8))]) { _ in }
        #expect(corpus.records.map(\.text) == ["Please add a dark mode.", "I wish I could export to CSV."])
        #expect(corpus.filteredOut == 2)
    }
}
