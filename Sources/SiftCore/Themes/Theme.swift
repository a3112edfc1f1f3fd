public import Foundation

/// A group of records about the same thing, named and quotable: what a product manager reads as one theme.
public struct Theme: Sendable, Hashable {
    /// 1-based, in order of size (largest first) across languages.
    public var id: Int
    /// ISO 639-1 code of its records; a theme never mixes languages (texts too short to tell join the main one).
    public var language: String
    /// 1–4 distinctive phrases as users wrote them, most distinctive first.
    public var label: [String]
    public var size: Int
    /// Share of all records of the run, 0…1.
    public var share: Double
    /// The most central records: the best three quotes for the theme.
    public var quotes: [Quote]
    /// Records with positive, neutral and negative compound sentiment (±0.05 thresholds).
    public var sentiment: SentimentCounts
    /// Records per main kind (the kind with the highest confidence), largest first.
    public var kinds: [Count]
    /// The app versions most mentioned by its records, largest first (at most 3).
    public var versions: [Count]
    public var firstSeen: Date?
    public var lastSeen: Date?
    /// Mean star rating of its records that have one.
    public var meanRating: Double?
    /// Its characteristic stems and stem pairs ("batteri drain") with the share of its records that contain each:
    /// what roadmap items are matched against and what the next run recognises the theme by.
    public var terms: [String: Double] = [:]

    /// The label as one line: "login · verification code · logged out".
    public var title: String { label.joined(separator: " · ") }

    public struct Quote: Sendable, Hashable {
        public var recordID: String
        public var text: String
    }

    public struct Count: Sendable, Hashable {
        public var name: String
        public var count: Int
    }

    public struct SentimentCounts: Sendable, Hashable {
        public var positive = 0
        public var neutral = 0
        public var negative = 0
    }
}

/// How the records of a run fell into themes.
public struct ThemeSummary: Sendable, Hashable {
    public var records: Int
    /// Records in no theme: no content words, or in a cluster too small to name.
    public var outliers: Int
    public var outlierShare: Double { records == 0 ? 0 : Double(outliers) / Double(records) }
}

extension Corpus {
    /// The themes as the priority stage reads them: members, characteristic terms, quotes with their records' data.
    public var themeDigests: [ThemeDigest] {
        var members: [Int: [Int]] = [:]
        // Only the quoted records are looked up by id, first by the id's 64-bit hash read in place: making and
        // hashing every record's id string cost a million allocations and string hashes.
        let quoted = Set(themes.flatMap { $0.quotes.map(\.recordID) })
        let quotedHashes = Set(quoted.map { stableHash($0.utf8) })
        var indexOfID: [String: Int] = [:]
        records.withUnsafeBufferPointer { buffer in
            for i in buffer.indices {
                let record = buffer.baseAddress! + i
                if let theme = record.pointee.analysis?.theme { members[theme, default: []].append(i) }
                guard quotedHashes.contains(FeedbackRecord.idHash(at: record)) else { continue }
                let id = record.pointee.id
                if quoted.contains(id), indexOfID[id] == nil { indexOfID[id] = i }
            }
        }
        return themes.map { theme in
            ThemeDigest(
                id: theme.id, label: theme.title, terms: theme.terms, members: members[theme.id] ?? [],
                quotes: theme.quotes.map { quote in
                    let record = indexOfID[quote.recordID].map { records[$0] }
                    return Quote(recordID: quote.recordID, text: quote.text, rating: record?.rating, date: record?.date)
                })
        }
    }
}
