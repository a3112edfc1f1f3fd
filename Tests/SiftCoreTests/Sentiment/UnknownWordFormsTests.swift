import Testing
@testable import SiftCore

/// The forms `ScoringRun.resolve` tries for a word the lexicons do not know, read from the word's bytes.
struct UnknownWordFormsTests {
    private func forms(_ word: String) -> (shorter: String?, isLaughter: Bool) {
        Array(word.utf8).withUnsafeBufferPointer(ScoringRun.unknownWordForms)
    }

    @Test func aDoubledLastLetterIsDroppedOnce() {
        #expect(forms("nicee").shorter == "nice")
        #expect(forms("goodd").shorter == "good")
        #expect(forms("okk").shorter == "ok")
        #expect(forms("cafée").shorter == nil)
        #expect(forms("caféee").shorter == "cafée")
        for word in ["ok", "kk", "nice", "good!!", "add1", "ée", "", "a"] {
            #expect(forms(word).shorter == nil, "\(word)")
        }
        #expect(forms("kkk").shorter == "kk")
    }

    @Test func englishWordsWithADoubledEndingKeepIt() {
        #expect(forms("mall").shorter == nil)
        #expect(forms("null").shorter == nil)
        #expect(forms("malll").shorter == "mall")
        #expect(forms("small").shorter == "smal")
    }

    @Test func laughterOfAnyLengthIsLaughter() {
        for word in ["hahaha", "hahahaha", "ahahah", "hehehe", "hihihi", "bwahaha", "mwahaha", "haahaa"] {
            #expect(forms(word).isLaughter, "\(word)")
        }
        for word in ["haha", "hehe", "hhaha", "hahax", "happy", "bwaha", "mahaha", "bahaha", "abcde", "", "h"] {
            #expect(!forms(word).isLaughter, "\(word)")
        }
    }
}
