public import Foundation

/// A lasting rise in unhappy feedback — a release that went wrong — and what the feedback after it is about.
public struct Surge: Sendable, Hashable {
    /// The first bucket of the higher level.
    public var start: Date
    public var bucket: Int
    /// Negative records per bucket before and from the change.
    public var rateBefore: Double
    public var rateAfter: Double
    /// Share of all feedback that is negative, before and from the change.
    public var negativeShareBefore: Double
    public var negativeShareAfter: Double
    /// The versions most of the negative feedback after the change is about.
    public var versionsAfter: [VersionCount]
    /// Terms the unhappy feedback uses far more after the change than before, strongest first.
    public var risingTerms: [RisingTerm]
    /// Negative records after the change that use the strongest rising terms.
    public var quotes: [Quote]
}

/// A term whose use rose with a surge: counts of negative records using it before and after, and the z-score of
/// its log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn, 2008).
public struct RisingTerm: Sendable, Hashable {
    public var term: String
    public var before: Int
    public var after: Int
    public var z: Double
}

public enum SurgeFinder {
    /// The change point of a count series: the split that best explains it as two Poisson levels, when the later
    /// level is at least 1.5× the earlier and the split is significant (log-likelihood ratio ≥ 10.83, p < 0.001).
    /// Each side needs at least three buckets.
    public static func levelShift(_ counts: [Int]) -> (index: Int, before: Double, after: Double)? {
        let n = counts.count
        guard n >= 6 else { return nil }
        func ll(_ slice: ArraySlice<Int>) -> Double {
            let total = Double(slice.reduce(0, +))
            guard total > 0 else { return 0 }
            let rate = total / Double(slice.count)
            return total * log(rate) - Double(slice.count) * rate
        }
        let whole = ll(counts[...])
        var best: (Int, Double, Double, Double)?
        for split in 3...(n - 3) {
            let before = counts[..<split], after = counts[split...]
            let rateBefore = Double(before.reduce(0, +)) / Double(before.count)
            let rateAfter = Double(after.reduce(0, +)) / Double(after.count)
            guard rateAfter >= 1.5 * max(rateBefore, 0.5) else { continue }
            let ratio = 2 * (ll(before) + ll(after) - whole)
            if ratio >= 10.83, ratio > (best?.1 ?? 0) { best = (split, ratio, rateBefore, rateAfter) }
        }
        return best.map { ($0.0, $0.2, $0.3) }
    }

