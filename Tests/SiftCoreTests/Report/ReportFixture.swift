import Foundation
@testable import SiftCore

/// A realistic analysed dump, built by hand and run through the real `PainPointFinder` and `RoadmapLinker`:
/// six weeks of reviews of a reader app over versions 5.2.0, 5.3.0 and 5.4.0, where 5.4.0 brings a crash when
/// opening PDFs on top of steady complaints, praise and one mixed theme; a five-item roadmap; a third run on a state.
enum ReportFixture {
    struct ThemeSpec: Sendable {
        var label: String
        var terms: [String: Double]
        var texts: [String]
        var rating: Double
        var compound: Double
        var kind: FeedbackKind
        var severity: Severity
        /// Records on a day (1…42).
        var perDay: @Sendable (Int) -> Int
    }

    /// 0 or 1, about half the time, scattered without a period (a mixing hash of day and salt).
    static func noise(_ day: Int, _ salt: Int) -> Int {
        var x = UInt32(truncatingIfNeeded: day &* 73_856_093) ^ UInt32(truncatingIfNeeded: salt &* 19_349_663)
        x ^= x >> 13
        x = x &* 0x5bd1_e995
        x ^= x >> 15
        return Int(x & 1)
    }

    static let start = UTCDate.make(year: 2026, month: 9, day: 21)!

    static func version(onDay day: Int) -> String { day <= 14 ? "5.2.0" : day <= 27 ? "5.3.0" : "5.4.0" }

    static let specs: [ThemeSpec] = [
        ThemeSpec(label: "crash · opening PDF", terms: ["crash": 0.9, "open": 0.6, "pdf": 0.5, "startup": 0.2],
                  texts: ["Crashes every time I open a PDF since the last update.",
                          "App closes itself as soon as I tap an attachment. Unusable.",
                          "Since 5.4 it crashes when opening PDFs, lost my notes twice."],
                  rating: 1, compound: -0.72, kind: .bug, severity: .critical,
                  perDay: { $0 >= 29 ? 5 + noise($0, 12) + noise($0, 13) * 2 : noise($0, 14) * noise($0, 15) * noise($0, 16) }),
        ThemeSpec(label: "sync · bookmarks disappear", terms: ["sync": 0.9, "bookmark": 0.8, "disappear": 0.4],
                  texts: ["My bookmarks disappear after every sync.", "Sync between phone and tablet loses half my bookmarks.",
                          "Bookmarks gone again after syncing, please fix."],
                  rating: 2, compound: -0.5, kind: .bug, severity: .major, perDay: { 2 + noise($0, 1) }),
        ThemeSpec(label: "battery · drain", terms: ["battery": 0.9, "drain": 0.7, "background": 0.3],
                  texts: ["Drains my battery even in the background.", "Battery goes from 80% to 20% in an hour of reading.",
                          "Huge battery drain since I installed it."],
                  rating: 2, compound: -0.42, kind: .battery, severity: .major, perDay: { 1 + ($0 > 21 ? 1 : 0) + noise($0, 2) - noise($0, 3) }),
        ThemeSpec(label: "ads · too expensive", terms: ["ads": 0.9, "expens": 0.5, "subscript": 0.4],
                  texts: ["Way too many ads, and removing them costs $9.99 a month?", "Ads between every chapter. The subscription is too expensive.",
                          "Full-screen ads with sound, \"premium\" is a rip-off & a half."],
                  rating: 2, compound: -0.45, kind: .pricing, severity: .minor, perDay: { 1 + noise($0, 4) }),
        ThemeSpec(label: "slow · page loading", terms: ["slow": 0.9, "load": 0.7, "page": 0.4],
                  texts: ["Pages load so slowly on my phone.", "Slow to load large books.", "Turning pages lags a lot."],
                  rating: 3, compound: -0.3, kind: .performance, severity: .minor, perDay: { noise($0, 5) }),
        ThemeSpec(label: "dark mode · night", terms: ["dark mode": 0.8, "dark": 0.9, "mode": 0.8, "night": 0.3],
                  texts: ["Please add a dark mode for reading at night.", "Would love a real dark mode.", "Need a night theme."],
                  rating: 4, compound: 0.1, kind: .featureRequest, severity: .none, perDay: { noise($0, 6) }),
        ThemeSpec(label: "love · design", terms: ["love": 0.9, "design": 0.7, "beauti": 0.3],
                  texts: ["Love the clean design!", "Beautiful app, love reading with it.", "The design is gorgeous."],
                  rating: 5, compound: 0.82, kind: .praise, severity: .none, perDay: { 3 + noise($0, 8) + noise($0, 9) }),
        ThemeSpec(label: "simple · fast", terms: ["simple": 0.8, "fast": 0.6, "easi": 0.4],
                  texts: ["Simple and fast, does what it should.", "Easy to use and quick.", "Fast, simple, no clutter."],
                  rating: 5, compound: 0.7, kind: .praise, severity: .none, perDay: { 2 + noise($0, 10) - noise($0, 11) }),
    ]

