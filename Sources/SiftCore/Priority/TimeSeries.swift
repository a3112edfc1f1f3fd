public import Foundation

/// Feedback counts in calendar buckets of one day or one week (weeks start on Monday, UTC).
public struct TimeBuckets: Sendable, Hashable {
    public enum Width: String, Sendable, Hashable { case day, week }

    public var width: Width
    /// Start of the first bucket.
    public var start: Date
    public var count: Int

    /// Buckets covering `first…last`: days for spans up to 60 days, weeks beyond, so a chart has 7–60 points
    /// where the data allows.
    public init(first: Date, last: Date) {
        let span = last.timeIntervalSince(first) / 86400
        width = span <= 60 ? .day : .week
        start = Self.floor(first, width)
        let seconds = width == .day ? 86400.0 : 7 * 86400.0
        count = max(1, Int((Self.floor(last, width).timeIntervalSince(start) / seconds).rounded()) + 1)
    }

    public var seconds: Double { width == .day ? 86400 : 7 * 86400 }

    /// The index of the bucket holding `date`, clamped to the range.
    public func index(of date: Date) -> Int {
        min(count - 1, max(0, Int(date.timeIntervalSince(start) / seconds)))
    }

    public func bucketStart(_ index: Int) -> Date { start.addingTimeInterval(Double(index) * seconds) }

    static func floor(_ date: Date, _ width: Width) -> Date {
        let day = (date.timeIntervalSince1970 / 86400).rounded(.down)
        guard width == .week else { return Date(timeIntervalSince1970: day * 86400) }
        // 1970-01-01 was a Thursday: Monday-based weekday is (day + 3) mod 7.
        let weekday = (Int(day) % 7 + 7 + 3) % 7
        return Date(timeIntervalSince1970: (day - Double(weekday)) * 86400)
    }

    /// Counts of `dates` per bucket.
    public func counts(_ dates: some Sequence<Date>) -> [Int] {
        var counts = Array(repeating: 0, count: count)
        for date in dates { counts[index(of: date)] += 1 }
        return counts
    }
}

/// A sudden jump of a theme's volume against its own baseline.
public struct Spike: Sendable, Hashable {
    /// The bucket where the jump starts.
    public var bucket: Int
    public var start: Date
    /// The theme's count in that bucket, and its baseline mean before it.
    public var count: Int
    public var baseline: Double
    /// How many times its usual share of all feedback the theme had there.
    public var shareRatio: Double
}

public enum TrendMath {
    /// The first bucket (latest run of them, if several) where the theme jumps: a count of 5 or more that a
    /// Poisson process at the mean of the buckets before it would reach with probability under 1 in 1,000 (so
    /// small daily counts do not flicker into spikes), at least double that mean, with the theme's share of all
    /// feedback grown 1.5× (so a release that brings more reviews of everything is no spike).
    public static func spike(counts: [Int], totals: [Int], buckets: TimeBuckets, minimumHistory: Int = 3) -> Spike? {
        precondition(counts.count == totals.count)
        guard counts.count > minimumHistory else { return nil }
        var found: Spike?
        var index = minimumHistory
        while index < counts.count {
            let history = counts[0..<index]
            let historyTotals = totals[0..<index]
            let mean = Double(history.reduce(0, +)) / Double(history.count)
            let c = Double(counts[index])
            let tail = poissonTail(atLeast: counts[index], mean: max(mean, 0.5))
            let baseShare = Double(history.reduce(0, +) + 1) / Double(historyTotals.reduce(0, +) + 1)
            let share = Double(counts[index]) / Double(max(1, totals[index]))
            let ratio = share / baseShare
            if counts[index] >= 5, tail < 1e-3, c >= 2 * mean, ratio >= 1.5 {
                found = Spike(bucket: index, start: buckets.bucketStart(index), count: counts[index], baseline: mean, shareRatio: ratio)
                // Skip the rest of this jump: report where it started.
                while index + 1 < counts.count, Double(counts[index + 1]) >= 2 * mean, counts[index + 1] >= 5 { index += 1 }
            }
            index += 1
        }
        return found
    }

    /// P(X ≥ k) for X ~ Poisson(mean), summed in log space so large counts do not overflow.
    static func poissonTail(atLeast k: Int, mean: Double) -> Double {
        guard k > 0 else { return 1 }
        var below = 0.0
        var logTerm = -mean
        for i in 0..<k {
            if i > 0 { logTerm += log(mean) - log(Double(i)) }
            below += exp(logTerm)
        }
        return max(0, 1 - below)
    }

    /// Growth of a theme's share of feedback in the recent window (the last quarter of the buckets, at least one)
    /// against the window before it: 1 is flat, 2 is doubled. Add-one smoothing keeps small counts sane.
    public static func growth(counts: [Int], totals: [Int]) -> Double {
        let n = counts.count
        guard n >= 2 else { return 1 }
        let window = max(1, n / 4)
        let recent = (n - window)..<n
        let before = max(0, n - 2 * window)..<(n - window)
        func share(_ r: Range<Int>) -> Double {
            Double(counts[r].reduce(0, +) + 1) / Double(totals[r].reduce(0, +) + 2)
        }
        return share(recent) / share(before)
    }
}

/// App versions compared by their numeric parts ("34.10.0" after "34.9.2"); text parts compare as text.
public enum VersionOrder {
    /// A total order: versions whose parts are equal ("2.06" and "2.06" with a zero-width character after it) are
    /// told apart by their bytes, so a list sorted by it never depends on the order it came in.
    public static func less(_ a: String, _ b: String) -> Bool {
        let pa = parts(a), pb = parts(b)
        for (x, y) in zip(pa, pb) where x != y {
            switch (Int(x), Int(y)) {
            case let (i?, j?): if i != j { return i < j }  // "05" and "5" are one number: look further
            // Numbers before text, else "9" < "10" < "10x" < "9" would be a cycle.
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return x < y
            }
        }
        if pa.count != pb.count { return pa.count < pb.count }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static func parts(_ v: String) -> [Substring] {
        v.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }
}
