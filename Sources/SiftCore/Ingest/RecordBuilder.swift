import Foundation

/// Turns one input record's named fields into a `FeedbackRecord` through a field map: mapped fields become
/// canonical fields, every other field is kept as an extra, values are parsed, and a record that cannot stand
/// (no text, a rating out of range) becomes a rejection with its reason.
public struct RecordBuilder: Sendable {
    public let format: InputFormat
    public let source: String
    public let map: FieldMap
    public var dayOrder: ValueParsing.DayOrder
    /// Lower-cased column name → the canonical field it feeds.
    private let canonicalByName: [String: CanonicalField]
    /// The source and format names, shared by every record built.
    private let input: RecordInput

    public init(format: InputFormat, source: String, map: FieldMap, dayOrder: ValueParsing.DayOrder = .guess) {
        self.format = format
        self.source = source
        self.map = map
        self.dayOrder = dayOrder
        var byName: [String: CanonicalField] = [:]
        for (field, column) in map.columns { byName[column.lowercased()] = field }
        canonicalByName = byName
        input = RecordInput(source: source, format: format.rawValue, file: source)
    }

    /// A record of this builder's input with no fields yet, starting at `origin`.
    func emptyRecord(at origin: RecordOrigin) -> FeedbackRecord {
        let shared = origin.file == input.file ? input : RecordInput(source: source, format: format.rawValue, file: origin.file)
        var record = FeedbackRecord(input: shared, text: "")
        record.origin = origin
        return record
    }

    /// The canonical field a column feeds, if any.
    public func canonicalField(forColumn name: String) -> CanonicalField? {
        // Most field names are lower-case ASCII already; lowercasing allocates a string per field per record.
        if name.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) { return canonicalByName[name] }
        return canonicalByName[name.lowercased()]
    }

    /// Mapped columns that `header` lacks: a `--map` naming a column that is not there stops the input.
    public func missingColumns(in header: [String]) -> [String] {
        let present = Set(header.map { $0.lowercased() })
        return map.columns.values.filter { !present.contains($0.lowercased()) }.sorted()
    }

    /// Builds a record from fields in input order. `raw` is the record as it stood, kept in a rejection.
    public func build(fields: [(name: String, value: String)], origin: RecordOrigin, raw: @autoclosure () -> String)
        -> Result<FeedbackRecord, Rejection>
    {
        build(columns: fields.map(\.name), fields: fields.map { canonicalField(forColumn: $0.name) },
              values: fields.map(\.value), origin: origin, raw: raw())
    }

    /// Builds a record from fields in input order, reusing `columns`' canonical fields while the names repeat
    /// (JSON Lines and XML records mostly have the same keys in the same order, so lookups are done once).
    public func build(fields: [(name: String, value: String)], columns: inout ColumnFields, origin: RecordOrigin,
                      raw: @autoclosure () -> String) -> Result<FeedbackRecord, Rejection>
    {
        if !columns.names.elementsEqual(fields.lazy.map(\.name)) {
            columns.names = fields.map(\.name)
            columns.fields = self.fields(forColumns: columns.names)
        }
        return build(columns: columns.names, fields: columns.fields, values: fields.map(\.value), origin: origin,
                     raw: raw())
    }

    /// Each column's canonical field, worked out once per header so that rows skip the name lookup.
    public func fields(forColumns columns: [String]) -> [CanonicalField?] {
        columns.map(canonicalField(forColumn:))
    }

    /// Builds a record from values in column order; `fields` is `fields(forColumns: columns)`.
    public func build(
        columns: [String], fields: [CanonicalField?], values: [String], origin: RecordOrigin,
        raw: @autoclosure () -> String
    ) -> Result<FeedbackRecord, Rejection> {
        var record = emptyRecord(at: origin)
        // One allocation of exactly the extras' size: a million records each reserving room for every column held
        // half a gigabyte of empty slots. Names index the header, which all rows share.
        record.extras = ExtraFields(names: columns)
        record.extras.reserve(values: values.indices.lazy.filter { fields[$0] == nil && !ValueParsing.isMissing(values[$0]) }.map { values[$0] })
        var problems: [String] = []
        for (i, value) in values.enumerated() {
            guard let field = fields[i] else {
                if !ValueParsing.isMissing(value) { record.extras.append(nameAt: i, value: value) }
                continue
            }
            if let problem = assign(value, to: field, of: &record) { problems.append(problem) }
        }
        takeTitleAsMissingText(&record)
        if record.text.isEmpty { problems.append("no text (the \(map[.text].map { "'\($0)' " } ?? "")text field is empty)") }
        if problems.isEmpty { return .success(record) }
        return .failure(Rejection(origin: origin, reason: problems.joined(separator: "; "), raw: raw()))
    }

    /// Sets a text field (`field.isText`) to `text`, already trimmed.
    @inline(__always)
    func set(_ text: String, to field: CanonicalField, of record: inout FeedbackRecord) {
        switch field {
        case .id: record.id = text
        case .text: record.text = text
        case .title: record.title = text
        case .author: record.author = text
        case .version: record.version = text
        case .device: record.device = text
        case .language: record.language = text
        case .country: record.country = text
        case .rating, .score, .date, .reach: assertionFailure("\(field) is not a text field")
        }
    }

    /// A review with a title and no body still says something: its title becomes the text analyzed.
    func takeTitleAsMissingText(_ record: inout FeedbackRecord) {
        if record.text.isEmpty, let title = record.title, !title.isEmpty {
            record.text = title
            record.title = nil
        }
    }

    /// Sets one canonical field; returns a reason when the value is bad.
    public func assign(_ value: String, to field: CanonicalField, of record: inout FeedbackRecord) -> String? {
        if ValueParsing.isMissing(value) { return nil }
        let trimmed = value.trimmingSpaces
        switch field {
        case .id, .text, .title, .author, .version, .device, .language, .country:
            set(trimmed, to: field, of: &record)
        case .rating:
            guard let n = ValueParsing.number(trimmed) else { return "rating '\(trimmed)' is not a number" }
            guard (0...5).contains(n) else { return "rating \(trimmed) is outside 1–5" }
            // 0 stars is how some exports write "no rating".
            record.rating = n == 0 ? nil : n
        case .score:
            guard let n = ValueParsing.number(trimmed) else { return "score '\(trimmed)' is not a number" }
            record.score = n
        case .reach:
            guard let n = ValueParsing.number(trimmed), n >= 0 else { return "reach '\(trimmed)' is not a count" }
            record.reach = n
        case .date:
            guard let d = ValueParsing.date(trimmed, order: dayOrder) else { return "date '\(trimmed)' is not a date sift knows" }
            record.date = d
        }
        return nil
    }
}

/// The canonical field of each column of the last record built, kept between records.
public struct ColumnFields: Sendable {
    public var names: [String] = []
    public var fields: [CanonicalField?] = []
    public init() {}
}
