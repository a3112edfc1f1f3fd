import SiftCore
import Testing

/// The shipped cue lexicons are well formed: a typo there silently loses a cue.
struct KindLexiconTests {
    @Test(arguments: ["en", "es"])
    func everyKindCueHasAKnownKindAWeightAndWords(language: String) {
        let lines = LexiconStore.shipped.lines("\(language)/kind-cues.txt")
        #expect(lines.count > 50)
        for line in lines {
            let fields = line.split(separator: " ")
            #expect(fields.count >= 3, "\(line)")
            #expect(FeedbackKind(rawValue: String(fields[0])) != nil && fields[0] != "other", "\(line)")
            #expect(Double(fields[1]).map { $0 > 0 && $0 <= 3 } == true, "\(line)")
        }
    }

    @Test(arguments: ["en", "es"])
    func everySeverityCueHasAKnownLevel(language: String) {
        let lines = LexiconStore.shipped.lines("\(language)/severity-cues.txt")
        #expect(!lines.isEmpty)
        for line in lines {
            let level = line.split(separator: " ").first.map(String.init) ?? ""
            #expect(["critical", "major", "minor", "small"].contains(level), "\(line)")
        }
    }

    @Test func aUserLexiconOverridesTheShippedCues() {
        let store = LexiconStore.shipped.overlaid(by: ["en/kind-cues.txt": "pricing 2 paywall\n"])
        let classifier = KindClassifier(lexicons: store)
        let text = TextAnalyzer().makeWorker().analyze("Everything is behind a paywall now", languageHint: "en")
        #expect(classifier.classify(text, sentiment: nil).kinds.map(\.kind) == [.pricing])
    }
}
