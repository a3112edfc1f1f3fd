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
    var doubleLetterWords: Set<String>

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
        var text = String(decoding: slice, as: UTF8.self)
        var upper = 0
        var lower = 0
        var run = 1
        var longestRun = 1
        var previous: Unicode.Scalar = "\0"
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let b = UInt8(scalar.value)
                if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { upper += 1 } else if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") { lower += 1 }
            } else {
                // ICU's property tables: Swift's `Unicode.Scalar.Properties` took 300 instructions a lookup.
                if sift_is_uppercase(Int32(bitPattern: scalar.value)) != 0 {
                    upper += 1
                } else if sift_is_lowercase(Int32(bitPattern: scalar.value)) != 0 {
                    lower += 1
                }
            }
            run = scalar == previous ? run + 1 : 1
            longestRun = max(longestRun, run)
            previous = scalar
        }
        text = unicodeFolded(text)
        guard longestRun >= 3 else { return FoldedForm(folded: text, elongated: false, allCaps: upper >= 2 && lower == 0) }
        let (squeezed, elongated) = squeeze(Array(text.unicodeScalars))
        return FoldedForm(folded: squeezed, elongated: elongated, allCaps: upper >= 2 && lower == 0)
    }

    private func foldASCIIWord(_ slice: UnsafeBufferPointer<UInt8>) -> FoldedForm {
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
        guard longestRun >= 3 else { return FoldedForm(folded: folded, elongated: false, allCaps: allCaps) }
        let (squeezed, _) = squeeze(Array(folded.unicodeScalars))
        return FoldedForm(folded: squeezed, elongated: true, allCaps: allCaps)
    }

    /// Squeezes every run of three or more equal letters; each run becomes one letter, or two where that spells a
    /// known double-letter word ("sooo" → "so", "goooood" → "good", "haaappppy" → "happy").
    func squeeze(_ scalars: [Unicode.Scalar]) -> (String, Bool) {
        // Runs as (start, length) over scalars.
        var runs: [(start: Int, length: Int)] = []
        var k = 0
        while k < scalars.count {
            var j = k + 1
            while j < scalars.count, scalars[j] == scalars[k] { j += 1 }
            if j - k >= 3, scalars[k].properties.isAlphabetic { runs.append((k, j - k)) }
            k = j
        }
        guard !runs.isEmpty else { return (String(String.UnicodeScalarView(scalars)), false) }
        func build(doubling mask: Int) -> String {
            var out = String.UnicodeScalarView()
            var next = 0
            for (r, run) in runs.enumerated() {
                out.append(contentsOf: scalars[next..<run.start])
                out.append(scalars[run.start])
                if mask & (1 << r) != 0 { out.append(scalars[run.start]) }
                next = run.start + run.length
            }
            out.append(contentsOf: scalars[next...])
            return String(out)
        }
        let combinations = runs.count <= 4 ? (1 << runs.count) : 1
        for mask in 1..<max(combinations, 1) {
            let candidate = build(doubling: mask)
            if doubleLetterWords.contains(candidate) { return (candidate, true) }
        }
        return (build(doubling: 0), true)
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
    func unicodeFolded(_ text: String) -> String {
        // Precomposed Latin and Cyrillic letters are already NFKC: lower-casing is all they need.
        if text.unicodeScalars.allSatisfy(Self.isStableUnderNFKC) { return text.lowercased() }
        if text.unicodeScalars.allSatisfy({ Self.isStableUnderNFKC($0) || Self.isApostrophe($0) }) {
            return String(String.UnicodeScalarView(text.unicodeScalars.map { Self.isApostrophe($0) ? "'" : $0 })).lowercased()
        }
        return Self.cleanedUp(Self.nfkcLowercased(text))
    }

    /// Text already NFKC and lower case without zero-width characters, with typographic apostrophes as "'" and a final
    /// sigma as σ.
    static func cleanedUp(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD: continue
            case 0x2019, 0x2018, 0x02BC: scalars.append("'")
            case 0x03C2: scalars.append("\u{03C3}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// NFKC, then lower-cased, by ICU: Foundation's `precomposedStringWithCompatibilityMapping` and `lowercased()` took
    /// about 10,000 instructions a word, a twentieth of `sift sentiment -` on the Google Play reviews.
    // ICU lower-cases a final capital sigma to "ς" where `lowercased()` gives "σ"; `unicodeFolded` maps "ς" to "σ"
    // after, so the two agree (`TokenFolderTests` checks them against each other).
    static func nfkcLowercased(_ text: String) -> String {
        var text = text
        let folded = text.withUTF8 { bytes -> String? in
            // Most words fit the first buffer; the second is the most NFKC and lower-casing can make of any text.
            for capacity in [max(64, bytes.count * 3), bytes.count * 18 * 3 + 64] {
                var fits = false
                let made = String(unsafeUninitializedCapacity: capacity) { out -> Int in
                    let written = bytes.withMemoryRebound(to: CChar.self) { source in
                        out.withMemoryRebound(to: CChar.self) {
                            sift_nfkc_lower_utf8(source.baseAddress, Int32(source.count), $0.baseAddress, Int32(capacity))
                        }
                    }
                    fits = written >= 0
                    return fits ? Int(written) : 0
                }
                if fits { return made }
            }
            return nil
        }
        // ICU refused the text (it never has): Foundation folds it the same way, only slower.
        return folded ?? text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// ASCII letters and digits, precomposed Latin letters (Latin-1 to Latin Extended-A, but for the ligatures and
    /// long s that NFKC rewrites) and basic Cyrillic letters: characters NFKC leaves as they are.
    /// Each ASCII byte as a one-character string.
    static let asciiMarks: [String] = (0..<128).map { String(decoding: [UInt8($0)], as: UTF8.self) }

    static func isStableUnderNFKC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x27: return true
        case 0xC0...0xFF: return scalar.value != 0xD7 && scalar.value != 0xF7
        case 0x100...0x17F: return !(0x132...0x133 ~= scalar.value || 0x13F...0x140 ~= scalar.value || scalar.value == 0x149 || scalar.value == 0x17F)
        case 0x410...0x44F, 0x401, 0x451: return true
        default: return false
        }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x2019 || scalar.value == 0x2018 || scalar.value == 0x02BC
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
        let text = token.isASCII ? String(decoding: slice, as: UTF8.self) : String(decoding: slice, as: UTF8.self).precomposedStringWithCompatibilityMapping
        guard token.repeated else { return FoldedForm(folded: text, elongated: false, allCaps: false) }
        var seen = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !seen.contains(scalar) { seen.append(scalar) }
        return FoldedForm(folded: String(seen), elongated: true, allCaps: false)
    }
}
