import Foundation
import Testing
@testable import SiftCore

struct RecordLinesTests {
    private static func line(_ record: FeedbackRecord) -> String {
        var json = JSONWriter()
        RecordLines.write(record, to: &json)
        return json.string
    }

    @Test func aRecordWithoutAnalysisIsOneLineWithEveryKeyInOrder() {
        var record = FeedbackRecord(
            source: "a.csv", format: "csv", text: "Crashes on start", rating: 2, date: UTCDate.make(year: 2026, month: 11, day: 28, hour: 9, minute: 30),
            version: "4.2", origin: RecordOrigin(file: "a.csv", line: 7, byteOffset: 120))
        record.setContentHashID(0x0123_4567_89ab_cdef)
        #expect(Self.line(record) == #"{"id":"h0123456789abcdef","source":"a.csv","format":"csv","line":7,"byte_offset":120,"#
            + #""text":"Crashes on start","title":null,"rating":2,"score":null,"date":"2026-11-28T09:30:00Z","author":null,"#
            + #""version":"4.2","device":null,"country":null,"reach":null,"language":null,"extras":{}}"#)
    }

    @Test func anAnalysedRecordCarriesItsScoresRoundedAndItsKinds() {
        var record = FeedbackRecord(
            id: "r-1", source: "s.json", format: "json", text: "x", title: "T", score: 9.5, author: "ana", device: "Pixel",
            language: "en", country: "DE", reach: 1234.56789, origin: RecordOrigin(file: "s.json", element: 3))
        record.analysis = Analysis(
            language: "de", languageConfidence: 0.98765, sentiment: SentimentScore(compound: -0.43219, positive: 0, negative: 0.5004, neutral: 0.4996),
            kinds: [KindScore(kind: .featureRequest, confidence: 0.9), KindScore(kind: .bug, confidence: 0.0004)], severity: .major,
            side: .featureRequest, theme: 12, painPoint: "pp-0a1b2c3d")
        #expect(Self.line(record) == #"{"id":"r-1","source":"s.json","format":"json","element":3,"text":"x","title":"T","rating":null,"#
            + #""score":9.5,"date":null,"author":"ana","version":null,"device":"Pixel","country":"DE","reach":1234.5679,"language":"de","#
            + #""language_confidence":0.988,"sentiment":{"compound":-0.4322,"positive":0,"negative":0.5,"neutral":0.5},"#
            + #""kinds":[{"kind":"feature_request","confidence":0.9},{"kind":"bug","confidence":0}],"severity":"major","side":"feature_request","#
            + #""theme":12,"pain_point":"pp-0a1b2c3d","extras":{}}"#)
    }

    /// Texts with characters JSON must escape, ids that start with the bytes ids are stored behind, a date outside
    /// four-digit years: each line parses back to what the record holds.
    @Test func unusualValuesParseBackExactly() throws {
        let texts = ["say \"hi\"\\ \n\t\u{01}\u{1F} — ✓ 👍🏽", "", String(repeating: "long text without escapes ", count: 40) + "\r"]
        let ids = ["\u{0}odd", "\u{1}odd", "plain", ""]
        for (i, text) in texts.enumerated() {
            var record = FeedbackRecord(
                id: ids[i % ids.count], source: "dir/\"q\".csv", format: "csv", text: text,
                date: Date(timeIntervalSince1970: 300_000_000_000), origin: RecordOrigin(file: "f"))
            record.extras = [ExtraField(name: "Reply \"x\"", value: text), ExtraField(name: "n", value: "")]
            let line = Self.line(record)
            #expect(!line.utf8.contains(where: { $0 < 0x20 }))
            let parsed = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(parsed["id"] as? String == ids[i % ids.count])
            #expect(parsed["text"] as? String == text)
            #expect(parsed["source"] as? String == "dir/\"q\".csv")
            #expect(parsed["date"] as? String == UTCDate.iso8601(Date(timeIntervalSince1970: 300_000_000_000)))
            #expect((parsed["extras"] as? [String: String]) == ["Reply \"x\"": text, "n": ""])
        }
    }
}
