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

    /// `init(text.contentWords())` without making the words, packed in `scratch` (a buffer the caller keeps from
    /// text to text) and copied out into a buffer of their exact size.
    init(contentWordsOf text: AnalyzedText, scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        var previousRun = -1
        text.tokens.withUnsafeBufferPointer { tokens in
            text.forEachContentWord { index, run, capitalised in
                var flags: UInt8 = 0
                if run != previousRun { flags |= Self.newRun }
                if capitalised { flags |= Self.capitalised }
                let same = tokens[index].folded == tokens[index].stem
                if same { flags |= Self.foldedIsStem }
                scratch.append(flags)
                scratch.append(contentsOf: tokens[index].stem.utf8)
                scratch.append(Self.end)
                if !same { scratch.append(contentsOf: tokens[index].folded.utf8) }
                scratch.append(Self.end)
                previousRun = run
            }
        }
        // A new buffer of exactly the bytes: `Array(scratch)` would share the scratch buffer, whose next reuse
        // then copies it at its whole capacity, a buffer of the longest text so far kept per record.
        self.bytes = scratch.withUnsafeBufferPointer { packed in
            [UInt8](unsafeUninitializedCapacity: packed.count) { bytes, count in
                if let base = packed.baseAddress { bytes.baseAddress!.initialize(from: base, count: packed.count) }
                count = packed.count
            }
        }
    }
}

extension ThemeWords {
    /// How many words are packed (each ends in two end bytes).
    var wordCount: Int { bytes.reduce(0) { $0 + ($1 == Self.end ? 1 : 0) } / 2 }

    /// Calls `body` with each word's stem and folded form as UTF-8, whether it starts a new run of adjacent content
    /// words and whether it is capitalised, in text order; the buffers are valid only during the call.
    func forEachWord(
        _ body: (_ stem: UnsafeBufferPointer<UInt8>, _ folded: UnsafeBufferPointer<UInt8>, _ startsRun: Bool, _ capitalised: Bool) -> Void
    ) {
        bytes.withUnsafeBufferPointer { bytes in
            var i = 0
            while i < bytes.count {
                let flags = bytes[i]
                let stemStart = i + 1
                var stemEnd = stemStart
                while bytes[stemEnd] != Self.end { stemEnd += 1 }
                var foldedEnd = stemEnd + 1
                while bytes[foldedEnd] != Self.end { foldedEnd += 1 }
                let stem = UnsafeBufferPointer(rebasing: bytes[stemStart..<stemEnd])
                let folded = flags & Self.foldedIsStem != 0 ? stem : UnsafeBufferPointer(rebasing: bytes[(stemEnd + 1)..<foldedEnd])
                body(stem, folded, flags & Self.newRun != 0, flags & Self.capitalised != 0)
                i = foldedEnd + 1
            }
        }
    }

    /// Calls `body` with each label candidate: every word, and every word with the next one when the two are
    /// adjacent and differ ("battery drain"); `second` and `secondFolded` are nil for a single word.
    func forEachPhrase(
        _ body: (
            _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>?, _ firstFolded: UnsafeBufferPointer<UInt8>,
            _ secondFolded: UnsafeBufferPointer<UInt8>?
        ) -> Void
    ) {
        var previous: (stem: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>)?
        forEachWord { stem, folded, startsRun, _ in
            if let p = previous, !startsRun, !p.stem.elementsEqual(stem) { body(p.stem, stem, p.folded, folded) }
            body(stem, nil, folded, nil)
            previous = (stem, folded)
        }
    }

    /// The text of a phrase: one word, or two joined by a space.
    static func phrase(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>?) -> String {
        guard let b else { return String(decoding: a, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: a.count + 1 + b.count) { out in
            var k = 0
            for byte in a { out[k] = byte; k += 1 }
            out[k] = UInt8(ascii: " "); k += 1
            for byte in b { out[k] = byte; k += 1 }
            return k
        }
    }
}
