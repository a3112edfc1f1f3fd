import CICUShim
import Foundation

/// What folding found out about one token besides its folded form.
struct FoldedForm {
    var folded: String
    /// Letters were drawn out ("sooo") or marks repeated ("!!!").
    var elongated: Bool
    /// Two or more cased letters, none of them lower case ("WORST").
    var allCaps: Bool
}

/// Makes the lookup form of a token: NFKC, case-folded, zero-width characters removed, typographic apostrophes
/// made ASCII, elongations squeezed. ASCII tokens take a byte-level path that never touches Foundation.
struct TokenFolder: Sendable {
    /// Words spelled with a double letter ("good", "cool", "happy"): squeezing "goooood" must stop at two letters.
    let doubleLetterWords: Set<String>
    /// Bit n set when a word of `doubleLetterWords` is n bytes long (bit 63: 63 bytes or more), so `squeeze` makes
    /// and looks up only candidates of a length the list has.
    // Keyboard mash ("وووووووو", "ঊঐঐঐঐঐঐঐঐ") has up to four runs, each candidate a String built and hashed with
    // SipHash: 30,000 instructions such a word, 1.2 M on the Google Play reviews.
    private let doubleLetterLengths: UInt64
    /// Whether every word of `doubleLetterWords` is ASCII: then no candidate of a word with letters beyond ASCII is one.
    // Folded text is NFKC, which keeps no character canonically equivalent to ASCII text (such as U+212A KELVIN SIGN),
    // so a String with a byte past ASCII never equals an ASCII word; hashing such a candidate for the Set (NFC checks
    // and SipHash) was 2,000 instructions.
    private let doubleLetterWordsAreASCII: Bool

    init(doubleLetterWords: Set<String>) {
        self.doubleLetterWords = doubleLetterWords
        doubleLetterLengths = doubleLetterWords.reduce(0) { $0 | 1 << UInt64(min($1.utf8.count, 63)) }
        doubleLetterWordsAreASCII = doubleLetterWords.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    }

    func fold(_ token: ScannedToken, bytes: UnsafeBufferPointer<UInt8>) -> FoldedForm {
        var range = token.range
        switch token.kind {
        case .hashtag:
            range = (range.lowerBound + 1)..<range.upperBound
            return foldWord(UnsafeBufferPointer(rebasing: bytes[range]), ascii: token.isASCII)
        case .word, .mention:
            return foldWord(UnsafeBufferPointer(rebasing: bytes[range]), ascii: token.isASCII)
        case .url, .email, .version, .number, .price:
            let slice = UnsafeBufferPointer(rebasing: bytes[range])
            if token.isASCII { return FoldedForm(folded: asciiLowercased(slice), elongated: false, allCaps: false) }
            return FoldedForm(folded: unicodeFolded(String(decoding: slice, as: UTF8.self)), elongated: false, allCaps: false)
        case .emoji:
            return FoldedForm(folded: emojiFolded(UnsafeBufferPointer(rebasing: bytes[range])), elongated: false, allCaps: false)
        case .emoticon:
            return FoldedForm(folded: Emoticons.folded(UnsafeBufferPointer(rebasing: bytes[range])), elongated: false, allCaps: false)
        case .punctuation:
            return punctuationFolded(token, UnsafeBufferPointer(rebasing: bytes[range]))
        }
    }

    // MARK: words

    private func foldWord(_ slice: UnsafeBufferPointer<UInt8>, ascii: Bool) -> FoldedForm {
        if ascii { return foldASCIIWord(slice) }
        // Folded and counted by ICU in one call: NFKC and lower-casing through Swift strings, then the clean-up and
        // the letter counts scalar by scalar, were 5,000 instructions a new word.
        return Self.withFolded(slice) { folded, facts in
            let allCaps = facts.upper >= 2 && facts.lower == 0
            guard facts.longestRun >= 3 else {
                return FoldedForm(folded: String(decoding: folded, as: UTF8.self), elongated: false, allCaps: allCaps)
            }
            let (squeezed, elongated) = squeeze(folded)
            return FoldedForm(folded: squeezed, elongated: elongated, allCaps: allCaps)
        }
    }

