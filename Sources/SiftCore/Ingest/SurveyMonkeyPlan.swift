/// The plan for a SurveyMonkey CSV export: one record per open-ended answer, linked to its respondent.
///
/// Header rows: question texts (blank where a question spans several columns) and sub-labels
/// (`Open-Ended Response`, `Response`, a choice's label). A column is open text when its sub-label is
/// `Open-Ended Response` or asks to "specify", or when its sub-label is `Response` and most of its first answers
/// are long free text. A recommendation question (0–10) gives every record of the response its `score`;
/// `End Date` (else `Start Date`) its date. Record ids are `Respondent ID/N` with N the 1-based column number.
struct SurveyMonkeyPlan: CSVRecordPlan {
    let layout: SurveyLayout

    static let metadata: Set<String> = [
        "respondent id", "collector id", "start date", "end date", "ip address", "email address", "first name",
        "last name",
    ]

    init(_ preview: CSVPreview, map: FieldMap) throws {
        let heads = preview.headerRows[0]
        let subs = preview.headerRows.count > 1 ? preview.headerRows[1] : []
        func column(_ name: String) -> Int? { heads.firstIndex { $0.lowercased() == name } }
        guard let respondent = column("respondent id") else {
            throw IngestError(file: preview.file, "has no 'Respondent ID' column; is it a SurveyMonkey export? Pass --format csv with --map text=COLUMN")
        }
        var text: [(index: Int, id: String, question: String)] = []
        var names: [String] = []
        var scoreColumn: Int?
        var currentQuestion = ""
        for (i, head) in heads.enumerated() {
            // Unnamed columns were named `columnN`; in SurveyMonkey they continue the question before them.
            let isContinuation = head == "column\(i + 1)"
            if !isContinuation { currentQuestion = head }
            let sub = i < subs.count ? subs[i].trimmingSpaces : ""
            let subKey = sub.lowercased()
            let name = sub.isEmpty || subKey == "response" || subKey == "open-ended response"
                ? currentQuestion : "\(currentQuestion) - \(sub)"
            names.append(name)
            guard !Self.metadata.contains(head.lowercased()) || isContinuation else { continue }
            let profile = ColumnProfile(preview.samples, column: i)
            if subKey == "open-ended response" || subKey.contains("specify") || (subKey == "response" && profile.isFreeText) {
                text.append((i, String(i + 1), name))
            } else if scoreColumn == nil, asksForRecommendation(currentQuestion), profile.isZeroToTen || preview.samples.isEmpty {
                scoreColumn = i
            }
        }
        if let chosen = try userTextColumn(map, columns: heads, file: preview.file) { text = [chosen] }
        guard !text.isEmpty else {
            throw IngestError(file: preview.file, "has no open-ended answer column (sub-label 'Open-Ended Response'); nothing to analyze")
        }
        let dateColumn = column("end date") ?? column("start date")
        var canonical: [(CanonicalField, Int)] = []
        if let scoreColumn { canonical.append((.score, scoreColumn)) }
        if let dateColumn { canonical.append((.date, dateColumn)) }
        layout = try SurveyLayout(
            format: .surveyMonkey, preview: preview, columns: heads, extraNames: names, map: map, text: text,
            canonical: canonical, responseColumn: respondent)
    }

    func records(from row: CSVDataRow, raw: () -> String, emit: (IngestEvent) throws -> Void) throws {
        try layout.records(from: row, raw: raw, emit: emit)
    }
}
