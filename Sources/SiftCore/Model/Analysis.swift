/// What the analysis stages found in one record. Kept compact: corpus stages read these, never raw text.
public struct Analysis: Sendable, Hashable {
    /// ISO 639-1 code, or `und` when the text is too short or unknown to tell.
    public var language: String
    public var languageConfidence: Double
    public var sentiment: SentimentScore
    /// Per-sentence scores, for aspect and theme sentiment; empty when the record is one sentence (its score is
    /// `sentiment`) or when the stage that analysed it was set not to keep them.
    public var sentences: [SentenceSentiment]
    public var kinds: [KindScore]
    /// The theme the record was clustered into; nil for outliers.
    public var theme: Int?
    // After `theme`, so that it fills the byte of padding behind the optional's flag (8 bytes less a record).
    public var severity: Severity
    /// Which side of the triage the record is on: a problem, a feature request, or neither.
    public var side: KindSide
    /// The pain point the record counts towards, if any.
    public var painPoint: String?
    /// The content words the theme stage reads, packed by the per-record stage; cleared once themes are found.
    var themeWords: ThemeWords?

    public init(
        language: String = "und", languageConfidence: Double = 0, sentiment: SentimentScore = .neutral,
        sentences: [SentenceSentiment] = [], kinds: [KindScore] = [], severity: Severity = .none,
        side: KindSide = .other, theme: Int? = nil, painPoint: String? = nil
    ) {
        self.language = language
        self.languageConfidence = languageConfidence
        self.sentiment = sentiment
        self.sentences = sentences
        self.kinds = kinds
        self.severity = severity
        self.side = side
        self.theme = theme
        self.painPoint = painPoint
    }
}

/// Sentiment of a text: `compound` in −1…1, and the shares of positive, negative and neutral weight (sum 1).
public struct SentimentScore: Sendable, Hashable, Codable {
    public var compound: Double
    public var positive: Double
    public var negative: Double
    public var neutral: Double

    public init(compound: Double, positive: Double, negative: Double, neutral: Double) {
        self.compound = compound
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
    }

    public static let neutral = SentimentScore(compound: 0, positive: 0, negative: 0, neutral: 1)
}

/// The sentiment of one sentence, located by UTF-8 byte offsets into the record's text.
public struct SentenceSentiment: Sendable, Hashable {
    public var utf8Range: Range<Int>
    public var score: SentimentScore
    public init(utf8Range: Range<Int>, score: SentimentScore) {
        self.utf8Range = utf8Range
        self.score = score
    }
}

/// What a piece of feedback is about, as a product team triages it.
public enum FeedbackKind: String, Sendable, Hashable, CaseIterable, Codable {
    case bug
    case featureRequest = "feature_request"
    case performance
    case usability
    case battery
    case securityPrivacy = "security_privacy"
    case pricing
    case praise
    case question
    case other
}

public struct KindScore: Sendable, Hashable {
    public var kind: FeedbackKind
    /// 0…1: how sure the classifier is.
    public var confidence: Double
    public init(kind: FeedbackKind, confidence: Double) {
        self.kind = kind
        self.confidence = confidence
    }
}

/// How badly the feedback says the product fails its user.
public enum Severity: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case none, minor, major, critical
    public static func < (a: Severity, b: Severity) -> Bool { a.ordinal < b.ordinal }

    /// The level's position in `allCases`, for tallies kept in arrays.
    var ordinal: Int {
        switch self {
        case .none: 0
        case .minor: 1
        case .major: 2
        case .critical: 3
        }
    }
}
