import CLanguageID

/// A language and how sure the identifier is of it.
public struct LanguageGuess: Sendable, Hashable {
    /// ISO 639-1 code, or `und`.
    public var language: String
    /// 0…1.
    public var confidence: Double

    public init(language: String, confidence: Double) {
        self.language = language
        self.confidence = confidence
    }

    public static let undetermined = LanguageGuess(language: "und", confidence: 0)
}

/// The language identification libraries sift can use; CLD2 is the default (see BENCHMARKS.md, "Language
/// identification", for the measurement that chose it).
public enum LanguageIdentifierEngine: String, Sendable, CaseIterable {
    case cld2
    case textcat
}

/// Identifies the language of a text; one per thread (the textcat classifier is not thread-safe).
public final class LanguageIdentifier {
    public let engine: LanguageIdentifierEngine
    /// When the library cannot tell, fall back on a script that only one language writes in (Hangul → ko, kana
    /// → ja, Thai → th) or mostly one (Han → zh): CLD2 answers unknown for most texts under ~4 characters.
    public let scriptFallback: Bool
    /// Words that mark Hindi written in Latin letters, which CLD2 takes for Javanese or English.
    public let romanizedHindiMarkers: Set<String>
    /// `romanizedHindiMarkers` by their bytes, each with its own index: a text's words are looked up without making
    /// a String of each or hashing it with SipHash (that was a tenth of identifying a review's language).
    private let markerTable: WrittenWordTable<Int32>
    /// The fewest bytes of a marker: shorter words ("i", "is", "to") are never looked up.
    private let shortestMarker: Int
    private let textcat: OpaquePointer?

    /// Where Debian's libexttextcat-data installs its fingerprints.
    public static let textcatDirectory = "/usr/share/libexttextcat/"

    /// Opens an identifier; nil when the engine's data cannot be loaded.
    public init?(
        engine: LanguageIdentifierEngine = .cld2, scriptFallback: Bool = true,
        romanizedHindiMarkers: Set<String> = Set(LexiconStore.shipped.lines("hi/romanized-markers.txt").map(String.init)),
        textcatDirectory: String = LanguageIdentifier.textcatDirectory
    ) {
        self.engine = engine
        self.romanizedHindiMarkers = romanizedHindiMarkers.filter { $0.utf8.count <= Self.longestMarker && $0.allSatisfy(\.isASCII) }
        var markerTable = WrittenWordTable<Int32>()
        for (index, marker) in self.romanizedHindiMarkers.sorted().enumerated() {
            var marker = marker
            marker.withUTF8 { markerTable.insert($0, Int32(index), hash: WrittenWordTable<Int32>.hash($0)) }
        }
        self.markerTable = markerTable
        shortestMarker = self.romanizedHindiMarkers.map(\.utf8.count).min() ?? 0
        self.scriptFallback = scriptFallback
        switch engine {
        case .cld2:
            textcat = nil
        case .textcat:
            guard let handle = sift_textcat_open(textcatDirectory, 1) else { return nil }
            textcat = handle
        }
    }

    deinit {
        if let textcat { sift_textcat_close(textcat) }
    }

    /// The language of `text`, or `und` when the text has too few letters or the library cannot tell.
    public func identify(_ text: String) -> LanguageGuess {
        var text = text
        return text.withUTF8 { identify(utf8: $0) }
    }