    /// The first code point of the blocks `sift_fold_word_utf8` takes to have no case (not asking ICU) to which the
    /// linked ICU gives a case after all; nil when it agrees on every one.
    static var caselessBlocksDisagreement: Int32? {
        let disagreement = sift_caseless_ranges_disagree()
        return disagreement < 0 ? nil : disagreement
    }

    /// The first code point below U+0300 that can make a string of such code points other than its own NFC form
    /// (unassigned, NFC_Quick_Check not Yes, or a nonzero combining class) in the linked ICU; nil for none, as
    /// `bytesDecideEquivalence` takes (it asks ICU only about code points from U+0300 on).
    static var nfcUnstableBelowCombiningMarks: Int32? {
        let unstable = sift_first_nfc_unstable_below(0x300)
        return unstable < 0 ? nil : unstable
    }

    /// Whether `a` and `b` are canonically equivalent (`a == b`) as their bytes decide it: true when they are the
    /// same bytes, false when they differ and every code point of both is assigned, with NFC_Quick_Check Yes and
    /// combining class 0 (by UAX #15's quick check each is then its own NFC form, and canonically equivalent texts
    /// have the same NFC form), nil otherwise. One C call: comparing the two `utf8` views and checking each in Swift
    /// was ~900 instructions a pair.
    static func bytesDecideEquivalence(_ a: String, _ b: String) -> Bool? {
        var a = a, b = b
        let equal = a.withUTF8 { a in
            b.withUTF8 { b in
                a.withMemoryRebound(to: CChar.self) { a in
                    b.withMemoryRebound(to: CChar.self) { b in
                        sift_utf8_nfc_equal(a.baseAddress, Int32(a.count), b.baseAddress, Int32(b.count))
                    }
                }
            }
        }
        return equal < 0 ? nil : equal == 1
    }

    /// What `sift_fold_word_utf8` tells about a word besides its folded form.
    struct WordFacts {
        var upper: Int
        var lower: Int
        var longestRun: Int
    }

    /// Calls `body` with the folded UTF-8 bytes of `slice` (see `unicodeFolded`) and the counts made on the way.
    static func withFolded<R>(_ slice: UnsafeBufferPointer<UInt8>,
                              _ body: (UnsafeBufferPointer<UInt8>, WordFacts) -> R) -> R {
        var facts: (Int32, Int32, Int32) = (0, 0, 0)
        // Most words fit the first buffer, on the stack; NFKC and lower-casing make at most 162 bytes of one.
        var capacity = 256
        while true {
            let result: R? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { out -> R? in
                let written = withUnsafeMutablePointer(to: &facts) { factsPointer in
                    factsPointer.withMemoryRebound(to: Int32.self, capacity: 3) { factsBase in
                        slice.withMemoryRebound(to: CChar.self) { source in
                            out.withMemoryRebound(to: CChar.self) {
                                sift_fold_word_utf8(source.baseAddress, Int32(source.count), $0.baseAddress, Int32(capacity), factsBase)
                            }
                        }
                    }
                }
                if written == -2 {
                    // Not valid UTF-8 (the scanner cuts at scalar boundaries, so never seen): folded as repaired.
                    var repaired = String(decoding: slice, as: UTF8.self)
                    return repaired.withUTF8 { withFolded($0, body) }
                }
                guard written >= 0 else { return nil }
                return body(UnsafeBufferPointer(rebasing: UnsafeBufferPointer(out)[0..<Int(written)]),
                            WordFacts(upper: Int(facts.0), lower: Int(facts.1), longestRun: Int(facts.2)))
            }
            if let result { return result }
            capacity = max(capacity * 2, slice.count * 162 + 64)
        }
    }

    private func foldASCIIWord(_ slice: UnsafeBufferPointer<UInt8>) -> FoldedForm { foldASCIIWordHashed(slice).form }

