public import Foundation

/// The corpus stage that clusters records into named themes, per language, and sets `record.analysis.theme`.
///
/// Deterministic whatever the input order and thread count: term ids come from a vocabulary sorted by string
/// after the parallel extraction, records are sampled in the order of a content key (stable hash of the text,
/// then text, then id), and the sampler has a fixed seed.
public struct ThemeStage: CorpusStage {
    public var analyzer: TextAnalyzer
    public var boilerplate: Boilerplate
    public var mixture: DirichletMixture
    public var threads: Int
    /// Folded words never used as theme words, such as the app's own name; the most frequent capitalised word of
    /// the run (a name used in ≥ 2 % of records) is added to them.
    public var names: Set<String>
    /// A cluster smaller than this (or than `minimumThemeShare` of its language) is no theme: its records join the
    /// theme that explains them best if they share a word with it, else they are outliers.
    public var minimumThemeSize: Int
    public var minimumThemeShare: Double
    /// Phrases in a label at most.
    public var labelPhrases: Int
    /// Clusters whose word distributions have at least this cosine similarity become one theme.
    public var mergeSimilarity: Double
    /// A theme holding more than this share of its language's records, and at least `catchAllMinimumSize` of
    /// them, is re-clustered on its own (at most `catchAllRounds` times) without the words in more than
    /// `catchAllCommonShare` of its records; parts under `catchAllPartShare` of it join the part that explains them best; the split stands when ≥ 2 parts remain.
    public var catchAllShare = 0.3
    public var catchAllMinimumSize = 60
    public var catchAllCommonShare = 0.25
    public var catchAllPartShare = 0.07
    public var catchAllMaxParts = 10
    public var catchAllRounds = 2

    public init(
        analyzer: TextAnalyzer = TextAnalyzer(), boilerplate: Boilerplate = Boilerplate(),
        mixture: DirichletMixture = DirichletMixture(), threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        names: Set<String> = [], minimumThemeSize: Int = 3, minimumThemeShare: Double = 0.002, labelPhrases: Int = 3,
        mergeSimilarity: Double = 0.5
    ) {
        self.analyzer = analyzer
        self.boilerplate = boilerplate
        self.mixture = mixture
        self.threads = max(1, threads)
        self.names = names
        self.minimumThemeSize = max(1, minimumThemeSize)
        self.minimumThemeShare = minimumThemeShare
        self.labelPhrases = max(1, labelPhrases)
        self.mergeSimilarity = mergeSimilarity
    }

    public func run(_ corpus: inout Corpus) {
        let features = extract(&corpus.records)
        // Names match by folded form and by stem ("Tunely" is stemmed to "tune").
        let worker = analyzer.makeWorker()
        let names = self.names.union(frequentName(features)).flatMap { name in
            [name] + worker.analyze(name, languageHint: "en").tokens.map(\.stem)
        }
        let nameIDs = Set(names.compactMap { features.vocabulary.id($0) })
        var themes: [Theme] = []
        var themeOf = [Int?](repeating: nil, count: corpus.records.count)
        var byLanguage: [String: [Int]] = [:]
        for i in corpus.records.indices { byLanguage[features.language[i], default: []].append(i) }
        // Texts too short to tell ("und": "good app", "nice") are themed with the run's main language rather
        // than apart from it, so "fun game" is one theme, not one per detector verdict.
        if let undetermined = byLanguage["und"],
            let main = byLanguage.filter({ $0.key != "und" }).max(by: { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key > $1.key })
        {
            byLanguage[main.key] = (main.value + undetermined).sorted()
            byLanguage["und"] = nil
        }
        for language in byLanguage.keys.sorted() {
            let found = clusterLanguage(
                language, members: byLanguage[language]!, records: corpus.records, features: features, names: nameIDs,
                corpusCount: corpus.records.count)
            for (theme, members) in found {
                themes.append(theme)
                for m in members { themeOf[m] = themes.count - 1 }
            }
        }
        // Ids by size, then language and label, so they do not depend on the order languages were processed in.
        let order = themes.indices.sorted { a, b in
            let x = themes[a], y = themes[b]
            if x.size != y.size { return x.size > y.size }
            if x.language != y.language { return x.language < y.language }
            return x.title < y.title
        }
        var idOf = [Int](repeating: 0, count: themes.count)
        for (rank, index) in order.enumerated() { idOf[index] = rank + 1 }
        corpus.themes = order.map { index in
            var theme = themes[index]
            theme.id = idOf[index]
            return theme
        }
        for i in corpus.records.indices {
            var analysis = corpus.records[i].analysis ?? Analysis(language: features.language[i])
            analysis.theme = themeOf[i].map { idOf[$0] }
            corpus.records[i].analysis = analysis
        }
    }

