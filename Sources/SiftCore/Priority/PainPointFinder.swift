import Foundation

/// The priority stage's result: ranked pain points, strengths, the timeline they share, roadmap evidence.
public struct PainPointReport: Sendable {
    /// Problems, highest priority first.
    public var painPoints: [PainPoint]
    /// Themes users praise, largest first.
    public var strengths: [PainPoint]
    /// Themes neither mostly problems nor mostly praise.
    public var mixed: [PainPoint]
    /// The time buckets of every timeline; nil when no record has a date.
    public var buckets: TimeBuckets?
    /// All records per bucket, and the negative ones.
    public var totals: [Int]
    public var negativeTotals: [Int]
    /// Each roadmap item with the feedback behind it, in roadmap order.
    public var evidence: [RoadmapEvidence]
    /// Pain points of the previous run that no theme of this run matches.
    public var resolved: [ThemeSnapshot]
    /// A lasting rise in unhappy feedback and what it is about, if there is one.
    public var surge: Surge? = nil

    public var uncovered: [PainPoint] { painPoints.filter { !$0.isCovered } }
}

/// Turns themes into pain points: nature, every priority component, trend and spike, versions, roadmap links,
/// and the comparison with the previous run.
public struct PainPointFinder: Sendable {
    public var weights: PriorityWeights
    public var linker: RoadmapLinker?
    /// The previous run on the same state, and the ids this run saw first; nil without a state store.
    public var previous: RunSnapshot?
    public var newRecordIDs: Set<String>?

    public init(weights: PriorityWeights = .standard, linker: RoadmapLinker? = nil, previous: RunSnapshot? = nil, newRecordIDs: Set<String>? = nil) {
        self.weights = weights
        self.linker = linker
        self.previous = previous
        self.newRecordIDs = newRecordIDs
    }

    static let problemKinds: Set<FeedbackKind> = [.bug, .performance, .usability, .battery, .securityPrivacy, .pricing, .featureRequest]

    static func severityWeight(_ s: Severity) -> Double {
        switch s {
        case .critical: 1
        case .major: 0.6
        case .minor: 0.3
        case .none: 0
        }
    }

    /// A record that voices a problem: negative, or of a problem kind and not mainly praise.
    static func isProblem(_ a: Analysis) -> Bool {
        if a.sentiment.compound <= -0.05 { return true }
        let top = a.kinds.first?.kind
        return top.map { problemKinds.contains($0) } ?? false
    }