    /// `foldASCIIWordHashed(slice)` of a word of at most `SmallASCIIString.capacity` bytes whose bytes, zero-padded, are
    /// also `head` (as `WrittenWordTable.hashAndHead` gives them for words under 16 bytes); only where
    /// `SmallASCIIString.isFound`, which the caller keeps (its once-check is a call).
    // A word of at most 15 bytes is folded in its two head words, eight bytes at a time, and becomes its String
    // directly (`SmallASCIIString`): the byte loop and `String(unsafeUninitializedCapacity:)` were 340 instructions a new
    // word. Words with a run of three equal letters (squeezed) and longer words take the byte loop.
    func foldASCIIWordHashed(_ slice: UnsafeBufferPointer<UInt8>, head: (UInt64, UInt64)) -> (form: FoldedForm, hash: Int, changed: Bool) {
        let count = slice.count
        let (word0, word1) = head
        let capitals0 = ASCIILanes.inRange(word0, UInt8(ascii: "A"), UInt8(ascii: "Z"))
        let capitals1 = ASCIILanes.inRange(word1, UInt8(ascii: "A"), UInt8(ascii: "Z"))
        // A capital's 0x80 mark shifted to 0x20 makes it lower case.
        let folded0 = word0 | capitals0 >> 2, folded1 = word1 | capitals1 >> 2
        guard !ASCIILanes.hasRunOfThreeLetters(folded0, folded1) else { return foldASCIIWordHashed(slice) }
        let small0 = ASCIILanes.inRange(word0, UInt8(ascii: "a"), UInt8(ascii: "z"))
        let small1 = ASCIILanes.inRange(word1, UInt8(ascii: "a"), UInt8(ascii: "z"))
        // Two or more capitals: two marks in one word, or one in each.
        let twoCapitals = capitals0 & (capitals0 &- 1) != 0 || capitals1 & (capitals1 &- 1) != 0 || capitals0 != 0 && capitals1 != 0
        let form = FoldedForm(folded: SmallASCIIString.make(folded0, folded1, count: count), elongated: false,
                              allCaps: twoCapitals && small0 | small1 == 0)
        return (form, WordHash.of(low: folded0, high: folded1, count: count), capitals0 | capitals1 != 0)
    }

