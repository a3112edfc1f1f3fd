public import Foundation

/// What the corpus stages hand the priority stage about one theme.
public struct ThemeDigest: Sendable, Hashable {
    public var id: Int
    public var label: String
    /// The theme's characteristic terms (stems, or stem phrases joined by a space) with weights in 0…1 — what
    /// roadmap items are matched against and what the next run recognises the theme by.
    public var terms: [String: Double]
    /// Indexes of the theme's records in the corpus.
    public var members: [Int]
    /// Representative quotes, most central first.
    public var quotes: [Quote]

    public init(id: Int, label: String, terms: [String: Double], members: [Int], quotes: [Quote]) {
        self.id = id
        self.label = label
        self.terms = terms
        self.members = members
        self.quotes = quotes
    }
}

/// A record quoted as evidence.
public struct Quote: Sendable, Hashable {
    public var recordID: String
    public var text: String
    public var rating: Double?
    public var date: Date?
    public init(recordID: String, text: String, rating: Double? = nil, date: Date? = nil) {
        self.recordID = recordID
        self.text = text
        self.rating = rating
        self.date = date
    }
}

/// A theme seen as a product problem (or, for strengths, as what users love), with everything that ranks it.
public struct PainPoint: Sendable, Hashable {
    public enum Nature: String, Sendable, Hashable { case pain, strength, mixed }
    /// Against the previous run on the same state.
    public enum Status: String, Sendable, Hashable { case new, rising, falling, steady }

    /// Stable across runs for the same theme: derived from its strongest terms.
    public var id: String
    public var themeID: Int
    public var label: String
    public var nature: Nature
    public var records: Int
    /// Share of all analysed records.
    public var share: Double
    /// Records no earlier run had seen (with a state store).
    public var newRecords: Int?
    public var priority: Priority
    /// Share of the theme's records with negative sentiment, and their mean compound.
    public var negativeShare: Double
    public var meanCompound: Double
    public var severity: [Severity: Int]
    public var kinds: [FeedbackKind: Int]
    public var meanRating: Double?
    /// Mean rating of the whole dump with and without this theme's records.
    public var ratingWithAll: Double?
    public var ratingWithout: Double?
    public var reach: Double
    /// Counts per time bucket (the report's buckets), and growth of the recent window against the one before.
    public var timeline: [Int]
    public var growth: Double
    public var spike: Spike?
    /// Versions with the most of this theme's records: (version, records, share of that version's feedback).
    public var versions: [VersionCount]
    /// The version after which the theme appeared or grew several-fold, if any.
    public var emergedAfterVersion: String?
    public var firstSeen: Date?
    public var lastSeen: Date?
    public var links: [RoadmapLink]
    public var quotes: [Quote]
    public var status: Status?
    /// The terms the next run matches this theme by.
    public var terms: [String: Double]

    public var isCovered: Bool { !links.isEmpty }
}

public struct VersionCount: Sendable, Hashable {
    public var version: String
    public var records: Int
    /// Share of all feedback about that version that falls in the theme.
    public var share: Double
}

/// What a roadmap item has behind it: the pain points linked to it and their weight.
public struct RoadmapEvidence: Sendable, Hashable {
    public var item: RoadmapItem
    public var painPoints: [String]
    public var records: Int
    public var meanCompound: Double?
    public var severity: [Severity: Int]
    public var quotes: [Quote]
    /// No feedback links to it: "nobody asks for this".
    public var isUnasked: Bool { painPoints.isEmpty }
}