    /// Finds a surge in the negative feedback of `records` over `buckets` and what it is about. Texts are analysed
    /// again here (a sample of at most `sampleLimit` negative records on each side), since the per-record stages
    /// keep no words.
    public static func find(
        records: [FeedbackRecord], buckets: TimeBuckets, totals: [Int], negativeTotals: [Int], analyzer: TextAnalyzer,
        boilerplate: Boilerplate = Boilerplate(), sampleLimit: Int = 20_000
    ) -> Surge? {
        guard let shift = levelShift(negativeTotals) else { return nil }
        let start = buckets.bucketStart(shift.index)
        // Positions, not copies: records are read where they lie (a copy retained every string and box of one).
        var before: [Int] = [], after: [Int] = []
        var versions: [String: Int] = [:]
        let startSeconds = start.timeIntervalSinceReferenceDate
        records.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let r = buffer.baseAddress! + index
                guard let seconds = FeedbackRecord.dateSecondsAndRating(at: r).seconds,
                      (r.pointee.analysis?.sentiment.compound ?? 0) <= -0.05 else { continue }
                if seconds < startSeconds { before.append(index) } else {
                    after.append(index)
                    if let v = r.pointee.version { versions[v, default: 0] += 1 }
                }
            }
        }
        guard !before.isEmpty, !after.isEmpty else { return nil }
        func sample(_ list: [Int]) -> [FeedbackRecord] {
            guard list.count > sampleLimit else { return list.map { records[$0] } }
            let step = Double(list.count) / Double(sampleLimit)
            return (0..<sampleLimit).map { records[list[Int(Double($0) * step)]] }
        }
        let worker = analyzer.makeWorker()
        var surface: [String: [String: Int]] = [:]
        func documentTerms(_ record: FeedbackRecord) -> Set<String> {
            let analyzed = worker.analyze(record.text, languageHint: record.analysis?.language)
            var terms = Set<String>()
            let words = analyzed.contentWords().filter {
                !boilerplate.contains($0.stem, language: analyzed.language) && !boilerplate.contains($0.folded, language: analyzed.language)
            }
            for (i, w) in words.enumerated() {
                terms.insert(w.stem)
                surface[w.stem, default: [:]][w.folded, default: 0] += 1
                if i + 1 < words.count, words[i + 1].run == w.run {
                    let key = w.stem + " " + words[i + 1].stem
                    terms.insert(key)
                    surface[key, default: [:]][w.folded + " " + words[i + 1].folded, default: 0] += 1
                }
            }
            return terms
        }
        let sampleBefore = sample(before), sampleAfter = sample(after)
        var countBefore: [String: Int] = [:], countAfter: [String: Int] = [:]
        var termsAfter: [[String]] = []
        for r in sampleBefore { for t in documentTerms(r) { countBefore[t, default: 0] += 1 } }
        for r in sampleAfter {
            let terms = documentTerms(r)
            termsAfter.append(Array(terms))
            for t in terms { countAfter[t, default: 0] += 1 }
        }
        // Log-odds ratio with an informative Dirichlet prior from both sides pooled, per term, over documents.
        let nBefore = Double(sampleBefore.count), nAfter = Double(sampleAfter.count)
        let priorScale = 10.0
        var scored: [RisingTerm] = []
        for (term, a) in countAfter where a >= 5 {
            let b = countBefore[term] ?? 0
            let pooled = Double(a + b) / (nBefore + nAfter)
            let alpha = max(0.01, pooled * priorScale)
            let logOddsAfter = log((Double(a) + alpha) / (nAfter - Double(a) + priorScale - alpha))
            let logOddsBefore = log((Double(b) + alpha) / (nBefore - Double(b) + priorScale - alpha))
            let variance = 1 / (Double(a) + alpha) + 1 / (Double(b) + alpha)
            let z = (logOddsAfter - logOddsBefore) / variance.squareRoot()
            guard z >= 3 else { continue }
            let name = surface[term]?.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? term
            scored.append(RisingTerm(term: name, before: b, after: a, z: z))
        }
        scored.sort { $0.z != $1.z ? $0.z > $1.z : $0.term < $1.term }
        // A pair that rose says more than its words: drop single words a kept pair contains.
        var kept: [RisingTerm] = []
        for t in scored where kept.count < 10 {
            if !t.term.contains(" "), kept.contains(where: { $0.term.split(separator: " ").contains(Substring(t.term)) }) { continue }
            kept.append(t)
        }
        // Quotes: the records that use the most of the five strongest rising terms (short ones first on a tie).
        let top = kept.prefix(5).map { $0.term.split(separator: " ").map(String.init) }
        var ranked: [(hits: Int, length: Int, index: Int)] = []
        for (index, r) in sampleAfter.enumerated() {
            let words = Set(r.text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
            let hits = top.filter { $0.allSatisfy(words.contains) }.count
            if hits >= 2 || (hits == 1 && top.count == 1) { ranked.append((hits, r.text.count, index)) }
        }
        ranked.sort { ($0.hits, -$0.length, -$0.index) > ($1.hits, -$1.length, -$1.index) }
        let quotes = ranked.prefix(3).map { entry in
            let r = sampleAfter[entry.index]
            let text = r.text.count > 280 ? String(r.text.prefix(279)) + "…" : r.text
            return Quote(recordID: r.id, text: text, rating: r.rating, date: r.date)
        }
        func share(_ range: Range<Int>) -> Double {
            Double(negativeTotals[range].reduce(0, +)) / Double(max(1, totals[range].reduce(0, +)))
        }
        let afterCount = after.count
        return Surge(
            start: start, bucket: shift.index, rateBefore: shift.before, rateAfter: shift.after,
            negativeShareBefore: share(0..<shift.index), negativeShareAfter: share(shift.index..<totals.count),
            versionsAfter: versions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
                .map { VersionCount(version: $0.key, records: $0.value, share: Double($0.value) / Double(afterCount)) },
            risingTerms: kept, quotes: quotes)
    }
}
