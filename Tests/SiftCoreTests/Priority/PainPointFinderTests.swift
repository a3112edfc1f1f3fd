import Foundation
import Testing
@testable import SiftCore

struct PainPointFinderTests {
    /// Builds records over 28 days: a steady complaint, steady praise, and a crash that starts on day 20 with 5.4.0.
    static func corpus() -> (records: [FeedbackRecord], themes: [ThemeDigest]) {
        var records: [FeedbackRecord] = []
        var steady: [Int] = [], praise: [Int] = [], crash: [Int] = []
        func add(_ day: Int, _ text: String, rating: Double, compound: Double, kind: FeedbackKind, severity: Severity, version: String, into list: inout [Int]) {
            var r = FeedbackRecord(id: "r\(records.count)", source: "t", format: "csv", text: text, rating: rating,
                                   date: UTCDate.make(year: 2026, month: 10, day: day), version: version, origin: RecordOrigin(file: "t"))
            r.analysis = Analysis(sentiment: SentimentScore(compound: compound, positive: 0, negative: 0, neutral: 1),
                                  kinds: [KindScore(kind: kind, confidence: 0.9)], severity: severity)
            list.append(records.count)
            records.append(r)
        }
        for day in 1...28 {
            let version = day < 20 ? "5.3.2" : "5.4.0"
            for _ in 0..<2 { add(day, "notifications arrive late", rating: 3, compound: -0.3, kind: .bug, severity: .minor, version: version, into: &steady) }
            for _ in 0..<3 { add(day, "love it", rating: 5, compound: 0.8, kind: .praise, severity: .none, version: version, into: &praise) }
            if day >= 20 { for _ in 0..<6 { add(day, "crashes when opening the camera", rating: 1, compound: -0.7, kind: .bug, severity: .critical, version: version, into: &crash) } }
        }
        let themes = [
            ThemeDigest(id: 0, label: "notifications · late", terms: ["notif": 0.9, "late": 0.8], members: steady, quotes: []),
            ThemeDigest(id: 1, label: "love", terms: ["love": 0.9], members: praise, quotes: []),
            ThemeDigest(id: 2, label: "crash · camera", terms: ["crash": 0.9, "camera": 0.8, "open": 0.5], members: crash, quotes: []),
        ]
        return (records, themes)
    }

    @Test func thePlantedCrashRanksFirstAsASpikeAfterItsVersionAndLinks() {
        let (records, themes) = Self.corpus()
        let items = [
            RoadmapItem(id: "CAM", title: "Camera crash fix", keywords: ["camera", "crash"]),
            RoadmapItem(id: "TV", title: "Smart TV app", keywords: ["tv"]),
        ]
        let linker = RoadmapLinker(items: items, terms: RoadmapLinkerTests.terms)
        let report = PainPointFinder(linker: linker).find(records: records, themes: themes)
        let top = report.painPoints.first
        #expect(top?.label == "crash · camera")
        #expect(top?.spike != nil)
        #expect(top?.emergedAfterVersion == "5.4.0")
        #expect(top?.links.first?.itemID == "CAM")
        #expect(report.uncovered.map(\.label) == ["notifications · late"])
        #expect(report.strengths.map(\.label) == ["love"])
        #expect(report.evidence.first { $0.item.id == "TV" }?.isUnasked == true)
        // Every component is shown, and they add up to the priority.
        let components = top!.priority.components
        #expect(components.count == 7)
        #expect(abs(components.reduce(0) { $0 + $1.contribution } * 100 - top!.priority.value) < 1e-9)
    }

    @Test func theSameInputGivesTheSameRanking() {
        let (records, themes) = Self.corpus()
        let a = PainPointFinder().find(records: records, themes: themes).painPoints.map(\.id)
        let b = PainPointFinder().find(records: records, themes: themes.reversed()).painPoints.map(\.id)
        #expect(a == b)
    }

    @Test func aThemeTheLastRunDidNotHaveIsNewAndAGoneOneIsResolved() {
        let (records, themes) = Self.corpus()
        let previous = RunSnapshot(finishedAt: Date(), recordsRead: 10, recordsNew: 10, themes: [
            ThemeSnapshot(label: "notifications · late", terms: ["notif", "late"], count: 40, newCount: 40, priority: 30),
            ThemeSnapshot(label: "login loop", terms: ["login", "loop"], count: 10, newCount: 10, priority: 20),
        ])
        let report = PainPointFinder(previous: previous, newRecordIDs: Set(records.map(\.id))).find(records: records, themes: themes)
        #expect(report.painPoints.first { $0.label == "crash · camera" }?.status == .new)
        #expect(report.resolved.map(\.label) == ["login loop"])
    }
}