    static let roadmap = [
        RoadmapItem(id: "CRASH-112", title: "Fix crash when opening PDF attachments", keywords: ["crash", "pdf"],
                    status: "in_progress", target: "2026-Q4", owner: "Mobile core", url: "https://tracker.example.com/CRASH-112"),
        RoadmapItem(id: "SYNC-87", title: "Reliable bookmark sync", keywords: ["sync", "bookmarks"],
                    status: "planned", target: "2027-Q1", owner: "Sync team"),
        RoadmapItem(id: "PERF-40", title: "Faster page loading", keywords: ["slow", "page load"], status: "exploring"),
        RoadmapItem(id: "DARK-9", title: "Dark mode", keywords: ["dark mode", "night"], status: "planned", target: "2026-12-15"),
        RoadmapItem(id: "TV-3", title: "Smart TV app", keywords: ["tv", "television"], status: "planned", target: "2027-Q2",
                    url: "javascript:alert(1)"),
    ]

    /// The fixture report; `quote` replaces the text of the top pain point's first quote (for escaping tests).
    static func report(quote: String? = nil, label: String? = nil) -> AnalysisReport {
        var records: [FeedbackRecord] = []
        var themes: [ThemeDigest] = []
        for (themeIndex, spec) in specs.enumerated() {
            var members: [Int] = []
            for day in 1...42 {
                for n in 0..<spec.perDay(day) {
                    let text = spec.texts[records.count % spec.texts.count]
                    var r = FeedbackRecord(
                        id: "r\(records.count)", source: "reviews.csv", format: "play-csv", text: text, rating: spec.rating,
                        date: start.addingTimeInterval(Double(day - 1) * 86400 + Double(n * 3600 + themeIndex * 600)),
                        version: version(onDay: day), reach: Double((day * 13 + n * 7 + themeIndex) % 11),
                        origin: RecordOrigin(file: "reviews.csv", line: records.count + 2))
                    r.analysis = Analysis(
                        language: "en", languageConfidence: 0.9,
                        sentiment: SentimentScore(compound: spec.compound, positive: 0, negative: 0, neutral: 1),
                        kinds: [KindScore(kind: spec.kind, confidence: 0.8)], severity: spec.severity, theme: themeIndex)
                    members.append(records.count)
                    records.append(r)
                }
            }
            // Quotes from the newest members: what the theme sounds like now.
            let quotes = members.suffix(3).reversed().map { i in
                Quote(recordID: records[i].id, text: records[i].text, rating: records[i].rating, date: records[i].date)
            }
            themes.append(ThemeDigest(id: themeIndex, label: spec.label, terms: spec.terms, members: members, quotes: Array(quotes)))
        }
        // A mixed theme: as many complaints as compliments about the new tab page.
        var mixed: [Int] = []
        for day in stride(from: 2, through: 42, by: 2) {
            // A third compliments, a third complaints, a third neutral.
            let mood = day % 6
            var r = FeedbackRecord(
                id: "r\(records.count)", source: "reviews.csv", format: "play-csv",
                text: mood == 0 ? "The new tab page is nice." : mood == 2 ? "The new tab page is cluttered." : "The new tab page changed.",
                rating: mood == 0 ? 4 : 3,
                date: start.addingTimeInterval(Double(day - 1) * 86400 + 7200), version: version(onDay: day),
                origin: RecordOrigin(file: "reviews.csv", line: records.count + 2))
            r.analysis = Analysis(
                language: "en",
                sentiment: SentimentScore(compound: mood == 0 ? 0.4 : mood == 2 ? -0.3 : 0, positive: 0, negative: 0, neutral: 1),
                kinds: [KindScore(kind: mood == 0 ? .praise : .other, confidence: 0.6)], severity: .none)
            mixed.append(records.count)
            records.append(r)
        }
        themes.append(ThemeDigest(id: themes.count, label: "new tab page", terms: ["new tab": 0.8, "tab": 0.9], members: mixed,
                                  quotes: [Quote(recordID: records[mixed[2]].id, text: records[mixed[2]].text, rating: 4, date: records[mixed[2]].date)]))
        if let quote { themes[0].quotes[0].text = quote }
        if let label { themes[0].label = label }

        let lastWeek = start.addingTimeInterval(35 * 86400)
        let newIDs = Set(records.filter { $0.date! >= lastWeek }.map(\.id))
        let previous = RunSnapshot(
            finishedAt: lastWeek, recordsRead: records.count - newIDs.count, recordsNew: 120, themes: [
                ThemeSnapshot(label: "sync · bookmarks disappear", terms: ["sync", "bookmark", "disappear"], count: 90, newCount: 16, priority: 40),
                ThemeSnapshot(label: "battery · drain", terms: ["battery", "drain", "background"], count: 50, newCount: 6, priority: 30),
                ThemeSnapshot(label: "ads · too expensive", terms: ["ads", "expens", "subscript"], count: 50, newCount: 20, priority: 25),
                ThemeSnapshot(label: "login · loop", terms: ["login", "loop", "code"], count: 30, newCount: 12, priority: 35),
            ])
        let linker = RoadmapLinker(items: roadmap, terms: RoadmapLinkerTests.terms)
        let findings = PainPointFinder(linker: linker, previous: previous, newRecordIDs: newIDs).find(records: records, themes: themes)
        let accounts = [
            InputAccount(file: "reviews.csv", format: "play-csv", read: records.count + 3, accepted: records.count, rejected: 3),
        ]
        return AnalysisReport(
            accounts: accounts, overview: Overview(records), warnings: 1, findings: findings, roadmapFile: "roadmap.yaml",
            run: RunContext(number: 3, newRecords: newIDs.count, previousRunAt: lastWeek))
    }
}
