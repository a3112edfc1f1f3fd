/// The lexicon files sift ships (`Lexicons/`, embedded in the binary), optionally overlaid by a directory of
/// the user's own with the same layout.
public struct LexiconStore: Sendable {
    private var files: [String: String]

    /// The shipped lexicons.
    public static let shipped = LexiconStore(files: EmbeddedLexicons.files)

    public init(files: [String: String]) {
        self.files = files
    }

    /// The text of `path` (relative to `Lexicons/`, e.g. `en/stopwords.txt`), or nil if there is none.
    public func text(_ path: String) -> String? { files[path] }

    /// Every file path, sorted.
    public var paths: [String] { files.keys.sorted() }

    /// The non-empty, non-comment lines of a file (`#` starts a comment line), each trimmed.
    public func lines(_ path: String) -> [Substring] {
        guard let text = files[path] else { return [] }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let t = line.drop { $0 == " " || $0 == "\t" }
            if t.isEmpty || t.hasPrefix("#") { return nil }
            var end = t.endIndex
            while end > t.startIndex, t[t.index(before: end)] == " " || t[t.index(before: end)] == "\t" || t[t.index(before: end)] == "\r" {
                end = t.index(before: end)
            }
            return t[..<end]
        }
    }

    /// This store with `other`'s files replacing or adding to its own.
    public func overlaid(by other: [String: String]) -> LexiconStore {
        LexiconStore(files: files.merging(other) { _, new in new })
    }
}
