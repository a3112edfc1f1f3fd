import Testing
@testable import SiftCore

struct RoadmapLoaderTests {
    @Test func readsYAMLItemsWithKeywordLists() throws {
        let yaml = """
        items:
          - id: RM-1
            title: Fix login loop
            description: Users are logged out after the update
            keywords: [login, logged out, verification code]
            status: in_progress
            target: 2026-Q4
          - id: RM-2
            title: Dark mode
            keywords: dark mode; night theme
        """
        let items = try RoadmapLoader.parseYAML(yaml, file: "r.yaml")
        #expect(items.map(\.id) == ["RM-1", "RM-2"])
        #expect(items[0].keywords == ["login", "logged out", "verification code"])
        #expect(items[1].keywords == ["dark mode", "night theme"])
        #expect(items[0].target == "2026-Q4")
        #expect(items[1].line == 8)
    }

    @Test func readsJSONThroughTheSameParser() throws {
        let json = #"[{"id": "A", "title": "Audio sync", "keywords": ["audio", "sync"]}]"#
        let items = try RoadmapLoader.parseYAML(json, file: "r.json")
        #expect(items.first?.keywords == ["audio", "sync"])
    }

    @Test func readsCSVWithQuotedFields() throws {
        let csv = "id,title,description,keywords\nRM-9,\"Upload, faster\",\"Stuck at \"\"processing\"\"\",upload;processing\n"
        let items = try RoadmapLoader.parseCSV(csv, file: "r.csv")
        #expect(items.first?.title == "Upload, faster")
        #expect(items.first?.description == "Stuck at \"processing\"")
        #expect(items.first?.keywords == ["upload", "processing"])
    }

    @Test func aBadFieldNamesItsLineAndField() {
        let yaml = """
        - id: A
          title: ok
        - id: B
          title: [not, a, title]
        """
        #expect {
            try RoadmapLoader.parseYAML(yaml, file: "r.yaml")
        } throws: { error in
            let e = error as? RoadmapError
            return e?.line == 4 && e?.description.contains("field 'title'") == true
        }
    }

    @Test func missingIdAndDuplicateIdsAreErrors() {
        #expect(throws: RoadmapError.self) { try RoadmapLoader.parseYAML("- title: no id\n", file: "r.yaml") }
        #expect(throws: RoadmapError.self) {
            try RoadmapLoader.parseYAML("- {id: A, title: x}\n- {id: A, title: y}\n", file: "r.yaml")
        }
    }

    @Test func unknownFieldIsNamed() {
        #expect {
            try RoadmapLoader.parseYAML("- {id: A, title: x, priority: high}\n", file: "r.yaml")
        } throws: { error in
            (error as? RoadmapError)?.description.contains("unknown field 'priority'") == true
        }
    }
}
