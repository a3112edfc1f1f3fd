import Foundation
import Testing
@testable import SiftCore

struct JSONLinesReaderTests {
    let creatorLines = """
        {"creator_id":"c_1029","follower_count":182000,"category":"upload","message":"Upload stuck at 99% since 34.2","submitted_at":"2026-10-03T08:11:00Z","app_version":"34.2.1","country":"BR"}

        {"creator_id":"c_2211","follower_count":950,"category":"analytics","message":"Please give creators analytics per video","submitted_at":"2026-10-04T10:00:00Z","app_version":"34.2.1","country":"DE","meta":{"plan":"pro","beta":false}}
        """

    @Test func guessesFieldsOfCreatorFeedbackWithoutAMap() throws {
        let result = try readAll(JSONLinesReader(format: .jsonl, map: FieldMap()), creatorLines, name: "creators.jsonl")
        #expect(result.records.count == 2)
        #expect(result.rejections.isEmpty)
        let first = result.records[0]
        #expect(first.text == "Upload stuck at 99% since 34.2")
        #expect(first.reach == 182000)
        // creator_id names the creator, not the message: the record gets a content-hash id from the Ingestor.
        #expect(first.id == "")
        #expect(result.extra("creator_id", of: 0) == "c_1029")
        #expect(first.version == "34.2.1")
        #expect(first.country == "BR")
        #expect(first.date == ValueParsing.date("2026-10-03T08:11:00Z"))
        #expect(result.extra("category", of: 0) == "upload")
        // Line 2 is blank and skipped; the second object is on line 3.
        #expect(result.records[1].origin.line == 3)
        #expect(result.extra("meta.plan", of: 1) == "pro")
        #expect(result.extra("meta.beta", of: 1) == "false")
    }

    @Test func rejectsABadLineWithItsLineNumberAndReadsOn() throws {
        let text = """
            {"message": "first"}
            {"message": "broken",
            [1, 2]
            {"message": "last"}
            """
        let result = try readAll(JSONLinesReader(format: .jsonl, map: FieldMap()), text, name: "f.jsonl")
        #expect(result.records.map(\.text) == ["first", "last"])
        #expect(result.rejections.count == 2)
        #expect(result.rejections[0].origin.description == "f.jsonl:2")
        #expect(result.rejections[0].reason.contains("invalid JSON"))
        #expect(result.rejections[0].raw == #"{"message": "broken","#)
        #expect(result.rejections[1].origin.line == 3)
        #expect(result.read == 4)
    }

    @Test func mapsDottedPathsAndStopsOnAMapKeyTheFirstRecordLacks() throws {
        let text = #"{"user": {"name": "Ana"}, "feedback": {"text": "Dark mode please"}, "stars": "4"}"#
        let map = try FieldMap(parsing: "text=feedback.text,author=user.name,rating=stars")
        let result = try readAll(JSONLinesReader(format: .jsonl, map: map), text)
        #expect(result.records.first?.text == "Dark mode please")
        #expect(result.records.first?.author == "Ana")
        #expect(result.records.first?.rating == 4)
        #expect {
            try readAll(JSONLinesReader(format: .jsonl, map: FieldMap([.text: "comment"])), text, name: "x.jsonl")
        } throws: { error in
            let message = "\(error)"
            return message.contains("x.jsonl") && message.contains("text=comment") && message.contains("feedback.text")
        }
    }

    @Test func handlesBOMCRLFLongLinesAndChunkBoundaries() throws {
        let long = String(repeating: "battery drains fast ", count: 400)
        var text = "\u{FEFF}"
        for i in 1...300 { text += #"{"id": "r\#(i)", "text": "\#(i % 7 == 0 ? long : "crash on start \(i)")"}"# + "\r\n" }
        var reader = JSONLinesReader(format: .jsonl, map: FieldMap())
        reader.chunkSize = 1024
        let result = try readAll(reader, text)
        #expect(result.records.count == 300)
        #expect(result.rejections.isEmpty)
        #expect(result.records[0].id == "r1")
        #expect(result.records[6].text == long.trimmingCharacters(in: .whitespaces))
        #expect(result.records[299].origin.line == 300)
        #expect(!result.records.contains { $0.text.hasSuffix("\r") })
    }

    @Test func replacesInvalidUTF8WithADiagnostic() throws {
        let bytes = Array(#"{"text": "na"#.utf8) + [0xEF, 0x76] + Array(#"e"}"#.utf8) + [0x0A]
        let result = try readAll(JSONLinesReader(format: .jsonl, map: FieldMap()), bytes: bytes)
        #expect(result.records.first?.text == "na\u{FFFD}ve")
        #expect(result.diagnostics.count == 1)
    }

    @Test func accountingBalancesThroughTheIngestor() throws {
        let text = """
            {"text": "good", "rating": 5}
            not json
            {"text": ""}
            {"text": "also good", "rating": 9}
            """
        var events = 0
        let account = try Ingestor(format: .jsonl).ingestForTest(JSONLinesReader(format: .jsonl, map: FieldMap()), text) { _ in events += 1 }
        #expect(account.read == 4)
        #expect(account.accepted == 1)
        #expect(account.rejected == 3)
        #expect(account.balances)
    }
}

extension Ingestor {
    /// The Ingestor's accounting over one reader (the lead wires readers into `makeReader` at merge).
    func ingestForTest(_ reader: some RecordReader, _ text: String, emit: (IngestEvent) -> Void) throws -> InputAccount {
        var account = InputAccount(file: "t", format: "jsonl")
        try reader.read(InputSource(name: "t", bytes: Array(text.utf8))) { event in
            switch event {
            case .record: account.read += 1; account.accepted += 1
            case .rejected: account.read += 1; account.rejected += 1
            case .diagnostic: break
            }
            emit(event)
        }
        return account
    }
}