    // MARK: features

    /// What the theme stage keeps of each record; ids index one vocabulary sorted by string.
    struct Features {
        var vocabulary: SortedVocabulary
        var language: [String]
        /// Stems of content words, in text order (the clustering terms).
        var terms: PackedLists
        /// Label candidates: stems of single content words and of adjacent pairs ("battery drain").
        var phrases: PackedLists
        /// The folded written form of each phrase, parallel to `phrases`.
        var surfaces: PackedLists
        /// Content words written with a capital mid-sentence (names).
        var capitalised: PackedLists
    }

    /// The features of every record, in parallel. Words packed by the per-record stage are read, not re-analysed
    /// (the same words: that stage analysed the same text in the language it settled on), and then dropped.
    func extract(_ records: inout [FeedbackRecord]) -> Features {
        let count = records.count
        let slices = max(1, min(threads, count / 512 + 1))
        let per = (count + slices - 1) / max(1, slices)
        let parts = UnsafeSlots<LocalFeatures?>(count: slices, initial: nil)
        records.withUnsafeMutableBufferPointer { buffer in
            let shared = DisjointRecords(buffer)
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                var worker: TextAnalyzerWorker?
                var local = LocalFeatures()
                for i in (slice * per)..<min(count, (slice + 1) * per) {
                    // Each slice touches only its own records.
                    let record = shared.buffer.baseAddress! + i
                    let known = record.pointee.analysis.map(\.language).flatMap { $0 == "und" ? nil : $0 }
                    if let words = record.pointee.analysis?.themeWords {
                        record.pointee.analysis!.themeWords = nil
                        local.add(words, language: known ?? record.pointee.analysis!.language)
                        continue
                    }
                    if worker == nil { worker = analyzer.makeWorker() }
                    let analyzed = worker!.analyze(record.pointee.text, languageHint: known ?? record.pointee.language)
                    local.add(ThemeWords(analyzed.contentWords()), language: known ?? analyzed.language)
                }
                parts[slice] = local
            }
        }
        let vocabulary = SortedVocabulary((0..<slices).compactMap { parts[$0]?.strings })
        var features = Features(
            vocabulary: vocabulary, language: [], terms: PackedLists(), phrases: PackedLists(), surfaces: PackedLists(),
            capitalised: PackedLists())
        for slice in 0..<slices {
            // Each slice's lists are let go once merged, so the copies never all exist at once.
            guard let local = parts[slice] else { continue }
            parts[slice] = nil
            let remap = local.strings.map { vocabulary.id($0)! }
            features.language += local.language
            features.terms.append(mapping: local.terms, through: remap)
            features.phrases.append(mapping: local.phrases, through: remap)
            features.surfaces.append(mapping: local.surfaces, through: remap)
            features.capitalised.append(mapping: local.capitalised, through: remap)
        }
        return features
    }

    /// The most frequent capitalised content word when it is capitalised in at least 2 % of records: in a dump of
    /// one app's reviews that is the app's name, which says nothing about what a theme is about.
    func frequentName(_ features: Features) -> Set<String> {
        var counts: [UInt32: Int] = [:]
        for i in 0..<features.capitalised.count { for id in Set(features.capitalised[i]) { counts[id, default: 0] += 1 } }
        guard let (id, count) = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
            count >= 3, Double(count) >= 0.02 * Double(features.terms.count)
        else { return [] }
        return [features.vocabulary.strings[Int(id)]]
    }

    // MARK: clustering

    private func clusterLanguage(
        _ language: String, members: [Int], records: [FeedbackRecord], features: Features, names: Set<UInt32>,
        corpusCount: Int
    ) -> [(Theme, [Int])] {
        // Content key order: the sampler sees records in the same order whatever order they came in.
        // Equal texts (feedback repeats itself) are ordered by id; both as 64-bit hashes, so sorting a million compares
        // integers, not strings. Records equal in both are interchangeable.
        let keyed = members.map { i in (text: stableHash(records[i].text.utf8), id: stableHash(records[i].id.utf8), index: i) }
        let ordered = keyed.sorted { a, b in
            if a.text != b.text { return a.text < b.text }
            if a.id != b.id { return a.id < b.id }
            return a.index < b.index
        }.map(\.index)
        // Words that name no theme ("app", "please", "hey devs", "reinstalled", "weeks ago") are said alongside
        // every problem: left in, they pull different problems into one cluster. A record of nothing else keeps them.
        var plainWord: [UInt32: Bool] = [:]
        func isPlain(_ id: UInt32) -> Bool {
            if let known = plainWord[id] { return known }
            let plain = boilerplate.contains(features.vocabulary.strings[Int(id)], language: language)
            plainWord[id] = plain
            return plain
        }
        var local: [UInt32: UInt32] = [:]
        let docs: [[UInt32]] = ordered.map { i in
            let all = features.terms[i]
            let dropPlain = all.contains { !isPlain($0) && !names.contains($0) }
            return all.compactMap { id in
                if names.contains(id) || (dropPlain && isPlain(id)) { return nil }
                if let l = local[id] { return l }
                let l = UInt32(local.count)
                local[id] = l
                return l
            }
        }
        let (assignments, model) = mixture.cluster(docs, vocabularySize: max(1, local.count), threads: threads)
        var size = [Int](repeating: 0, count: model.clusterCount)
        for z in assignments { if let z { size[z] += 1 } }
        let minimum = max(minimumThemeSize, Int((minimumThemeShare * Double(members.count)).rounded(.up)))
        let kept = (0..<model.clusterCount).filter { size[$0] >= minimum }
        let keptSet = Set(kept)
        var memberOf: [Int: [Int]] = [:]  // cluster → positions in `ordered`
        for (position, z) in assignments.enumerated() {
            guard let z else { continue }
            if keptSet.contains(z) {
                memberOf[z, default: []].append(position)
            } else if let best = bestKept(docs[position], model: model, kept: kept) {
                memberOf[best, default: []].append(position)
            }
        }
        let groups = splittingCatchAlls(
            merged(kept.compactMap { memberOf[$0] }, docs: docs), docs: docs, languageCount: members.count, minimum: minimum)
        return makeThemes(
            language: language, groups: groups, ordered: ordered, docs: docs,
            records: records, features: features, names: names, corpusCount: corpusCount)
    }

    /// Clusters whose word distributions point the same way (cosine ≥ `mergeSimilarity`) joined, most similar
    /// pair first: the mixture splits one complaint when its records are few or worded two ways ("battery
    /// drain · phone hot" and "battery dies · overheating").
    func merged(_ groups: [[Int]], docs: [[UInt32]]) -> [[Int]] {
        var groups = groups
        var vectors: [[UInt32: Double]] = groups.map { positions in
            var v: [UInt32: Double] = [:]
            for p in positions { for t in docs[p] { v[t, default: 0] += 1 } }
            return v
        }
        func cosine(_ a: [UInt32: Double], _ b: [UInt32: Double]) -> Double {
            let (small, large) = a.count <= b.count ? (a, b) : (b, a)
            var dot = 0.0
            for key in small.keys.sorted() { if let y = large[key] { dot += small[key]! * y } }
            func norm(_ v: [UInt32: Double]) -> Double { v.keys.sorted().reduce(0.0) { $0 + v[$1]! * v[$1]! }.squareRoot() }
            let n = norm(a) * norm(b)
            return n == 0 ? 0 : dot / n
        }
        var alive = [Bool](repeating: true, count: groups.count)
        var similarity = [[Double]](repeating: [Double](repeating: 0, count: groups.count), count: groups.count)
        for i in groups.indices { for j in groups.indices where j > i { similarity[i][j] = cosine(vectors[i], vectors[j]) } }
        while true {
            var best: (Int, Int)?
            var bestValue = mergeSimilarity
            for i in groups.indices where alive[i] {
                for j in groups.indices where j > i && alive[j] && similarity[i][j] >= bestValue {
                    if best == nil || similarity[i][j] > bestValue { best = (i, j); bestValue = similarity[i][j] }
                }
            }
            guard let (i, j) = best else { break }
            groups[i] += groups[j]
            for (t, c) in vectors[j] { vectors[i][t, default: 0] += c }
            alive[j] = false
            groups[j] = []
            for k in groups.indices where alive[k] && k != i {
                let value = cosine(vectors[i], vectors[k])
                if k < i { similarity[k][i] = value } else { similarity[i][k] = value }
            }
        }
        return groups.indices.filter { alive[$0] }.map { groups[$0].sorted() }
    }

    /// The kept cluster that explains `doc` best, if it shares at least one word with it.
    func bestKept(_ doc: [UInt32], model: DirichletMixture.Model, kept: [Int]) -> Int? {
        var best: Int?
        var bestValue = -Double.infinity
        for z in kept where doc.contains(where: { model.count(term: Int($0), cluster: z) > 0 }) {
            let v = model.logWeight(doc, cluster: z)
            if v > bestValue { bestValue = v; best = z }
        }
        return best
    }

    // MARK: naming

    private func makeThemes(
        language: String, groups: [[Int]], ordered: [Int], docs: [[UInt32]], records: [FeedbackRecord],
        features: Features, names: Set<UInt32>, corpusCount: Int
    ) -> [(Theme, [Int])] {
        // c-TF-IDF over phrases, counted once per record: frequent in the theme, rare in the other themes.
        var inCluster: [[UInt32: Int]] = []
        var overall: [UInt32: Int] = [:]
        var distinct: [UInt32] = []
        for positions in groups {
            var counts: [UInt32: Int] = [:]
            for position in positions {
                Self.distinct(features.phrases[ordered[position]], into: &distinct)
                for id in distinct { counts[id, default: 0] += 1 }
            }
            for (id, c) in counts { overall[id, default: 0] += c }
            inCluster.append(counts)
        }
        let average = Double(groups.reduce(0) { $0 + $1.count }) / Double(max(1, groups.count))
        // Themes are named and described independently of each other: on every core, each into its own slot.
        let slots = UnsafeSlots<(Theme, [Int])?>(count: groups.count, initial: nil)
        let (clusterCounts, overallCounts) = (inCluster, overall)
        DispatchQueue.concurrentPerform(iterations: groups.count) { c in
            let positions = groups[c]
            let recordIndices = positions.map { ordered[$0] }
            let label = labelFor(
                counts: clusterCounts[c], overall: overallCounts, average: average, size: positions.count, language: language,
                vocabulary: features.vocabulary, names: names, members: recordIndices, features: features)
            var theme = Theme(
                id: 0, language: language, label: label, size: positions.count,
                share: Double(positions.count) / Double(max(1, corpusCount)), quotes: [],
                sentiment: .init(), kinds: [], versions: [], firstSeen: nil, lastSeen: nil, meanRating: nil)
            theme.quotes = quotes(positions: positions, ordered: ordered, docs: docs, records: records)
            theme.terms = characteristicTerms(clusterCounts[c], size: positions.count, vocabulary: features.vocabulary, names: names, language: language)
            describe(&theme, members: recordIndices, records: records)
            slots[c] = (theme, recordIndices)
        }
        return (0..<groups.count).map { slots[$0]! }
    }

    /// The theme's most frequent phrases (in at least 2 records, or all of a tiny theme), at most 25, with the
    /// share of its records that contain each; names such as the app's own are left out.
    private func characteristicTerms(
        _ counts: [UInt32: Int], size: Int, vocabulary: SortedVocabulary, names: Set<UInt32>, language: String
    ) -> [String: Double] {
        let floor = min(2, size)
        // Boilerplate ("app", "please") names no theme; a pair is kept unless both its words are boilerplate.
        func isBoilerplate(_ key: String) -> Bool {
            key.split(separator: " ").allSatisfy { boilerplate.contains(String($0), language: language) }
        }
        let ranked = counts.filter { $0.value >= floor && !names.contains($0.key) && !isBoilerplate(vocabulary.strings[Int($0.key)]) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : vocabulary.strings[Int($0.key)] < vocabulary.strings[Int($1.key)] }
        var terms: [String: Double] = [:]
        for (id, count) in ranked.prefix(25) { terms[vocabulary.strings[Int(id)]] = Double(count) / Double(max(1, size)) }
        return terms
    }

    private func labelFor(
        counts: [UInt32: Int], overall: [UInt32: Int], average: Double, size: Int, language: String,
        vocabulary: SortedVocabulary, names: Set<UInt32>, members: [Int], features: Features
    ) -> [String] {
        // A label phrase is said by a noticeable part of the theme, not by one long review in it.
        let preferredFloor = size >= 6 ? max(2, Int((0.03 * Double(size)).rounded(.up))) : 1
        // A theme held together by words no phrase repeats often enough still gets a name.
        let floor = counts.values.contains { $0 >= preferredFloor } ? preferredFloor : 1
        var ranked: [Keyphrase] = []
        for (id, count) in counts where count >= floor {
            let key = vocabulary.strings[Int(id)]
            let stems = key.split(separator: " ").map(String.init)
            if stems.contains(where: { names.contains(vocabulary.id($0) ?? .max) }) { continue }
            var score = Double(count) / Double(size) * Foundation.log(1 + average / Double(overall[id]!))
            let plain = stems.filter { boilerplate.contains($0, language: language) }.count
            if plain == stems.count { score *= 0.1 } else if plain > 0 { score *= 0.5 }
            ranked.append(Keyphrase(text: key, key: key, score: -score, count: count))
        }
        ranked.sort { $0.score != $1.score ? $0.score < $1.score : $0.key < $1.key }
        // A pair that most uses of its word come in ("verification code" for "code") says more than the word.
        var chosen: [Keyphrase] = []
        for candidate in ranked.prefix(40) {
            if chosen.count >= labelPhrases { break }
            let stems = Set(candidate.key.split(separator: " "))
            let parts = chosen.indices.filter { Set(chosen[$0].key.split(separator: " ")).isSubset(of: stems) }
            if let first = parts.first {
                // "dark mode" replaces both "dark" and "mode" when most of their uses are that pair.
                let overlapsOther = chosen.indices.contains { !parts.contains($0) && !Set(chosen[$0].key.split(separator: " ")).isDisjoint(with: stems) }
                if stems.count > 1, !overlapsOther,
                    Double(candidate.count) >= 0.4 * Double(parts.map { chosen[$0].count }.max()!)
                {
                    chosen[first] = candidate
                    for i in parts.dropFirst().reversed() { chosen.remove(at: i) }
                }
                continue
            }
            if chosen.contains(where: { !Set($0.key.split(separator: " ")).isDisjoint(with: stems) }) { continue }
            chosen.append(candidate)
        }
        // Written forms: the most frequent way the theme's records spell each chosen phrase.
        let wanted = Set(chosen.map { vocabulary.id($0.key)! })
        var spelled: [UInt32: [UInt32: Int]] = [:]
        for m in members {
            for (p, s) in zip(features.phrases[m], features.surfaces[m]) where wanted.contains(p) {
                spelled[p, default: [:]][s, default: 0] += 1
            }
        }
        return chosen.map { phrase in
            let id = vocabulary.id(phrase.key)!
            guard let forms = spelled[id], let best = forms.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })
            else { return phrase.key }
            return vocabulary.strings[Int(best.key)]
        }
    }

    /// The three most central records with different texts: those whose words the theme's model gives the most
    /// probability, per word, preferring texts a reader takes in at a glance (≤ 280 characters).
    private func quotes(positions: [Int], ordered: [Int], docs: [[UInt32]], records: [FeedbackRecord]) -> [Theme.Quote] {
        var counts: [UInt32: Double] = [:]
        var total = 0.0
        for p in positions { for t in docs[p] { counts[t, default: 0] += 1; total += 1 } }
        var distinct: [UInt32] = []
        let scored = positions.map { position -> (score: Double, id: UInt64, index: Int) in
            // Sorted, so that the float sum is the same whatever order the words came in.
            Self.distinct(docs[position][...], into: &distinct)
            let mass = distinct.reduce(0.0) { $0 + (counts[$1] ?? 0) / max(1, total) }
            var score = mass / Double(max(1, distinct.count)).squareRoot()
            let index = ordered[position]
            if Self.isLong(records[index].text) { score *= 0.3 }
            return (score, stableHash(records[index].id.utf8), index)
        }.sorted { (a: (score: Double, id: UInt64, index: Int), b: (score: Double, id: UInt64, index: Int)) -> Bool in
            // Ties (the same text repeated) go by a hash of the id: as deterministic as the id, without comparing
            // strings thousands of times in a theme of repeated texts.
            if a.score != b.score { return a.score > b.score }
            if a.id != b.id { return a.id < b.id }
            return a.index < b.index
        }
        var seen = Set<String>()
        var out: [Theme.Quote] = []
        for (_, _, index) in scored where out.count < 3 {
            let text = records[index].text
            let normal = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
            if seen.insert(normal).inserted { out.append(.init(recordID: records[index].id, text: text)) }
        }
        return out
    }

    /// The distinct ids of `list`, sorted, into a reused buffer (a Set per record was a heap allocation each).
    static func distinct(_ list: ArraySlice<UInt32>, into out: inout [UInt32]) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: list)
        out.sortAndRemoveDuplicates()
    }

    /// Whether a text is over 280 characters; bytes decide first, since counting the characters of a million texts
    /// took seconds (a character is 1 to 4 bytes in UTF-8).
    static func isLong(_ text: String) -> Bool {
        let bytes = text.utf8.count
        if bytes <= 280 { return false }
        if bytes > 4 * 280 { return true }
        return text.count > 280
    }

    /// Sentiment, kinds, versions, dates and rating of the theme's records.
    private func describe(_ theme: inout Theme, members: [Int], records: [FeedbackRecord]) {
        var kindCounts: [FeedbackKind: Int] = [:]
        var versions: [String: Int] = [:]
        var ratings = 0.0
        var rated = 0
        for m in members {
            let record = records[m]
            let compound = record.analysis?.sentiment.compound ?? 0
            if compound >= 0.05 { theme.sentiment.positive += 1 } else if compound <= -0.05 { theme.sentiment.negative += 1 } else { theme.sentiment.neutral += 1 }
            if let kind = record.analysis?.kinds.max(by: { $0.confidence < $1.confidence }) { kindCounts[kind.kind, default: 0] += 1 }
            if let version = record.version { versions[version, default: 0] += 1 }
            if let date = record.date {
                theme.firstSeen = min(theme.firstSeen ?? date, date)
                theme.lastSeen = max(theme.lastSeen ?? date, date)
            }
            if let rating = record.rating { ratings += rating; rated += 1 }
        }
        func top(_ counts: [String: Int], _ n: Int) -> [Theme.Count] {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n).map { .init(name: $0.key, count: $0.value) }
        }
        let kinds = Dictionary(uniqueKeysWithValues: kindCounts.map { ($0.key.rawValue, $0.value) })
        theme.kinds = top(kinds, kinds.count)
        theme.versions = top(versions, 3)
        theme.meanRating = rated > 0 ? ratings / Double(rated) : nil
    }
}

