/// The lexicon files sift ships (`Lexicons/`, embedded in the binary), optionally overlaid by a directory of
/// the user's own with the same layout.
public struct LexiconStore: Sendable {
    private var files: [String: String]
    /// Snowball stems of the terms of shipped files, one a line of `lines(path)` ('=' for the term itself), made by
    /// `scripts/embed-lexicons`; only for files still as shipped.
    private var stems: [String: String] = [:]
    /// Shipped files whose every term is its own folded form (`EmbeddedLexicons.foldedAsWritten`).
    private var foldedAsWritten: Set<String> = []
    /// The word lists of the plain-English shortcut made from the shipped files by `scripts/embed-lexicons`; nil for
    /// any other files.
    private(set) var plainEnglishLists: PlainEnglishLists?
    /// Whether this is `shipped` itself, with no file of the user's: what is built from it can be built once per
    /// process and shared.
    private(set) var isShipped = false
    /// Each language's stem index (`LanguageLexicon.indexStems`) of the shipped files, made by
    /// `scripts/embed-lexicons`; only for the shipped files, none once the user's files are added.
    private var stemIndexes: [String: String] = [:]
    /// Each sentiment language's lexicon (and `common/multilingual.tsv`) laid out by `scripts/embed-lexicons` from the
    /// shipped files; none once the user's files are added.
    private var laidOutLexicons: [String: [String]] = [:]

    /// `EmbeddedLexicons.englishVocabulary` and `.otherLanguageWords`: one word a line.
    struct PlainEnglishLists: Sendable {
        var englishVocabulary: String
        var otherLanguageWords: String
    }

    /// The shipped lexicons.
    public static let shipped = LexiconStore(
        files: EmbeddedLexicons.files, stems: EmbeddedLexicons.stems, foldedAsWritten: EmbeddedLexicons.foldedAsWritten,
        plainEnglishLists: PlainEnglishLists(englishVocabulary: EmbeddedLexicons.englishVocabulary,
                                             otherLanguageWords: EmbeddedLexicons.otherLanguageWords),
        stemIndexes: EmbeddedLexicons.stemIndexes, laidOutLexicons: EmbeddedLexicons.laidOutLexicons, isShipped: true)

    public init(files: [String: String]) {
        self.files = files
    }

    init(files: [String: String], stems: [String: String], foldedAsWritten: Set<String> = [],
         plainEnglishLists: PlainEnglishLists? = nil, stemIndexes: [String: String] = [:],
         laidOutLexicons: [String: [String]] = [:], isShipped: Bool = false) {
        self.files = files
        self.stems = stems
        self.foldedAsWritten = foldedAsWritten
        self.plainEnglishLists = plainEnglishLists
        self.stemIndexes = stemIndexes
        self.laidOutLexicons = laidOutLexicons
        self.isShipped = isShipped
    }

    /// The text of `path` (relative to `Lexicons/`, e.g. `en/stopwords.txt`), or nil if there is none.
    public func text(_ path: String) -> String? { files[path] }

    /// Every file path, sorted.
    public var paths: [String] { files.keys.sorted() }

    /// The languages with a file named `name`: of each path of two parts (split at "/", empty parts left out) whose
    /// second part is `name`, the first part; sorted.
    // On bytes and without the sorted path list: splitting each of the shipped paths and sorting them were 0.18 M
    // instructions of every run's start.
    func languages(withFile name: String) -> [String] {
        var name = name
        return name.withUTF8 { name in
            var languages = Set<String>()
            for var path in files.keys {
                path.withUTF8 { path in
                    let slash = UInt8(ascii: "/")
                    var parts = 0, first = 0..<0, second = 0..<0, k = 0
                    while k < path.count, parts <= 2 {
                        guard path[k] != slash else {
                            k += 1
                            continue
                        }
                        let start = k
                        while k < path.count, path[k] != slash { k += 1 }
                        parts += 1
                        if parts == 1 { first = start..<k } else { second = start..<k }
                    }
                    guard parts == 2, second.count == name.count, UnsafeBufferPointer(rebasing: path[second]).elementsEqual(name) else { return }
                    languages.insert(String(decoding: UnsafeBufferPointer(rebasing: path[first]), as: UTF8.self))
                }
            }
            return languages.sorted()
        }
    }

    /// The non-empty, non-comment lines of a file (`#` starts a comment line), each trimmed.
    public func lines(_ path: String) -> [Substring] {
        guard let text = files[path] else { return [] }
        // Over UTF-8 bytes: splitting by Characters was a fifth of sift's start-up time.
        let ranges = Self.withUTF8(text) { Self.lineRanges($0) }
        let utf8 = text.utf8
        return ranges.map { text[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
    }

    /// Calls `body` with a file's UTF-8 bytes and the byte ranges of its `lines(path)`; nil when there is no such file.
    // Loading reads lexicon lines as bytes: making a Substring of each line was a tenth of start-up.
    func withLines<R>(_ path: String, _ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) throws -> R) rethrows -> R? {
        guard let text = files[path] else { return nil }
        return try Self.withUTF8(text) { try body($0, Self.lineRanges($0)) }
    }

    private static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var text = text
        return try text.withUTF8(body)
    }

