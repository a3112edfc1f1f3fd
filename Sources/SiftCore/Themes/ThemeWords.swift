/// The content words the theme stage reads from one record, packed into one byte buffer: the per-record stage
/// fills it from the analysis it already made, so the theme stage does not tokenize every text a second time.
///
/// A million records carry a million of these, so it is one array of bytes, not an array of strings: per word a
/// flag byte, the stem's UTF-8, a 0xFF byte, then (unless it equals the stem) the folded form's UTF-8, and a
/// 0xFF byte. 0xFF never occurs in UTF-8, so it cannot be mistaken for text.
struct ThemeWords: Sendable, Hashable {
    private(set) var bytes: [UInt8]

    private static let end: UInt8 = 0xFF
    private static let newRun: UInt8 = 1
    private static let capitalised: UInt8 = 2
    private static let foldedIsStem: UInt8 = 4

    init(_ words: [ContentWord]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.reduce(0) { $0 + $1.stem.utf8.count + 3 })
        var previousRun: Int?
        for word in words {
            var flags: UInt8 = 0
            if word.run != previousRun { flags |= Self.newRun }
            if word.capitalised { flags |= Self.capitalised }
            let same = word.folded == word.stem
            if same { flags |= Self.foldedIsStem }
            bytes.append(flags)
            bytes.append(contentsOf: word.stem.utf8)
            bytes.append(Self.end)
            if !same { bytes.append(contentsOf: word.folded.utf8) }
            bytes.append(Self.end)
            previousRun = word.run
        }
        self.bytes = bytes
    }

    /// One packed word: its stem and folded form as UTF-8, whether it starts a new run of adjacent content words,
    /// and whether it is written with a capital mid-sentence.
    struct Word {
        var stem: ArraySlice<UInt8>
        var folded: ArraySlice<UInt8>
        var startsRun: Bool
        var capitalised: Bool
    }

    /// The words in text order.
    var words: [Word] {
        var out: [Word] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let flags = bytes[i]
            let stemStart = i + 1
            var stemEnd = stemStart
            while bytes[stemEnd] != Self.end { stemEnd += 1 }
            var foldedEnd = stemEnd + 1
            while bytes[foldedEnd] != Self.end { foldedEnd += 1 }
            let stem = bytes[stemStart..<stemEnd]
            let folded = flags & Self.foldedIsStem != 0 ? stem : bytes[(stemEnd + 1)..<foldedEnd]
            out.append(Word(stem: stem, folded: folded, startsRun: flags & Self.newRun != 0, capitalised: flags & Self.capitalised != 0))
            i = foldedEnd + 1
        }
        return out
    }
}
