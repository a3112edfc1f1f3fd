public import Foundation

/// One piece of feedback from any source, normalized; the one record type that flows through every stage.
///
/// A run holds a million of these at once, so the storage is packed behind the public fields: the strings every
/// record of an input shares (source, format, file) are one shared object, fields most sources lack (title,
/// author, country, score, reach) live in a box made only when one is set, and absent numbers and positions are
/// sentinels rather than optionals (an optional Double takes 16 bytes in a struct), and a content-hash id is held
/// in a string short enough for Swift to keep inline (see `RecordIDCoding`). 416 bytes a record became 264, and
/// the id's 64-byte heap string is gone.
public struct FeedbackRecord: Sendable, Hashable {
    public var text: String
    /// The app version the feedback is about.
    public var version: String?
    public var device: String?
    /// The language the source declares (the analyzer detects its own into `analysis`).
    public var language: String?
    /// Every input field not mapped to a canonical field, in input order: nothing the user had is dropped.
    public var extras: ExtraFields
    /// What the analysis stages found; nil until they run.
    public var analysis: Analysis?

    private var storedID: String
    private var input: RecordInput
    private var rare: RareFields?
    private var stars = Self.absent
    private var seconds = Self.absent
    private var line = Int.min
    private var element = Int.min
    private var byteOffset = Int.min

    /// An absent number: not NaN, so that records still compare equal to themselves.
    private static let absent = -Double.infinity

    public init(
        id: String = "", source: String, format: String, text: String, title: String? = nil,
        rating: Double? = nil, score: Double? = nil, date: Date? = nil, author: String? = nil,
        version: String? = nil, device: String? = nil, language: String? = nil, country: String? = nil,
        reach: Double? = nil, extras: ExtraFields = [], origin: RecordOrigin, analysis: Analysis? = nil
    ) {
        self.init(id: id, input: RecordInput(source: source, format: format, file: origin.file), text: text)
        self.title = title
        self.rating = rating
        self.score = score
        self.date = date
        self.author = author
        self.version = version
        self.device = device
        self.language = language
        self.country = country
        self.reach = reach
        self.extras = extras
        self.origin = origin
        self.analysis = analysis
    }

    /// A record of `input` with no fields but its text; readers share one `input` among all their records.
    init(id: String = "", input: RecordInput, text: String) {
        self.storedID = RecordIDCoding.stored(id)
        self.input = input
        self.text = text
        self.extras = []
    }

    /// The input's own id when it has one (from the field map), else a stable content hash (`h` + 16 hex digits).
    public var id: String {
        get { RecordIDCoding.id(storedID) }
        set { storedID = RecordIDCoding.stored(newValue) }
    }

    /// Whether the record has no id yet, without decoding a stored content-hash id into its text.
    var idIsEmpty: Bool { storedID.isEmpty }

    /// Sets the id to the content hash `hash` (`h` and its 16 hex digits).
    mutating func setContentHashID(_ hash: UInt64) { storedID = RecordIDCoding.stored(contentHash: hash) }

    /// Where the record came from: the input file's path as given, or `-` for standard input.
    public var source: String {
        get { input.source }
        set { if newValue != input.source { input = RecordInput(source: newValue, format: input.format, file: input.file) } }
    }

    /// The format it was read as (its `--format` name).
    public var format: String {
        get { input.format }
        set { if newValue != input.format { input = RecordInput(source: input.source, format: newValue, file: input.file) } }
    }

    /// File, line, element or byte offset where the record starts.
    public var origin: RecordOrigin {
        get {
            RecordOrigin(
                file: input.file, line: line == .min ? nil : line, element: element == .min ? nil : element,
                byteOffset: byteOffset == .min ? nil : byteOffset)
        }
        set {
            if newValue.file != input.file { input = RecordInput(source: input.source, format: input.format, file: newValue.file) }
            line = newValue.line ?? .min
            element = newValue.element ?? .min
            byteOffset = newValue.byteOffset ?? .min
        }
    }

