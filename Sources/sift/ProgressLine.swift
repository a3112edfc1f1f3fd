import Foundation
import SiftCore

/// A progress line on standard error, redrawn in place — only when standard error is a terminal, so cron mail
/// and logs stay clean: records analysed, records per second, and an ETA from the bytes read of the inputs' size.
final class ProgressLine {
    private let sources: [InputSource]
    private let totalBytes: Int?
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    let enabled: Bool

    init(sources: [InputSource], enabled: Bool) {
        self.sources = sources
        let sizes = sources.map(\.size)
        totalBytes = sizes.contains { $0 == nil } ? nil : sizes.reduce(0) { $0 + $1! }
        self.enabled = enabled && isatty(2) != 0
    }

    func update(records: Int) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = Date()
        let elapsed = max(0.001, lastDraw.timeIntervalSince(start))
        var line = "\r\u{1B}[Ksift: \(records) records, \(Int(Double(records) / elapsed))/s"
        if let totalBytes, totalBytes > 0 {
            let read = sources.reduce(0) { $0 + $1.bytesRead }
            let done = Double(read) / Double(totalBytes)
            if done > 0.01 {
                line += ", \(Int(done * 100))% read, ETA \(Int(elapsed / done - elapsed))s"
            }
        }
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    /// Clears the line before the summary is printed.
    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
