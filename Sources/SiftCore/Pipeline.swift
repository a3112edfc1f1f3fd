public import Foundation
import Synchronization

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
    /// Records analysed but left out by the run's kind and severity filter.
    public var filteredOut = 0
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
    /// Which analysed records go on to the corpus stages.
    public var recordFilter = RecordFilter()
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
        // One batch is analysed on every core while the next is read: reading (one thread) and analysis then
        // overlap instead of taking turns. Workers last the whole run, so their memos of words seen carry over.
        let batch = chunkSize * threads
        // Let go before the corpus stages: the workers' memos of words are no use to them (50 MB on 200,000 rows
        // of random words).
        var workers: WorkerPool? = WorkerPool(stages: recordStages, count: threads)
        var pending: [FeedbackRecord] = []
        pending.reserveCapacity(batch)
        var inFlight: AnalysisJob?
        var reserved = false
        func collect() {
            guard let job = inFlight else { return }
            job.done.wait()
            if recordFilter.keepsAll {
                corpus.records.append(contentsOf: job.records)
            } else {
                let kept = job.records.filter(recordFilter.keeps)
                corpus.filteredOut += job.records.count - kept.count
                corpus.records.append(contentsOf: kept)
            }
            inFlight = nil
            if !reserved, corpus.records.count >= 8 * batch {
                // The batch being filled was read too: the bytes read so far brought both.
                Self.reserveForAll(&corpus.records, recordsRead: corpus.records.count + pending.count, inputs)
                reserved = true
            }
            onProgress(corpus.records.count)
        }
        func handOn() {
            collect()
            guard !pending.isEmpty else { return }
            let job = AnalysisJob(records: pending)
            pending = []
            pending.reserveCapacity(batch)
            let pipeline = self, pool = workers
            DispatchQueue.global().async(group: job.done) {
                pipeline.analyzeInPlace(&job.records, job.records.indices, workers: pool)
            }
            inFlight = job
        }
        corpus.accounts = try ingestor.ingest(inputs) { event in
            switch event {
            case .record(let record):
                if let window, let date = record.date, date < window {
                    corpus.outsideWindow += 1
                    return
                }
                pending.append(record)
                if pending.count >= batch { handOn() }
            case .rejected, .diagnostic:
                try onProblem(event)
            }
        }
        handOn()
        collect()
        workers = nil
        for stage in corpusStages {
            onStage(String(describing: type(of: stage)))
            stage.run(&corpus)
        }
        return corpus
    }

    /// Reserves room for the records the inputs are likely to hold, from the bytes the first ones took: growing a
    /// million-record array by doubling held the old and the new copy at once (a third of a run's peak memory).
    /// The margin covers what readers have read ahead of the records they have handed on (under a megabyte).
    static func reserveForAll(_ records: inout [FeedbackRecord], recordsRead: Int, _ inputs: [InputSource]) {
        let read = inputs.reduce(0) { $0 + $1.bytesRead }
        guard read > 0, !inputs.contains(where: { $0.size == nil }) else { return }
        let total = inputs.reduce(0) { $0 + $1.size! }
        let estimate = Double(recordsRead) * Double(total) / Double(read) * 1.15
        if estimate > Double(records.count), estimate < 1e9 { records.reserveCapacity(Int(estimate)) }
    }

    /// Runs the record stages over `records`, split into one slice per thread; order is kept.
    public func analyze(_ records: [FeedbackRecord]) -> [FeedbackRecord] {
        var out = records
        analyzeInPlace(&out, out.indices)
        return out
    }

    /// Runs the record stages over `records[range]` where they lie, on one thread per worker set of `workers`.
    ///
    /// Threads take small runs of records from a shared counter until none are left, rather than a fixed half
    /// each: texts differ in length, and with fixed halves one core sat idle at the end of every batch while the
    /// other finished. Each record is analysed by exactly one thread, whichever it is, so the output is the same.
    func analyzeInPlace(_ records: inout [FeedbackRecord], _ range: Range<Int>, workers: WorkerPool? = nil) {
        guard !recordStages.isEmpty, !range.isEmpty else { return }
        let pool = workers ?? WorkerPool(stages: recordStages, count: threads)
        let slices = min(threads, range.count, pool.count)
        let run = 64
        let next = Atomic<Int>(range.lowerBound)
        records.withUnsafeMutableBufferPointer { buffer in
            let shared = DisjointRecords(buffer)
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                var set = pool.take(slice)
                let base = shared.buffer.baseAddress!
                while true {
                    let start = next.wrappingAdd(run, ordering: .relaxed).oldValue
                    guard start < range.upperBound else { break }
                    for i in start..<min(range.upperBound, start + run) {
                        for w in set.indices { set[w].process(&base[i]) }
                    }
                }
                pool.put(set, slice)
            }
        }
    }
}

/// One set of record workers per thread slot, kept from batch to batch. Slot `i` is used by one slice at a time.
final class WorkerPool: @unchecked Sendable {
    private let stages: [any RecordStage]
    private let slots: UnsafeSlots<[any RecordWorker]?>
    let count: Int

    init(stages: [any RecordStage], count: Int) {
        self.stages = stages
        self.count = max(1, count)
        slots = UnsafeSlots(count: self.count, initial: nil)
    }

    func take(_ slot: Int) -> [any RecordWorker] {
        let set = slots[slot] ?? stages.map { $0.makeWorker() }
        slots[slot] = nil
        return set
    }

    func put(_ set: [any RecordWorker], _ slot: Int) { slots[slot] = set }
}

/// A batch of records being analysed off the reading thread.
final class AnalysisJob: @unchecked Sendable {
    var records: [FeedbackRecord]
    let done = DispatchGroup()
    init(records: [FeedbackRecord]) { self.records = records }
}

/// Records that concurrent slices read and write, each slice only its own indices.
struct DisjointRecords: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<FeedbackRecord>
    init(_ buffer: UnsafeMutableBufferPointer<FeedbackRecord>) { self.buffer = buffer }
}
