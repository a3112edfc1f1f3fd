/// The plan for a Typeform CSV export: one record per free-text answer, linked to its response (`#`).
///
/// Columns other than Typeform's own (`#`, `Start Date (UTC)`, `Submit Date (UTC)`, `Network ID`, …) are
/// questions. From the first answers: a question is free text when most answers are long; whole numbers 0–10
/// under a recommendation question (or reaching above 5) are the `score`; whole numbers 1–5 otherwise are the
/// `rating`. `Submit Date (UTC)` dates the records. Record ids are `#/N`, N the 1-based column number.
struct TypeformPlan: CSVRecordPlan {
    let maker: SurveyRecordMaker
    let responseColumn: Int
    let textColumns: [(index: Int, id: String, question: String)]
    let canonical: [(CanonicalField, Int)]
    let extras: [(name: String, index: Int)]

    static let metadata: Set<String> = [
        "#", "response type", "start date (utc)", "stage date (utc)", "submit date (utc)", "network id", "tags", "ending",
    ]

    init(_ preview: CSVPreview, map: FieldMap) throws {
        let heads = preview.columns
        func column(_ name: String) -> Int? { heads.firstIndex { $0.lowercased() == name } }
        guard let hash = column("#") else {
            throw IngestError(file: preview.file, "has no '#' column; is it a Typeform export? Pass --format csv with --map text=COLUMN")
        }
        responseColumn = hash
        var text: [(index: Int, id: String, question: String)] = []
        var scoreColumn: Int?, ratingColumn: Int?
        for (i, head) in heads.enumerated() where !Self.metadata.contains(head.lowercased()) {
            let profile = ColumnProfile(preview.samples, column: i)
            if profile.isZeroToTen, scoreColumn == nil, asksForRecommendation(head) || profile.maximum > 5 || profile.minimum == 0 {
                scoreColumn = i
            } else if profile.isOneToFive, ratingColumn == nil {
                ratingColumn = i
            } else if profile.isFreeText {
                text.append((i, String(i + 1), head))
            }
        }
        if let chosen = try userTextColumn(map, columns: heads, file: preview.file) { text = [chosen] }
        guard !text.isEmpty else {
            throw IngestError(file: preview.file, "has no free-text answer column among its first \(preview.samples.count) responses; columns are: \(heads.joined(separator: ", "))")
        }
        textColumns = text
        let dateColumn = column("submit date (utc)") ?? column("start date (utc)")
        var canonical: [(CanonicalField, Int)] = []
        if let scoreColumn { canonical.append((.score, scoreColumn)) }
        if let ratingColumn { canonical.append((.rating, ratingColumn)) }
        if let dateColumn { canonical.append((.date, dateColumn)) }
        try applyUserMap(map, columns: heads, file: preview.file, to: &canonical)
        self.canonical = canonical
        let claimed = Set(text.map(\.index) + canonical.map(\.1) + [hash])
        extras = heads.enumerated().filter { !claimed.contains($0.offset) }.map { (name: $0.element, index: $0.offset) }
        maker = SurveyRecordMaker(format: .typeformCSV, file: preview.file, samples: preview.samples, dateColumn: canonical.first { $0.0 == .date }?.1)
    }

    func records(from row: CSVDataRow, raw: () -> String, emit: (IngestEvent) throws -> Void) throws {
        let id = row.values[responseColumn].trimmingSpaces
        try maker.emit(row: row, responseID: id.isEmpty ? "line\(row.line)" : id, textColumns: textColumns,
                       canonical: canonical, extras: extras, raw: raw, emit: emit)
    }
}
