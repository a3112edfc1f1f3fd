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
        // Content-key order before the features exist, so its sort keys never sit beside them.
        var contentOrdered = contentOrder(corpus.records)
        var features = extract(&corpus.records, order: contentOrdered)
        // Names match by folded form and by stem ("Tunely" is stemmed to "tune").
        let worker = analyzer.makeWorker()
        let names = self.names.union(frequentName(features)).flatMap { name in
            [name] + worker.analyze(name, languageHint: "en").tokens.map(\.stem)
        }
        var isName = [Bool](repeating: false, count: features.vocabulary.strings.count)
        for name in names { if let id = features.vocabulary.id(name) { isName[Int(id)] = true } }
        let nameSet = Set(names)
        var size = [Int](repeating: 0, count: features.languages.count)
        for l in features.language { size[Int(l)] += 1 }
        // Each language's records are themed together; `groupOf` maps a language to the one it is themed with.
        var groupOf = Array(features.languages.indices)
        // Texts too short to tell ("und": "good app", "nice") are themed with the run's main language rather
        // than apart from it, so "fun game" is one theme, not one per detector verdict.
        if let und = features.languages.firstIndex(of: "und"), size[und] > 0,
            let main = features.languages.indices.filter({ $0 != und && size[$0] > 0 })
                .max(by: { size[$0] != size[$1] ? size[$0] < size[$1] : features.languages[$0] > features.languages[$1] })
        {
            groupOf[und] = main
        }
        var groupSize = [Int](repeating: 0, count: features.languages.count)
        for k in features.languages.indices { groupSize[groupOf[k]] += size[k] }
        // Every language's documents first (in sorted order, as `languages` is), so that the term lists and the
        // vocabulary are let go before the clustering and naming allocate.
        let groups = features.languages.indices.filter { groupSize[$0] > 0 }
        var prepared: [LanguageDocuments?] = []
        if groups.count == 1 {
            // One language, the usual run: its documents are the term lists, filtered where they lie.
            prepared.append(
                prepare(
                    features.languages[groups[0]], ordered: contentOrdered, positions: nil, terms: &features.terms,
                    vocabulary: features.vocabulary, isName: isName))
        } else {
            // Each language's positions in content-key order: the run's order, filtered.
            var positionsOf = groupSize.map { n -> [Int] in
                var positions: [Int] = []
                positions.reserveCapacity(n)
                return positions
            }
            for (position, l) in features.language.enumerated() { positionsOf[groupOf[Int(l)]].append(position) }
            for k in groups {
                prepared.append(
                    prepare(
                        features.languages[k], ordered: positionsOf[k].map { contentOrdered[$0] }, positions: positionsOf[k],
                        terms: &features.terms, vocabulary: features.vocabulary, isName: isName))
                positionsOf[k] = []
            }
        }
        contentOrdered = []
        features.terms = ChunkedLists(chunks: [], perChunk: 1)
        // Naming spells phrases from their stems' ids; the table from string to id is no longer needed.
        let stems = features.vocabulary.strings
        features.vocabulary = SortedVocabulary([])
        features.language = []
        var themes: [Theme] = []
        var membersOf: [[Int]] = []
        for k in prepared.indices {
            let documents = prepared[k]!
            prepared[k] = nil
            let found = clusterLanguage(
                documents, records: corpus.records, names: Naming(names: nameSet, isName: isName, stems: stems),
                corpusCount: corpus.records.count)
            for (theme, members) in found {
                themes.append(theme)
                membersOf.append(members)
            }
        }
        // Made once naming is done, so that it is not held while naming is at its peak.
        var themeOf = [Int32](repeating: -1, count: corpus.records.count)
        for (t, members) in membersOf.enumerated() { for m in members { themeOf[m] = Int32(t) } }
        membersOf = []
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
        // On every core, each a run of the records (a million words freed is not free).
        let (finalThemeOf, finalIDOf) = (themeOf, idOf)
        corpus.records.withUnsafeMutableBufferPointer { buffer in
            let shared = DisjointRecords(buffer)
            let count = buffer.count
            let slices = max(1, min(threads, count / 4096 + 1))
            let per = (count + slices - 1) / slices
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                for i in (slice * per)..<min(count, (slice + 1) * per) {
                    let record = shared.buffer.baseAddress! + i
                    // Every record has an analysis by now: `extract` gives one to a record that came without.
                    record.pointee.analysis?.theme = finalThemeOf[i] < 0 ? nil : finalIDOf[Int(finalThemeOf[i])]
                    // The words were kept for naming; nothing after this stage reads them.
                    record.pointee.analysis?.themeWords = nil
                }
            }
        }
    }

    // MARK: features

    /// What the theme stage keeps of each record; term ids index one vocabulary of stems sorted by string.
    /// Label candidates are not kept: they are read again from the records' packed words when themes are named,
    /// which holds only the theme being named rather than every record's phrases.
    struct Features {
        var vocabulary: SortedVocabulary
        /// The languages of the run, sorted; `language[p]` indexes it.
        var languages: [String]
        /// By position in content-key order, as are `terms`.
        var language: [UInt32]
        /// Stems of content words, in text order (the clustering terms).
        var terms: ChunkedLists
        /// How many records write each word with a capital mid-sentence (names), by folded form.
        var capitalised: [String: Int]
    }

    /// The features of every record, in parallel, by position in `order`. Words packed by the per-record stage
    /// are read, not re-analysed (the same words: that stage analysed the same text in the language it settled on);
    /// a record without them is analysed here and given them, since naming reads them again. They are dropped
    /// when the stage ends.
    ///
    /// Records are read in record order, where they lie in memory, each list written straight to its place in
    /// content order: visiting them in content order missed the cache on nearly every record.
    func extract(_ records: inout [FeedbackRecord], order: [Int]) -> Features {
        let count = records.count
        let slices = max(1, min(threads, count / 512 + 1))
        let per = (count + slices - 1) / max(1, slices)
        let parts = UnsafeSlots<LocalFeatures?>(count: slices, initial: nil)
        // A record analysed here may be themed in another language than its analysis says ("und" kept there).
        let otherLanguage = UnsafeSlots<[Int: String]>(count: slices, initial: [:])
        var wordCount = [UInt32](repeating: 0, count: count)
        var positionOf = [Int32](repeating: 0, count: count)
        var starts = [UInt32](repeating: 0, count: count + 1)
        var values: [UInt32] = []
        var language = [UInt32](repeating: 0, count: count)
        records.withUnsafeMutableBufferPointer { buffer in
            let shared = DisjointRecords(buffer)
            // Every record's words (analysed where missing) and their number.
            wordCount.withUnsafeMutableBufferPointer { counts in
                let out = UnsafeSendableBuffer(counts)
                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                    var worker: TextAnalyzerWorker?
                    var languages: [Int: String] = [:]
                    for i in (slice * per)..<min(count, (slice + 1) * per) {
                        let record = shared.buffer.baseAddress! + i
                        if let words = record.pointee.analysis?.themeWords {
                            out.buffer[i] = UInt32(words.wordCount)
                            continue
                        }
                        // Field by field: `analysis.map(\.language)` copied the whole analysis.
                        let analysed = record.pointee.analysis?.language
                        let known = analysed == "und" ? nil : analysed
                        if worker == nil { worker = analyzer.makeWorker() }
                        let analyzed = worker!.analyze(record.pointee.text, languageHint: known ?? record.pointee.language)
                        let language = known ?? analyzed.language
                        let words = ThemeWords(analyzed.contentWords())
                        if record.pointee.analysis == nil { record.pointee.analysis = Analysis(language: language) }
                        record.pointee.analysis!.themeWords = words
                        if record.pointee.analysis!.language != language { languages[i] = language }
                        out.buffer[i] = UInt32(words.wordCount)
                    }
                    otherLanguage[slice] = languages
                }
            }
            // Where each record's list goes: offsets in content order.
            for (position, i) in order.enumerated() {
                positionOf[i] = Int32(position)
                let end = Int(starts[position]) + Int(wordCount[i])
                precondition(end <= Int(UInt32.max), "more ids than 32-bit offsets address")
                starts[position + 1] = UInt32(end)
            }
            wordCount = []
            values = [UInt32](repeating: 0, count: Int(starts[count]))
            let (positions, offsets) = (positionOf, starts)
            values.withUnsafeMutableBufferPointer { valueBuffer in
                language.withUnsafeMutableBufferPointer { languageBuffer in
                    let (valueOut, languageOut) = (UnsafeSendableBuffer(valueBuffer), UnsafeSendableBuffer(languageBuffer))
                    DispatchQueue.concurrentPerform(iterations: slices) { slice in
                        var local = LocalFeatures()
                        let languages = otherLanguage[slice]
                        for i in (slice * per)..<min(count, (slice + 1) * per) {
                            let record = shared.buffer.baseAddress! + i
                            let position = Int(positions[i])
                            let words = record.pointee.analysis!.themeWords!
                            let name = languages[i] ?? record.pointee.analysis!.language
                            languageOut.buffer[position] = local.add(
                                words, language: name, into: valueOut.buffer.baseAddress! + Int(offsets[position]))
                        }
                        parts[slice] = local
                    }
                }
            }
        }
        positionOf = []
        var locals: [LocalFeatures] = []
        for slice in 0..<slices {
            locals.append(parts[slice]!)
            parts[slice] = nil
        }
        // Only the stems' texts are read from here on: their tables by bytes go before the vocabulary is built.
        let (vocabulary, remaps) = SortedVocabulary.numbering(locals.indices.map { locals[$0].takeStrings() })
        let languages = Array(Set(locals.flatMap(\.languages))).sorted()
        let languageID = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($0.element, UInt32($0.offset)) })
        // Each list's slice-local ids to the run's, in place, by the slice that read its record.
        let languageRemaps = locals.map { local in local.languages.map { languageID[$0]! } }
        let offsets = starts
        values.withUnsafeMutableBufferPointer { valueBuffer in
            language.withUnsafeMutableBufferPointer { languageBuffer in
                let (valueOut, languageOut) = (UnsafeSendableBuffer(valueBuffer), UnsafeSendableBuffer(languageBuffer))
                let runs = max(1, min(threads, count / 4096 + 1))
                let run = (count + runs - 1) / runs
                DispatchQueue.concurrentPerform(iterations: runs) { r in
                    for position in (r * run)..<min(count, (r + 1) * run) {
                        let slice = order[position] / per
                        let remap = remaps[slice]
                        for k in Int(offsets[position])..<Int(offsets[position + 1]) {
                            let value = valueOut.buffer[k]
                            valueOut.buffer[k] = remap[Int(value & TermMarks.id)] | (value & ~TermMarks.id)
                        }
                        languageOut.buffer[position] = languageRemaps[slice][Int(languageOut.buffer[position])]
                    }
                }
            }
        }
        var capitalised: [String: Int] = [:]
        for local in locals {
            for (form, n) in zip(local.capitalisedForms, local.capitalisedCounts) { capitalised[form, default: 0] += n }
        }
        return Features(
            vocabulary: vocabulary, languages: languages, language: language,
            terms: ChunkedLists(PackedLists(values: values, starts: starts)), capitalised: capitalised)
    }

    /// The most frequent capitalised content word when it is capitalised in at least 2 % of records: in a dump of
    /// one app's reviews that is the app's name, which says nothing about what a theme is about.
    func frequentName(_ features: Features) -> Set<String> {
        // Ties go to the first form in string order.
        guard let (form, count) = features.capitalised.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
            count >= 3, Double(count) >= 0.02 * Double(features.language.count)
        else { return [] }
        return [form]
    }

    // MARK: clustering

    /// One language's records as the mixture reads them.
    struct LanguageDocuments {
        var language: String
        var memberCount: Int
        /// Record indices in content-key order; position `p` of `documents` is record `ordered[p]`.
        var ordered: [Int]
        /// Term ids local to the language (`0..<vocabularySize`), in text order and marked (`TermMarks`); names
        /// and, unless a record has nothing else, boilerplate are marked dropped and keep their run-wide id.
        var documents: ChunkedLists
        /// The run-wide id of each local id.
        var globalOf: [UInt32]
        var vocabularySize: Int { globalOf.count }
    }

    /// Record indices sorted by content key: stable hash of the text, then of the id, then index.
    ///
    /// The sampler sees records in the same order whatever order they came in. Equal texts (feedback repeats
    /// itself) are ordered by id; both as 64-bit hashes, so sorting a million compares integers, not strings.
    /// Records equal in both are interchangeable.
    func contentOrder(_ records: [FeedbackRecord]) -> [Int] {
        var keyed = [(text: UInt64, id: UInt64, index: Int)](repeating: (0, 0, 0), count: records.count)
        keyed.withUnsafeMutableBufferPointer { keys in
            records.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                let shared = UnsafeSendableBuffer(keys)
                let records = RecordsInPlace(base: base)
                let count = buffer.count
                let slices = max(1, min(threads, count / 4096 + 1))
                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                    var i = slice
                    while i < count {
                        shared.buffer[i] = (stableHash(records[i].text.utf8), FeedbackRecord.idHash(at: records.base + i), i)
                        i += slices
                    }
                }
            }
        }
        @Sendable func less(_ a: (text: UInt64, id: UInt64, index: Int), _ b: (text: UInt64, id: UInt64, index: Int)) -> Bool {
            if a.text != b.text { return a.text < b.text }
            if a.id != b.id { return a.id < b.id }
            return a.index < b.index
        }
        // Two halves sorted on two cores, then merged: the order is total (indices differ), so the result is the
        // one sort of the whole gives.
        let count = keyed.count
        guard threads > 1, count >= 1 << 16 else {
            keyed.sort(by: less)
            return keyed.map(\.index)
        }
        let middle = count / 2
        keyed.withUnsafeMutableBufferPointer { keys in
            let shared = UnsafeSendableBuffer(keys)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                var part = UnsafeMutableBufferPointer(rebasing: shared.buffer[half == 0 ? 0..<middle : middle..<count])
                part.sort(by: less)
            }
        }
        var order: [Int] = []
        order.reserveCapacity(count)
        var a = 0, b = middle
        while a < middle && b < count {
            if less(keyed[b], keyed[a]) { order.append(keyed[b].index); b += 1 } else { order.append(keyed[a].index); a += 1 }
        }
        while a < middle { order.append(keyed[a].index); a += 1 }
        while b < count { order.append(keyed[b].index); b += 1 }
        return order
    }

    /// A language's documents: from the term lists at `positions`, or, when `positions` is nil (the run has one
    /// language), from all of them, rewritten in place and taken out of `terms`.
    private func prepare(
        _ language: String, ordered: [Int], positions: [Int]?, terms: inout ChunkedLists, vocabulary: SortedVocabulary,
        isName: [Bool]
    ) -> LanguageDocuments {
        // Words that name no theme ("app", "please", "hey devs", "reinstalled", "weeks ago") are said alongside
        // every problem: left in, they pull different problems into one cluster. A record of nothing else keeps them.
        var plainWord = [Int8](repeating: -1, count: vocabulary.strings.count)
        func isPlain(_ id: UInt32) -> Bool {
            let known = plainWord[Int(id)]
            if known >= 0 { return known == 1 }
            let plain = boilerplate.contains(vocabulary.strings[Int(id)], language: language)
            plainWord[Int(id)] = plain ? 1 : 0
            return plain
        }
        // Local ids in order of first use, so the mixture's tables hold only this language's words.
        var local = [UInt32](repeating: .max, count: vocabulary.strings.count)
        var globalOf: [UInt32] = []
        // Every word stays, in text order, for naming: the ones the mixture does not read are marked dropped and
        // keep their run-wide id.
        func document(_ all: ArraySlice<UInt32>, _ doc: inout [UInt32]) {
            let dropPlain = all.contains { !isPlain($0 & TermMarks.id) && !isName[Int($0 & TermMarks.id)] }
            for value in all {
                let id = value & TermMarks.id, marks = value & ~TermMarks.id
                if isName[Int(id)] || (dropPlain && isPlain(id)) {
                    doc.append(id | marks | TermMarks.dropped)
                    continue
                }
                if local[Int(id)] == .max {
                    local[Int(id)] = UInt32(globalOf.count)
                    globalOf.append(id)
                }
                doc.append(local[Int(id)] | marks)
            }
        }
        let documents: ChunkedLists
        if let positions {
            var packed = PackedLists()
            packed.reserve(lists: positions.count, values: positions.reduce(0) { $0 + terms.count($1) })
            var doc: [UInt32] = []
            for p in positions {
                doc.removeAll(keepingCapacity: true)
                document(terms[p], &doc)
                packed.append(doc)
            }
            documents = ChunkedLists(packed)
        } else {
            var lists = terms
            terms = ChunkedLists(chunks: [], perChunk: 1)  // `lists` is then the only reference: no copy
            // The words to drop are marked on every core (each list on its own); the local ids, numbered in order
            // of first use, then on one.
            let stems = vocabulary.strings
            let plain = UnsafeSlots<Bool>(count: max(1, stems.count), initial: false)
            let stemSlices = max(1, min(threads, stems.count / 4096 + 1))
            let stemsPer = (stems.count + stemSlices - 1) / stemSlices
            DispatchQueue.concurrentPerform(iterations: stemSlices) { slice in
                for id in (slice * stemsPer)..<min(stems.count, (slice + 1) * stemsPer) {
                    plain[id] = boilerplate.contains(stems[id], language: language)
                }
            }
            lists.updateChunks { chunk in
                chunk.withUnsafeMutableValues { values, starts in
                    let shared = UnsafeSendableBuffer(values)
                    let count = starts.count - 1
                    let slices = max(1, min(threads, count / 4096 + 1))
                    let per = (count + slices - 1) / slices
                    DispatchQueue.concurrentPerform(iterations: slices) { slice in
                        let v = shared.buffer
                        for i in (slice * per)..<min(count, (slice + 1) * per) {
                            let words = Int(starts[i])..<Int(starts[i + 1])
                            let dropPlain = words.contains { k in
                                let id = Int(v[k] & TermMarks.id)
                                return !plain[id] && !isName[id]
                            }
                            for k in words {
                                let id = Int(v[k] & TermMarks.id)
                                if isName[id] || (dropPlain && plain[id]) { v[k] |= TermMarks.dropped }
                            }
                        }
                    }
                    for k in values.indices where values[k] & TermMarks.dropped == 0 {
                        let id = Int(values[k] & TermMarks.id)
                        if local[id] == .max {
                            local[id] = UInt32(globalOf.count)
                            globalOf.append(UInt32(id))
                        }
                        values[k] = local[id] | (values[k] & ~TermMarks.id)
                    }
                }
            }
            documents = lists
        }
        return LanguageDocuments(
            language: language, memberCount: ordered.count, ordered: ordered, documents: documents, globalOf: globalOf)
    }

    /// What naming needs to know of stems beyond the documents: their text, and which are names.
    struct Naming {
        var names: Set<String>
        /// By run-wide stem id.
        var isName: [Bool]
        var stems: [String]
        /// Whether a name holds a space, so that a pair of stems can be one.
        var pairsCanBeNames: Bool

        init(names: Set<String>, isName: [Bool], stems: [String]) {
            self.names = names
            self.isName = isName
            self.stems = stems
            pairsCanBeNames = names.contains { $0.utf8.contains(UInt8(ascii: " ")) }
        }

        /// The text of a phrase key: its stems joined by a space.
        func text(_ key: UInt64) -> String {
            let (first, second) = PhraseCounts.stems(key)
            guard let second else { return stems[Int(first)] }
            return stems[Int(first)] + " " + stems[Int(second)]
        }
    }

    private func clusterLanguage(
        _ prepared: LanguageDocuments, records: [FeedbackRecord], names: Naming, corpusCount: Int
    ) -> [(Theme, [Int])] {
        let docs = prepared.documents
        let minimum = max(minimumThemeSize, Int((minimumThemeShare * Double(prepared.memberCount)).rounded(.up)))
        let clusters = fittedClusters(docs, vocabularySize: prepared.vocabularySize, minimum: minimum)
        let groups = splittingCatchAlls(
            merged(clusters, docs: docs), docs: docs, languageCount: prepared.memberCount, minimum: minimum)
        return records.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return makeThemes(
                language: prepared.language, groups: groups, ordered: prepared.ordered, docs: docs,
                globalOf: prepared.globalOf, records: RecordsInPlace(base: base), names: names, corpusCount: corpusCount)
        }
    }

    /// The mixture's clusters of at least `minimum` records, as positions in `docs`, with the records of smaller
    /// ones moved to the kept cluster that explains each best. The fitted model is let go on return, before the
    /// clusters are merged and named.
    private func fittedClusters(_ docs: ChunkedLists, vocabularySize: Int, minimum: Int) -> [[Int]] {
        var assignments: [Int32]
        let model: DirichletMixture.Model
        (assignments, model) = mixture.clusterPacked(docs, vocabularySize: max(1, vocabularySize), threads: threads)
        var size = [Int](repeating: 0, count: model.clusterCount)
        for z in assignments where z >= 0 { size[Int(z)] += 1 }
        let kept = (0..<model.clusterCount).filter { size[$0] >= minimum }
        var isKept = [Bool](repeating: false, count: model.clusterCount)
        for z in kept { isKept[z] = true }
        // Records of clusters too small: the kept cluster that explains each best, on every core.
        let moved = assignments.indices.filter { assignments[$0] >= 0 && !isKept[Int(assignments[$0])] }
        let bestOf = UnsafeSlots<Int32>(count: max(1, moved.count), initial: -1)
        let slices = max(1, min(threads, moved.count / 256 + 1))
        let per = (moved.count + slices - 1) / slices
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var terms: [UInt32] = []
            for k in (slice * per)..<min(moved.count, (slice + 1) * per) {
                docs.kept(moved[k], into: &terms)
                bestOf[k] = Int32(bestKept(terms[...], model: model, kept: kept) ?? -1)
            }
        }
        var memberOf = [[Int]](repeating: [], count: model.clusterCount)  // cluster → positions in `ordered`
        var next = 0
        for (position, z) in assignments.enumerated() {
            guard z >= 0 else { continue }
            if isKept[Int(z)] {
                memberOf[Int(z)].append(position)
                continue
            }
            let best = bestOf[next]
            next += 1
            if best >= 0 { memberOf[Int(best)].append(position) }
        }
        assignments = []
        let clusters = kept.compactMap { memberOf[$0].isEmpty ? nil : memberOf[$0] }
        memberOf = []  // `clusters` then holds the only reference to each list: merging extends them in place
        return clusters
    }

    /// Clusters whose word distributions point the same way (cosine ≥ `mergeSimilarity`) joined, most similar
    /// pair first: the mixture splits one complaint when its records are few or worded two ways ("battery
    /// drain · phone hot" and "battery dies · overheating").
    func merged(_ groups: [[Int]], docs: ChunkedLists) -> [[Int]] {
        var groups = groups
        // Term counts as sorted sparse vectors, compared through one dense scratch row. Counts are whole numbers
        // far below 2^53, so every dot product and norm is exact whatever order it is summed in.
        // Each group's vector, and then each row of the similarity table, on every core.
        let built = UnsafeSlots<SparseCounts?>(count: groups.count, initial: nil)
        let lists = groups
        DispatchQueue.concurrentPerform(iterations: groups.count) { g in
            var dense: [Double] = []
            var terms: [UInt32] = []
            var touched: [UInt32] = []
            for p in lists[g] {
                docs.kept(p, into: &terms)
                for t in terms {
                    if Int(t) >= dense.count { dense += [Double](repeating: 0, count: Int(t) + 1 - dense.count) }
                    if dense[Int(t)] == 0 { touched.append(t) }
                    dense[Int(t)] += 1
                }
            }
            touched.sort()
            built[g] = SparseCounts(terms: touched, counts: touched.map { dense[Int($0)] })
        }
        var vectors = groups.indices.map { built[$0]! }
        @Sendable func similarities(of a: SparseCounts, to others: [SparseCounts], dense: inout [Double]) -> [Double] {
            if let last = a.terms.last, Int(last) >= dense.count { dense += [Double](repeating: 0, count: Int(last) + 1 - dense.count) }
            for (t, c) in zip(a.terms, a.counts) { dense[Int(t)] = c }
            defer { for t in a.terms { dense[Int(t)] = 0 } }
            return others.map { b in
                var dot = 0.0
                for (t, c) in zip(b.terms, b.counts) where Int(t) < dense.count { dot += dense[Int(t)] * c }
                let n = a.norm * b.norm
                return n == 0 ? 0 : dot / n
            }
        }
        var alive = [Bool](repeating: true, count: groups.count)
        let rows = UnsafeSlots<[Double]>(count: groups.count, initial: [])
        let initial = vectors
        DispatchQueue.concurrentPerform(iterations: groups.count) { i in
            var dense: [Double] = []
            rows[i] = [Double](repeating: 0, count: i + 1) + similarities(of: initial[i], to: Array(initial[(i + 1)...]), dense: &dense)
        }
        var similarity = groups.indices.map { rows[$0] }
        var dense: [Double] = []
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
            vectors[i] = vectors[i].adding(vectors[j])
            alive[j] = false
            groups[j] = []
            let others = groups.indices.filter { alive[$0] && $0 != i }
            for (k, value) in zip(others, similarities(of: vectors[i], to: others.map { vectors[$0] }, dense: &dense)) {
                if k < i { similarity[k][i] = value } else { similarity[i][k] = value }
            }
        }
        return groups.indices.filter { alive[$0] }.map { i in
            var group = groups[i]
            groups[i] = []  // unique, so sorted in place
            group.sort()
            return group
        }
    }

    /// The kept cluster that explains `doc` best, if it shares at least one word with it.
    func bestKept(_ doc: ArraySlice<UInt32>, model: DirichletMixture.Model, kept: [Int]) -> Int? {
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
        language: String, groups: [[Int]], ordered: [Int], docs: ChunkedLists, globalOf: [UInt32], records: RecordsInPlace,
        names: Naming, corpusCount: Int
    ) -> [(Theme, [Int])] {
        // c-TF-IDF over phrases, counted once per record: frequent in the theme, rare in the other themes.
        // Each theme's phrases are counted by stem ids from its term lists, on its own core.
        // Counted in a table, kept sorted: every theme's counts are held until all are named, and their sum.
        let counted = UnsafeSlots<SortedPhraseCounts>(count: groups.count, initial: SortedPhraseCounts())
        DispatchQueue.concurrentPerform(iterations: groups.count) { c in
            var counts = PhraseCounts()
            var keys: [UInt64] = []
            for position in groups[c] {
                docs.phrases(position, globalOf: globalOf, into: &keys)
                for key in keys { counts.add(key) }
            }
            counted[c] = SortedPhraseCounts(counts)
        }
        let overall = SortedPhraseCounts(summing: groups.indices.map { counted[$0] })
        let average = Double(groups.reduce(0) { $0 + $1.count }) / Double(max(1, groups.count))
        // Themes are named and described independently of each other: on every core, each into its own slot.
        let slots = UnsafeSlots<(Theme, [Int])?>(count: groups.count, initial: nil)
        let overallCounts = overall
        let chosen = UnsafeSlots<[Keyphrase]>(count: groups.count, initial: [])
        DispatchQueue.concurrentPerform(iterations: groups.count) { c in
            let counts = counted[c]
            chosen[c] = labelPhrases(
                counts: counts, overall: overallCounts, average: average, size: groups[c].count, language: language, names: names)
            var theme = Theme(
                id: 0, language: language, label: [], size: groups[c].count,
                share: Double(groups[c].count) / Double(max(1, corpusCount)), quotes: [],
                sentiment: .init(), kinds: [], versions: [], firstSeen: nil, lastSeen: nil, meanRating: nil)
            theme.terms = characteristicTerms(counts, size: groups[c].count, names: names, language: language)
            counted[c] = SortedPhraseCounts()
            slots[c] = (theme, [])
        }
        // What is read from the records themselves (spellings of the chosen phrases, sentiment, kinds, versions,
        // dates, ratings, text lengths) is read in one pass in record order, where the records lie in memory:
        // theme by theme, in content order, every read was a cache miss.
        let tallies = tally(groups: groups, ordered: ordered, chosen: chosen, records: records, corpusCount: corpusCount)
        DispatchQueue.concurrentPerform(iterations: groups.count) { c in
            let positions = groups[c]
            let recordIndices = positions.map { ordered[$0] }
            var theme = slots[c]!.0
            theme.label = spellings(of: chosen[c], theme: c, tallies: tallies)
            theme.quotes = quotes(
                positions: positions, ordered: ordered, docs: docs, vocabularySize: globalOf.count, records: records,
                isLong: tallies.isLong)
            describe(&theme, theme: c, members: recordIndices, tallies: tallies, records: records)
            slots[c] = (theme, recordIndices)
        }
        return (0..<groups.count).map { slots[$0]! }
    }

    /// What the records of each theme hold beyond their words, counted per theme.
    struct ThemeTally {
        var positive = 0, neutral = 0, negative = 0
        /// By position in `FeedbackKind.allCases`.
        var kinds = [Int](repeating: 0, count: FeedbackKind.allCases.count)
        var versions: [String: Int] = [:]
        var first: Double?, last: Double?
        var ratingSum = 0.0
        var rated = 0
        /// Whether every rating is a whole number (then any order of summing them gives the same sum).
        var wholeRatings = true
        /// How often each written form spells each chosen phrase.
        var spelled: [[String: Int]] = []

        mutating func add(_ other: ThemeTally) {
            positive += other.positive; neutral += other.neutral; negative += other.negative
            for k in kinds.indices { kinds[k] += other.kinds[k] }
            for (version, n) in other.versions { versions[version, default: 0] += n }
            if let f = other.first { first = min(first ?? f, f) }
            if let l = other.last { last = max(last ?? l, l) }
            ratingSum += other.ratingSum
            rated += other.rated
            wholeRatings = wholeRatings && other.wholeRatings
            if spelled.count < other.spelled.count { spelled += Array(repeating: [:], count: other.spelled.count - spelled.count) }
            for (k, forms) in other.spelled.enumerated() { for (form, n) in forms { spelled[k][form, default: 0] += n } }
        }
    }

    struct Tallies {
        var themes: [ThemeTally]
        /// By record index: whether its text is over 280 characters (records in no theme: false).
        var isLong: [Bool]
    }

    /// Every member record read once, in record order, on every core.
    private func tally(
        groups: [[Int]], ordered: [Int], chosen: UnsafeSlots<[Keyphrase]>, records: RecordsInPlace, corpusCount: Int
    ) -> Tallies {
        var themeIndex = [Int32](repeating: -1, count: corpusCount)
        for (c, positions) in groups.enumerated() { for p in positions { themeIndex[ordered[p]] = Int32(c) } }
        let themeOf = themeIndex
        themeIndex = []
        let matchers = groups.indices.map { chosen[$0].map { PhraseMatcher($0.key) } }
        let slices = max(1, min(threads, corpusCount / 4096 + 1))
        let per = (corpusCount + slices - 1) / slices
        let parts = UnsafeSlots<[ThemeTally]>(count: slices, initial: [])
        var isLong = [Bool](repeating: false, count: corpusCount)
        let allKinds = FeedbackKind.allCases
        isLong.withUnsafeMutableBufferPointer { isLongBuffer in
            let isLongOut = UnsafeSendableBuffer(isLongBuffer)
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                var part = groups.indices.map { c in
                    var t = ThemeTally()
                    t.spelled = Array(repeating: [:], count: matchers[c].count)
                    return t
                }
                for m in (slice * per)..<min(corpusCount, (slice + 1) * per) {
                    let c = Int(themeOf[m])
                    guard c >= 0 else { continue }
                    let record = records.base + m
                    isLongOut.buffer[m] = Self.isLong(record.pointee.text)
                    // Field by field: a copy of the whole record retains every one of its strings and arrays.
                    let compound = record.pointee.analysis?.sentiment.compound ?? 0
                    if compound >= 0.05 { part[c].positive += 1 } else if compound <= -0.05 { part[c].negative += 1 } else { part[c].neutral += 1 }
                    if let kind = record.pointee.analysis?.kinds.max(by: { $0.confidence < $1.confidence }) {
                        part[c].kinds[allKinds.firstIndex(of: kind.kind)!] += 1
                    }
                    if let version = record.pointee.version { part[c].versions[version, default: 0] += 1 }
                    let (seconds, rating) = FeedbackRecord.dateSecondsAndRating(at: record)
                    if let seconds {
                        part[c].first = min(part[c].first ?? seconds, seconds)
                        part[c].last = max(part[c].last ?? seconds, seconds)
                    }
                    if let rating {
                        part[c].ratingSum += rating
                        part[c].rated += 1
                        if rating.rounded(.towardZero) != rating || abs(rating) > 1e9 { part[c].wholeRatings = false }
                    }
                    let wanted = matchers[c]
                    if !wanted.isEmpty {
                        record.pointee.analysis?.themeWords?.forEachPhrase { first, second, firstFolded, secondFolded in
                            for (k, phrase) in wanted.enumerated() where phrase.matches(first, second) {
                                part[c].spelled[k][ThemeWords.phrase(firstFolded, secondFolded), default: 0] += 1
                            }
                        }
                    }
                }
                parts[slice] = part
            }
        }
        var themes = parts[0]
        for slice in 1..<slices { for c in themes.indices { themes[c].add(parts[slice][c]) } }
        return Tallies(themes: themes, isLong: isLong)
    }

    /// The chosen phrases as the theme's records most often spell them.
    private func spellings(of chosen: [Keyphrase], theme c: Int, tallies: Tallies) -> [String] {
        chosen.enumerated().map { k, phrase in
            // Ties go to the first form in string order.
            let forms = tallies.themes[c].spelled[k]
            guard let best = forms.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return phrase.key }
            return best.key
        }
    }

    /// The theme's most frequent phrases (in at least 2 records, or all of a tiny theme), at most 25, with the
    /// share of its records that contain each; names such as the app's own are left out.
    private func characteristicTerms(_ counts: SortedPhraseCounts, size: Int, names: Naming, language: String) -> [String: Double] {
        let floor = min(2, size)
        // Boilerplate ("app", "please") names no theme; a pair is kept unless both its words are boilerplate.
        func isExcluded(_ key: UInt64) -> Bool {
            let (first, second) = PhraseCounts.stems(key)
            if let second {
                if names.pairsCanBeNames && names.names.contains(names.text(key)) { return true }
                return boilerplate.contains(names.stems[Int(first)], language: language)
                    && boilerplate.contains(names.stems[Int(second)], language: language)
            }
            return names.isName[Int(first)] || boilerplate.contains(names.stems[Int(first)], language: language)
        }
        // Most frequent first, by count alone; the phrases' texts are made only for the counts that can make the 25.
        var candidates: [(key: UInt64, count: Int)] = []
        counts.forEach { key, count in if count >= floor { candidates.append((key, count)) } }
        candidates.sort { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
        var ranked: [(text: String, count: Int)] = []
        var start = 0
        while start < candidates.count && ranked.count < 25 {
            var end = start + 1
            while end < candidates.count && candidates[end].count == candidates[start].count { end += 1 }
            for k in start..<end where !isExcluded(candidates[k].key) { ranked.append((names.text(candidates[k].key), candidates[k].count)) }
            start = end
        }
        ranked.sort { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }
        var terms: [String: Double] = [:]
        for (key, count) in ranked.prefix(25) { terms[key] = Double(count) / Double(max(1, size)) }
        return terms
    }

    /// The label's phrases (by c-TF-IDF, pairs preferred to the words they join), at most `labelPhrases`.
    private func labelPhrases(
        counts: SortedPhraseCounts, overall: SortedPhraseCounts, average: Double, size: Int, language: String, names: Naming
    ) -> [Keyphrase] {
        // A label phrase is said by a noticeable part of the theme, not by one long review in it.
        let preferredFloor = size >= 6 ? max(2, Int((0.03 * Double(size)).rounded(.up))) : 1
        // A theme held together by words no phrase repeats often enough still gets a name.
        var reachesPreferred = false
        counts.forEach { _, count in if count >= preferredFloor { reachesPreferred = true } }
        let floor = reachesPreferred ? preferredFloor : 1
        // The best 40 by (score, key), kept in order as the candidates come: in a theme of words seen once each
        // (spam, random strings) every phrase is a candidate, and their texts need not all exist at once. The
        // order is total (keys differ), so these are the first 40 of all the candidates sorted.
        var ranked: [Keyphrase] = []
        func ranksBefore(_ a: Keyphrase, _ b: Keyphrase) -> Bool { a.score != b.score ? a.score < b.score : a.key < b.key }
        // Keys come in increasing order, so their overall counts are found in one pass over `overall`.
        var cursor = 0
        counts.forEach { id, count in
            guard count >= floor else { return }
            let (first, second) = PhraseCounts.stems(id)
            let stems = second.map { [first, $0] } ?? [first]
            if stems.contains(where: { names.isName[Int($0)] }) { return }
            let all = overall.count(of: id, from: &cursor)
            var score = Double(count) / Double(size) * Foundation.log(1 + average / Double(all))
            let plain = stems.filter { boilerplate.contains(names.stems[Int($0)], language: language) }.count
            if plain == stems.count { score *= 0.1 } else if plain > 0 { score *= 0.5 }
            if ranked.count == 40 && -score > ranked[39].score { return }
            let key = names.text(id)
            let candidate = Keyphrase(text: key, key: key, score: -score, count: count)
            if ranked.count == 40 {
                guard ranksBefore(candidate, ranked[39]) else { return }
                ranked.removeLast()
            }
            ranked.insert(candidate, at: ranked.firstIndex { ranksBefore(candidate, $0) } ?? ranked.count)
        }
        // A pair that most uses of its word come in ("verification code" for "code") says more than the word.
        var chosen: [Keyphrase] = []
        for candidate in ranked {
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
        return chosen
    }

    /// The three most central records with different texts: those whose words the theme's model gives the most
    /// probability, per word, preferring texts a reader takes in at a glance (≤ 280 characters).
    private func quotes(
        positions: [Int], ordered: [Int], docs: ChunkedLists, vocabularySize: Int, records: RecordsInPlace, isLong: [Bool]
    ) -> [Theme.Quote] {
        var counts = [Double](repeating: 0, count: max(1, vocabularySize))
        var total = 0.0
        var terms: [UInt32] = []
        for p in positions {
            docs.kept(p, into: &terms)
            for t in terms { counts[Int(t)] += 1; total += 1 }
        }
        var distinct: [UInt32] = []
        var scored = positions.map { position -> (score: Double, index: Int) in
            // Sorted, so that the float sum is the same whatever order the words came in.
            docs.kept(position, into: &terms)
            Self.distinct(terms[...], into: &distinct)
            let mass = distinct.reduce(0.0) { $0 + counts[Int($1)] / max(1, total) }
            var score = mass / Double(max(1, distinct.count)).squareRoot()
            let index = ordered[position]
            if isLong[index] { score *= 0.3 }
            return (score, index)
        }
        counts = []
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        var seen = Set<String>()
        var out: [Theme.Quote] = []
        // Ties (the same text repeated) go by a hash of the id: as deterministic as the id, without comparing
        // strings thousands of times in a theme of repeated texts. Only the tied runs read are hashed.
        var start = 0
        while start < scored.count && out.count < 3 {
            var end = start + 1
            while end < scored.count && scored[end].score == scored[start].score { end += 1 }
            var tied = scored[start..<end].map { (id: FeedbackRecord.idHash(at: records.base + $0.index), index: $0.index) }
            if tied.count > 1 { tied.sort { $0.id != $1.id ? $0.id < $1.id : $0.index < $1.index } }
            for (_, index) in tied where out.count < 3 {
                let text = records[index].text
                let normal = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
                if seen.insert(normal).inserted { out.append(.init(recordID: records[index].id, text: text)) }
            }
            start = end
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

    /// Sentiment, kinds, versions, dates and rating of the theme's records, from their tally.
    private func describe(_ theme: inout Theme, theme c: Int, members: [Int], tallies: Tallies, records: RecordsInPlace) {
        let tally = tallies.themes[c]
        theme.sentiment = .init(positive: tally.positive, neutral: tally.neutral, negative: tally.negative)
        func top(_ counts: [String: Int], _ n: Int) -> [Theme.Count] {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n).map { .init(name: $0.key, count: $0.value) }
        }
        let allKinds = FeedbackKind.allCases
        let kinds = Dictionary(uniqueKeysWithValues: allKinds.indices.filter { tally.kinds[$0] > 0 }.map { (allKinds[$0].rawValue, tally.kinds[$0]) })
        theme.kinds = top(kinds, kinds.count)
        theme.versions = top(tally.versions, 3)
        var ratings = tally.ratingSum
        if !tally.wholeRatings {
            // Fractional ratings: summed in member order, as a float sum depends on its order.
            ratings = 0
            for m in members { if let rating = FeedbackRecord.dateSecondsAndRating(at: records.base + m).rating { ratings += rating } }
        }
        theme.meanRating = tally.rated > 0 ? ratings / Double(tally.rated) : nil
        theme.firstSeen = tally.first.map { Date(timeIntervalSinceReferenceDate: $0) }
        theme.lastSeen = tally.last.map { Date(timeIntervalSinceReferenceDate: $0) }
    }
}

/// Per-thread features with ids into thread-local string tables.
private struct LocalFeatures {
    /// Stems numbered by their bytes; `strings` are the stems by id.
    var ids = PhraseIDs()
    var languageIDs: [String: UInt32] = [:]
    var languages: [String] = []
    /// Capitalised words by folded form, with the number of records that write each so.
    var capitalisedIDs = PhraseIDs()
    var capitalisedForms: [String] { capitalisedIDs.keys }
    var capitalisedCounts: [Int] = []
    /// Scratch list reused from record to record.
    private var capitalised: [Int] = []

    /// Writes the record's stem ids (marked, `TermMarks`) to `out`, one per packed word, and returns the id of
    /// its language.
    mutating func add(_ packed: ThemeWords, language: String, into out: UnsafeMutablePointer<UInt32>) -> UInt32 {
        let languageID: UInt32
        if let id = languageIDs[language] {
            languageID = id
        } else {
            languageID = UInt32(languages.count)
            languageIDs[language] = languageID
            languages.append(language)
        }
        var capitalised = self.capitalised
        self.capitalised = []  // unique, so cleared without a copy
        capitalised.removeAll(keepingCapacity: true)
        // Each stem is marked when it and the one before form a label candidate ("battery drain"): adjacent and
        // written differently, as `ThemeWords.forEachPhrase` pairs them, so naming counts phrases by id.
        var previous: UnsafeBufferPointer<UInt8>?
        var k = 0
        packed.forEachWord { stem, folded, startsRun, isCapitalised in
            let id = UInt32(ids.id(stem))
            precondition(id <= TermMarks.id, "more stems than term ids address")
            let pairs = !startsRun && previous != nil && !previous!.elementsEqual(stem)
            out[k] = pairs ? id | TermMarks.pairsWithPrevious : id
            k += 1
            previous = stem
            if isCapitalised { capitalised.append(capitalisedID(folded)) }
        }
        // Once per record, however often it names the word.
        capitalised.sortAndRemoveDuplicates()
        for c in capitalised { capitalisedCounts[c] += 1 }
        self.capitalised = capitalised
        return languageID
    }

    /// The stems by id, the table that numbered them let go.
    mutating func takeStrings() -> [String] {
        let strings = ids.keys
        ids = PhraseIDs()
        return strings
    }

    private mutating func capitalisedID(_ form: UnsafeBufferPointer<UInt8>) -> Int {
        let id = capitalisedIDs.id(form)
        if id == capitalisedCounts.count { capitalisedCounts.append(0) }
        return id
    }
}

/// A chosen label phrase looked for among packed words: by bytes when both sides are ASCII (where equal text is
/// equal bytes), else as strings, which compare by canonical equivalence as the phrase counts did.
private struct PhraseMatcher {
    let key: String
    private let utf8: [UInt8]
    private let isASCII: Bool

    init(_ key: String) {
        self.key = key
        utf8 = Array(key.utf8)
        isASCII = utf8.allSatisfy { $0 < 0x80 }
    }

    func matches(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>?) -> Bool {
        // Two texts that begin with different ASCII characters are never equal, canonically or not (an ASCII
        // character is its own decomposition): most candidates end here, without a scan or a string.
        if let a = first.first, let b = utf8.first, a < 0x80, b < 0x80, a != b { return false }
        let candidateASCII = first.allSatisfy { $0 < 0x80 } && (second?.allSatisfy { $0 < 0x80 } ?? true)
        guard isASCII && candidateASCII else { return ThemeWords.phrase(first, second) == key }
        guard first.count + (second.map { $0.count + 1 } ?? 0) == utf8.count else { return false }
        guard utf8.starts(with: first) else { return false }
        guard let second else { return true }
        return utf8[first.count] == UInt8(ascii: " ") && utf8[(first.count + 1)...].elementsEqual(second)
    }
}

/// Records read where they lie: a field read as `array[i].field` copied the whole record first (retaining each of
/// its strings and arrays) where the optimiser did not see through the access; an addressor reads the field alone.
struct RecordsInPlace: @unchecked Sendable {
    let base: UnsafePointer<FeedbackRecord>
    subscript(i: Int) -> FeedbackRecord { unsafeAddress { base + i } }
}

/// A buffer written concurrently, each element by exactly one iteration.
struct UnsafeSendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

/// Strings numbered in sorted order: the same ids whatever thread saw a string first.
struct SortedVocabulary: Sendable {
    let strings: [String]

    init(_ tables: [[String]]) { self = Self.numbering(tables).vocabulary }

    private init(sorted strings: [String]) { self.strings = strings }

    /// The vocabulary of `tables` (each without repeats) and the id of each table's strings, table by table.
    ///
    /// One sort of the strings' places, where a set, a sorted copy and a dictionary each held every distinct
    /// string (on random words, two million of them: a few hundred MB at once). Of strings equal as `String`s
    /// (canonically equivalent), the first in table order is kept, as the set built in that order kept it.
    static func numbering(_ tables: [[String]]) -> (vocabulary: SortedVocabulary, ids: [[UInt32]]) {
        // Places as table << 32 | index, so that ties between equal strings go to the first.
        var places: [UInt64] = []
        places.reserveCapacity(tables.reduce(0) { $0 + $1.count })
        for (t, table) in tables.enumerated() { for i in table.indices { places.append(UInt64(t) << 32 | UInt64(i)) } }
        places.sort { a, b in
            let x = tables[Int(a >> 32)][Int(a & 0xFFFF_FFFF)], y = tables[Int(b >> 32)][Int(b & 0xFFFF_FFFF)]
            if x < y { return true }
            if y < x { return false }
            return a < b
        }
        var strings: [String] = []
        var ids = tables.map { [UInt32](repeating: 0, count: $0.count) }
        for place in places {
            let (t, i) = (Int(place >> 32), Int(place & 0xFFFF_FFFF))
            if strings.isEmpty || strings[strings.count - 1] != tables[t][i] { strings.append(tables[t][i]) }
            ids[t][i] = UInt32(strings.count - 1)
        }
        return (SortedVocabulary(sorted: strings), ids)
    }

    /// The id of `s`, if it is in the vocabulary (by binary search: the strings are sorted).
    func id(_ s: String) -> UInt32? {
        var low = 0, high = strings.count
        while low < high {
            let middle = (low + high) / 2
            if strings[middle] < s { low = middle + 1 } else { high = middle }
        }
        return low < strings.count && strings[low] == s ? UInt32(low) : nil
    }
}

extension Corpus {
    /// How many records fell into no theme.
    public var themeSummary: ThemeSummary {
        ThemeSummary(records: records.count, outliers: records.filter { $0.analysis?.theme == nil }.count)
    }
}


/// Counts by term id, sorted by id, with the vector's Euclidean norm.
struct SparseCounts {
    let terms: [UInt32]
    let counts: [Double]
    let norm: Double

    init(terms: [UInt32], counts: [Double]) {
        self.terms = terms
        self.counts = counts
        norm = counts.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
    }

    /// The element-wise sum of two vectors.
    func adding(_ other: SparseCounts) -> SparseCounts {
        var terms: [UInt32] = [], counts: [Double] = []
        terms.reserveCapacity(self.terms.count + other.terms.count)
        counts.reserveCapacity(self.terms.count + other.terms.count)
        var a = 0, b = 0
        while a < self.terms.count || b < other.terms.count {
            if b == other.terms.count || (a < self.terms.count && self.terms[a] < other.terms[b]) {
                terms.append(self.terms[a]); counts.append(self.counts[a]); a += 1
            } else if a == self.terms.count || other.terms[b] < self.terms[a] {
                terms.append(other.terms[b]); counts.append(other.counts[b]); b += 1
            } else {
                terms.append(self.terms[a]); counts.append(self.counts[a] + other.counts[b]); a += 1; b += 1
            }
        }
        return SparseCounts(terms: terms, counts: counts)
    }
}
