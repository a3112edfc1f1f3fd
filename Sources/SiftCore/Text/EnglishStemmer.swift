import Glibc

/// Snowball's English ("Porter2") stemmer over the bytes of a lower-case ASCII word, giving libstemmer's stems.
///
/// libstemmer's UTF-8 English spends most of its time in routines that step over multi-byte characters; on ASCII a
/// byte is a character, so the same rules run here on plain indices. Written from the algorithm's description at
/// snowballstem.org, as libstemmer 2.2 (Debian 12) runs it; `scripts/check-stemmer` and `EnglishStemmerTests`
/// compare it with libstemmer word for word.
enum EnglishStemmer {
    /// A word's stem, or why it has none here.
    enum Outcome: Equatable {
        case stem(String)
        /// The stem is the word itself.
        case same
        /// The word is for libstemmer: it has capitals (a capital Y would meet the rules' own Y), or letters beyond
        /// ASCII beside ASCII ones.
        case library
    }

    /// The stem of a word's UTF-8 bytes, when the rules here can tell it.
    static func stem(_ word: UnsafeBufferPointer<UInt8>) -> Outcome {
        guard !word.isEmpty else { return .same }
        let count = word.count
        // Eight 8-byte lanes on the stack, zero after the word, with room for step 1b's added e; longer words (none
        // in real text) are left to libstemmer.
        guard count < 64 else { return .library }
        let lanes = count / 8 + 1
        var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &storage) { raw in
            raw.withMemoryRebound(to: UInt8.self) { stem(word, lanes: lanes, in: $0) }
        }
    }

    /// `stem(_:)` of a word of at most 15 ASCII bytes given as the two words of its bytes (little-endian, zero after
    /// the word), as `SmallASCIIString.words(of:)` reads them from an inline string.
    // The analyzer's new words are such strings: their lanes are set from the words and the stem compared with them,
    // where copying the bytes out of the String, `memmove` and `memcmp` were 80 instructions a word.
    static func stem(low: UInt64, high: UInt64, count: Int) -> Outcome {
        guard count > 0 else { return .same }
        let tops: UInt64 = 0x8080_8080_8080_8080
        guard (low | high) & tops == 0 else { return .library }
        let capitals = ((low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525))
            | ((high &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(high &+ 0x2525_2525_2525_2525))
        if capitals & tops != 0 { return .library }
        var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (low, high, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &storage) { raw in
            raw.withMemoryRebound(to: UInt8.self) { buffer in
                guard let bytes = buffer.baseAddress else { return .library }
                var stem = Word(bytes, count)
                stem.run()
                // The rules write only below the word's length, so the lanes past it are still zero.
                if stem.count == count && raw.load(as: UInt64.self) == low && raw.load(fromByteOffset: 8, as: UInt64.self) == high {
                    return .same
                }
                return outcome(stem.count, in: bytes)
            }
        }
    }

    /// The stem of `word`, working in `buffer`: `lanes` 8-byte lanes, zero after the word.
    @inline(__always)
    private static func stem(
        _ word: UnsafeBufferPointer<UInt8>, lanes: Int, in buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Outcome {
        guard let source = word.baseAddress, let bytes = buffer.baseAddress else { return .library }
        let count = word.count
        bytes.update(from: source, count: count)
        // ASCII without capitals, a lane at a time: a byte from 0x80 has its top bit set; on ASCII bytes (no carry can
        // cross into the next byte) adding 0x3F sets it from "A" up and adding 0x25 from "[" up.
        var high: UInt64 = 0, capitals: UInt64 = 0
        for lane in 0..<lanes {
            let x = UnsafeRawPointer(bytes).loadUnaligned(fromByteOffset: lane * 8, as: UInt64.self)
            high |= x
            capitals |= (x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525)
        }
        let tops: UInt64 = 0x8080_8080_8080_8080
        if high & tops != 0 { return beyondASCII(word) }
        if capitals & tops != 0 { return .library }
        var stem = Word(bytes, count)
        stem.run()
        if stem.count == count && memcmp(bytes, source, count) == 0 { return .same }
        return outcome(stem.count, in: bytes)
    }

    /// The stem of `length` bytes at `bytes` (in lanes of the stemmer's buffer, which go on for at least 16 bytes).
    @inline(__always)
    private static func outcome(_ length: Int, in bytes: UnsafeMutablePointer<UInt8>) -> Outcome {
        if length <= SmallASCIIString.capacity, SmallASCIIString.isFound {
            // The stem's bytes are in the first two lanes; the bytes after it (the word's old ending) are masked off.
            let raw = UnsafeRawPointer(bytes)
            let lane0 = raw.loadUnaligned(as: UInt64.self), lane1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let bits = UInt64(truncatingIfNeeded: 8 * length)
            return .stem(length < 8 ? SmallASCIIString.make(lane0 & ((1 &<< bits) &- 1), 0, count: length)
                                    : SmallASCIIString.make(lane0, lane1 & ((1 &<< (bits &- 64)) &- 1), count: length))
        }
        return .stem(String(unsafeUninitializedCapacity: length) { out in
            out.baseAddress?.initialize(from: bytes, count: length)
            return length
        })
    }

    /// A word with bytes beyond ASCII: every rule's pattern holds an ASCII letter or apostrophe, so without one the
    /// stem is the word; with one, libstemmer stems it.
    private static func beyondASCII(_ word: UnsafeBufferPointer<UInt8>) -> Outcome {
        for byte in word where byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            || byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte == UInt8(ascii: "'") {
            return .library
        }
        return .same
    }
}

/// A word being stemmed in place: bytes `0..<count` of `bytes`, with the regions R1 and R2 and the Y marks.
private struct Word {
    let bytes: UnsafeMutablePointer<UInt8>
    var count: Int
    /// Where R1 and R2 start (`count` when empty).
    var p1 = 0
    var p2 = 0
    /// Whether the prelude made any y a Y, which the end makes y again.
    var markedY = false

    init(_ bytes: UnsafeMutablePointer<UInt8>, _ count: Int) {
        self.bytes = bytes
        self.count = count
    }

    static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), o = UInt8(ascii: "o")
    static let u = UInt8(ascii: "u"), y = UInt8(ascii: "y"), capitalY = UInt8(ascii: "Y")
    static let apostrophe = UInt8(ascii: "'")

    /// The algorithm's vowels: a e i o u y (a y marked as consonant is `Y`, which is not one).
    @inline(__always) static func isVowel(_ byte: UInt8) -> Bool {
        // Bits 0, 4, 8, 14, 20 and 24: a, e, i, o, u and y counted from a.
        let offset = byte &- a
        return offset < 26 && (0x0110_4111 as UInt32) >> UInt32(offset) & 1 != 0
    }

    /// Whether byte `index` is a vowel.
    @inline(__always) func isVowel(at index: Int) -> Bool { Self.isVowel(bytes[index]) }

    /// Stems the word in place: the whole-word exceptions, then (from three letters) the steps, then y for each Y.
    @inline(__always) mutating func run() {
        if exception1() || count < 3 { return }
        prelude()
        markRegions()
        step1a()
        if !isException2() {
            step1b()
            step1c()
            step2()
            step3()
            step4()
            step5()
        }
        if markedY {
            for index in 0..<count where bytes[index] == Self.capitalY { bytes[index] = Self.y }
        }
    }

    // MARK: Matching and replacing at the end

    /// Whether the word ends in `suffix`.
    @inline(__always) func ends(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard length <= count else { return false }
        let start = suffix.utf8Start
        var k = length - 1
        let offset = count - length
        while k >= 0 {
            if bytes[offset + k] != start[k] { return false }
            k -= 1
        }
        return true
    }

    /// Whether the word is exactly `text`.
    @inline(__always) func equals(_ text: StaticString) -> Bool {
        text.utf8CodeUnitCount == count && ends(text)
    }

    /// Replaces the last `length` bytes with `replacement`.
    @inline(__always) mutating func replace(last length: Int, with replacement: StaticString) {
        let start = count - length
        let source = replacement.utf8Start
        for k in 0..<replacement.utf8CodeUnitCount { bytes[start + k] = source[k] }
        count = start + replacement.utf8CodeUnitCount
    }

    /// Whether the word before `end` ends in a short syllable: consonant (not w, x or Y), vowel, consonant; or
    /// vowel, consonant as the whole of it.
    @inline(__always) func endsInShortSyllable(before end: Int) -> Bool {
        if end >= 3 {
            let last = bytes[end - 1]
            return !Self.isVowel(last) && last != UInt8(ascii: "w") && last != UInt8(ascii: "x")
                && last != Self.capitalY && isVowel(at: end - 2) && !isVowel(at: end - 3)
        }
        return end == 2 && !isVowel(at: 1) && isVowel(at: 0)
    }

    /// Whether any byte before `end` is a vowel.
    @inline(__always) func hasVowel(before end: Int) -> Bool {
        var index = 0
        while index < end {
            if isVowel(at: index) { return true }
            index += 1
        }
        return false
    }

    // MARK: The steps

    /// Whole words with stems of their own; true when the word was one.
    @inline(__always) mutating func exception1() -> Bool {
        guard count >= 3, count <= 6 else { return false }
        switch bytes[0] {
        case UInt8(ascii: "s"):
            if equals("skis") { replace(last: 4, with: "ski"); return true }
            if equals("skies") { replace(last: 5, with: "sky"); return true }
            if equals("singly") { replace(last: 6, with: "singl"); return true }
            return equals("sky")
        case UInt8(ascii: "d"):
            if equals("dying") { replace(last: 5, with: "die"); return true }
        case UInt8(ascii: "l"):
            if equals("lying") { replace(last: 5, with: "lie"); return true }
        case UInt8(ascii: "t"):
            if equals("tying") { replace(last: 5, with: "tie"); return true }
        case UInt8(ascii: "i"):
            if equals("idly") { replace(last: 4, with: "idl"); return true }
        case UInt8(ascii: "g"):
            if equals("gently") { replace(last: 6, with: "gentl"); return true }
        case UInt8(ascii: "u"):
            if equals("ugly") { replace(last: 4, with: "ugli"); return true }
        case UInt8(ascii: "e"):
            if equals("early") { replace(last: 5, with: "earli"); return true }
        case UInt8(ascii: "o"):
            if equals("only") { replace(last: 4, with: "onli"); return true }
        case UInt8(ascii: "n"):
            return equals("news")
        case UInt8(ascii: "h"):
            return equals("howe")
        case UInt8(ascii: "a"):
            return equals("atlas") || equals("andes")
        case UInt8(ascii: "c"):
            return equals("cosmos")
        case UInt8(ascii: "b"):
            return equals("bias")
        default:
            break
        }
        return false
    }

    /// Drops one leading apostrophe and marks as consonants (Y) an initial y and every y after a vowel.
    @inline(__always) mutating func prelude() {
        if bytes[0] == Self.apostrophe {
            for k in 1..<count { bytes[k - 1] = bytes[k] }
            count -= 1
        }
        guard count > 0 else { return }
        if bytes[0] == Self.y {
            bytes[0] = Self.capitalY
            markedY = true
        }
        var index = 1
        while index < count {
            if bytes[index] == Self.y && isVowel(at: index - 1) {
                bytes[index] = Self.capitalY
                markedY = true
            }
            index += 1
        }
    }

    /// The end of the first vowel-then-consonant run at or after `start`; nil when there is none.
    @inline(__always) func pastVowelThenConsonant(from start: Int) -> Int? {
        var index = start
        while index < count && !isVowel(at: index) { index += 1 }
        guard index < count else { return nil }
        while index < count && isVowel(at: index) { index += 1 }
        guard index < count else { return nil }
        return index + 1
    }

    /// R1 and R2; three prefixes set R1 where the general rule would misplace it.
    @inline(__always) mutating func markRegions() {
        p1 = count
        p2 = count
        let r1: Int
        if startsWith("gener") { r1 = 5 } else if startsWith("commun") { r1 = 6 } else if startsWith("arsen") {
            r1 = 5
        } else if let found = pastVowelThenConsonant(from: 0) {
            r1 = found
        } else {
            return
        }
        p1 = r1
        if let found = pastVowelThenConsonant(from: r1) { p2 = found }
    }

    @inline(__always) func startsWith(_ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard length <= count else { return false }
        let start = prefix.utf8Start
        for k in 0..<length where bytes[k] != start[k] { return false }
        return true
    }

    /// Apostrophe endings and plurals.
    @inline(__always) mutating func step1a() {
        if ends("'s'") { count -= 3 } else if ends("'s") { count -= 2 } else if ends("'") { count -= 1 }
        guard count > 0 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "s"):
            if ends("sses") {
                count -= 2
            } else if ends("ies") {
                replace(last: 3, with: count - 3 >= 2 ? "i" : "ie")
            } else if ends("ss") || ends("us") {
                return
            } else if count >= 2 && hasVowel(before: count - 2) {
                count -= 1
            }
        case UInt8(ascii: "d"):
            if ends("ied") { replace(last: 3, with: count - 3 >= 2 ? "i" : "ie") }
        default:
            break
        }
    }

    /// Whole words (after step 1a) that the remaining steps leave alone.
    @inline(__always) func isException2() -> Bool {
        guard count >= 6, count <= 7 else { return false }
        switch bytes[0] {
        case UInt8(ascii: "i"): return equals("inning")
        case UInt8(ascii: "o"): return equals("outing")
        case UInt8(ascii: "c"): return equals("canning")
        case UInt8(ascii: "h"): return equals("herring")
        case UInt8(ascii: "e"): return equals("earring") || equals("exceed")
        case UInt8(ascii: "p"): return equals("proceed")
        case UInt8(ascii: "s"): return equals("succeed")
        default: return false
        }
    }

    /// -eed, -ed and -ing with their -ly forms.
    @inline(__always) mutating func step1b() {
        let length: Int
        if ends("eedly") {
            if count - 5 >= p1 { replace(last: 5, with: "ee") }
            return
        } else if ends("eed") {
            if count - 3 >= p1 { replace(last: 3, with: "ee") }
            return
        } else if ends("ingly") {
            length = 5
        } else if ends("edly") {
            length = 4
        } else if ends("ing") {
            length = 3
        } else if ends("ed") {
            length = 2
        } else {
            return
        }
        guard hasVowel(before: count - length) else { return }
        count -= length
        if ends("at") || ends("bl") || ends("iz") {
            bytes[count] = Self.e
            count += 1
        } else if count >= 2 && bytes[count - 1] == bytes[count - 2] {
            switch bytes[count - 1] {
            case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
                UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                count -= 1
            default:
                if count == p1 && endsInShortSyllable(before: count) {
                    bytes[count] = Self.e
                    count += 1
                }
            }
        } else if count == p1 && endsInShortSyllable(before: count) {
            bytes[count] = Self.e
            count += 1
        }
    }

    /// A final y or Y after a consonant that is not the first letter becomes i.
    @inline(__always) mutating func step1c() {
        guard count >= 3 else { return }
        let last = bytes[count - 1]
        if (last == Self.y || last == Self.capitalY) && !isVowel(at: count - 2) { bytes[count - 1] = Self.i }
    }

    /// Derivational endings in R1, each to its shorter form.
    @inline(__always) mutating func step2() {
        guard count >= 2 else { return }
        // Each ending, longest first within its last letter; only the longest that matches counts.
        switch bytes[count - 1] {
        case UInt8(ascii: "l"):
            if ends("ational") { r1Replace(7, "ate") } else if ends("tional") { r1Replace(6, "tion") }
        case UInt8(ascii: "i"):
            if ends("biliti") { r1Replace(6, "ble") }
            else if ends("lessli") { r1Replace(6, "less") }
            else if ends("entli") { r1Replace(5, "ent") }
            else if ends("aliti") { r1Replace(5, "al") }
            else if ends("ousli") { r1Replace(5, "ous") }
            else if ends("iviti") { r1Replace(5, "ive") }
            else if ends("fulli") { r1Replace(5, "ful") }
            else if ends("enci") { r1Replace(4, "ence") }
            else if ends("anci") { r1Replace(4, "ance") }
            else if ends("abli") { r1Replace(4, "able") }
            else if ends("alli") { r1Replace(4, "al") }
            else if ends("bli") { r1Replace(3, "ble") }
            else if ends("ogi") {
                if count - 3 >= p1 && count >= 4 && bytes[count - 4] == UInt8(ascii: "l") {
                    replace(last: 3, with: "og")
                }
            } else if ends("li") {
                guard count - 2 >= p1, count >= 3 else { return }
                switch bytes[count - 3] {
                case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
                    UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    count -= 2
                default:
                    break
                }
            }
        case UInt8(ascii: "n"):
            if ends("ization") { r1Replace(7, "ize") } else if ends("ation") { r1Replace(5, "ate") }
        case UInt8(ascii: "s"):
            if ends("fulness") { r1Replace(7, "ful") }
            else if ends("ousness") { r1Replace(7, "ous") }
            else if ends("iveness") { r1Replace(7, "ive") }
        case UInt8(ascii: "r"):
            if ends("izer") { r1Replace(4, "ize") } else if ends("ator") { r1Replace(4, "ate") }
        case UInt8(ascii: "m"):
            if ends("alism") { r1Replace(5, "al") }
        default:
            break
        }
    }

    @inline(__always) mutating func r1Replace(_ length: Int, _ replacement: StaticString) {
        if count - length >= p1 { replace(last: length, with: replacement) }
    }

    /// More derivational endings in R1.
    @inline(__always) mutating func step3() {
        guard count >= 3 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "l"):
            if ends("ational") { r1Replace(7, "ate") }
            else if ends("tional") { r1Replace(6, "tion") }
            else if ends("ical") { r1Replace(4, "ic") }
            else if ends("ful") { r1Replace(3, "") }
        case UInt8(ascii: "e"):
            if ends("icate") { r1Replace(5, "ic") }
            else if ends("ative") { if count - 5 >= p2 { count -= 5 } }
            else if ends("alize") { r1Replace(5, "al") }
        case UInt8(ascii: "i"):
            if ends("iciti") { r1Replace(5, "ic") }
        case UInt8(ascii: "s"):
            if ends("ness") { r1Replace(4, "") }
        default:
            break
        }
    }

    /// Suffixes deleted when in R2.
    @inline(__always) mutating func step4() {
        guard count >= 2 else { return }
        let length: Int
        switch bytes[count - 1] {
        case UInt8(ascii: "l"):
            guard ends("al") else { return }
            length = 2
        case UInt8(ascii: "e"):
            if ends("ance") || ends("ence") || ends("able") || ends("ible") { length = 4 }
            else if ends("ate") || ends("ive") || ends("ize") { length = 3 }
            else { return }
        case UInt8(ascii: "r"):
            guard ends("er") else { return }
            length = 2
        case UInt8(ascii: "c"):
            guard ends("ic") else { return }
            length = 2
        case UInt8(ascii: "t"):
            if ends("ement") { length = 5 }
            else if ends("ment") { length = 4 }
            else if ends("ant") || ends("ent") { length = 3 }
            else { return }
        case UInt8(ascii: "m"):
            guard ends("ism") else { return }
            length = 3
        case UInt8(ascii: "i"):
            guard ends("iti") else { return }
            length = 3
        case UInt8(ascii: "s"):
            guard ends("ous") else { return }
            length = 3
        case UInt8(ascii: "n"):
            guard ends("ion"), count - 3 >= p2, count >= 4 else { return }
            let before = bytes[count - 4]
            if before == UInt8(ascii: "s") || before == UInt8(ascii: "t") { count -= 3 }
            return
        default:
            return
        }
        if count - length >= p2 { count -= length }
    }

    /// A final e in R2, or in R1 after no short syllable; a final l after l in R2.
    @inline(__always) mutating func step5() {
        guard count >= 1 else { return }
        switch bytes[count - 1] {
        case Self.e:
            let start = count - 1
            if start >= p2 || (start >= p1 && !endsInShortSyllable(before: start)) { count -= 1 }
        case UInt8(ascii: "l"):
            if count - 1 >= p2 && count >= 2 && bytes[count - 2] == UInt8(ascii: "l") { count -= 1 }
        default:
            break
        }
    }
}