    /// An ASCII word's folded form and its `WordHash`, the hash made in the folding pass over the bytes, and whether
    /// the folded form differs from the word's bytes (capitals, a squeezed run).
    // The analyzer's new written words need both: hashing the new String again was a second pass through its storage
    // checks (80 instructions a new word).
    func foldASCIIWordHashed(_ slice: UnsafeBufferPointer<UInt8>) -> (form: FoldedForm, hash: Int, changed: Bool) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var upper = 0
        var lower = 0
        var longestRun = 1
        var run = 1
        let folded = String(unsafeUninitializedCapacity: slice.count) { out in
            for k in 0..<slice.count {
                var b = slice[k]
                if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") {
                    upper += 1
                    b |= 0x20
                } else if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") {
                    lower += 1
                }
                out[k] = b
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                if k > 0, b == out[k - 1], b.isASCIILetter {
                    run += 1
                    if run > longestRun { longestRun = run }
                } else {
                    run = 1
                }
            }
            return slice.count
        }
        let allCaps = upper >= 2 && lower == 0
        guard longestRun >= 3 else {
            return (FoldedForm(folded: folded, elongated: false, allCaps: allCaps), Int(truncatingIfNeeded: h ^ (h >> 29)), upper > 0)
        }
        var letters = folded
        let (squeezed, _) = letters.withUTF8 { squeeze($0) }
        return (FoldedForm(folded: squeezed, elongated: true, allCaps: allCaps), WordHash.of(squeezed), true)
    }

    /// Squeezes every run of three or more equal letters of UTF-8 text; each run becomes one letter, or two where
    /// that spells a known double-letter word ("sooo" → "so", "goooood" → "good", "haaappppy" → "happy").
    // On the bytes: candidates built scalar by scalar through `String.UnicodeScalarView` were 8,000 instructions each.
    func squeeze(_ utf8: UnsafeBufferPointer<UInt8>) -> (String, Bool) {
        // Runs as the byte offset of their first letter, the letter's byte length, and the offset past the run.
        var runs: [(start: Int, width: Int, end: Int)] = []
        var k = 0
        while k < utf8.count {
            let (scalar, width) = Self.decode(utf8, at: k)
            var j = k + width
            var length = 1
            // Equal bytes of the same width are the same scalar.
            while j + width <= utf8.count, (0..<width).allSatisfy({ utf8[j + $0] == utf8[k + $0] }) {
                j += width
                length += 1
            }
            if length >= 3, scalar < 0x80 ? UInt8(scalar).isASCIILetter : Unicode.Scalar(scalar)?.properties.isAlphabetic == true {
                runs.append((k, width, j))
            }
            k = j
        }
        guard !runs.isEmpty else { return (String(decoding: utf8, as: UTF8.self), false) }
        func build(doubling mask: Int) -> String {
            String(unsafeUninitializedCapacity: utf8.count) { out in
                var written = 0
                func copy(_ range: Range<Int>) {
                    for b in range { out[written] = utf8[b]; written += 1 }
                }
                var next = 0
                for (r, run) in runs.enumerated() {
                    copy(next..<(run.start + run.width))
                    if mask & (1 << r) != 0 { copy(run.start..<(run.start + run.width)) }
                    next = run.end
                }
                copy(next..<utf8.count)
                return written
            }
        }
        // Each candidate keeps a copy of every byte: with one past ASCII, none is a word of an all-ASCII list.
        let combinations = runs.count <= 4 && !(doubleLetterWordsAreASCII && utf8.contains(where: { $0 >= 0x80 })) ? (1 << runs.count) : 1
        // Each run leaves one letter, and a doubled run two.
        let squeezedLength = runs.reduce(utf8.count) { $0 - ($1.end - $1.start) + $1.width }
        for mask in 1..<max(combinations, 1) {
            var length = squeezedLength
            for (r, run) in runs.enumerated() where mask & (1 << r) != 0 { length += run.width }
            guard doubleLetterLengths & 1 << UInt64(min(length, 63)) != 0 else { continue }
            let candidate = build(doubling: mask)
            if doubleLetterWords.contains(candidate) { return (candidate, true) }
        }
        return (build(doubling: 0), true)
    }

    /// The scalar value that starts at `k` in valid UTF-8, and its byte length.
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at k: Int) -> (UInt32, Int) {
        let lead = UInt32(utf8[k])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(utf8[k + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(utf8[k + 1] & 0x3F) << 6 | UInt32(utf8[k + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(utf8[k + 1] & 0x3F) << 12 | UInt32(utf8[k + 2] & 0x3F) << 6
                    | UInt32(utf8[k + 3] & 0x3F), 4)
    }

    // MARK: other kinds

    private func asciiLowercased(_ slice: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: slice.count) { out in
            for k in 0..<slice.count {
                let b = slice[k]
                out[k] = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
            }
            return slice.count
        }
    }

    /// NFKC, lower case (with final sigma folded to σ), typographic apostrophes made ASCII, zero-width removed.
    // By ICU (`sift_fold_word_utf8`): Foundation's `precomposedStringWithCompatibilityMapping` and `lowercased()` took
    // about 10,000 instructions a word. ICU lower-cases a final capital sigma to "ς" where `lowercased()` gives "σ";
    // the clean-up maps "ς" to "σ" after, so the two agree (`TokenFolderTests` checks them against each other).
    func unicodeFolded(_ text: String) -> String {
        var text = text
        return text.withUTF8 { unicodeFolded($0) }
    }

    /// `unicodeFolded(_:)` of UTF-8 bytes, with no String of them made first.
    func unicodeFolded(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        // ASCII (most lexicon lines folded at start-up) is its own NFKC: lower case is all it needs.
        if !utf8.contains(where: { $0 >= 0x80 }) { return asciiLowercased(utf8) }
        return Self.withFolded(utf8) { folded, _ in String(decoding: folded, as: UTF8.self) }
    }

    /// Each ASCII byte as a one-character string.
    static let asciiMarks: [String] = (0..<128).map { String(decoding: [UInt8($0)], as: UTF8.self) }

    /// The NFKC form of UTF-8 text, by ICU where it knows every character (Foundation's
    /// `precomposedStringWithCompatibilityMapping` took 3,000 instructions a mark such as "…" or "—").
    static func nfkc(_ slice: UnsafeBufferPointer<UInt8>) -> String {
        var capacity = 256
        while true {
            let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { out -> (Int32, String?) in
                let written = slice.withMemoryRebound(to: CChar.self) { source in
                    out.withMemoryRebound(to: CChar.self) {
                        sift_nfkc_utf8(source.baseAddress, Int32(source.count), $0.baseAddress, Int32(capacity))
                    }
                }
                guard written >= 0 else { return (written, nil) }
                return (written, String(decoding: UnsafeBufferPointer(rebasing: UnsafeBufferPointer(out)[0..<Int(written)]), as: UTF8.self))
            }
            if let text = written.1 { return text }
            if written.0 == -2 { return String(decoding: slice, as: UTF8.self).precomposedStringWithCompatibilityMapping }
            capacity = max(capacity * 2, slice.count * 54 + 64)
        }
    }

    /// The emoji without variation selectors and skin tones, so "👍🏽" and "👍" look up the same.
    private func emojiFolded(_ slice: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in String(decoding: slice, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF: continue
            default: scalars.append(scalar)
            }
        }
        return scalars.isEmpty ? String(decoding: slice, as: UTF8.self) : String(scalars)
    }

    /// Emphasis runs fold to their distinct marks in order ("!!!" → "!", "?!?!" → "?!"); other marks to NFKC.
    private func punctuationFolded(_ token: ScannedToken, _ slice: UnsafeBufferPointer<UInt8>) -> FoldedForm {
        // One ASCII mark, most punctuation: its string made once (decoding it was 120 instructions a token).
        if slice.count == 1, slice[0] < 0x80, !token.repeated { return FoldedForm(folded: Self.asciiMarks[Int(slice[0])], elongated: false, allCaps: false) }
        let text = token.isASCII ? String(decoding: slice, as: UTF8.self) : Self.nfkc(slice)
        guard token.repeated else { return FoldedForm(folded: text, elongated: false, allCaps: false) }
        var seen = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !seen.contains(scalar) { seen.append(scalar) }
        return FoldedForm(folded: String(seen), elongated: true, allCaps: false)
    }
}

