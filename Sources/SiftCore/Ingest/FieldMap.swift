/// The canonical fields a `--map` can name.
public enum CanonicalField: String, Sendable, Hashable, CaseIterable {
    case id, text, title, rating, score, date, author, version, device, language, country, reach
}

/// Which input column (or JSON key path, or XML child/attribute) feeds each canonical field.
///
/// Written on the command line as `text=Review,rating=Stars,date=When`. Names match input columns
/// case-insensitively; JSON and XML names may be dotted paths (`user.name`, `author/name`, `@id`).
public struct FieldMap: Sendable, Hashable {
    public var columns: [CanonicalField: String]
    /// For XML and nested JSON: the element name (or key path) of one record, written `record=NAME`.
    public var record: String?

    public init(_ columns: [CanonicalField: String] = [:], record: String? = nil) {
        self.columns = columns
        self.record = record
    }

    /// Parses `field=column,field=column`; throws with the bad pair named.
    public init(parsing spec: String) throws(FieldMapError) {
        var columns: [CanonicalField: String] = [:]
        var record: String?
        for pair in spec.split(separator: ",", omittingEmptySubsequences: true) {
            guard let eq = pair.firstIndex(of: "=") else { throw FieldMapError(pair: String(pair), reason: "expected FIELD=COLUMN") }
            let name = pair[..<eq].trimmingSpaces.lowercased()
            let column = pair[pair.index(after: eq)...].trimmingSpaces
            if name == "record", !column.isEmpty {
                record = column
                continue
            }
            guard let field = CanonicalField(rawValue: name) else {
                throw FieldMapError(
                    pair: String(pair),
                    reason: "unknown field '\(name)'; fields are \(CanonicalField.allCases.map(\.rawValue).joined(separator: ", ")), and record")
            }
            guard !column.isEmpty else { throw FieldMapError(pair: String(pair), reason: "no column named") }
            columns[field] = column
        }
        self.columns = columns
        self.record = record
    }

    public subscript(field: CanonicalField) -> String? { columns[field] }

    /// This map, with `other`'s entries taking precedence (a user's `--map` over a format's defaults).
    public func overlaid(by other: FieldMap) -> FieldMap {
        FieldMap(columns.merging(other.columns) { _, new in new }, record: other.record ?? record)
    }
}

public struct FieldMapError: Error, Sendable, CustomStringConvertible {
    public var pair: String
    public var reason: String
    public var description: String { "--map '\(pair)': \(reason)" }
}

extension StringProtocol {
    var trimmingSpaces: String {
        if utf8.withContiguousStorageIfAvailable(hasVisibleASCIIEnds) == true { return String(self) }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// Whether the bytes start and end with a visible ASCII character: such text has no edge spaces to trim.
@inline(__always) func hasVisibleASCIIEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return false }
    return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
}
