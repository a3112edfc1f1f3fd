/// How much each component counts in a pain point's priority. Configurable; normalized to sum 1 when used.
public struct PriorityWeights: Sendable, Hashable, Codable {
    public var volume: Double
    public var negativity: Double
    public var severity: Double
    public var trend: Double
    public var reach: Double
    public var ratingImpact: Double
    public var recency: Double

    public init(volume: Double = 0.30, negativity: Double = 0.15, severity: Double = 0.15, trend: Double = 0.15,
                reach: Double = 0.08, ratingImpact: Double = 0.12, recency: Double = 0.05) {
        self.volume = volume
        self.negativity = negativity
        self.severity = severity
        self.trend = trend
        self.reach = reach
        self.ratingImpact = ratingImpact
        self.recency = recency
    }

    public static let standard = PriorityWeights()

    enum CodingKeys: String, CodingKey {
        case volume, negativity, severity, trend, reach, recency
        case ratingImpact = "rating_impact"
    }

    /// A weight left out keeps its default, so a config can change one weight alone.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PriorityWeights()
        self.init(
            volume: try c.decodeIfPresent(Double.self, forKey: .volume) ?? d.volume,
            negativity: try c.decodeIfPresent(Double.self, forKey: .negativity) ?? d.negativity,
            severity: try c.decodeIfPresent(Double.self, forKey: .severity) ?? d.severity,
            trend: try c.decodeIfPresent(Double.self, forKey: .trend) ?? d.trend,
            reach: try c.decodeIfPresent(Double.self, forKey: .reach) ?? d.reach,
            ratingImpact: try c.decodeIfPresent(Double.self, forKey: .ratingImpact) ?? d.ratingImpact,
            recency: try c.decodeIfPresent(Double.self, forKey: .recency) ?? d.recency)
    }

    var total: Double { volume + negativity + severity + trend + reach + ratingImpact + recency }
}

/// One component of a priority: the measured value, its 0…1 score, and its weight in the sum.
public struct PriorityComponent: Sendable, Hashable {
    public var name: String
    /// The value as measured, in its own unit (a share, a ratio, stars, days…).
    public var value: Double
    /// What `value` means, for a reader.
    public var unit: String
    /// `value` mapped to 0…1.
    public var score: Double
    /// The component's weight (weights sum to 1).
    public var weight: Double
    /// score × weight: what the component adds to the priority.
    public var contribution: Double { score * weight }
}

/// A priority in 0…100 with every component that made it.
public struct Priority: Sendable, Hashable {
    public var components: [PriorityComponent]
    public var value: Double { 100 * components.reduce(0) { $0 + $1.contribution } }
}
