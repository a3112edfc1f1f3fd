import Foundation
import Testing
@testable import SiftCore

struct TokenFolderTests {
    /// What `unicodeFolded` computed before ICU did it: Foundation's NFKC and `lowercased()`, then the same clean-up.
    private func foundationFolded(_ text: String) -> String {
        TokenFolder.cleanedUp(text.precomposedStringWithCompatibilityMapping.lowercased())
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
}
