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
        let records = try AtomicFile(path: path + "/records.jsonl")
        // Lines are made a chunk per core at a time and written in order: a million records took seconds on one.
        let all = corpus.records
        let chunk = 8192, cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        while start < all.count {
            let first = start
            let lines = UnsafeSlots<[UInt8]>(count: cores, initial: [])
            DispatchQueue.concurrentPerform(iterations: cores) { part in
                let lower = first + part * chunk, upper = min(all.count, lower + chunk)
                guard lower < upper else { return }
                var json = JSONWriter()
                var out: [UInt8] = []
                out.reserveCapacity((upper - lower) * 512)
                for i in lower..<upper {
                    json.reset()
                    RecordLines.write(all[i], to: &json)
                    out += json.bytes
                    out.append(UInt8(ascii: "\n"))
                }
                lines[part] = out
            }
            for part in 0..<cores { try records.write(block: lines[part]) }
            start += cores * chunk
        }
        try records.commit()
        try AtomicFile.write(ReportJSON.render(report), to: path + "/report.json")
        try AtomicFile.write(Array(ReportMarkdown.render(report).utf8), to: path + "/report.md")
        try AtomicFile.write(Array(PainPointsCSV.render(report).utf8), to: path + "/pain-points.csv")
        try AtomicFile.write(Array(ReportHTML.render(report).utf8), to: path + "/report.html")
    }
}
