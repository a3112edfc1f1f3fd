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
        // Over UTF-8 bytes: splitting by Characters was a fifth of sift's start-up time.
        var lines: [Substring] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var i = utf8.startIndex
        func take(_ end: String.Index) {
            var start = lineStart, end = end
            while start < end, utf8[start] == UInt8(ascii: " ") || utf8[start] == UInt8(ascii: "\t") { start = utf8.index(after: start) }
            while end > start {
                let last = utf8[utf8.index(before: end)]
                guard last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") else { break }
                end = utf8.index(before: end)
            }
            if start < end, utf8[start] != UInt8(ascii: "#") { lines.append(text[start..<end]) }
        }
        while i < utf8.endIndex {
            let byte = utf8[i]
            // The separators of Character.isNewline: LF, VT, FF, CR, NEL (C2 85), LS and PS (E2 80 A8/A9).
            var length = 0
            if byte >= 0x0A && byte <= 0x0D {
                length = 1
            } else if byte == 0xC2, utf8.index(after: i) < utf8.endIndex, utf8[utf8.index(after: i)] == 0x85 {
                length = 2
            } else if byte == 0xE2, utf8.distance(from: i, to: utf8.endIndex) >= 3, utf8[utf8.index(i, offsetBy: 1)] == 0x80,
                      utf8[utf8.index(i, offsetBy: 2)] == 0xA8 || utf8[utf8.index(i, offsetBy: 2)] == 0xA9 {
                length = 3
            }
            if length > 0 {
                take(i)
                i = utf8.index(i, offsetBy: length)
                lineStart = i
            } else {
                i = utf8.index(after: i)
            }
        }
        take(utf8.endIndex)
        return lines
    }

    /// This store with `other`'s files replacing or adding to its own.
    public func overlaid(by other: [String: String]) -> LexiconStore {
        LexiconStore(files: files.merging(other) { _, new in new })
    }
}
