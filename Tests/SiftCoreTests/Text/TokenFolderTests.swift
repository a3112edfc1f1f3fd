import Foundation
import Testing
@testable import SiftCore

struct TokenFolderTests {
    /// What `unicodeFolded` computed before ICU did it: Foundation's NFKC and `lowercased()`, then the clean-up.
    private func foundationFolded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD: continue
            case 0x2019, 0x2018, 0x02BC: scalars.append("'")
            case 0x03C2: scalars.append("\u{03C3}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Squeezing as it was done scalar by scalar, which the byte-level `squeeze` must match.
    private func scalarSqueezed(_ text: String, doubleLetterWords: Set<String>) -> (String, Bool) {
        let scalars = Array(text.unicodeScalars)
        var runs: [(start: Int, length: Int)] = []
        var k = 0
        while k < scalars.count {
            var j = k + 1
            while j < scalars.count, scalars[j] == scalars[k] { j += 1 }
            if j - k >= 3, scalars[k].properties.isAlphabetic { runs.append((k, j - k)) }
            k = j
        }
        guard !runs.isEmpty else { return (text, false) }
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
        for mask in 1..<max(combinations, 1) where doubleLetterWords.contains(build(doubling: mask)) {
            return (build(doubling: mask), true)
        }
        return (build(doubling: 0), true)
    }

    // Words whose NFKC or lower case is not the identity: ligatures, full-width and circled letters, compatibility
    // units and numerals, Greek with a final sigma, dotted capital I, Hangul jamo, Arabic presentation forms, CJK
    // compatibility ideographs, and scripts written in reviews (Devanagari, Thai, Cyrillic, Vietnamese).
    static let words = [
        "ﬁnally", "Ｃｒａｓｈ", "ⓒⓡⓐⓢⓗ", "㎏", "Ⅻ", "ΟΔΥΣΣΕΥΣ", "Σίσυφος", "İstanbul", "STRASSE", "Straße", "가", "ﻻ",
        "ﷺ", "\u{FDFA}", "豈", "बहुत", "अच्छा", "แอปดีมาก", "ПРИЛОЖЕНИЕ", "Ứng", "dụng", "ｱﾌﾟﾘ", "¼", "x²", "µs", "Å", "ǅemal",
        "ŉ", "ſtop", "don’t", "app\u{200B}le", "soft\u{AD}ware", "ΌΛΑ", "ǰ", "ﬀ", "𝐁𝐮𝐠", "Ǆ", "ᾼ", "ﬆ", "℡", "™", "Ⓐpp",
    ]

    @Test func icuFoldsLikeFoundation() {
        let folder = TokenFolder(doubleLetterWords: [])
        for word in Self.words {
            #expect(folder.unicodeFolded(word) == foundationFolded(word), "\(word)")
        }
    }

    @Test func icuFoldingIsWhatAUserWouldLookUp() {
        let folder = TokenFolder(doubleLetterWords: [])
        #expect(folder.unicodeFolded("Ｃｒａｓｈ") == "crash")
        #expect(folder.unicodeFolded("ﬁnally") == "finally")
        #expect(folder.unicodeFolded("ΟΔΥΣΣΕΥΣ") == "οδυσσευσ")
        #expect(folder.unicodeFolded("don’t") == "don't")
        #expect(folder.unicodeFolded("app\u{200B}le") == "apple")
        // Longer than the first buffer, with a character NFKC makes eighteen of.
        let long = String(repeating: "\u{FDFA}", count: 40)
        #expect(folder.unicodeFolded(long) == foundationFolded(long))
    }

    @Test func latinAndCyrillicLettersFoldLikeFoundation() {
        // Precomposed Latin (Latin-1 to Latin Extended-A), basic Cyrillic and typographic apostrophes, alone and in
        // words: Swift's `lowercased()` folded them before, without NFKC.
        let folder = TokenFolder(doubleLetterWords: [])
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x17F, 0x400...0x45F, 0x2018...0x2019, 0x2BC...0x2BC]
        for range in ranges {
            for value in range {
                let letter = String(Unicode.Scalar(value)!)
                #expect(folder.unicodeFolded(letter) == foundationFolded(letter), "U+\(String(value, radix: 16))")
                let word = "Ab" + letter + "’s"
                #expect(folder.unicodeFolded(word) == foundationFolded(word), "\(word)")
            }
        }
    }