    /// `identify(_:)` of a text given as valid UTF-8 bytes: a String of them is made only for the script fallback.
    // A String per text was ~600 instructions (validation, allocation, copy, free) of each review of
    // `sift sentiment -` that reaches CLD2.
    func identify(utf8: UnsafeBufferPointer<UInt8>) -> LanguageGuess {
        if let hinglish = romanizedHindi(utf8: utf8) { return hinglish }
        var guess = sift_language_guess()
        var scored = 0
        if let base = utf8.baseAddress, !utf8.isEmpty {
            scored = base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars -> Int in
                switch engine {
                case .cld2:
                    return Int(sift_cld2_detect(chars, Int32(min(utf8.count, Int(Int32.max))), &guess))
                case .textcat:
                    return sift_textcat_detect(textcat, chars, utf8.count, &guess) == 0 ? utf8.count : 0
                }
            }
        }
        let language = withUnsafeBytes(of: guess.code) { raw in Self.iso639_1(UnsafeRawBufferPointer(rebasing: raw.prefix { $0 != 0 })) }
        guard scored > 0, let language else {
            return scriptFallback ? Self.languageOfScript(utf8: utf8) ?? .undetermined : .undetermined
        }
        let share = Double(guess.percent) / 100
        return LanguageGuess(language: language, confidence: guess.reliable != 0 ? share : share * 0.5)
    }

    /// Hindi when at least two distinct Hinglish marker words make up a fifth of the Latin words of a text's UTF-8 bytes.
    func romanizedHindi(utf8: UnsafeBufferPointer<UInt8>) -> LanguageGuess? {
        guard !romanizedHindiMarkers.isEmpty, let text = utf8.baseAddress else { return nil }
        let count = utf8.count
        var words = 0
        var markers = 0
        // Two distinct markers are all that is asked: the first one's index, and whether another one was seen.
        var firstMarker: Int32 = -1
        var distinctMarkers = 0
        // Words are found 8 bytes at a time where the text goes on that far (`asciiLetterBits`; the 8 bytes read lie
        // inside the text, k + 8 <= count): byte by byte, the scan was two thirds of this, most of it over the bytes
        // of other scripts.
        var k = 0
        while k < count {
            if k + 8 <= count {
                let letters = Self.asciiLetterBits(UInt64(littleEndian: UnsafeRawPointer(text + k).loadUnaligned(as: UInt64.self)))
                guard letters != 0 else {
                    k += 8
                    continue
                }
                k += letters.trailingZeroBitCount >> 3
            } else {
                guard text[k].isASCIILetter else {
                    k += 1
                    continue
                }
            }
            let start = k
            k = TokenScanner.lettersEnd(from: k + 1, in: text, count: count)
            // A text under eight bytes, which `lettersEnd` leaves to a byte loop.
            while k < count, text[k].isASCIILetter { k += 1 }
            words += 1
            // Markers are short; longer words are never looked up, which keeps this cheap on English text, and
            // neither are words shorter than any marker.
            let length = k - start
            guard length <= Self.longestMarker, length >= shortestMarker else { continue }
            // The word lower-cased is its own head word (`WrittenWordTable`'s key of at most 8 bytes): built in a
            // register, it is hashed without a byte loop (copying the word out and hashing it byte by byte was a
            // third of this). Its letters are read 8 bytes at a time where the text goes on that far, the bytes past
            // the word masked off (byte by byte, that was ~5 instructions a letter).
            var lowered: UInt64 = 0
            if start + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(text + start).loadUnaligned(as: UInt64.self))
                lowered = (word | 0x2020_2020_2020_2020) & (length == 8 ? ~0 : (1 &<< UInt64(8 * length)) &- 1)
            } else {
                for i in 0..<length { lowered |= UInt64(text[start + i] | 0x20) << UInt64(8 * i) }
            }
            if let index = markerTable.value(head: (lowered, 0), count: length) {
                markers += 1
                if distinctMarkers == 0 {
                    firstMarker = index
                    distinctMarkers = 1
                } else if index != firstMarker {
                    distinctMarkers = 2
                }
            }
        }
        guard distinctMarkers >= 2, markers * 5 >= words else { return nil }
        return LanguageGuess(language: "hi", confidence: min(0.9, 0.5 + Double(markers) / Double(words)))
    }

    private static let longestMarker = 8

    /// 0x80 in each byte of `word` that is an ASCII letter (`isASCIILetter`), 0 in the others.
    // Each byte lower-cased and stripped of its top bit is at most 0x7F, so adding 0x1F (sets the top bit from 0x61,
    // "a") or 0x05 (from 0x7B, past "z") never carries into the next byte; bytes from 0x80 are no letters.
    @inline(__always)
    static func asciiLetterBits(_ word: UInt64) -> UInt64 {
        let lowered = (word | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
        let fromA = lowered &+ 0x1F1F_1F1F_1F1F_1F1F
        let pastZ = lowered &+ 0x0505_0505_0505_0505
        return fromA & ~pastZ & ~word & 0x8080_8080_8080_8080
    }

    /// The language a text's script implies when at least half its letters are in a script of (almost) one
    /// language, from the text's valid UTF-8 bytes; kana anywhere means Japanese, since Japanese mixes kana with Han.
    // Scalars are decoded from the bytes and counted in a vector of per-language counters on the stack: a String of
    // the text, its scalars decoded by the standard library and a [String: Int] of counts were ~3,700 instructions
    // for each text CLD2 could not place that has letters from U+0370 (316 of gp.txt's texts).
    static func languageOfScript(utf8: UnsafeBufferPointer<UInt8>) -> LanguageGuess? {
        var letters = 0
        var counts = SIMD16<Int32>()
        var kana = false
        // Arabic script is shared: letters only Urdu uses, then letters Persian (and Urdu) use, name those languages;
        // text with neither is Arabic.
        var arabicScript: Int32 = 0
        var urduLetters = false, persianLetters = false
        // Only scalars from U+0370 count, and their UTF-8 lead bytes are 0xCD or more: most texts CLD2 cannot tell
        // have none, and decoding starts at the first.
        guard var i = utf8.firstIndex(where: { $0 >= 0xCD }) else { return nil }
        let count = utf8.count
        while i < count {
            // ASCII and two-byte scalars below U+0370 (leads below 0xCD) count for nothing: skipped undecoded.
            let lead = utf8[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            if lead < 0xCD {
                i += 2
                continue
            }
            let (scalar, length) = TokenScanner.decode(at: i, in: utf8)
            i += length
            guard ScalarPropertyBits.isAlphabetic(scalar) else { continue }
            let value = scalar.value
            letters += 1
            let language: ScriptLanguage?
            switch value {
            case 0x0600...0x06FF, 0x0750...0x077F:
                arabicScript += 1
                switch value {
                case 0x0679, 0x0688, 0x0691, 0x06BA, 0x06BE, 0x06C1, 0x06D2, 0x06D3: urduLetters = true
                case 0x067E, 0x0686, 0x0698, 0x06A9, 0x06AF, 0x06CC: persianLetters = true
                default: break
                }
                language = nil
            case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: kana = true; language = .ja
            case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: language = .ko
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: language = .zh
            case 0x0E00...0x0E7F: language = .th
            case 0x0370...0x03FF: language = .el
            case 0x0590...0x05FF: language = .he
            case 0x0530...0x058F: language = .hy
            case 0x10A0...0x10FF: language = .ka
            case 0x0900...0x097F: language = .hi
            default: language = nil
            }
            if let language { counts[language.rawValue] += 1 }
        }
        if kana {
            counts[ScriptLanguage.ja.rawValue] += counts[ScriptLanguage.zh.rawValue]
            counts[ScriptLanguage.zh.rawValue] = 0
        }
        if arabicScript > 0 { counts[(urduLetters ? ScriptLanguage.ur : persianLetters ? .fa : .ar).rawValue] = arabicScript }
        // The most letters; a tie goes to the language first in alphabetical order, the order of `ScriptLanguage`.
        var best = 0
        for index in 1..<ScriptLanguage.count where counts[index] > counts[best] { best = index }
        let bestCount = Int(counts[best])
        guard letters > 0, bestCount > 0, bestCount * 2 >= letters, let language = ScriptLanguage(rawValue: best) else { return nil }
        return LanguageGuess(language: language.code, confidence: 0.5)
    }

    /// The languages `languageOfScript` can name, in alphabetical order of their codes (a tie goes to the first).
    enum ScriptLanguage: Int, CaseIterable {
        case ar, el, fa, he, hi, hy, ja, ka, ko, th, ur, zh

        static let count = allCases.count

        var code: String {
            switch self {
            case .ar: "ar"
            case .el: "el"
            case .fa: "fa"
            case .he: "he"
            case .hi: "hi"
            case .hy: "hy"
            case .ja: "ja"
            case .ka: "ka"
            case .ko: "ko"
            case .th: "th"
            case .ur: "ur"
            case .zh: "zh"
            }
        }
    }

    /// A library's code ("en", "zh-Hant", "iw", "haw"), given as its bytes, as ISO 639-1, or nil when it has none.
    static func iso639_1(_ code: UnsafeRawBufferPointer) -> String? {
        // Two ASCII letters, CLD2's usual answer, on bytes: splitting and lower-casing Strings cost 2,000
        // instructions a text, and making a String of the code first 130. A script or region after a hyphen
        // ("zh-Hant") leaves the same two letters as the language (split, that was 4,000 instructions).
        if code.count == 2 || code.count > 2 && code[2] == UInt8(ascii: "-"), code[0].isASCIILetter, code[1].isASCIILetter {
            switch (code[0] | 0x20, code[1] | 0x20) {
            case (UInt8(ascii: "u"), UInt8(ascii: "n")), (UInt8(ascii: "x"), UInt8(ascii: "x")): return nil
            case (UInt8(ascii: "i"), UInt8(ascii: "w")): return "he"
            case (UInt8(ascii: "j"), UInt8(ascii: "w")): return "jv"
            case (UInt8(ascii: "i"), UInt8(ascii: "n")): return "id"
            case let (x, y):
                return String(unsafeUninitializedCapacity: 2) { out in
                    out[0] = x
                    out[1] = y
                    return 2
                }
            }
        }
        let base = String(decoding: code, as: UTF8.self).split(separator: "-").first.map { $0.lowercased() } ?? ""
        switch base {
        case "un", "xx", "": return nil
        case "iw": return "he"
        case "jw": return "jv"
        case "in": return "id"
        default: return base.count == 2 ? base : nil
        }
    }
}
