public import Foundation

/// The settings of one `analyze` run, after the config file and the flags have been merged.
public struct AnalysisOptions: Sendable {
    public var ingestor: Ingestor
    public var roadmapPath: String?
    public var statePath: String?
    /// Seconds to wait for another run holding the state.
    public var lockWait: Double
    /// Records dated before this are left out of the analysis (they are still read and accounted).
    public var since: Date?
    public var weights: PriorityWeights
    public var threads: Int
    /// The texts of the user's own sentiment lexicons (`term<TAB>valence`), laid over the shipped ones.
    public var sentimentOverlays: [String]
    /// The kinds and severity of records to analyse further (themes, pain points, reports).
    public var filter = RecordFilter()

    public init(ingestor: Ingestor = Ingestor(), roadmapPath: String? = nil, statePath: String? = nil, lockWait: Double = 0,
                since: Date? = nil, weights: PriorityWeights = .standard, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                sentimentOverlays: [String] = []) {
        self.sentimentOverlays = sentimentOverlays
        self.ingestor = ingestor
        self.roadmapPath = roadmapPath
        self.statePath = statePath
        self.lockWait = lockWait
        self.since = since
        self.weights = weights
        self.threads = threads
    }
}

/// Why a run could not finish; the description is one line saying what to do.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// `sift analyze` as a library call: ingest, analyse, theme, rank, link, write the reports, then record the run
/// in the state store — in that order, so a run killed before the end leaves the state as it was.
public struct AnalysisRun: Sendable {
    public var options: AnalysisOptions
    public var text: TextAnalyzer

    public init(options: AnalysisOptions, text: TextAnalyzer = TextAnalyzer()) {
        self.options = options
        self.text = text
    }

    /// Words of the inputs' file names ("Spotify.csv" → spotify): the app's own name is no theme word.
    public static func appNames(_ inputs: [InputSource]) -> Set<String> {
        Set(inputs.flatMap { input -> [String] in
            let base = (input.name as NSString).lastPathComponent
            let stem = base.split(separator: ".").dropLast().joined(separator: ".")
            return stem.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count > 2 }
        })
    }

    /// Runs everything over `inputs` and writes the reports into `output`. Rejections and diagnostics go to
    /// `output` and `onProblem` as they are found; `onStage` hears the name of each step as it starts.
    public func run(
        _ inputs: [InputSource], output: ReportDirectory, onProgress: (Int) -> Void = { _ in },
        onStage: (String) -> Void = { _ in }, onProblem: (IngestEvent) -> Void
    ) throws -> AnalysisReport {
        // Everything that can stop the run is checked before the first record is read.
        var roadmap: [RoadmapItem]?
        if let path = options.roadmapPath {
            do { roadmap = try RoadmapLoader.load(path: path) } catch { throw RunError(error.description) }
        }
        var state: StateStore?
        if let path = options.statePath {
            do { state = try StateStore(path: path, lockTimeout: options.lockWait) } catch { throw RunError(error.description) }
        }

        let analysis: RecordAnalysisStage
        do {
            analysis = RecordAnalysisStage(
                text: text, sentiment: try SentimentScorer(overlays: options.sentimentOverlays), kinds: KindClassifier(),
                keepsSentenceScores: false)
        } catch { throw RunError("a --lexicon file: \(error)") }
        var pipeline = Pipeline(
            ingestor: options.ingestor, recordStages: [analysis],
            corpusStages: [ThemeStage(analyzer: text, threads: options.threads, names: Self.appNames(inputs))],
            threads: options.threads)
        pipeline.recordFilter = options.filter
        var warnings = 0
        onStage("reading and analysing records")
        var corpus = try pipeline.run(inputs, window: options.since, onProgress: onProgress, onStage: onStage) { event in
            switch event {
            case .rejected(let rejection): try output.reject(rejection)
            case .diagnostic: warnings += 1
            case .record: break
            }
            onProblem(event)
        }

        let boilerplate = Boilerplate()
        var newIDs: [String]?
        var previous: RunSnapshot?
        var context: RunContext?
        if let state {
            do {
                newIDs = try state.unseen(corpus.records.map(\.id))
                previous = try state.lastRun()
                context = RunContext(number: try state.runCount() + 1, newRecords: newIDs!.count, previousRunAt: previous?.finishedAt)
            } catch { throw RunError(error.description) }
        }

        let worker = text.makeWorker()
        let linker = roadmap.map { items in
            RoadmapLinker(items: items) { text in
                let analyzed = worker.analyze(text)
                return analyzed.contentWords()
                    .filter { !boilerplate.contains($0.stem, language: analyzed.language) && !boilerplate.contains($0.folded, language: analyzed.language) }
                    .map { (stem: $0.stem, surface: $0.folded) }
            }
        }
        onStage("finding pain points")
        let finder = PainPointFinder(weights: options.weights, linker: linker, previous: previous, newRecordIDs: newIDs.map(Set.init))
        var findings = finder.find(records: corpus.records, themes: corpus.themeDigests)
        if let buckets = findings.buckets {
            onStage("surge analysis")
            findings.surge = SurgeFinder.find(
                records: corpus.records, buckets: buckets, totals: findings.totals, negativeTotals: findings.negativeTotals,
                analyzer: text, boilerplate: boilerplate)
        }
        // Ids only, and records changed where they lie: looking up whole pain points and reading `records[i]`
        // copied a pain point and a record per record.
        let painPointIDOfTheme = Dictionary(uniqueKeysWithValues: findings.painPoints.map { ($0.themeID, $0.id) })
        corpus.records.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices {
                let record = buffer.baseAddress! + i
                if let theme = record.pointee.analysis?.theme, let id = painPointIDOfTheme[theme] {
                    record.pointee.analysis!.painPoint = id
                }
            }
        }

        onStage("writing reports")
        var overview = Overview(corpus.records)
        overview.outsideWindow = corpus.outsideWindow
        overview.filteredOut = corpus.filteredOut
        let report = AnalysisReport(
            accounts: corpus.accounts, overview: overview, warnings: warnings, findings: findings,
            weights: options.weights, roadmapFile: roadmap == nil ? nil : options.roadmapPath, run: context)
        do { try output.finish(report, corpus: corpus) } catch { throw RunError(error.description) }

        if let state {
            onStage("saving state")
            let snapshot = RunSnapshot(
                finishedAt: Date(), recordsRead: report.totalRead, recordsNew: newIDs?.count ?? 0,
                themes: (report.findings?.painPoints ?? []).map {
                    ThemeSnapshot(label: $0.label, terms: $0.terms.keys.sorted(), count: $0.records, newCount: $0.newRecords ?? 0, priority: $0.priority.value)
                })
            do { try state.commit(snapshot, newIDs: newIDs ?? []) } catch { throw RunError(error.description) }
        }
        return report
    }
}