/// Tests on the eight bytes of a word at once, for ASCII bytes (below 0x80): sums of two such bytes stay below 0x100,
/// so no carry crosses into the next byte, and a byte's test result is its top bit.
enum ASCIILanes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let tops: UInt64 = 0x8080_8080_8080_8080

    /// 0x80 in each byte of `word` from `low` through `high` (1 ≤ low ≤ high < 0x80), 0 in the others.
    @inline(__always)
    static func inRange(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        // Adding 0x80 - low sets the top bit from `low` up; adding 0x7F - high, above `high`.
        (word &+ ones &* UInt64(0x80 - low)) & ~(word &+ ones &* UInt64(0x7F - high)) & tops
    }

    /// 0x80 in each zero byte of `word`, 0 in the others.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        // A byte's low seven bits plus 0x7F reach the top bit unless they are zero; the byte's own top bit is or'ed in.
        ~(((word & ~tops) &+ ones &* 0x7F) | word) & tops
    }

    /// Whether the 16 bytes of `low` then `high` (little-endian) hold three equal lower-case letters in a row; bytes
    /// past a word's end must be zero, which is no letter.
    @inline(__always)
    static func hasRunOfThreeLetters(_ low: UInt64, _ high: UInt64) -> Bool {
        // Each byte against the next one and the one after (the 128 bits shifted down by one and two bytes).
        let next0 = low >> 8 | high << 56, next1 = high >> 8
        let after0 = low >> 16 | high << 48, after1 = high >> 16
        let runs0 = zeroBytes((low ^ next0) | (low ^ after0)) & inRange(low, UInt8(ascii: "a"), UInt8(ascii: "z"))
        let runs1 = zeroBytes((high ^ next1) | (high ^ after1)) & inRange(high, UInt8(ascii: "a"), UInt8(ascii: "z"))
        return runs0 | runs1 != 0
    }
}