/// Per-thread features with ids into a thread-local string table.
private struct LocalFeatures {
    var ids: [String: UInt32] = [:]
    var strings: [String] = []
    var language: [String] = []
    var terms = PackedLists()
    var phrases = PackedLists()
    var surfaces = PackedLists()
    var capitalised = PackedLists()
    /// Scratch lists reused from record to record.
    private var phraseBuffer: [UInt32] = []
    private var surfaceBuffer: [UInt32] = []
    private var capitalisedBuffer: [UInt32] = []

    mutating func id(_ s: String) -> UInt32 {
        if let id = ids[s] { return id }
        let id = UInt32(strings.count)
        ids[s] = id
        strings.append(s)
        return id
    }

    mutating func add(_ packed: ThemeWords, language: String) {
        self.language.append(language)
        let words = packed.words
        let stems = words.map { id(String(decoding: $0.stem, as: UTF8.self)) }
        let folded = words.map { $0.folded == $0.stem ? nil : id(String(decoding: $0.folded, as: UTF8.self)) }
        terms.append(stems)
        var phrases = phraseBuffer, surfaces = surfaceBuffer, capitalised = capitalisedBuffer
        (phraseBuffer, surfaceBuffer, capitalisedBuffer) = ([], [], [])  // unique, so cleared without a copy
        phrases.removeAll(keepingCapacity: true)
        surfaces.removeAll(keepingCapacity: true)
        capitalised.removeAll(keepingCapacity: true)
        for (i, w) in words.enumerated() {
            phrases.append(stems[i])
            surfaces.append(folded[i] ?? stems[i])
            if w.capitalised { capitalised.append(folded[i] ?? stems[i]) }
            if i + 1 < words.count, !words[i + 1].startsRun, words[i + 1].stem != w.stem {
                phrases.append(id(pair(w.stem, words[i + 1].stem)))
                surfaces.append(id(pair(w.folded, words[i + 1].folded)))
            }
        }
        self.phrases.append(phrases)
        self.surfaces.append(surfaces)
        self.capitalised.append(capitalised)
        (phraseBuffer, surfaceBuffer, capitalisedBuffer) = (phrases, surfaces, capitalised)
    }

    private func pair(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> String {
        String(unsafeUninitializedCapacity: a.count + 1 + b.count) { out in
            var k = 0
            for byte in a { out[k] = byte; k += 1 }
            out[k] = UInt8(ascii: " "); k += 1
            for byte in b { out[k] = byte; k += 1 }
            return k
        }
    }
}

/// Strings numbered in sorted order: the same ids whatever thread saw a string first.
struct SortedVocabulary: Sendable {
    let strings: [String]
    private let ids: [String: UInt32]

    init(_ tables: [[String]]) {
        strings = Array(Set(tables.joined())).sorted()
        var ids: [String: UInt32] = [:]
        ids.reserveCapacity(strings.count)
        for (i, s) in strings.enumerated() { ids[s] = UInt32(i) }
        self.ids = ids
    }

    func id(_ s: String) -> UInt32? { ids[s] }
}

extension Corpus {
    /// How many records fell into no theme.
    public var themeSummary: ThemeSummary {
        ThemeSummary(records: records.count, outliers: records.filter { $0.analysis?.theme == nil }.count)
    }
}
