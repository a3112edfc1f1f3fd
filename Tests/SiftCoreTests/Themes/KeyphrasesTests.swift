import Testing
@testable import SiftCore

struct KeyphrasesTests {
    let analyzer = TextAnalyzer().makeWorker()

    func texts(_ strings: [String]) -> [AnalyzedText] { strings.map { analyzer.analyze($0, languageHint: "en") } }

    @Test func inflectionsCountAsOnePhrase() {
        let phrases = KeyphraseExtractor().keyphrases(in: texts([
            "It crashes on start", "Crashing all day", "another crash after the update", "crashed twice today",
        ]))
        let crash = phrases.filter { $0.key == "crash" }
        #expect(crash.count == 1)
        #expect(crash.first?.count == 4)
        #expect(!phrases.contains { $0.text == "crashes" && $0.key != "crash" })
    }

    @Test func nearDuplicatePhrasesAreKeptOnce() {
        let phrases = KeyphraseExtractor().keyphrases(in: texts([
            "dark mode please", "Dark mode missing", "we need dark modes", "add a dark mode option", "dark mode!!",
            "notifications are late", "late notifications again",
        ]), limit: 10)
        let withDark = phrases.filter { $0.key.contains("dark") || $0.key.contains("mode") }
        #expect(withDark.count == 1, "\(withDark.map(\.text))")
        #expect(phrases.contains { $0.key.contains("notif") })
    }

    @Test func boilerplateAndTheAppsNameDoNotLeadPhrases() {
        let phrases = KeyphraseExtractor(names: ["tunely"]).keyphrases(in: texts([
            "Good app but the playlist sync fails", "Tunely app please fix playlist sync", "great app, playlist sync broken",
            "Tunely is good", "please please fix Tunely",
        ]))
        #expect(phrases.first?.text == "playlist sync")
        for phrase in phrases {
            #expect(!phrase.key.hasPrefix("app") && !phrase.key.hasPrefix("pleas") && !phrase.key.hasPrefix("good"))
            #expect(!phrase.text.contains("tunely"))
        }
    }

    @Test func phrasesAreCappedAtThreeWords() {
        let phrases = KeyphraseExtractor().keyphrases(in: texts(["video upload progress indicator freezes constantly"]), limit: 20)
        #expect(!phrases.isEmpty)
        #expect(phrases.allSatisfy { $0.key.split(separator: " ").count <= 3 })
    }
}