    public func find(records: [FeedbackRecord], themes: [ThemeDigest]) -> PainPointReport {
        // One pass over the records where they lie: iterating the array, or mapping it through key paths, copied
        // every record (retaining each string and box it holds), three times over.
        var dated: [Date] = [], negativeDated: [Date] = []
        dated.reserveCapacity(records.count)
        var sumOfRatings = 0.0, rated = 0
        var recordsPerVersion: [String: Int] = [:]
        records.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let r = buffer.baseAddress! + index
                let (seconds, rating) = FeedbackRecord.dateSecondsAndRating(at: r)
                if let seconds {
                    let date = Date(timeIntervalSinceReferenceDate: seconds)
                    dated.append(date)
                    if (r.pointee.analysis?.sentiment.compound ?? 0) <= -0.05 { negativeDated.append(date) }
                }
                if let rating { sumOfRatings += rating; rated += 1 }
                if let v = r.pointee.version { recordsPerVersion[v, default: 0] += 1 }
            }
        }
        let ratingSum = sumOfRatings, ratingCount = rated, versionTotals = recordsPerVersion
        let first = dated.min(), end = dated.max()
        let buckets = first.map { TimeBuckets(first: $0, last: end!) }
        let totals = buckets?.counts(dated) ?? []
        let negativeTotals = buckets?.counts(negativeDated) ?? []
        let span = first.map { end!.timeIntervalSince($0) / 86400 } ?? 0

        let allMean = ratingCount > 0 ? ratingSum / Double(ratingCount) : nil

        // How common each term is in all feedback, from the themes' own shares: a term every theme has ("app",
        // "please") says nothing about which roadmap item a theme needs.
        let overallShare = themes.reduce(into: [String: Double]()) { overall, theme in
            let weight = Double(theme.members.count) / Double(max(1, records.count))
            for (term, share) in theme.terms { overall[term, default: 0] += share * weight }
        }

        // Raw measurements per theme first; scores need the maximum over themes.
        struct Raw {
            var point: PainPoint
            var severityMean: Double
            var ratingDrag: Double
            var recencyDays: Double
        }
        // Themes are measured independently, on every core, each into its own slot.
        @Sendable func measure(_ theme: ThemeDigest, _ tally: ThemeTally) -> Raw {
            let members = theme.members
            let n = Double(members.count)
            var severity: [Severity: Int] = [:]
            for s in Severity.allCases where tally.severityCounts[s.ordinal] > 0 { severity[s] = tally.severityCounts[s.ordinal] }
            var kinds: [FeedbackKind: Int] = [:]
            for k in FeedbackKind.allCases where tally.kindCounts[k.ordinal] > 0 { kinds[k] = tally.kindCounts[k.ordinal] }
            let nature: PainPoint.Nature =
                Double(tally.problems) / n >= 0.5 ? .pain : Double(tally.praise) / n >= 0.6 ? .strength : .mixed
            let timeline = buckets?.counts(tally.dates) ?? []
            let growth = buckets == nil ? 1 : TrendMath.growth(counts: timeline, totals: totals)
            let spike = buckets.flatMap { TrendMath.spike(counts: timeline, totals: totals, buckets: $0) }
            var without: Double?
            if allMean != nil, ratingCount > tally.rated {
                without = (ratingSum - tally.ratingSum) / Double(ratingCount - tally.rated)
            }
            let versionList = tally.versions.map { VersionCount(version: $0.key, records: $0.value, share: Double($0.value) / Double(versionTotals[$0.key]!)) }
                .sorted { $0.records != $1.records ? $0.records > $1.records : VersionOrder.less($1.version, $0.version) }
            let sortedDates = tally.dates.sorted()
            let median = sortedDates.isEmpty ? nil : sortedDates[sortedDates.count / 2]
            let point = PainPoint(
                id: Self.stableID(theme.terms), themeID: theme.id, label: theme.label, nature: nature,
                records: members.count, share: n / Double(max(1, records.count)),
                newRecords: newRecordIDs == nil ? nil : tally.newCount,
                priority: Priority(components: []), negativeShare: Double(tally.negatives) / n, meanCompound: tally.compoundSum / n,
                severity: severity, kinds: kinds, meanRating: tally.rated > 0 ? tally.ratingSum / Double(tally.rated) : nil,
                ratingWithAll: allMean, ratingWithout: without, reach: tally.reach, timeline: timeline, growth: growth, spike: spike,
                versions: Array(versionList.prefix(5)),
                emergedAfterVersion: Self.emergence(memberCounts: tally.versions, versionTotals: versionTotals),
                firstSeen: sortedDates.first, lastSeen: sortedDates.last,
                links: [], quotes: theme.quotes,
                status: nil, terms: theme.terms)
            return Raw(
                point: point, severityMean: tally.severitySum / n,
                ratingDrag: max(0, (without ?? allMean ?? 0) - (allMean ?? 0)),
                recencyDays: median.map { end!.timeIntervalSince($0) / 86400 } ?? span)
        }
        let measured = themes.filter { !$0.members.isEmpty }
        // Each core tallies a share of the themes (balanced by size) in one pass over the records in their order,
        // so records are read as they lie in memory rather than theme by theme, which jumped across all of them
        // and waited on memory for most of the time. Members must be ascending and disjoint for that order to be
        // each theme's own (as the corpus's digests are); otherwise each theme's members are read in turn.
        var themeOf = [Int32](repeating: -1, count: records.count)
        var inRecordOrder = true
        assigning: for (t, theme) in measured.enumerated() {
            var last = -1
            for m in theme.members {
                guard m > last, themeOf[m] < 0 else {
                    inRecordOrder = false
                    break assigning
                }
                themeOf[m] = Int32(t)
                last = m
            }
        }
        let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, measured.count))
        var owner = [Int](repeating: 0, count: measured.count), load = [Int](repeating: 0, count: cores)
        for t in measured.indices.sorted(by: { measured[$0].members.count > measured[$1].members.count }) {
            let core = load.indices.min { load[$0] < load[$1] }!
            owner[t] = core
            load[core] += measured[t].members.count
        }
        let slots = UnsafeSlots<Raw?>(count: measured.count, initial: nil)
        let tallyOrder = inRecordOrder, themeOfRecord = themeOf, ownerOfTheme = owner, newIDs = newRecordIDs
        DispatchQueue.concurrentPerform(iterations: cores) { core in
            var tallies = [ThemeTally](repeating: ThemeTally(), count: measured.count)
            records.withUnsafeBufferPointer { buffer in
                if tallyOrder {
                    for i in buffer.indices {
                        let t = Int(themeOfRecord[i])
                        guard t >= 0, ownerOfTheme[t] == core else { continue }
                        tallies[t].add(buffer.baseAddress! + i, newRecordIDs: newIDs)
                    }
                } else {
                    for t in measured.indices where ownerOfTheme[t] == core {
                        for m in measured[t].members { tallies[t].add(buffer.baseAddress! + m, newRecordIDs: newIDs) }
                    }
                }
            }
            for t in measured.indices where ownerOfTheme[t] == core { slots[t] = measure(measured[t], tallies[t]) }
        }
        var raws = (0..<measured.count).map { slots[$0]! }
        // Links after, on this thread: the linker analyses text with one worker, which is not to be shared.
        if let linker {
            for i in raws.indices {
                raws[i].point.links = linker.links(for: Self.distinctive(raws[i].point.terms, overall: overallShare))
            }
        }

        // Scores: each component mapped to 0…1, relative where only relative size means anything.
        let pains = raws.filter { $0.point.nature == .pain }
        let maxShare = pains.map(\.point.share).max() ?? 1
        let maxReach = pains.map(\.point.reach).max() ?? 0
        let maxDrag = pains.map(\.ratingDrag).max() ?? 0
        let halfLife = max(7, span / 4)
        let total = weights.total > 0 ? weights.total : 1
        func component(_ name: String, _ value: Double, _ unit: String, _ score: Double, _ weight: Double) -> PriorityComponent {
            PriorityComponent(name: name, value: value, unit: unit, score: min(1, max(0, score)), weight: weight / total)
        }
        var points: [PainPoint] = []
        for raw in raws {
            var p = raw.point
            var trendScore = log2(max(1, p.growth)) / 2
            if p.spike != nil { trendScore = max(trendScore, 0.75) }
            p.priority = Priority(components: [
                component("volume", p.share, "share of all feedback", p.share / max(maxShare, 1e-9), weights.volume),
                component("negativity", p.negativeShare, "share of its feedback that is negative", p.negativeShare, weights.negativity),
                component("severity", raw.severityMean, "mean severity (critical 1, major 0.6, minor 0.3)", raw.severityMean, weights.severity),
                component("trend", p.growth, "recent share ÷ earlier share", trendScore, weights.trend),
                component("reach", p.reach, "followers and helpful votes", maxReach > 0 ? log1p(p.reach) / log1p(maxReach) : 0, weights.reach),
                component("rating_impact", raw.ratingDrag, "stars the mean rating gains without it", maxDrag > 0 ? raw.ratingDrag / maxDrag : 0, weights.ratingImpact),
                component("recency", raw.recencyDays, "days from its median date to the newest feedback", exp(-raw.recencyDays * log(2) / halfLife), weights.recency),
            ])
            points.append(p)
        }

        // Two themes can share their strongest terms (the same complaint in two languages): the later theme's id
        // gets a suffix, so every id stays unique and stable.
        var used: [String: Int] = [:]
        for i in points.indices.sorted(by: { points[$0].themeID < points[$1].themeID }) {
            let base = points[i].id
            used[base, default: 0] += 1
            if used[base]! > 1 { points[i].id = base + "-\(used[base]!)" }
        }

        // Against the previous run.
        var matchedPrevious = Set<Int>()
        if let previous {
            for i in points.indices {
                if let (index, _) = Self.bestMatch(points[i].terms, in: previous.themes) {
                    matchedPrevious.insert(index)
                    let before = previous.themes[index].newCount
                    let now = points[i].newRecords ?? 0
                    points[i].status = Double(now) >= 1.5 * Double(before) + 2 ? .rising
                        : Double(now) <= 0.67 * Double(before) - 1 ? .falling : .steady
                } else {
                    points[i].status = .new
                }
            }
        }
        let resolved = previous?.themes.enumerated().filter { !matchedPrevious.contains($0.offset) }.map(\.element) ?? []

        let painPoints = points.filter { $0.nature == .pain }
            .sorted { $0.priority.value != $1.priority.value ? $0.priority.value > $1.priority.value : $0.id < $1.id }
        let bySize: (PainPoint, PainPoint) -> Bool = { $0.records != $1.records ? $0.records > $1.records : $0.id < $1.id }
        let evidence = linker.map { Self.evidence(items: $0.items, painPoints: painPoints, records: records, themes: themes) } ?? []
        return PainPointReport(
            painPoints: painPoints, strengths: points.filter { $0.nature == .strength }.sorted(by: bySize),
            mixed: points.filter { $0.nature == .mixed }.sorted(by: bySize), buckets: buckets, totals: totals,
            negativeTotals: negativeTotals, evidence: evidence, resolved: resolved)
    }

    /// What one theme's records add up to, added record by record.
    struct ThemeTally {
        var negatives = 0, problems = 0, praise = 0
        /// Compounds in ten-thousandths (the scorer rounds them to four places): integers add up to the same sum
        /// in any order, where the Doubles' sum moved in its last bits with the order of the input files, enough to
        /// flip a printed digit (0.6563 against 0.6562).
        var compoundTenThousandths = 0
        var reach = 0.0
        var compoundSum: Double { Double(compoundTenThousandths) / 10_000 }
        /// The severity weights' sum, from the counts: the same in any record order.
        var severitySum: Double {
            var sum = 0.0
            for severity in Severity.allCases { sum += Double(severityCounts[severity.ordinal]) * PainPointFinder.severityWeight(severity) }
            return sum
        }
        // Tallies by position, not by hashed key.
        var severityCounts = [Int](repeating: 0, count: Severity.allCases.count)
        var kindCounts = [Int](repeating: 0, count: FeedbackKind.allCases.count)
        var ratingSum = 0.0, rated = 0
        var versions: [String: Int] = [:]
        var dates: [Date] = []
        var newCount = 0

        /// Adds the record at `r`, read where it lies (a copy retained every string and box a record holds).
        mutating func add(_ r: UnsafePointer<FeedbackRecord>, newRecordIDs: Set<String>?) {
            // The analysis read where it lies (a copy retained its arrays).
            if let a = FeedbackRecord.analysis(at: r) {
                let problem = PainPointFinder.isProblem(a.pointee)
                let compound = a.pointee.sentiment.compound, severity = a.pointee.severity
                if compound <= -0.05 { negatives += 1 }
                if problem { problems += 1 }
                if compound >= 0.05, !problem { praise += 1 }
                compoundTenThousandths += PainPointFinder.tenThousandths(compound)
                severityCounts[severity.ordinal] += 1
                a.pointee.kinds.withUnsafeBufferPointer { for k in $0 { kindCounts[k.kind.ordinal] += 1 } }
            } else {
                // A record no stage analysed counts as neutral, of no kind, severity none.
                severityCounts[Severity.none.ordinal] += 1
            }
            let (seconds, rating) = FeedbackRecord.dateSecondsAndRating(at: r)
            if let rating { ratingSum += rating; rated += 1 }
            if let v = r.pointee.version { versions[v, default: 0] += 1 }
            if let seconds { dates.append(Date(timeIntervalSinceReferenceDate: seconds)) }
            reach += r.pointee.reach ?? 0
            if let newRecordIDs, newRecordIDs.contains(r.pointee.id) { newCount += 1 }
        }
    }

    /// A theme's terms weighted by how much more often its records use them than all feedback does (lift): a term
    /// at 8× its usual rate or more keeps its full share, one at its usual rate counts for nothing.
    static func distinctive(_ terms: [String: Double], overall: [String: Double]) -> [String: Double] {
        var weighted: [String: Double] = [:]
        for (term, share) in terms {
            let lift = share / max(overall[term] ?? share, 1e-9)
            guard lift > 1 else { continue }
            weighted[term] = share * min(1, log2(lift) / 3)
        }
        return weighted
    }

    /// `pp-` and 8 hex digits of the theme's three strongest terms: the same theme gets the same id tomorrow.
    static func stableID(_ terms: [String: Double]) -> String {
        let top = terms.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3).map(\.key).sorted()
        var hash = ContentHash()
        for t in top { hash.combine(t) }
        return "pp-" + hash.hex.prefix(8)
    }

    /// The previous theme sharing the most term weight with `terms` (weighted Jaccard ≥ 0.25).
    static func bestMatch(_ terms: [String: Double], in previous: [ThemeSnapshot]) -> (Int, Double)? {
        var best: (Int, Double)?
        let mine = Set(terms.keys)
        for (index, theme) in previous.enumerated() {
            let theirs = Set(theme.terms)
            let union = mine.union(theirs).count
            guard union > 0 else { continue }
            let overlap = Double(mine.intersection(theirs).count) / Double(union)
            if overlap >= 0.25, overlap > (best?.1 ?? 0) { best = (index, overlap) }
        }
        return best
    }

    /// The version from which the theme's share of feedback is at least 3× what it was before, with 5 or more
    /// of its records after it; the split with the largest jump wins. `memberCounts`: the theme's records per version.
    static func emergence(memberCounts: [String: Int], versionTotals: [String: Int]) -> String? {
        let versions = versionTotals.keys.sorted(by: VersionOrder.less)
        guard versions.count >= 2 else { return nil }
        var best: (String, Double)?
        var beforeAll = 0, beforeTheme = 0
        let allVersioned = versionTotals.values.reduce(0, +)
        let themeVersioned = memberCounts.values.reduce(0, +)
        for (i, v) in versions.enumerated() {
            if i > 0 {
                let afterAll = allVersioned - beforeAll, afterTheme = themeVersioned - beforeTheme
                if afterTheme >= 5, beforeAll >= 10 {
                    let before = Double(beforeTheme + 1) / Double(beforeAll + 2)
                    let after = Double(afterTheme) / Double(afterAll)
                    let ratio = after / before
                    if ratio >= 3, ratio > (best?.1 ?? 0) { best = (v, ratio) }
                }
            }
            beforeAll += versionTotals[v]!
            beforeTheme += memberCounts[v] ?? 0
        }
        return best?.0
    }

    /// A compound score in whole ten-thousandths, for sums that do not depend on the order of the records.
    static func tenThousandths(_ compound: Double) -> Int {
        Int((compound * 10_000).rounded())
    }

    static func evidence(items: [RoadmapItem], painPoints: [PainPoint], records: [FeedbackRecord], themes: [ThemeDigest]) -> [RoadmapEvidence] {
        let membersByTheme = Dictionary(uniqueKeysWithValues: themes.map { ($0.id, $0.members) })
        return items.map { item in
            let linked = painPoints.filter { $0.links.contains { $0.itemID == item.id } }
            var count = 0, compoundTenThousandths = 0
            var severity: [Severity: Int] = [:]
            records.withUnsafeBufferPointer { buffer in
                for p in linked {
                    for i in membersByTheme[p.themeID] ?? [] {
                        let r = buffer.baseAddress! + i
                        count += 1
                        compoundTenThousandths += tenThousandths(r.pointee.analysis?.sentiment.compound ?? 0)
                        severity[r.pointee.analysis?.severity ?? .none, default: 0] += 1
                    }
                }
            }
            return RoadmapEvidence(
                item: item, painPoints: linked.map(\.id), records: count, meanCompound: count > 0 ? Double(compoundTenThousandths) / 10_000 / Double(count) : nil,
                severity: severity, quotes: Array(linked.flatMap { $0.quotes.prefix(2) }.prefix(3)))
        }
    }
}
