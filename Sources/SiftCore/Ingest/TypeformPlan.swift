/// The plan for a Typeform CSV export: one record per free-text answer, linked to its response (`#`).
///
/// Columns other than Typeform's own (`#`, `Start Date (UTC)`, `Submit Date (UTC)`, `Network ID`, …) are
/// questions. From the first answers: a question is free text when most answers are long; whole numbers 0–10
/// under a recommendation question (or reaching above 5) are the `score`; whole numbers 1–5 otherwise are the
/// `rating`. `Submit Date (UTC)` dates the records. Record ids are `#/N`, N the 1-based column number.
struct TypeformPlan: CSVRecordPlan {
    let layout: SurveyLayout

    static let metadata: Set<String> = [
        "#", "response type", "start date (utc)", "stage date (utc)", "submit date (utc)", "network id", "tags", "ending",
    ]

    init(_ preview: CSVPreview, map: FieldMap) throws {
        let heads = preview.columns
        func column(_ name: String) -> Int? { heads.firstIndex { $0.lowercased() == name } }
        guard let hash = column("#") else {
            throw IngestError(file: preview.file, "has no '#' column; is it a Typeform export? Pass --format csv with --map text=COLUMN")
        }
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
        let dateColumn = column("submit date (utc)") ?? column("start date (utc)")
        var canonical: [(CanonicalField, Int)] = []
        if let scoreColumn { canonical.append((.score, scoreColumn)) }
        if let ratingColumn { canonical.append((.rating, ratingColumn)) }
        if let dateColumn { canonical.append((.date, dateColumn)) }
        layout = try SurveyLayout(
            format: .typeformCSV, preview: preview, columns: heads, extraNames: heads, map: map, text: text,
            canonical: canonical, responseColumn: hash)
    }

    func records(from row: CSVDataRow, raw: () -> String, emit: (IngestEvent) throws -> Void) throws {
        try layout.records(from: row, raw: raw, emit: emit)
    }
}
