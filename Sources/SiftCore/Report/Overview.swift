public import Foundation

/// The numbers a reader checks first: how much feedback, from where, when, in which languages, how rated.
public struct Overview: Sendable, Hashable {
    public struct SourceCount: Sendable, Hashable {
        public var source: String
        public var format: String
        public var records: Int
    }

    public var records: Int
    public var sources: [SourceCount]
    /// Records with 1…5 stars (rounded), index 0 = 1 star.
    public var ratingCounts: [Int]
    public var meanRating: Double?
    public var firstDate: Date?
    public var lastDate: Date?
    public var undatedRecords: Int
    /// Records read and accepted but dated before `--since`, left out of the analysis.
    public var outsideWindow: Int = 0
    /// Records analysed but left out by the run's kind and severity filter.
    public var filteredOut: Int = 0
    /// Language codes with their record counts, most first.
    public var languages: [(code: String, records: Int)]
    /// Records by sentiment polarity (compound ≤ −0.05, between, ≥ 0.05).
    public var negative: Int
    public var neutral: Int
    public var positive: Int
    public var kinds: [(kind: FeedbackKind, records: Int)]
    public var severities: [(severity: Severity, records: Int)]

    public static func == (a: Overview, b: Overview) -> Bool {
        a.records == b.records && a.sources == b.sources && a.ratingCounts == b.ratingCounts
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(records) }

    public init(_ records: [FeedbackRecord]) {
        self.records = records.count
        var bySource: [String: (String, Int)] = [:]
        var order: [String] = []
        var ratings = Array(repeating: 0, count: 5)
        var ratingSum = 0.0, rated = 0
        var first: Date?, last: Date?
        var undated = 0
        var languages: [String: Int] = [:]
        var neg = 0, neu = 0, pos = 0
        // Tallies by position rather than hashed keys, and runs of one source or language counted before they
        // are looked up: a million records hashed six keys each took a noticeable part of writing the reports.
        var kinds = [Int](repeating: 0, count: FeedbackKind.allCases.count)
        var severities = [Int](repeating: 0, count: Severity.allCases.count)
        // A run of records of one input is counted without reading its source name (a retained string) again.
        var run: (first: UnsafePointer<FeedbackRecord>, source: String, format: String, count: Int)?
        func closeRun() {
            guard let (_, source, format, count) = run else { return }
            if bySource[source] == nil { order.append(source) }
            bySource[source, default: (format, 0)].1 += count
        }
        var languageRun: (code: String, count: Int)?
        // Records read where they lie: iterating the array by value copied each one, every string and box retained.
        records.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let record = buffer.baseAddress! + index
                if let first = run?.first, FeedbackRecord.sharesInput(first, record) {
                    run!.count += 1
                } else {
                    let source = record.pointee.source
                    if run?.source == source { run!.count += 1 } else {
                        closeRun()
                        run = (record, source, record.pointee.format, 1)
                    }
                }
                // The date and rating getters copied the whole record.
                let (seconds, rating) = FeedbackRecord.dateSecondsAndRating(at: record)
                if let r = rating {
                    ratings[min(4, max(0, Int(r.rounded()) - 1))] += 1
                    ratingSum += r
                    rated += 1
                }
                if let d = seconds.map(Date.init(timeIntervalSinceReferenceDate:)) {
                    if first == nil || d < first! { first = d }
                    if last == nil || d > last! { last = d }
                } else {
                    undated += 1
                }
                let analysis = FeedbackRecord.analysis(at: record)
                if let language = analysis?.pointee.language ?? record.pointee.language {
                    if languageRun?.code == language { languageRun!.count += 1 } else {
                        if let (code, count) = languageRun { languages[code, default: 0] += count }
                        languageRun = (language, 1)
                    }
                }
                if let analysis {
                    let c = analysis.pointee.sentiment.compound
                    if c <= -0.05 { neg += 1 } else if c >= 0.05 { pos += 1 } else { neu += 1 }
                    analysis.pointee.kinds.withUnsafeBufferPointer { for k in $0 { kinds[k.kind.ordinal] += 1 } }
                    severities[analysis.pointee.severity.ordinal] += 1
                }
            }
        }
        closeRun()
        if let (code, count) = languageRun { languages[code, default: 0] += count }
        sources = order.map { SourceCount(source: $0, format: bySource[$0]!.0, records: bySource[$0]!.1) }
        ratingCounts = ratings
        meanRating = rated > 0 ? ratingSum / Double(rated) : nil
        firstDate = first
        lastDate = last
        undatedRecords = undated
        self.languages = languages.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        negative = neg
        neutral = neu
        positive = pos
        self.kinds = FeedbackKind.allCases.compactMap { k in kinds[k.ordinal] > 0 ? (k, kinds[k.ordinal]) : nil }.sorted { $0.records > $1.records }
        self.severities = Severity.allCases.reversed().compactMap { s in
            let n = severities[s.ordinal]
            return n > 0 ? (s, n) : nil
        }
    }
}
