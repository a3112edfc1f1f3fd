/// The plan for a Qualtrics CSV export: one record per open-text answer, linked to its response.
///
/// Header rows: column ids (`ResponseId`, `Q1`, `Q3_TEXT`), question texts, and import ids
/// (`{"ImportId":"QID3_TEXT"}`). A column is open text when its id or import id ends in `_TEXT`, or, for a
/// question column (id or import id starting with `Q`), when most of its first answers are long free text.
/// The first column whose id, import id or question asks for a recommendation (NPS) gives every record of
/// the response its `score`; `RecordedDate` (else `EndDate`) its date; `UserLanguage` its language. Every other
/// column is kept as an extra. Record ids are `ResponseId/COLUMN`; a response with no open-text answer is one
/// rejection, so the accounting still shows it.
struct QualtricsPlan: CSVRecordPlan {
    let layout: SurveyLayout

    static let metadata: Set<String> = [
        "startdate", "enddate", "status", "ipaddress", "progress", "duration (in seconds)", "finished", "recordeddate",
        "responseid", "recipientlastname", "recipientfirstname", "recipientemail", "externalreference",
        "locationlatitude", "locationlongitude", "distributionchannel", "userlanguage",
    ]

    init(_ preview: CSVPreview, map: FieldMap) throws {
        let ids = preview.columns
        let questions = preview.headerRows.count > 1 ? preview.headerRows[1] : []
        let importIDs = preview.headerRows.count > 2 ? preview.headerRows[2] : []
        func question(_ i: Int) -> String { i < questions.count ? questions[i].trimmingSpaces : "" }
        func importID(_ i: Int) -> String {
            guard i < importIDs.count else { return "" }
            // {"ImportId":"QID3_TEXT"} → QID3_TEXT; kept whole if it is not that shape.
            let parts = importIDs[i].split(separator: "\"")
            return parts.count >= 4 && parts[1] == "ImportId" ? String(parts[3]) : importIDs[i]
        }
        func column(_ name: String) -> Int? { ids.firstIndex { $0.lowercased() == name.lowercased() } }
        let responseColumn = column("ResponseId")
        guard responseColumn != nil || ids.contains(where: { $0.uppercased().hasSuffix("_TEXT") }) else {
            throw IngestError(file: preview.file, "has no ResponseId column and no _TEXT column; is it a Qualtrics export? Pass --format csv with --map text=COLUMN")
        }
        var text: [(index: Int, id: String, question: String)] = []
        var scoreColumn: Int?
        for (i, id) in ids.enumerated() where !Self.metadata.contains(id.lowercased()) {
            let imp = importID(i)
            let isQuestion = id.uppercased().hasPrefix("Q") || imp.uppercased().hasPrefix("Q")
            // Qualtrics names the columns of picked answers "… - Selected Choice": never free text.
            let picked = question(i).lowercased().hasSuffix("selected choice")
            if id.uppercased().hasSuffix("_TEXT") || imp.uppercased().hasSuffix("_TEXT")
                || (isQuestion && !picked && ColumnProfile(preview.samples, column: i).isFreeText)
            {
                text.append((i, id, question(i)))
            } else if scoreColumn == nil,
                      asksForRecommendation(id) || asksForRecommendation(imp) || asksForRecommendation(question(i)),
                      ColumnProfile(preview.samples, column: i).isZeroToTen || preview.samples.isEmpty
            {
                scoreColumn = i
            }
        }
        if let chosen = try userTextColumn(map, columns: ids, file: preview.file) { text = [chosen] }
        guard !text.isEmpty else {
            throw IngestError(file: preview.file, "has no open-text column (none ends in _TEXT or holds free text); columns are: \(ids.joined(separator: ", "))")
        }
        let dateColumn = column("RecordedDate") ?? column("EndDate")
        var canonical: [(CanonicalField, Int)] = []
        if let scoreColumn { canonical.append((.score, scoreColumn)) }
        if let dateColumn { canonical.append((.date, dateColumn)) }
        if let language = column("UserLanguage") { canonical.append((.language, language)) }
        layout = try SurveyLayout(
            format: .qualtrics, preview: preview, columns: ids, extraNames: ids, map: map, text: text,
            canonical: canonical, responseColumn: responseColumn)
    }

    func records(from row: CSVDataRow, raw: () -> String, emit: (IngestEvent) throws -> Void) throws {
        try layout.records(from: row, raw: raw, emit: emit)
    }
}
