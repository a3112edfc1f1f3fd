/// Every input format sift reads, by its `--format` name.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// Google Play Console reviews export (UTF-16LE CSV, columns by header name).
    case googlePlay = "play"
    /// App Store customer-reviews RSS feed as Atom XML.
    case appStoreXML = "appstore-xml"
    /// The same feed as JSON (`feed.entry[]`, every value wrapped as `{"label": …}`).
    case appStoreJSON = "appstore-json"
    /// App Store Connect API `customerReviews` JSON (`data[].attributes`).
    case appStoreConnect = "appstore-connect"
    /// Qualtrics CSV export: three header rows; one record per open-text answer.
    case qualtrics
    /// SurveyMonkey CSV export: two header rows.
    case surveyMonkey = "surveymonkey"
    /// Typeform CSV export.
    case typeformCSV = "typeform-csv"
    /// Typeform responses API JSON (`items[].answers[]`).
    case typeformJSON = "typeform-json"
    /// Any CSV with a header row; columns through `--map` or guessed from common names.
    case csv
    /// Tab-separated values with a header row.
    case tsv
    /// A JSON array of objects (or an object holding one), fields through `--map`.
    case json
    /// JSON Lines: one object per line (creator feedback, exports of any tool).
    case jsonl
    /// Any XML with repeated record elements, through `--map` (`record=ELEMENT` names the element).
    case xml

    /// One line for `--help` and the README's table.
    public var summary: String {
        switch self {
        case .googlePlay: "Google Play Console reviews CSV (UTF-16, by header names)"
        case .appStoreXML: "App Store customer-reviews feed, Atom XML"
        case .appStoreJSON: "App Store customer-reviews feed, JSON"
        case .appStoreConnect: "App Store Connect API customerReviews JSON"
        case .qualtrics: "Qualtrics CSV export (3 header rows)"
        case .surveyMonkey: "SurveyMonkey CSV export (2 header rows)"
        case .typeformCSV: "Typeform CSV export"
        case .typeformJSON: "Typeform responses API JSON"
        case .csv: "any CSV with a header row"
        case .tsv: "any TSV with a header row"
        case .json: "any JSON array of objects"
        case .jsonl: "JSON Lines, one object per line"
        case .xml: "any XML with one element per record"
        }
    }
}
