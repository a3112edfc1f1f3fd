public import Foundation

/// One piece of feedback from any source, normalized; the one record type that flows through every stage.
public struct FeedbackRecord: Sendable, Hashable {
    /// The input's own id when it has one (from the field map), else a stable content hash (`h` + 16 hex digits).
    public var id: String
    /// Where the record came from: the input file's path as given, or `-` for standard input.
    public var source: String
    /// The format it was read as (its `--format` name).
    public var format: String
    public var text: String
    public var title: String?
    /// Stars, 1–5, where the source has stars.
    public var rating: Double?
    /// A score on the source's own scale, such as an NPS answer 0–10.
    public var score: Double?
    /// When the feedback was written, in UTC.
    public var date: Date?
    public var author: String?
    /// The app version the feedback is about.
    public var version: String?
    public var device: String?
    /// The language the source declares (the analyzer detects its own into `analysis`).
    public var language: String?
    public var country: String?
    /// How many people the feedback speaks for or reaches: followers, helpful votes.
    public var reach: Double?
    /// Every input field not mapped to a canonical field, in input order: nothing the user had is dropped.
    public var extras: [ExtraField]
    /// File, line, element or byte offset where the record starts.
    public var origin: RecordOrigin
    /// What the analysis stages found; nil until they run.
    public var analysis: Analysis?

    public init(
        id: String = "", source: String, format: String, text: String, title: String? = nil,
        rating: Double? = nil, score: Double? = nil, date: Date? = nil, author: String? = nil,
        version: String? = nil, device: String? = nil, language: String? = nil, country: String? = nil,
        reach: Double? = nil, extras: [ExtraField] = [], origin: RecordOrigin, analysis: Analysis? = nil
    ) {
        self.id = id
        self.source = source
        self.format = format
        self.text = text
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
}

/// An input field that no canonical field claimed, kept under its own name.
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