    @Test func squeezingOnBytesMatchesSqueezingScalars() {
        let doubled: Set<String> = ["good", "cool", "happy", "süß", "книга", "aaa"]
        let folder = TokenFolder(doubleLetterWords: doubled)
        let words = [
            "goooood", "sooo", "haaappppy", "cooool", "sooooo goood", "süüüß", "ssssüüüßßß", "кннннига", "книииига",
            "ааааа", "!!!!", "1111", "aaa", "bbbbbbb", "xyz", "ééé", "ééééx", "😀😀😀", "ㅋㅋㅋㅋ", "ฮฮฮฮ", "aaabbbcccdddeee",
            "aaabbbcccdddeeefff", "𝐁𝐁𝐁𝐮𝐠", "a\u{301}\u{301}\u{301}", "mmmmmm", "loooove", "",
        ]
        expectSqueezedAsByScalars(words, folder: folder, doubleLetterWords: doubled)
    }

    @Test func squeezingWithAnASCIIListLooksUpOnlyWhatCouldMatch() {
        // All-ASCII list: words beyond ASCII skip the candidates, and lengths the list lacks are not made.
        let doubled: Set<String> = ["good", "cool", "happy", "keep"]
        let folder = TokenFolder(doubleLetterWords: doubled)
        let words = ["goooood", "gooood", "coooool", "haaappppy", "keeeep", "kéééép", "gооооd", "ééé", "süüüß", "кннннига",
                     "ghhhhhhhhhhhhhhood", "sooo", "aaabbbcccddd", "😀😀😀", "ㅋㅋㅋㅋ", "goooodé"]
        expectSqueezedAsByScalars(words, folder: folder, doubleLetterWords: doubled)
    }

    /// Each word squeezed by `folder` as `scalarSqueezed` squeezes it, scalar by scalar.
    private func expectSqueezedAsByScalars(_ words: [String], folder: TokenFolder, doubleLetterWords doubled: Set<String>) {
        for word in words {
            var bytes = word
            let squeezed = bytes.withUTF8 { folder.squeeze($0) }
            let expected = scalarSqueezed(word, doubleLetterWords: doubled)
            #expect(squeezed.0 == expected.0 && squeezed.1 == expected.1, "\(word)")
        }
    }

