import Foundation

/// One data row of a CSV export, decoded: its values in column order and where it starts.
struct CSVDataRow {
    var line: Int
    var values: [String]
    /// The row was not valid UTF-8 and was decoded as Windows-1252.
    var repaired: Bool
}

/// How one CSV export turns its rows into records, decided from its header rows and first data rows.
protocol CSVRecordPlan {
    /// Emits the records (or the rejection) one data row makes.
    func records(from row: CSVDataRow, raw: () -> String, emit: (IngestEvent) throws -> Void) throws

    /// Emits the record the scanner's current row (valid UTF-8, with the header's field count) makes, straight
    /// from its bytes; false, having emitted nothing, when the row must go through `records(from:)` instead.
    func records(fromScanner scanner: CSVScanner, emit: (IngestEvent) throws -> Void) throws -> Bool
}

extension CSVRecordPlan {
    func records(fromScanner scanner: CSVScanner, emit: (IngestEvent) throws -> Void) throws -> Bool { false }
}

/// The header rows and first data rows of a CSV export: what a plan is decided from.
struct CSVPreview {
    var file: String
    /// The header rows, as many as the format has (1 for most, 2 for SurveyMonkey, 3 for Qualtrics).
    var headerRows: [[String]]
    /// Up to `CSVExportReader.sampleRows` well-formed data rows, in order.
    var samples: [CSVDataRow]
    var columns: [String] { headerRows.first ?? [] }
}

/// Reads every CSV-family format (`play`, `qualtrics`, `surveymonkey`, `typeform-csv`, `csv`, `tsv`) streaming:
/// header rows first, then a bounded look at the first data rows to decide how columns become records (the
/// day order of dates, which survey columns are free text), then every row in turn.
///
/// Row-level problems are the same for every format: a row with more or fewer fields than the header, or a
/// quote never closed, is rejected with its raw text; a row that is not valid UTF-8 is decoded as Windows-1252
/// with a warning naming its line.
public struct CSVExportReader: RecordReader {
    public let format: InputFormat
    public let map: FieldMap
    public let delimiter: UInt8
    /// Data rows looked at before deciding the plan; they are kept and emitted first, so memory stays bounded.
    /// Rows after them are built straight from the scanner's bytes where the plan can (tests vary it to compare).
    var sampleRows = 200

    public init(format: InputFormat, map: FieldMap, delimiter: UInt8? = nil) {
        self.format = format
        self.map = map
        self.delimiter = delimiter ?? (format == .tsv ? UInt8(ascii: "\t") : UInt8(ascii: ","))
    }

    public func read(_ input: InputSource, emit: (IngestEvent) throws -> Void) throws {
        let text = try UTF8Input(input)
        try readRows(CSVScanner(text, delimiter: delimiter), file: input.name, emit: emit)
        // Found while transcoding ahead of the rows, so named by byte offset rather than line.
        for offset in text.realignments {
            try emit(.diagnostic(Diagnostic(.warning, at: RecordOrigin(file: input.name, byteOffset: offset),
                "UTF-16 text is one byte off from here (a byte was inserted or lost); decoding realigned, and the row around it may hold a few garbled characters")))
        }
        if text.realignmentCount > text.realignments.count {
            try emit(.diagnostic(Diagnostic(.warning, at: RecordOrigin(file: input.name, byteOffset: text.realignments.last ?? 0),
                "\(text.realignmentCount - text.realignments.count) more places where UTF-16 text was one byte off were realigned")))
        }
    }

