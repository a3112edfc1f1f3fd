import Testing
@testable import SiftCore

struct FieldMapTests {
    @Test func parsesPairsAndTheRecordElement() throws {
        let map = try FieldMap(parsing: "text=Review, rating=Stars,date=When,record=entry")
        #expect(map[.text] == "Review")
        #expect(map[.rating] == "Stars")
        #expect(map[.date] == "When")
        #expect(map.record == "entry")
    }

    @Test func namesTheBadPair() {
        #expect(throws: FieldMapError.self) { try FieldMap(parsing: "txt=Review") }
        #expect(throws: FieldMapError.self) { try FieldMap(parsing: "text") }
    }

    @Test func userMapOverridesFormatDefaults() {
        let defaults = FieldMap([.text: "content", .rating: "score"])
        let merged = defaults.overlaid(by: FieldMap([.text: "body"]))
        #expect(merged[.text] == "body")
        #expect(merged[.rating] == "score")
    }
}
