/// One item of the product roadmap: what the team plans to build or fix.
public struct RoadmapItem: Sendable, Hashable {
    public var id: String
    public var title: String
    public var description: String
    /// Words and phrases that say what the item covers; they weigh more than the description when linking.
    public var keywords: [String]
    /// planned, in_progress, shipped, exploring — whatever the team uses.
    public var status: String?
    /// A date or quarter (`2026-Q4`), as written.
    public var target: String?
    public var owner: String?
    public var url: String?
    /// The line in the roadmap file where the item starts.
    public var line: Int?

    public init(
        id: String, title: String, description: String = "", keywords: [String] = [], status: String? = nil,
        target: String? = nil, owner: String? = nil, url: String? = nil, line: Int? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.keywords = keywords
        self.status = status
        self.target = target
        self.owner = owner
        self.url = url
        self.line = line
    }
}

/// A roadmap file that cannot be used; names the file, the line and the field, and what to write instead.
public struct RoadmapError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
