public import Foundation

/// A per-record analysis stage (text, sentiment, kind). Stages are values shared by all threads; each thread
/// makes its own worker, so C handles such as a stemmer are never shared.
public protocol RecordStage: Sendable {
    func makeWorker() -> any RecordWorker
}

/// One thread's instance of a record stage.
public protocol RecordWorker {
    mutating func process(_ record: inout FeedbackRecord)
}

/// A stage over the whole corpus (themes, priority, roadmap links), run once after the per-record stages.
public protocol CorpusStage: Sendable {
    func run(_ corpus: inout Corpus)
}

/// Everything one run knows: the accepted records (in input order) and what the corpus stages made of them.
public struct Corpus: Sendable {
    public var records: [FeedbackRecord]
    public var accounts: [InputAccount]
    /// The themes the records fell into (`ThemeStage`), largest first.
    public var themes: [Theme]
    /// Records accepted but dated before the run's window, left out of the analysis.
    public var outsideWindow = 0
    public init(records: [FeedbackRecord] = [], accounts: [InputAccount] = [], themes: [Theme] = []) {
        self.records = records
        self.accounts = accounts
        self.themes = themes
    }
}

/// The analysis pipeline: ingest, then the per-record stages in order over chunks on every core, then the
/// corpus stages. The same input gives the same output whatever the thread count.
public struct Pipeline: Sendable {
    public var ingestor: Ingestor
    public var recordStages: [any RecordStage]
    public var corpusStages: [any CorpusStage]
    /// Records per chunk handed to one thread.
    public var chunkSize: Int
    /// Threads for the per-record stages.
    public var threads: Int

    public init(
        ingestor: Ingestor = Ingestor(), recordStages: [any RecordStage] = [], corpusStages: [any CorpusStage] = [],
        chunkSize: Int = 2048, threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.ingestor = ingestor
        self.recordStages = recordStages
        self.corpusStages = corpusStages
        self.chunkSize = chunkSize
        self.threads = max(1, threads)
    }

    /// Runs every stage over `inputs`. Rejections and diagnostics go to `onProblem` as they are found.
    /// - Parameter window: records dated before it are counted in `outsideWindow` and not analysed.
    /// - Parameter onProgress: called after each chunk with the records analysed so far.
    public func run(
        _ inputs: [InputSource], window: Date? = nil, onProgress: (Int) -> Void = { _ in },
        onProblem: (IngestEvent) throws -> Void
    ) throws -> Corpus {
        var corpus = Corpus()
        var pending: [FeedbackRecord] = []
        pending.reserveCapacity(chunkSize * threads)
        corpus.accounts = try ingestor.ingest(inputs) { event in
            switch event {
            case .record(let record):
                if let window, let date = record.date, date < window {
                    corpus.outsideWindow += 1
                    return
                }
                pending.append(record)
                if pending.count >= chunkSize * threads {
                    corpus.records.append(contentsOf: analyze(pending))
                    pending.removeAll(keepingCapacity: true)
                    onProgress(corpus.records.count)
                }
            case .rejected, .diagnostic:
                try onProblem(event)
            }
        }
        corpus.records.append(contentsOf: analyze(pending))
        onProgress(corpus.records.count)
        for stage in corpusStages { stage.run(&corpus) }
        return corpus
    }

    /// Runs the record stages over `records`, split into one slice per thread; order is kept.
    public func analyze(_ records: [FeedbackRecord]) -> [FeedbackRecord] {
        guard !recordStages.isEmpty, !records.isEmpty else { return records }
        let slices = min(threads, records.count)
        let results = SliceResults(count: slices)
        let per = (records.count + slices - 1) / slices
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = (slice * per)..<min(records.count, (slice + 1) * per)
            var workers = recordStages.map { $0.makeWorker() }
            var out = Array(records[range])
            for i in out.indices {
                for w in workers.indices { workers[w].process(&out[i]) }
            }
            results.set(slice, out)
        }
        return results.joined()
    }
}

/// Per-slice results written by concurrent workers, each to its own index.
private final class SliceResults: @unchecked Sendable {
    private var slots: [[FeedbackRecord]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ index: Int, _ value: [FeedbackRecord]) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    func joined() -> [FeedbackRecord] { slots.flatMap { $0 } }
}