    /// Stars, 1–5, where the source has stars.
    public var rating: Double? {
        get { stars == Self.absent ? nil : stars }
        set { stars = newValue ?? Self.absent }
    }

    /// When the feedback was written, in UTC.
    public var date: Date? {
        get { seconds == Self.absent ? nil : Date(timeIntervalSinceReferenceDate: seconds) }
        set { seconds = newValue?.timeIntervalSinceReferenceDate ?? Self.absent }
    }

    /// `idHash` of the record at `record`, read in place (the getter, too, copied the record).
    static func idHash(at record: UnsafePointer<FeedbackRecord>) -> UInt64 { RecordIDCoding.stableHashOfID(record.pointee.storedID) }

    /// The analysis of the record at `record`, where it lies: reading fields through `pointee.analysis` copied the
    /// whole analysis (retaining its arrays) on each read.
    static func analysis(at record: UnsafePointer<FeedbackRecord>) -> UnsafePointer<Analysis>? {
        let stored = (UnsafeRawPointer(record) + MemoryLayout<FeedbackRecord>.offset(of: \.analysis)!)
            .assumingMemoryBound(to: Analysis?.self)
        guard case .some = stored.pointee else { return nil }
        // An optional's payload sits at its start.
        return UnsafeRawPointer(stored).assumingMemoryBound(to: Analysis.self)
    }

    /// Whether the records at `a` and `b` come from one input (and so share source, format and file), read in place.
    static func sharesInput(_ a: UnsafePointer<FeedbackRecord>, _ b: UnsafePointer<FeedbackRecord>) -> Bool {
        a.pointee.input === b.pointee.input
    }

    /// The content hash the id of the record at `record` stands for, read in place; nil for an id the input gave.
    static func contentHashOfID(at record: UnsafePointer<FeedbackRecord>) -> UInt64? {
        RecordIDCoding.contentHash(stored: record.pointee.storedID)
    }

    /// The date (as seconds since the reference date) and rating of the record at `record`, read in place: calling
    /// the `date` getter on a record in an array copied the whole record first.
    static func dateSecondsAndRating(at record: UnsafePointer<FeedbackRecord>) -> (seconds: Double?, rating: Double?) {
        let seconds = record.pointee.seconds, stars = record.pointee.stars
        return (seconds == absent ? nil : seconds, stars == absent ? nil : stars)
    }

    public var title: String? {
        get { rare?.values.title }
        set { setRare(\.title, newValue) }
    }

    public var author: String? {
        get { rare?.values.author }
        set { setRare(\.author, newValue) }
    }

    public var country: String? {
        get { rare?.values.country }
        set { setRare(\.country, newValue) }
    }

    /// A score on the source's own scale, such as an NPS answer 0–10.
    public var score: Double? {
        get { rare?.values.score }
        set { setRare(\.score, newValue) }
    }

    /// How many people the feedback speaks for or reaches: followers, helpful votes.
    public var reach: Double? {
        get { rare?.values.reach }
        set { setRare(\.reach, newValue) }
    }

    private mutating func setRare<Value: Equatable>(_ field: WritableKeyPath<RareFields.Values, Value?>, _ value: Value?) {
        var values = rare?.values ?? RareFields.Values()
        guard values[keyPath: field] != value else { return }
        values[keyPath: field] = value
        rare = values.isEmpty ? nil : RareFields(values)
    }
}

