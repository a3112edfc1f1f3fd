import Foundation
import Logging

/// How sift logs: plain lines or JSON lines on standard error, at a level set by --quiet / --verbose.
enum SiftLogging {
    enum Format: String, CaseIterable { case text, json }

    static func bootstrap(format: Format, level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StderrLogHandler(label: label, format: format)
            handler.logLevel = level
            return handler
        }
    }
}

/// Writes each entry as one line on standard error, unbuffered, so nothing is lost if the run dies after it.
struct StderrLogHandler: LogHandler {
    let label: String
    let format: SiftLogging.Format
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String, format: SiftLogging.Format) {
        self.label = label
        self.format = format
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        switch format {
        case .text:
            printError("sift: \(event.level == .info || event.level == .notice ? "" : "\(event.level): ")\(event.message)")
        case .json:
            var json = JSONWriterShim()
            json.add("level", event.level.rawValue)
            json.add("message", "\(event.message)")
            let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
            for (key, value) in merged.sorted(by: { $0.key < $1.key }) { json.add(key, "\(value)") }
            printError(json.finish())
        }
    }
}

/// A tiny JSON object builder for log lines (the core's JSONWriter lives in SiftCore and is reused here).
import SiftCore
struct JSONWriterShim {
    private var writer = JSONWriter(reserving: 256)
    private var open = false
    mutating func add(_ key: String, _ value: String) {
        if !open { writer.beginObject(); open = true }
        writer.field(key, value)
    }
    mutating func finish() -> String {
        if !open { writer.beginObject() }
        writer.endObject()
        return writer.string
    }
}