    @Test func textThatIsNotUTF8IsFoldedAsRepaired() {
        // A lone lead byte, an overlong form, an encoded surrogate, a code point past U+10FFFF and a cut-off 4-byte
        // form: the shim leaves each to ICU, which refuses it, and the text is folded as Swift repairs it.
        let folder = TokenFolder(doubleLetterWords: [])
        let texts: [[UInt8]] = [[0x41, 0xC3], [0x41, 0xC0, 0x80, 0x42], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98],
                                [0xC3, 0x89, 0xFF, 0xD0, 0x96]]
        for bytes in texts {
            let folded = bytes.withUnsafeBufferPointer { folder.unicodeFolded($0) }
            #expect(folded == foundationFolded(String(decoding: bytes, as: UTF8.self)), "\(bytes)")
        }
        // Well-formed text at the edges of each form: the last 2-, 3- and 4-byte code points and the first of each.
        for text in ["\u{80}\u{7FF}", "\u{800}\u{FFFF}É", "\u{10000}\u{10FFFF}", "\u{E000}Ω", "𝐁𝐔𝐆 ﬁx"] {
            #expect(folder.unicodeFolded(text) == foundationFolded(text), "\(text)")
        }
    }

    @Test func wordsInCapitalsAreToldByTheirCasedLetters() {
        let folder = TokenFolder(doubleLetterWords: [])
        // Greek and Cyrillic capitals, a title-case digraph (cased, neither upper nor lower case) with capitals after
        // it, Devanagari and Thai (no case), and a capital among caseless letters.
        let words = [("ΟΔΥΣΣΕΥΣ", true), ("Οδυσσευς", false), ("ǅEMAL", true), ("ǅemal", false), ("बहुत", false), ("ดีมาก", false),
                     ("ⓐⓑ", false), ("ⒶⒷ", true), ("ÉÉ", true), ("ÉtÉ", false)]
        for (word, allCaps) in words {
            var text = word
            let form = text.withUTF8 { folder.fold(ScannedToken(kind: .word, range: 0..<$0.count, isASCII: false), bytes: $0) }
            #expect(form.allCaps == allCaps, "\(word)")
        }
    }

    @Test func theBlocksFoldedWithoutAskingICUHaveNoCaseInICU() {
        #expect(TokenFolder.caselessBlocksDisagreement == nil)
    }

    @Test func wordsOfCaselessScriptsAndPictographsFoldAsTheyAre() {
        let folder = TokenFolder(doubleLetterWords: [])
        // Arabic, Devanagari, Thai, Myanmar, kana, CJK, Hangul and emoji, each beside a capital of a cased script.
        for word in ["ممتاز", "बहुत", "ดีมาก", "ကောင်း", "すごい", "很好", "좋아요", "😡👍"] {
            #expect(folder.unicodeFolded(word) == word, "\(word)")
            #expect(folder.unicodeFolded("Ω" + word + "É") == "ω" + word + "é", "\(word)")
            var text = "Ω" + word + "É"
            let form = text.withUTF8 { folder.fold(ScannedToken(kind: .word, range: 0..<$0.count, isASCII: false), bytes: $0) }
            #expect(form.allCaps, "\(word)")
        }
    }

    @Test func foldingAWordCountsItsCapitalsAndRuns() {
        let folder = TokenFolder(doubleLetterWords: ["good"])
        let text = "ПЛОХООО Gooood ÉÉÉCHEC"
        var bytes = text
        bytes.withUTF8 { utf8 in
            let scanned = [(0..<14, "плохо", true, true), (15..<21, "good", false, true), (22..<32, "échec", true, true)]
            for (range, folded, allCaps, elongated) in scanned {
                let form = folder.fold(ScannedToken(kind: .word, range: range, isASCII: range == 15..<21), bytes: utf8)
                #expect(form.folded == folded && form.allCaps == allCaps && form.elongated == elongated, "\(folded)")
            }
        }
    }

    @Test func everyBMPCharacterFoldsLikeFoundation() {
        // ICU folds most words without normalizing (already NFKC) and lower-cases them code point by code point: each
        // character alone, capitalized inside a word and before a final capital sigma must still fold as Foundation
        // folds it. Characters newer than ICU 72's Unicode 15.0 are left out: ICU does not know their case yet.
        let folder = TokenFolder(doubleLetterWords: [])
        var differing: [String] = []
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age, age.major < 15 || age == (15, 0),
                  scalar.properties.generalCategory != .privateUse else { continue }
            for text in [String(scalar), "A" + String(scalar) + "b", "ΟΔ" + String(scalar) + "Σ"]
            where folder.unicodeFolded(text) != foundationFolded(text) {
                differing.append("U+\(String(value, radix: 16)) \(text)")
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20))")
    }

    @Test func asciiFoldsToLowerCase() {
        let folder = TokenFolder(doubleLetterWords: [])
        #expect(folder.unicodeFolded("Don't CRASH 4.2!") == "don't crash 4.2!")
    }

    @Test func marksNormalizeLikeFoundation() {
        // Every BMP character ICU 72 knows (Unicode 15.0), alone, doubled and after an ASCII mark, as punctuation
        // tokens are folded; characters it does not know are normalized by Foundation, so they agree too.
        var differing: [String] = []
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), String(scalar) + String(scalar), "!" + String(scalar)] {
                var bytes = text
                let folded = bytes.withUTF8 { TokenFolder.nfkc($0) }
                if folded != text.precomposedStringWithCompatibilityMapping { differing.append("U+\(String(value, radix: 16))") }
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20))")
        let long = String(repeating: "\u{FDFA}", count: 40)
        var bytes = long
        #expect(bytes.withUTF8 { TokenFolder.nfkc($0) } == long.precomposedStringWithCompatibilityMapping)
    }
}
