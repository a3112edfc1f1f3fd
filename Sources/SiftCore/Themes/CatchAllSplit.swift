extension ThemeStage {
    /// The themes with each catch-all among them (a theme holding most of its language) re-clustered into parts.
    ///
    /// On long texts every record says the same generic words besides its problem ("since the update the browser
    /// does not work"); the mixture then finds those words the best explanation of every record and lumps all
    /// problems into one theme. Re-clustering its members without the words most of them share lets the problems
    /// show. - Parameters: `groups` and the result hold positions into `docs`; `minimum` is the language's
    /// smallest theme size.
    func splittingCatchAlls(_ groups: [[Int]], docs: ChunkedLists, languageCount: Int, minimum: Int) -> [[Int]] {
        groups.flatMap { split($0, docs: docs, languageCount: languageCount, minimum: minimum, round: 0) }
    }

    private func isCatchAll(_ size: Int, languageCount: Int) -> Bool {
        size >= catchAllMinimumSize && Double(size) > catchAllShare * Double(languageCount)
    }

    private func split(_ group: [Int], docs: ChunkedLists, languageCount: Int, minimum: Int, round: Int) -> [[Int]] {
        guard round < catchAllRounds, isCatchAll(group.count, languageCount: languageCount) else { return [group] }
        var documentFrequency: [UInt32: Int] = [:]
        var terms: [UInt32] = []
        for p in group {
            docs.kept(p, into: &terms)
            for t in Set(terms) { documentFrequency[t, default: 0] += 1 }
        }
        // Words in more than a quarter of the theme are what made it one theme; words in one record link none.
        let commonLimit = catchAllCommonShare * Double(group.count)
        let common = documentFrequency.filter { Double($0.value) > commonLimit }.keys.sorted()
        // The group's documents without those words, at their positions (the others stay empty: the split and
        // the merge below read only the group's), and renumbered in group order for the mixture.
        var keptLists = PackedLists()
        var local: [UInt32: UInt32] = [:]
        var reduced = PackedLists()
        var indexInGroup = [Int32](repeating: -1, count: docs.count)
        for (k, p) in group.enumerated() {
            docs.kept(p, into: &terms)
            let kept = terms.filter { t in
                let count = documentFrequency[t]!
                return count >= 2 && Double(count) <= commonLimit
            }
            indexInGroup[p] = Int32(k)
            keptLists.append(kept)
            reduced.append(kept.map { t in
                if let l = local[t] { return l }
                let l = UInt32(local.count)
                local[t] = l
                return l
            })
        }
        var reducedDocs = PackedLists()
        reducedDocs.reserve(lists: docs.count, values: keptLists.values.count)
        for p in 0..<docs.count { reducedDocs.append(indexInGroup[p] < 0 ? [][...] : keptLists[Int(indexInGroup[p])]) }
        keptLists = PackedLists()
        indexInGroup = []
        let reducedLists = ChunkedLists(reducedDocs)
        reducedDocs = PackedLists()
        // A seed of its own, from what the theme is (its size, its common words, the round), not from run order.
        var key: [UInt8] = []
        for value in [UInt32(round), UInt32(group.count)] + common { withUnsafeBytes(of: value.littleEndian) { key += $0 } }
        var mixture = self.mixture
        mixture.seed = stableHash(key, seed: mixture.seed)
        // Few parts per round: a catch-all is a handful of problems, not hundreds of near-duplicate pairs.
        mixture.maxClusters = min(mixture.maxClusters, catchAllMaxParts)
        let (assignments, model) = mixture.clusterPacked(ChunkedLists(reduced), vocabularySize: max(1, local.count), threads: threads)
        var size = [Int](repeating: 0, count: model.clusterCount)
        for z in assignments where z >= 0 { size[Int(z)] += 1 }
        // Parts too small to matter beside the others are leftovers, not themes of their own.
        let meaningful = max(minimum, Int((catchAllPartShare * Double(group.count)).rounded(.up)))
        let kept = (0..<model.clusterCount).filter { size[$0] >= meaningful }
        guard kept.count >= 2,
            let biggest = kept.max(by: { size[$0] != size[$1] ? size[$0] < size[$1] : $0 > $1 })
        else { return [group] }
        // Records in a part too small to matter join the part that explains them best, else the biggest: they
        // were themed before, the split does not make them outliers. Records of nothing but the common words
        // ("good nice app") form a part of their own, so that they do not take a specific part's name.
        let keptSet = Set(kept)
        var memberOf: [Int: [Int]] = [:]
        for (i, z) in assignments.enumerated() {
            let target: Int
            if reduced.count(i) == 0 {
                target = -1
            } else if z >= 0, keptSet.contains(Int(z)) {
                target = Int(z)
            } else {
                target = bestKept(reduced[i], model: model, kept: kept) ?? biggest
            }
            memberOf[target, default: []].append(group[i])
        }
        let parts = merged(kept.compactMap { memberOf[$0] }, docs: reducedLists) + (memberOf[-1].map { [$0] } ?? [])
        guard parts.filter({ $0.count >= meaningful }).count >= 2 else { return [group] }
        return parts.flatMap {
            split($0, docs: reducedLists, languageCount: languageCount, minimum: minimum, round: round + 1)
        }
    }
}
