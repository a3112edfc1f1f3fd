import Testing
@testable import SiftCore

struct RoadmapLinkerTests {
    /// A crude stemmer for the test: lower-case words with a trailing "s", "ing" or "ed" cut.
    static func terms(_ text: String) -> [(stem: String, surface: String)] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map { word in
            var stem = String(word)
            for suffix in ["ing", "ed", "s"] where stem.hasSuffix(suffix) && stem.count > suffix.count + 2 {
                stem.removeLast(suffix.count)
                break
            }
            return (stem, String(word))
        }
    }

    let items = [
        RoadmapItem(id: "RM-1", title: "Fix the login loop", description: "Users get logged out after updating", keywords: ["login", "verification code"]),
        RoadmapItem(id: "RM-2", title: "Dark mode", description: "A dark theme for the whole app", keywords: ["dark mode", "night"]),
        RoadmapItem(id: "RM-3", title: "Smart TV app", description: "Watch on the big screen", keywords: ["tv"]),
    ]

    @Test func aThemeLinksToTheItemThatCoversItWithTheTermsThatMatched() {
        let linker = RoadmapLinker(items: items, terms: Self.terms)
        let links = linker.links(for: ["login": 0.8, "verification": 0.3, "code": 0.3, "log": 0.4])
        #expect(links.first?.itemID == "RM-1")
        #expect(links.first?.matchedTerms.first == "login")
        #expect(links.allSatisfy { $0.itemID != "RM-3" })
    }

    @Test func keywordPhrasesMatchWhole() {
        let linker = RoadmapLinker(items: items, terms: Self.terms)
        let links = linker.links(for: ["dark": 0.9, "mode": 0.9, "dark mode": 0.9])
        #expect(links.first?.itemID == "RM-2")
        #expect(links.first!.confidence > 0.8)
    }

    @Test func aThemeNoItemCoversHasNoLink() {
        let linker = RoadmapLinker(items: items, terms: Self.terms)
        #expect(linker.links(for: ["battery": 0.9, "drain": 0.7, "hot": 0.3]).isEmpty)
    }
}
