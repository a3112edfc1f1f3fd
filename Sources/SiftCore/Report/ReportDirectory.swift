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

    /// Writes records.jsonl: lines are made a chunk per core at a time, and each batch is written by one more
    /// thread while the cores make the next (a million records took seconds on one core, then seconds to write).
    private func writeRecordLines(_ all: [FeedbackRecord]) throws(ReportError) {
        let file = try AtomicFile(path: path + "/records.jsonl")
        let chunk = 8192, cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let writer = RecordLineWriter(file: file)
        var start = 0
        while start < all.count {
            let first = start
            let lines = UnsafeSlots<[UInt8]>(count: cores, initial: [])
            DispatchQueue.concurrentPerform(iterations: cores) { part in
                let lower = first + part * chunk, upper = min(all.count, lower + chunk)
                guard lower < upper else { return }
                var json = JSONWriter()
                var out: [UInt8] = []
                out.reserveCapacity((upper - lower) * 1024)
                for i in lower..<upper {
                    json.reset()
                    RecordLines.write(all[i], to: &json)
                    out += json.bytes
                    out.append(UInt8(ascii: "\n"))
                }
                lines[part] = out
            }
            try writer.enqueue((0..<cores).map { lines[$0] })
            start += cores * chunk
        }
        try writer.finish()
        try file.commit()
    }
}

/// Writes batches of bytes to a file on its own thread, one batch at a time, in the order given; at most one
/// batch waits, so memory stays at two batches.
private final class RecordLineWriter: @unchecked Sendable {
    private let file: AtomicFile
    private let queue = DispatchQueue(label: "sift.records.jsonl")
    private let room = DispatchSemaphore(value: 2)
    // Read and written on `queue` only, and by `finish` after the queue has drained.
    private var failure: ReportError?

    init(file: AtomicFile) { self.file = file }

    func enqueue(_ blocks: [[UInt8]]) throws(ReportError) {
        room.wait()
        if let failure = queue.sync(execute: { self.failure }) { throw failure }
        queue.async {
            defer { self.room.signal() }
            guard self.failure == nil else { return }
            do throws(ReportError) { for block in blocks { try self.file.write(block: block) } } catch { self.failure = error }
        }
    }

    func finish() throws(ReportError) {
        if let failure = queue.sync(execute: { self.failure }) { throw failure }
    }
}
