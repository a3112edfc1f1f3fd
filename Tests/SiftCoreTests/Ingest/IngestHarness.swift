@testable import SiftCore

/// What one ingest of in-memory bytes produced, for tests.
struct IngestResult {
    var records: [FeedbackRecord] = []
    var rejections: [Rejection] = []
    var diagnostics: [Diagnostic] = []
    var accounts: [InputAccount] = []

    func extra(_ record: FeedbackRecord, _ name: String) -> String? {
        record.extras.first { $0.name == name }?.value
    }
}

/// Runs the real `Ingestor` over bytes, detecting the format unless one is given.
func ingest(_ bytes: [UInt8], name: String = "test.csv", format: InputFormat? = nil, map: FieldMap = FieldMap()) throws -> IngestResult {
    var result = IngestResult()
    result.accounts = try Ingestor(format: format, map: map).ingest([InputSource(name: name, bytes: bytes)]) { event in
        switch event {
        case .record(let r): result.records.append(r)
        case .rejected(let r): result.rejections.append(r)
        case .diagnostic(let d): result.diagnostics.append(d)
        }
    }
    return result
}

func ingest(_ text: String, name: String = "test.csv", format: InputFormat? = nil, map: FieldMap = FieldMap()) throws -> IngestResult {
    try ingest(Array(text.utf8), name: name, format: format, map: map)
}

/// UTF-16 bytes of `text`, little- or big-endian, with or without a BOM.
func utf16(_ text: String, bigEndian: Bool = false, bom: Bool = true) -> [UInt8] {
    var out: [UInt8] = []
    let units = (bom ? [UInt16(0xFEFF)] : []) + Array(text.utf16)
    for u in units {
        let hi = UInt8(u >> 8), lo = UInt8(u & 0xFF)
        out += bigEndian ? [hi, lo] : [lo, hi]
    }
    return out
}
