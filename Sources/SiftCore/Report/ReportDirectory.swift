import Foundation

/// The output directory of `sift analyze`: every file written atomically; rejections streamed as they come.
public final class ReportDirectory {
    public let path: String
    private let rejects: AtomicFile
    private var json = JSONWriter()

    public init(path: String) throws(ReportError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ReportError("cannot create the output directory \(path): \(error.localizedDescription)")
        }
        rejects = try AtomicFile(path: path + "/rejects.jsonl")
    }

    /// Appends one rejection to `rejects.jsonl`.
    public func reject(_ rejection: Rejection) throws(ReportError) {
        json.reset()
        RecordLines.write(rejection, to: &json)
        try rejects.write(json.bytes)
        try rejects.write(CollectionOfOne(UInt8(ascii: "\n")))
    }

    /// Writes every report of the run and moves them into place.
    public func finish(_ report: AnalysisReport, corpus: Corpus) throws(ReportError) {
        try rejects.commit()
        // The four summary reports are rendered on another thread while records.jsonl is made and written.
        let summaries = UnsafeSlots<[UInt8]>(count: 4, initial: [])
        let rendering = DispatchGroup()
        DispatchQueue.global().async(group: rendering) {
            summaries[0] = ReportJSON.render(report)
            summaries[1] = Array(ReportMarkdown.render(report).utf8)
            summaries[2] = Array(PainPointsCSV.render(report).utf8)
            summaries[3] = Array(ReportHTML.render(report).utf8)
        }
        try writeRecordLines(corpus.records)
        rendering.wait()
        let names = ["report.json", "report.md", "pain-points.csv", "report.html"]
        for (i, name) in names.enumerated() { try AtomicFile.write(summaries[i], to: path + "/" + name) }
    }

    /// Writes records.jsonl: lines are made a block per core at a time, each core reading its records where they
    /// lie, and each batch of blocks is written by one more thread while the cores make the next.
    private func writeRecordLines(_ all: [FeedbackRecord]) throws(ReportError) {
        let file = try AtomicFile(path: path + "/records.jsonl", bypassingCache: true)
        let chunk = 8192, cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let writer = RecordLineWriter(file: file, blocksPerBatch: cores, blockCapacity: chunk * 1024)
        try all.withUnsafeBufferPointer { (buffer) throws(ReportError) in
            guard let base = buffer.baseAddress else { return }
            let records = RecordsInPlace(base: base), count = buffer.count
            var start = 0
            while start < count {
                let first = start
                let blocks = writer.nextBatch()
                DispatchQueue.concurrentPerform(iterations: cores) { part in
                    let block = blocks[part]
                    var out = block.bytes
                    out.removeAll()
                    defer { block.bytes = out }
                    let lower = first + part * chunk, upper = min(count, lower + chunk)
                    guard lower < upper else { return }
                    var names = RecordLines.InputNames()
                    for i in lower..<upper {
                        RecordLines.append(recordAt: records.base + i, to: &out, names: &names)
                        out.append("\n")
                    }
                }
                try writer.enqueue(blocks)
                start += cores * chunk
            }
        }
        try writer.finish()
        try file.commit()
    }
}

/// Writes batches of blocks to a file on its own thread, in the order given. Two batches of blocks are made once
/// and lent out in turn: while one is written, the other is filled.
private final class RecordLineWriter: @unchecked Sendable {
    private let file: AtomicFile
    private let queue = DispatchQueue(label: "sift.records.jsonl")
    private let batches: [[LineBlock]]
    private var lent = 0
    /// Batches not being written: a batch is lent only once the write of the batch before it has finished.
    private let room = DispatchSemaphore(value: 2)
    // Read and written on `queue` only, and by `finish` after the queue has drained.
    private var failure: ReportError?

    init(file: AtomicFile, blocksPerBatch: Int, blockCapacity: Int) {
        self.file = file
        batches = (0..<2).map { _ in (0..<blocksPerBatch).map { _ in LineBlock(capacity: blockCapacity) } }
    }

    /// The next batch to fill, once it is free.
    func nextBatch() -> [LineBlock] {
        room.wait()
        defer { lent += 1 }
        return batches[lent % 2]
    }

    /// Writes a batch `nextBatch` lent, after those before it.
    func enqueue(_ blocks: [LineBlock]) throws(ReportError) {
        if let failure = queue.sync(execute: { self.failure }) {
            room.signal()
            throw failure
        }
        queue.async {
            defer { self.room.signal() }
            guard self.failure == nil else { return }
            do throws(ReportError) {
                for block in blocks { try self.file.write(block: block.bytes.bytes) }
            } catch { self.failure = error }
        }
    }

    func finish() throws(ReportError) {
        if let failure = queue.sync(execute: { self.failure }) { throw failure }
    }
}