    private func readRows(_ scanner: CSVScanner, file: String, emit: (IngestEvent) throws -> Void) throws {
        var headerRows: [[String]] = []
        let headerCount = format == .surveyMonkey ? 2 : format == .qualtrics ? 3 : 1
        var pending: CSVDataRow?
        while headerRows.count < headerCount, try scanner.nextRow() {
            let repaired = !scanner.rowIsValidUTF8
            let values = scanner.strings(windows1252: repaired)
            // Qualtrics' third header row holds the import ids; older exports have only two header rows.
            if format == .qualtrics, headerRows.count == 2, !(values.first?.hasPrefix("{") ?? false) {
                pending = CSVDataRow(line: scanner.rowLine, values: values, repaired: repaired)
                break
            }
            headerRows.append(headerRows.isEmpty ? Self.columnNames(values) : values)
        }
        guard let columns = headerRows.first else {
            throw IngestError(file: file, "is empty; a \(format.rawValue) file needs a header row")
        }

        var samples: [CSVDataRow] = []
        var early: [IngestEvent] = []
        var rowsAfterSamples = false
        func take(_ row: CSVDataRow) {
            if row.repaired {
                early.append(.diagnostic(Diagnostic(.warning, at: RecordOrigin(file: file, line: row.line),
                    "not valid UTF-8; decoded as Windows-1252")))
            }
            samples.append(row)
        }
        if let pending { take(pending) }
        // Rows rejected while sampling are emitted in their place, after the rows before them.
        var rejectedWhileSampling: [(afterSample: Int, event: IngestEvent)] = []
        while samples.count < sampleRows {
            guard try scanner.nextRow() else { break }
            if let rejection = rowRejection(scanner, columns: columns.count, file: file) {
                rejectedWhileSampling.append((samples.count, .rejected(rejection)))
                continue
            }
            let repaired = !scanner.rowIsValidUTF8
            take(CSVDataRow(line: scanner.rowLine, values: scanner.strings(windows1252: repaired), repaired: repaired))
            rowsAfterSamples = samples.count == sampleRows
        }

        let preview = CSVPreview(file: file, headerRows: headerRows, samples: samples)
        let plan = try makePlan(preview)
        let sep = String(UnicodeScalar(delimiter))
        let rawOf = { (values: [String]) in CSVExportReader.encode(values, delimiter: sep) }

        var diagnostics = early.makeIterator()
        var rejections = rejectedWhileSampling.makeIterator()
        var nextRejection = rejections.next()
        for (index, row) in samples.enumerated() {
            while let r = nextRejection, r.afterSample == index {
                try emit(r.event)
                nextRejection = rejections.next()
            }
            if row.repaired, let d = diagnostics.next() { try emit(d) }
            try plan.records(from: row, raw: { rawOf(row.values) }, emit: emit)
        }
        while let r = nextRejection {
            try emit(r.event)
            nextRejection = rejections.next()
        }
        guard rowsAfterSamples else { return }
        while try scanner.nextRow() {
            if let rejection = rowRejection(scanner, columns: columns.count, file: file) {
                try emit(.rejected(rejection))
                continue
            }
            let repaired = !scanner.rowIsValidUTF8
            if repaired {
                try emit(.diagnostic(Diagnostic(.warning, at: RecordOrigin(file: file, line: scanner.rowLine),
                    "not valid UTF-8; decoded as Windows-1252")))
            } else if try plan.records(fromScanner: scanner, emit: emit) {
                continue
            }
            let row = CSVDataRow(line: scanner.rowLine, values: scanner.strings(windows1252: repaired), repaired: repaired)
            try plan.records(from: row, raw: { rawOf(row.values) }, emit: emit)
        }
    }

    /// The rejection a malformed row gets: an unclosed quote, or a field count that differs from the header's.
    private func rowRejection(_ scanner: CSVScanner, columns: Int, file: String) -> Rejection? {
        if scanner.unterminatedQuote {
            let reason = scanner.strayQuote
                ? "a quote opened in this row closes only lines later, right before more text (so it was stray); the row is rejected and reading goes on at the next line"
                : "a quote opened in this row is never closed; the row is rejected and reading goes on at the next line"
            return Rejection(origin: RecordOrigin(file: file, line: scanner.rowLine), reason: reason,
                             raw: scanner.rawRow(windows1252: !scanner.rowIsValidUTF8))
        }
        if scanner.fieldCount != columns {
            return Rejection(origin: RecordOrigin(file: file, line: scanner.rowLine), reason: "row has \(scanner.fieldCount) fields, header has \(columns)",
                             raw: scanner.rawRow(windows1252: !scanner.rowIsValidUTF8))
        }
        return nil
    }

    private func makePlan(_ preview: CSVPreview) throws -> any CSVRecordPlan {
        switch format {
        case .qualtrics: return try QualtricsPlan(preview, map: map)
        case .surveyMonkey: return try SurveyMonkeyPlan(preview, map: map)
        case .typeformCSV: return try TypeformPlan(preview, map: map)
        case .googlePlay: return try TablePlan(preview, format: format, defaults: Self.playDefaults, map: map)
        default: return try TablePlan(preview, format: format, defaults: TablePlan.guessedMap(preview.columns), map: map)
        }
    }

    /// Header names as columns: trimmed, and a name for unnamed columns (`column1`, …) so their values are kept.
    static func columnNames(_ row: [String]) -> [String] {
        row.enumerated().map { i, name in
            let trimmed = name.trimmingSpaces
            return trimmed.isEmpty ? "column\(i + 1)" : trimmed
        }
    }

    /// Values written back as one CSV row, for a rejection's raw text.
    static func encode(_ values: [String], delimiter: String) -> String {
        values.map { v in
            v.contains(where: { $0 == "\"" || $0 == "\n" || $0 == "\r" || String($0) == delimiter })
                ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
        }.joined(separator: delimiter)
    }

    static let playDefaults = FieldMap([
        .text: "Review Text", .title: "Review Title", .rating: "Star Rating", .date: "Review Submit Date and Time",
        .version: "App Version Name", .device: "Device", .language: "Reviewer Language",
    ])
}
