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
    /// - Parameter onStage: called with a corpus stage's name as it starts.
    public func run(
        _ inputs: [InputSource], window: Date? = nil, onProgress: (Int) -> Void = { _ in },
        onStage: (String) -> Void = { _ in }, onProblem: (IngestEvent) throws -> Void
    ) throws -> Corpus {
        var corpus = Corpus()
        // Records are appended as read and analysed in place, a batch at a time: no copies of the batch.
        var analyzed = 0
        let batch = chunkSize * threads
        corpus.accounts = try ingestor.ingest(inputs) { event in
            switch event {
            case .record(let record):
                if let window, let date = record.date, date < window {
                    corpus.outsideWindow += 1
                    return
                }
                corpus.records.append(record)
                if corpus.records.count == 8 * batch { Self.reserveForAll(&corpus.records, inputs) }
                if corpus.records.count - analyzed >= batch {
                    analyzeInPlace(&corpus.records, analyzed..<corpus.records.count)
                    analyzed = corpus.records.count
                    onProgress(analyzed)
                }
            case .rejected, .diagnostic:
                try onProblem(event)
            }
        }
        analyzeInPlace(&corpus.records, analyzed..<corpus.records.count)
        onProgress(corpus.records.count)
        for stage in corpusStages {
            onStage(String(describing: type(of: stage)))
            stage.run(&corpus)
        }
        return corpus
    }

    /// Reserves room for the records the inputs are likely to hold, from the bytes the first ones took: growing a
    /// million-record array by doubling held the old and the new copy at once (a third of a run's peak memory).
    /// The margin covers what readers have read ahead of the records they have handed on (under a megabyte).
    static func reserveForAll(_ records: inout [FeedbackRecord], _ inputs: [InputSource]) {
        let read = inputs.reduce(0) { $0 + $1.bytesRead }
        guard read > 0, !inputs.contains(where: { $0.size == nil }) else { return }
        let total = inputs.reduce(0) { $0 + $1.size! }
        let estimate = Double(records.count) * Double(total) / Double(read) * 1.15
        if estimate > Double(records.count), estimate < 1e9 { records.reserveCapacity(Int(estimate)) }
    }

    /// Runs the record stages over `records`, split into one slice per thread; order is kept.
    public func analyze(_ records: [FeedbackRecord]) -> [FeedbackRecord] {
        var out = records
        analyzeInPlace(&out, out.indices)
        return out
    }

    /// Runs the record stages over `records[range]` where they lie, one slice of the range per thread.
    func analyzeInPlace(_ records: inout [FeedbackRecord], _ range: Range<Int>) {
        guard !recordStages.isEmpty, !range.isEmpty else { return }
        let slices = min(threads, range.count)
        let per = (range.count + slices - 1) / slices
        records.withUnsafeMutableBufferPointer { buffer in
            let shared = DisjointRecords(buffer)
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                var workers = recordStages.map { $0.makeWorker() }
                let base = shared.buffer.baseAddress!
                let start = range.lowerBound + slice * per
                for i in start..<min(range.upperBound, start + per) {
                    for w in workers.indices { workers[w].process(&base[i]) }
                }
            }
        }
    }
}

/// Records that concurrent slices read and write, each slice only its own indices.
struct DisjointRecords: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<FeedbackRecord>
    init(_ buffer: UnsafeMutableBufferPointer<FeedbackRecord>) { self.buffer = buffer }
}
