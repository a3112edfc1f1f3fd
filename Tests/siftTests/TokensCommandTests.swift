import Foundation
import Testing

/// `sift tokens` end to end: scripts read its JSON lines.
struct TokensCommandTests {
    @Test func jsonListsEveryTokenWithByteOffsets() throws {
        let text = "Don’t like it, no dark mode 👍🏽 since v2.3.1"
        let result = try SiftBinary.run(["tokens", "--json", "--language", "en", text])
        #expect(result.status == 0)
        let objects = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["text"] as? String } == ["Don’t", "like", "it", ",", "no", "dark", "mode", "👍🏽", "since", "v2.3.1"])
        let utf8 = Array(text.utf8)
        for object in objects {
            let start = try #require(object["start"] as? Int), end = try #require(object["end"] as? Int)
            #expect(String(decoding: utf8[start..<end], as: UTF8.self) == object["text"] as? String)
        }
        #expect(objects[0]["folded"] as? String == "don't")
        #expect(objects[5]["kind"] as? String == "word")
        #expect((objects[5]["flags"] as? [String])?.contains("negated") == true)
        #expect(objects[7]["kind"] as? String == "emoji")
        #expect(objects[9]["kind"] as? String == "version")
        #expect(objects[8]["stem"] as? String == "sinc")
    }

    @Test func readsStandardInput() throws {
        let result = try SiftBinary.run(["tokens", "--language", "en", "-"], stdin: Data("The app crashes!!!\n".utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count == 4)
        #expect(lines[2].contains("crashes\tcrashes\tcrash"))
        #expect(lines[3].contains("emphasis"))
    }
}
