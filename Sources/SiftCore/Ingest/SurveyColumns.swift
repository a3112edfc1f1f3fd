/// What a survey column's first values look like: how decisions about free text and scores are made.
struct ColumnProfile {
    var answered = 0
    /// Answers of three words or more, or 20 characters or more: what people type, not what they pick.
    var long = 0
    var allIntegers = true
    var minimum = Int.max
    var maximum = Int.min
    /// Distinct answers: people typing rarely write the same thing twice, people picking options often do.
    var distinct = 0

    init(_ samples: [CSVDataRow], column: Int) {
        var seen = Set<String>()
        defer { distinct = seen.count }
        for row in samples where column < row.values.count {
            let value = row.values[column]
            guard !ValueParsing.isMissing(value) else { continue }
            answered += 1
            let trimmed = value.trimmingSpaces
            seen.insert(trimmed.lowercased())
            if trimmed.count >= 20 || trimmed.split(separator: " ").count >= 3 { long += 1 }
            if let n = Int(trimmed) {
                minimum = min(minimum, n)
                maximum = max(maximum, n)
            } else {
                allIntegers = false
            }
        }
    }

    /// Mostly free text: at least half of the answers seen are long, and (with 10 answers or more) at least 70 %
    /// of them differ — a multiple-choice column repeats its options.
    var isFreeText: Bool {
        answered > 0 && long * 2 >= answered && (answered < 10 || Double(distinct) >= 0.7 * Double(answered))
    }
    /// Whole numbers within 0–10, as an NPS or opinion scale gives.
    var isZeroToTen: Bool { answered > 0 && allIntegers && minimum >= 0 && maximum <= 10 }
    /// Whole numbers within 1–5, as star ratings give.
    var isOneToFive: Bool { answered > 0 && allIntegers && minimum >= 1 && maximum <= 5 }
}

/// Survey questions that ask for a recommendation score (NPS): "How likely are you to recommend …".
func asksForRecommendation(_ text: String) -> Bool {
    let t = text.lowercased()
    if t.contains("_nps_group") { return false }
    return t.contains("nps") || t.contains("net promoter") || (t.contains("likely") && t.contains("recommend"))
}

/// Makes one record per free-text answer of a survey response, with the response's score and date.
struct SurveyRecordMaker {
    let builder: RecordBuilder

    init(format: InputFormat, file: String, samples: [CSVDataRow], dateColumn: Int?) {
        let order = dateColumn.map { i in DayOrderVote.infer(samples.map { $0.values.count > i ? $0.values[i] : "" }) } ?? .guess
        builder = RecordBuilder(format: format, source: file, map: FieldMap(), dayOrder: order)
    }

    /// Emits a record for each answered text column, or one rejection when the response answered none.
    func emit(
        row: CSVDataRow, responseID: String, textColumns: [(index: Int, id: String, question: String)],
        canonical: [(CanonicalField, Int)], extras: [(name: String, index: Int)], raw: () -> String,
        emit: (IngestEvent) throws -> Void
    ) throws {
        let origin = RecordOrigin(file: builder.source, line: row.line)
        var shared = builder.emptyRecord(at: origin)
        var problems: [String] = []
        for (field, index) in canonical {
            if let problem = builder.assign(row.values[index], to: field, of: &shared) { problems.append(problem) }
        }
        if !problems.isEmpty {
            try emit(.rejected(Rejection(origin: origin, reason: problems.joined(separator: "; "), raw: raw())))
            return
        }
        shared.extras.append(ExtraField(name: "response_id", value: responseID))
        for (name, index) in extras where !ValueParsing.isMissing(row.values[index]) {
            shared.extras.append(ExtraField(name: name, value: row.values[index]))
        }
        var made = 0
        for column in textColumns where !ValueParsing.isMissing(row.values[column.index]) {
            var record = shared
            record.text = row.values[column.index].trimmingSpaces
            record.id = "\(responseID)/\(column.id)"
            if !column.question.isEmpty { record.extras.append(ExtraField(name: "question", value: column.question)) }
            try emit(.record(record))
            made += 1
        }
        if made == 0 {
            try emit(.rejected(Rejection(origin: origin, reason: "response \(responseID) has no free-text answer", raw: raw())))
        }
    }
}

/// The user's `text=COLUMN` in a survey export: that column becomes the one free-text answer read.
/// - Throws: `IngestError` naming the column when the header lacks it.
func userTextColumn(_ map: FieldMap, columns: [String], file: String) throws -> (index: Int, id: String, question: String)? {
    guard let name = map[.text] else { return nil }
    guard let index = columns.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
        throw IngestError(file: file, "--map names the column '\(name)', which the header lacks; columns are: \(columns.joined(separator: ", "))")
    }
    return (index, String(index + 1), columns[index])
}

/// Lays the user's `--map` (all but `text`) over the fields a survey plan chose itself: a mapped field reads the
/// named column instead. - Throws: `IngestError` naming a column the header lacks.
func applyUserMap(_ map: FieldMap, columns: [String], file: String, to canonical: inout [(CanonicalField, Int)]) throws {
    for (field, name) in map.columns.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where field != .text {
        guard let index = columns.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
            throw IngestError(file: file, "--map names the column '\(name)', which the header lacks; columns are: \(columns.joined(separator: ", "))")
        }
        canonical.removeAll { $0.0 == field }
        canonical.append((field, index))
    }
}

/// What a survey plan decided, and the one way every survey export turns a row into records: the user's `--map`
/// laid over the plan's own field choices, every other column kept as an extra, one record per answered text column.
struct SurveyLayout {
    let maker: SurveyRecordMaker
    let responseColumn: Int?
    let textColumns: [(index: Int, id: String, question: String)]
    let canonical: [(CanonicalField, Int)]
    let extras: [(name: String, index: Int)]

    /// - Parameters:
    ///   - columns: the header names a `--map` is matched against.
    ///   - extraNames: the names extras are kept under (SurveyMonkey joins a question and its sub-label).
    init(
        format: InputFormat, preview: CSVPreview, columns: [String], extraNames: [String], map: FieldMap,
        text: [(index: Int, id: String, question: String)], canonical: [(CanonicalField, Int)], responseColumn: Int?
    ) throws {
        var canonical = canonical
        try applyUserMap(map, columns: columns, file: preview.file, to: &canonical)
        let claimed = Set(text.map(\.index) + canonical.map(\.1) + [responseColumn].compactMap { $0 })
        self.responseColumn = responseColumn
        textColumns = text
        self.canonical = canonical
        extras = extraNames.enumerated().filter { !claimed.contains($0.offset) }.map { (name: $0.element, index: $0.offset) }
        maker = SurveyRecordMaker(format: format, file: preview.file, samples: preview.samples, dateColumn: canonical.first { $0.0 == .date }?.1)
    }

    func records(from row: CSVDataRow, raw: () -> String, emit: (IngestEvent) throws -> Void) throws {
        let id = responseColumn.map { row.values[$0].trimmingSpaces } ?? ""
        try maker.emit(row: row, responseID: id.isEmpty ? "line\(row.line)" : id, textColumns: textColumns,
                       canonical: canonical, extras: extras, raw: raw, emit: emit)
    }
}
