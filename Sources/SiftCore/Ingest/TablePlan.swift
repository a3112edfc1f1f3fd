/// The plan for a CSV with one header row and one record per row: generic `csv`/`tsv` and Google Play.
///
/// Columns feed fields through the format's defaults (Play) or names guessed from the header (generic), with
/// the user's `--map` laid over them; every other column is kept as an extra.
struct TablePlan: CSVRecordPlan {
    let builder: RecordBuilder
    let columns: [String]
    let fields: [CanonicalField?]
    /// Play: the epoch-milliseconds column that dates a review whose date text is missing.
    let fallbackDateColumn: Int?

    init(_ preview: CSVPreview, format: InputFormat, defaults: FieldMap, map: FieldMap) throws {
        columns = preview.columns
        let present = Set(columns.map { $0.lowercased() })
        let userMissing = RecordBuilder(format: format, source: preview.file, map: map).missingColumns(in: columns)
        if !userMissing.isEmpty {
            throw IngestError(file: preview.file,
                "--map names \(userMissing.map { "'\($0)'" }.joined(separator: ", ")), which the header lacks; columns are: \(columns.joined(separator: ", "))")
        }
        // Defaults apply only to columns that exist and that the user did not send to another field.
        let userColumns = Set(map.columns.values.map { $0.lowercased() })
        let usable = defaults.columns.filter { present.contains($0.value.lowercased()) && !userColumns.contains($0.value.lowercased()) }
        let effective = FieldMap(usable).overlaid(by: map)
        guard effective[.text] != nil else {
            throw IngestError(file: preview.file,
                "cannot tell which column holds the feedback text; pass --map text=COLUMN (columns: \(columns.joined(separator: ", ")))")
        }
        var dayOrder = ValueParsing.DayOrder.guess
        if let dateColumn = effective[.date], let i = columns.firstIndex(where: { $0.lowercased() == dateColumn.lowercased() }) {
            dayOrder = DayOrderVote.infer(preview.samples.map { $0.values.count > i ? $0.values[i] : "" })
        }
        builder = RecordBuilder(format: format, source: preview.file, map: effective, dayOrder: dayOrder)
        fields = builder.fields(forColumns: columns)
        fallbackDateColumn = format == .googlePlay
            ? columns.firstIndex { $0.lowercased() == "review submit millis since epoch" } : nil
    }

    func records(from row: CSVDataRow, raw: () -> String, emit: (IngestEvent) throws -> Void) throws {
        switch builder.build(columns: columns, fields: fields, values: row.values, origin: RecordOrigin(file: builder.source, line: row.line), raw: raw()) {
        case .success(var record):
            if record.date == nil, let i = fallbackDateColumn, let millis = ValueParsing.date(row.values[i]) {
                record.date = millis
            }
            if record.idIsEmpty { record.setContentHashID(record.contentHash) }
            try emit(.record(consume record))
        case .failure(let rejection):
            try emit(.rejected(rejection))
        }
    }

    func records(fromScanner scanner: CSVScanner, emit: (IngestEvent) throws -> Void) throws -> Bool {
        // Built in place rather than returned as an optional, which cost a copy and a destruction of the record.
        var record = builder.emptyRecord(at: RecordOrigin(file: builder.source, line: scanner.rowLine))
        guard builder.buildFromBytes(into: &record, columns: columns, fields: fields, field: scanner.unescapedBytes)
        else { return false }
        if record.date == nil, let i = fallbackDateColumn,
           let millis = ValueParsing.date(String(decoding: scanner.unescapedBytes(i), as: UTF8.self)) {
            record.date = millis
        }
        // The id `Ingestor` would give it, set here (as for sampled rows) so that the record is not copied again to
        // be given one.
        if record.idIsEmpty { record.setContentHashID(record.contentHash) }
        try emit(.record(consume record))
        return true
    }

    /// Fields guessed from common column names, compared without case, spaces, `_` or `-`; first listed wins.
    static let guesses: [(CanonicalField, [String])] = [
        (.text, ["text", "reviewtext", "review", "content", "body", "reviewbody", "comment", "comments", "feedback",
                 "message", "description", "sentence", "response", "answer"]),
        (.title, ["title", "reviewtitle", "subject", "summary"]),
        (.rating, ["rating", "starrating", "ratingstars", "stars", "star", "score"]),
        (.date, ["date", "reviewdate", "datesubmitted", "submittedat", "createdat", "createddate", "timestamp", "at", "time"]),
        (.id, ["id", "reviewid", "responseid", "_id"]),
        (.author, ["author", "username", "reviewer", "authorname", "user"]),
        (.version, ["version", "appversion", "appversionname", "reviewcreatedversion"]),
        (.device, ["device"]),
        (.language, ["language", "lang", "reviewerlanguage"]),
        (.country, ["country", "territory"]),
    ]

    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" }.map(Character.init))
    }

    /// The map a generic CSV's header suggests.
    static func guessedMap(_ columns: [String]) -> FieldMap {
        var byKey: [String: String] = [:]
        for column in columns where byKey[key(column)] == nil { byKey[key(column)] = column }
        // `_id` keys to "id" once separators go; keep the exact name too.
        for column in columns where byKey[column.lowercased()] == nil { byKey[column.lowercased()] = column }
        var map = FieldMap()
        var used: Set<String> = []
        for (field, names) in guesses {
            for name in names {
                if let column = byKey[key(name)] ?? byKey[name], !used.contains(column) {
                    map.columns[field] = column
                    used.insert(column)
                    break
                }
            }
        }
        return map
    }
}

/// Settles whether slash dates in a column are day-first or month-first from the values themselves:
/// a first part over 12 can only be a day, a second part over 12 only a day in month-first order.
enum DayOrderVote {
    static func infer(_ values: [String]) -> ValueParsing.DayOrder {
        var dayFirst = 0, monthFirst = 0
        for value in values {
            let parts = value.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == " " })
            guard parts.count >= 3, let a = Int(parts[0]), let b = Int(parts[1]) else { continue }
            if a > 12, b <= 12 { dayFirst += 1 }
            if b > 12, a <= 12 { monthFirst += 1 }
        }
        if dayFirst > monthFirst { return .dayFirst }
        if monthFirst > dayFirst { return .monthFirst }
        return .guess
    }
}
