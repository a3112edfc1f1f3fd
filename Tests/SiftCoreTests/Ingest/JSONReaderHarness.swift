@testable import SiftCore

/// What a reader produced from one input, sorted by kind, with the accounting the Ingestor would keep.
struct ReadResult {
    var records: [FeedbackRecord] = []
    var rejections: [Rejection] = []
    var diagnostics: [Diagnostic] = []
    var read: Int { records.count + rejections.count }

    func extra(_ name: String, of index: Int) -> String? {
        records[index].extras.first { $0.name == name }?.value
    }
}

/// Runs `reader` over `text` as an in-memory input named `name`.
func readAll(_ reader: some RecordReader, _ text: String, name: String = "input") throws -> ReadResult {
    try readAll(reader, bytes: Array(text.utf8), name: name)
}

func readAll(_ reader: some RecordReader, bytes: [UInt8], name: String = "input") throws -> ReadResult {
    var result = ReadResult()
    try reader.read(InputSource(name: name, bytes: bytes)) { event in
        switch event {
        case .record(let r): result.records.append(r)
        case .rejected(let r): result.rejections.append(r)
        case .diagnostic(let d): result.diagnostics.append(d)
        }
    }
    return result
}