/// How a record's id is stored. A content-hash id (`h` + 16 hex digits, 17 bytes) is one heap string per
/// record; stored instead as a marker byte and the hash's 64 bits in 11 base-64 digits it is 12 bytes, which
/// Swift keeps inside the string value itself. Any other id is stored as given, behind an escape byte when it
/// starts with one of the two marker bytes, so every id reads back exactly.
enum RecordIDCoding {
    private static let hashMarker: UInt8 = 0x00
    private static let escape: UInt8 = 0x01
    private static let digits: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, d) in digits.enumerated() { table[Int(d)] = UInt8(i) }
        return table
    }()

    static func stored(_ id: String) -> String {
        let utf8 = id.utf8
        if let hash = contentHash(in: utf8) { return stored(contentHash: hash) }
        if let first = utf8.first, first == hashMarker || first == escape { return "\u{1}" + id }
        return id
    }

    static func stored(contentHash hash: UInt64) -> String {
        String(unsafeUninitializedCapacity: 12) { buffer in
            buffer[0] = hashMarker
            for i in 0..<11 { buffer[1 + i] = digits[Int((hash >> (UInt64(i) * 6)) & 0x3F)] }
            return 12
        }
    }

    static func id(_ stored: String) -> String {
        guard let first = stored.utf8.first, first <= escape else { return stored }
        if first == escape { return String(stored.dropFirst()) }
        return ContentHash(value: hash(stored)).prefixedHex
    }

    /// The hash a stored content-hash id holds; nil for any other id.
    static func contentHash(stored: String) -> UInt64? { stored.utf8.first == hashMarker ? hash(stored) : nil }

    static func stableHashOfID(_ stored: String) -> UInt64 {
        guard stored.utf8.first == hashMarker else { return stableHash(id(stored).utf8) }
        var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            ContentHash.writePrefixedHex(hash(stored), into: raw)
            return stableHash(UnsafeRawBufferPointer(rebasing: raw[0..<17]))
        }
    }

    private static func hash(_ stored: String) -> UInt64 {
        var hash: UInt64 = 0
        for (i, d) in stored.utf8.dropFirst().enumerated() { hash |= UInt64(values[Int(d)]) << (UInt64(i) * 6) }
        return hash
    }

    /// The hash of an id written `h` + 16 lower-case hex digits, the form content-hash ids take.
    private static func contentHash(in utf8: String.UTF8View) -> UInt64? {
        guard utf8.count == 17, utf8.first == UInt8(ascii: "h") else { return nil }
        var hash: UInt64 = 0
        for byte in utf8.dropFirst() {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            hash = hash << 4 | UInt64(digit)
        }
        return hash
    }
}

/// The names every record of one input shares, held once.
final class RecordInput: Sendable, Hashable {
    let source: String
    let format: String
    let file: String

    init(source: String, format: String, file: String) {
        self.source = source
        self.format = format
        self.file = file
    }

    static func == (a: RecordInput, b: RecordInput) -> Bool {
        a === b || (a.source == b.source && a.format == b.format && a.file == b.file)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(format)
        hasher.combine(file)
    }
}

/// Fields most sources leave empty, boxed so that a record without them carries one empty pointer.
final class RareFields: Sendable, Hashable {
    struct Values: Hashable {
        var title: String?
        var author: String?
        var country: String?
        var score: Double?
        var reach: Double?
        var isEmpty: Bool { title == nil && author == nil && country == nil && score == nil && reach == nil }
    }

    let values: Values
    init(_ values: Values) { self.values = values }

    static func == (a: RareFields, b: RareFields) -> Bool { a === b || a.values == b.values }
    func hash(into hasher: inout Hasher) { hasher.combine(values) }
}

public struct ExtraField: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Where in an input a record (or a problem) sits. Lines are 1-based; elements are 1-based indexes of the
/// record element (XML) or array item (JSON); byte offsets are 0-based into the decoded input.
public struct RecordOrigin: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var element: Int?
    public var byteOffset: Int?

    public init(file: String, line: Int? = nil, element: Int? = nil, byteOffset: Int? = nil) {
        self.file = file
        self.line = line
        self.element = element
        self.byteOffset = byteOffset
    }

    /// `file:line`, `file: element N` or `file: byte N`, the way compilers and editors point at places.
    public var description: String {
        var parts = file
        if let line { parts += ":\(line)" }
        if let element { parts += (line == nil ? ": " : " ") + "element \(element)" }
        if line == nil, element == nil, let byteOffset { parts += ": byte \(byteOffset)" }
        return parts
    }
}