    /// The byte ranges of the non-empty, non-comment lines, each trimmed of spaces and tabs (and a trailing CR).
    static func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let count = bytes.count
        var lineStart = 0
        var i = 0
        func take(_ end: Int) {
            var start = lineStart, end = end
            while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
            while end > start {
                let last = bytes[end - 1]
                guard last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") else { break }
                end -= 1
            }
            if start < end, bytes[start] != UInt8(ascii: "#") { ranges.append(start..<end) }
        }
        let base = bytes.baseAddress
        let high: UInt64 = 0x8080_8080_8080_8080
        while i < count {
            // Eight bytes at once where all are ASCII (nearly all of a lexicon file): one compare a byte was a
            // thirtieth of a one-line run. With every byte below 0x80 the sums below carry into no other byte; a byte
            // is 0x0A or more when adding 0x76 sets its top bit, 0x0E or more when adding 0x72 does: the top bits
            // left mark LF, VT, FF and CR, each a line break of one byte.
            var blockEnd = count
            if let base, i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & high == 0 {
                    let breaks = (word &+ 0x7676_7676_7676_7676) & ~(word &+ 0x7272_7272_7272_7272) & high
                    if breaks == 0 {
                        i += 8
                    } else {
                        // The first break of the block (bytes are loaded lowest address first).
                        i += breaks.trailingZeroBitCount >> 3
                        take(i)
                        i += 1
                        lineStart = i
                    }
                    continue
                }
                // A byte outside ASCII: this block byte by byte.
                blockEnd = i + 8
            }
            while i < blockEnd {
                let byte = bytes[i]
                // Most bytes start no line break (printable ASCII, tab, most lead bytes): one range check for them.
                if byte > 0x0D && byte < 0xC2 {
                    i += 1
                    continue
                }
                // The separators of Character.isNewline: LF, VT, FF, CR, NEL (C2 85), LS and PS (E2 80 A8/A9).
                var length = 0
                if byte >= 0x0A && byte <= 0x0D {
                    length = 1
                } else if byte == 0xC2, i + 1 < count, bytes[i + 1] == 0x85 {
                    length = 2
                } else if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    length = 3
                }
                if length > 0 {
                    take(i)
                    i += length
                    lineStart = i
                } else {
                    i += 1
                }
            }
        }
        take(count)
        return ranges
    }

    /// Calls `body` with the embedded stems of a shipped file's lines, one per line of `lines(path)` ("=" where the
    /// term is its own stem); nil when the file has none, or not one per line.
    func withStems<R>(_ path: String, lines: Int, _ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) throws -> R) rethrows -> R? {
        guard let text = stems[path] else { return nil }
        return try Self.withUTF8(text) { bytes in
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(lines)
            var start = 0
            for k in 0..<bytes.count where bytes[k] == UInt8(ascii: "\n") {
                ranges.append(start..<k)
                start = k + 1
            }
            ranges.append(start..<bytes.count)
            return ranges.count == lines ? try body(bytes, ranges) : nil
        }
    }

    /// A language's embedded stem index ('stem<TAB>term' or 'term' a line); nil when the store has none for it.
    func stemIndex(_ language: String) -> String? { stemIndexes[language] }

    /// The sections `scripts/embed-lexicons` laid out of a language's lexicon (or of `common/multilingual.tsv`) for
    /// `LaidOutLexicon`; nil when the store has none for it.
    func laidOutLexicon(_ name: String) -> [String]? { laidOutLexicons[name] }

    /// The embedded stems of a shipped file's lines, one a line ("=" where the term is its own stem); nil when the
    /// file has none.
    func stemsText(_ path: String) -> String? { stems[path] }

    /// The number of `lines(path)`, counted from the embedded stems where the file has them (one a line): counting
    /// them is cheaper than splitting the file.
    func lineCount(_ path: String) -> Int {
        guard var text = stems[path], !text.isEmpty else { return withLines(path) { $1.count } ?? 0 }
        return text.withUTF8 { bytes in
            var lines = 1
            for byte in bytes where byte == UInt8(ascii: "\n") { lines += 1 }
            return lines
        }
    }

    /// This store with `other`'s files replacing or adding to its own; a replaced file loses its embedded stems and
    /// folding facts, and any file given drops the embedded plain-English word lists (they are made from many files).
    public func overlaid(by other: [String: String]) -> LexiconStore {
        LexiconStore(files: files.merging(other) { _, new in new }, stems: stems.filter { other[$0.key] == nil },
                     foldedAsWritten: foldedAsWritten.filter { other[$0] == nil },
                     plainEnglishLists: other.isEmpty ? plainEnglishLists : nil,
                     stemIndexes: other.isEmpty ? stemIndexes : [:], laidOutLexicons: other.isEmpty ? laidOutLexicons : [:],
                     isShipped: other.isEmpty && isShipped)
    }

    /// Whether every term of `path` (the text before a tab, trimmed) is its own folded form, as `scripts/embed-lexicons`
    /// found for the shipped file; false for a file replaced by the user's.
    func isFoldedAsWritten(_ path: String) -> Bool { foldedAsWritten.contains(path) }
}
