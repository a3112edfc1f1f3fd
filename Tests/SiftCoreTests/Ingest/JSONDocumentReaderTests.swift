import Foundation
import Testing
@testable import SiftCore

struct JSONDocumentReaderTests {
    static let realFeed = "/work/shared/data/appstore-customer-reviews-json-feed/appstore_customerreviews_id1321994487_us.json"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: realFeed)))
    func readsEveryEntryOfTheRealAppStoreFeed() throws {
        let reader = JSONDocumentReader(format: .appStoreJSON, map: FieldMap())
        var result = ReadResult()
        try reader.read(InputSource(path: Self.realFeed)) { event in
            if case .record(let r) = event { result.records.append(r) }
            if case .rejected(let r) = event { result.rejections.append(r) }
        }
        #expect(result.records.count == 50)
        #expect(result.rejections.isEmpty)
        let stars = Dictionary(grouping: result.records.compactMap(\.rating), by: { Int($0) }).mapValues(\.count)
        #expect(stars == [1: 11, 2: 9, 3: 3, 4: 7, 5: 20])
        #expect(result.records.allSatisfy { $0.version == "8.0.9" && $0.date == nil && !$0.id.isEmpty })
        #expect(result.records[0].id == "7175647643")
        #expect(result.records[0].author == "WB-SBB")
        #expect(result.records[0].title == "Mobile app cannot recognize endorsement on business size checks.")
        #expect(result.records[0].text.contains("cannot “find” the endorsement"))
        #expect(result.records[0].reach == 0)
        #expect(result.extra("im:voteCount", of: 0) == "0")
        #expect(result.records[1].origin.element == 2)
    }

    let feedEntry = #"""
        {"author": {"name": {"label": "Mia"}, "uri": {"label": "https://x/1"}, "label": ""},
         "updated": {"label": "2026-11-02T10:00:00-07:00"},
         "im:rating": {"label": "1"}, "im:version": {"label": "5.1"}, "id": {"label": "901"},
         "title": {"label": "Login loop"},
         "content": [{"label": "Logs me out after the update", "attributes": {"type": "text"}},
                     {"label": "<p>Logs me out after the update</p>", "attributes": {"type": "html"}}],
         "im:voteSum": {"label": "12"}, "im:voteCount": {"label": "15"},
         "link": {"attributes": {"rel": "related", "href": "https://x/r"}}}
        """#

    /// Found by scripts/fuzz-inputs: a member nested deeper than the search for the records goes was left half
    /// read, and the file stopped the run with "expected a key string" although its records were further on.
    @Test func aTooDeepMemberIsPassedOverOnTheWayToTheRecords() throws {
        let deep = String(repeating: #"{"a":"#, count: 100) + "1" + String(repeating: "}", count: 100)
        let doc = #"{"meta": \#(deep), "items": [{"id": "7", "text": "keeps crashing"}]}"#
        let result = try readAll(JSONDocumentReader(format: .json, map: FieldMap()), doc)
        #expect(result.records.map(\.text) == ["keeps crashing"])
        #expect(result.rejections.isEmpty)
    }

    /// Found by scripts/fuzz-inputs: one stray quote in a record of a pretty-printed export lost every record after
    /// it (App Store Connect sample: 30 reviews read as 8).
    @Test func aBrokenRecordOfAPrettyPrintedArrayCostsOnlyItself() throws {
        let records = (1...4).map { #"  {\#n    "id": "\#($0)",\#n    "text": "review \#($0)",\#n    "meta": {"a": 1}\#n  }"# }
        var doc = "[\n" + records.joined(separator: ",\n") + "\n]\n"
        doc = doc.replacingOccurrences(of: #""text": "review 2""#, with: #""text": "rev"iew 2""#)
        let result = try readAll(JSONDocumentReader(format: .json, map: FieldMap()), doc)
        #expect(result.records.map(\.id) == ["1", "3", "4"])
        #expect(result.rejections.map(\.origin.element) == [2])
        #expect(result.rejections.first?.raw.contains(#""id": "2""#) == true)
        #expect(result.rejections.first?.raw.hasSuffix("}") == true)

        let firstBroken = ("[\n" + records.joined(separator: ",\n") + "\n]\n")
            .replacingOccurrences(of: #""text": "review 1""#, with: #""text": "rev"iew 1""#)
        let fromTheSecond = try readAll(JSONDocumentReader(format: .json, map: FieldMap()), firstBroken)
        #expect(fromTheSecond.records.map(\.id) == ["2", "3", "4"])
        #expect(fromTheSecond.rejections.map(\.origin.element) == [1])
    }

    @Test func aBrokenRecordOfAOneLineArrayCostsOnlyItself() throws {
        // A one-line API response with a stray quote in record 2 lost records 3 and 4. On one line `},{` also joins
        // objects nested in a record (the "x" lists here, also inside the broken record after its break): the next
        // record is the next object after a comma that shares the first record's keys.
        let doc = #"[{"id":"1","text":"a","x":[{"k":1},{"k":2}]},{"id":"2","text":"b"x","x":[{"k":3},{"k":4}]},{"id":"3","text":"c","x":[]},{"id":"4","text":"d"}]"#
        let result = try readAll(JSONDocumentReader(format: .json, map: FieldMap()), doc)
        #expect(result.records.map(\.id) == ["1", "3", "4"])
        #expect(result.rejections.map(\.origin.element) == [2])
        #expect(result.rejections.first?.raw.contains(#""id":"2""#) == true)
        #expect(!result.diagnostics.contains { $0.message.contains("were not read") })
    }

    @Test func aBrokenFirstRecordOfAOneLineArrayCostsOnlyItself() throws {
        // No record was read whole to know the next one by its keys. The objects of the "x" list after the break
        // follow a comma and parse whole too, but after their `]` the broken record is still open, so the document
        // cannot end there: they are not records. Record 2 begins a run that closes the array where the document ends.
        let doc = #"[{"id":"1","text":"a"x","x":[{"k":1},{"k":2}]},{"id":"2","text":"b"},{"id":"3","text":"c"}]"#
        let result = try readAll(JSONDocumentReader(format: .json, map: FieldMap()), doc)
        #expect(result.records.map(\.id) == ["2", "3"])
        #expect(result.rejections.map(\.origin.element) == [1])
        #expect(result.rejections.first?.raw.contains(#"{"k":2}]}"#) == true)
        #expect(!result.diagnostics.contains { $0.message.contains("were not read") })
    }

    @Test func aBrokenFirstRecordInsideAnAPIResponseCostsOnlyItself() throws {
        // The record array sits in an object with members after it (an App Store Connect response): those close
        // after the array's `]`. A later broken record is found by the keys of record 2, the first read whole.
        let doc = #"{"data":[{"id":"1","attributes":{"body":""x","tags":[{"t":1},{"t":2}]}},"#
            + #"{"id":"2","attributes":{"body":"b"}},{"id":"3","attributes":{"body":"c"x"}},{"id":"4","attributes":{"body":"d"}}],"#
            + #""links":{"self":"u"},"meta":{"paging":{"total":4}}}"#
        let result = try readAll(JSONDocumentReader(format: .appStoreConnect, map: FieldMap()), doc)
        #expect(result.records.map(\.text) == ["b", "d"])
        #expect(result.rejections.map(\.origin.element) == [1, 3])
        #expect(result.read == 4)
        #expect(!result.diagnostics.contains { $0.message.contains("were not read") })
    }

    @Test func aBrokenFirstRecordWithNoWholeRecordAfterItStillEndsTheReading() throws {
        // Only objects nested in the broken record follow it: none can be a record, none is read as one.
        let doc = #"{"data":[{"id":"1","text":"a"x","x":[{"k":1},{"k":2}]}]}"#
        let result = try readAll(JSONDocumentReader(format: .json, map: FieldMap()), doc)
        #expect(result.records.isEmpty)
        #expect(result.rejections.count == 1)
        #expect(result.diagnostics.contains { $0.message.contains("were not read") })
    }

    /// Found by scripts/fuzz-inputs (seed 7, --chunk-edges): a flipped byte in the last entry of Samples/appstore-feed.json
    /// read the feed's `link` list, indented as the entries are, as three more records (30 read as 33). After a
    /// broken record, the next one shares its keys.
    @Test func aBrokenLastRecordDoesNotTakeALaterListForRecords() throws {
        let pretty = """
        {
          "feed": {
            "entry": [
              {
                "id": "1",
                "content": "one"
              },
              {
                "id": "2",
                "content": "two" x
              }
            ],
            "link": [
              {
                "rel": "self"
              },
              {
                "rel": "next"
              }
            ]
          }
        }
        """
        let oneLine = #"{"data":[{"id":"1","body":"a"x"}],"links":[{"rel":"self"},{"rel":"next"}]}"#
        for (doc, path, read) in [(pretty, "feed.entry", 2), (oneLine, "data", 1)] {
            let result = try readAll(JSONDocumentReader(format: .json, map: FieldMap([.text: "content"], record: path)), doc)
            #expect(result.read == read)
            #expect(result.rejections.count == 1)
            #expect(result.diagnostics.contains { $0.message.contains("were not read") })
        }
    }

    @Test func aLoneEntryIsReadAsOneReviewAndTheHTMLTwinIsIgnored() throws {
        let doc = #"{"feed": {"title": {"label": "Reviews"}, "entry": \#(feedEntry)}}"#
        let result = try readAll(JSONDocumentReader(format: .appStoreJSON, map: FieldMap()), doc)
        #expect(result.records.count == 1)
        let r = try #require(result.records.first)
        #expect(r.text == "Logs me out after the update")
        #expect(r.rating == 1)
        #expect(r.reach == 12)
        #expect(r.date == ValueParsing.date("2026-11-02T17:00:00Z"))
        #expect(result.extra("im:voteCount", of: 0) == "15")
        #expect(result.extra("link.href", of: 0) == "https://x/r")
        #expect(!r.extras.contains { $0.value.contains("<p>") })
    }

    @Test func theAppMetadataFirstEntryIsNotARecord() throws {
        let meta = #"{"im:name": {"label": "Clipper"}, "id": {"label": "https://apps/1"}, "title": {"label": "Clipper - Acme"}}"#
        let doc = #"{"feed": {"entry": [\#(meta), \#(feedEntry)]}}"#
        let result = try readAll(JSONDocumentReader(format: .appStoreJSON, map: FieldMap()), doc)
        #expect(result.read == 1)
        #expect(result.records.first?.id == "901")
        #expect(result.records.first?.origin.element == 2)
    }

    @Test func readsAppStoreConnectReviews() throws {
        let doc = #"""
            {"data": [
              {"type": "customerReviews", "id": "a1", "attributes": {"rating": 5, "title": "Love it",
               "body": "Best editor", "reviewerNickname": "kp", "createdDate": "2026-01-02T03:04:05-08:00", "territory": "USA"}},
              {"type": "customerReviews", "id": "a2", "attributes": {"rating": 9, "title": "", "body": "x",
               "reviewerNickname": "zz", "createdDate": "2026-01-03T00:00:00Z", "territory": "FRA"}}
            ], "links": {"self": "https://api/..."}}
            """#
        let result = try readAll(JSONDocumentReader(format: .appStoreConnect, map: FieldMap()), doc, name: "asc.json")
        #expect(result.records.count == 1)
        let r = try #require(result.records.first)
        #expect(r.id == "a1" && r.rating == 5 && r.title == "Love it" && r.text == "Best editor")
        #expect(r.author == "kp" && r.country == "USA")
        #expect(r.date == ValueParsing.date("2026-01-02T11:04:05Z"))
        #expect(result.extra("type", of: 0) == "customerReviews")
        #expect(result.rejections.first?.origin.element == 2)
        #expect(result.rejections.first?.origin.line == 4)
        #expect(result.rejections.first?.reason.contains("outside 1–5") == true)
    }

    @Test func splitsTypeformResponsesIntoOneRecordPerTextAnswer() throws {
        let doc = #"""
            {"total_items": 2, "items": [
              {"token": "tok1", "submitted_at": "2026-05-01T09:00:00Z", "hidden": {"plan": "free"},
               "answers": [
                 {"field": {"id": "f_nps", "type": "opinion_scale", "ref": "nps"}, "type": "number", "number": 3},
                 {"field": {"id": "f_why", "type": "long_text", "ref": "why"}, "type": "text", "text": "Too many ads"},
                 {"field": {"id": "f_role", "type": "multiple_choice", "ref": "role"}, "type": "choice", "choice": {"label": "Creator"}},
                 {"field": {"id": "f_more", "type": "short_text", "ref": "wish"}, "type": "text", "text": "Dark mode"},
                 {"field": {"id": "f_stars", "type": "rating", "ref": "stars"}, "type": "number", "number": 2}
               ]},
              {"response_id": "tok2", "submitted_at": "2026-05-02T09:00:00Z",
               "answers": [{"field": {"id": "f_nps", "type": "nps", "ref": "nps"}, "type": "number", "number": 10}]}
            ]}
            """#
        let result = try readAll(JSONDocumentReader(format: .typeformJSON, map: FieldMap()), doc)
        #expect(result.records.map(\.id) == ["tok1/f_why", "tok1/f_more"])
        #expect(result.records.map(\.text) == ["Too many ads", "Dark mode"])
        #expect(result.records.allSatisfy { $0.score == 3 && $0.rating == 2 })
        #expect(result.records[0].date == ValueParsing.date("2026-05-01T09:00:00Z"))
        #expect(result.extra("answers.role", of: 0) == "Creator")
        #expect(result.extra("hidden.plan", of: 1) == "free")
        #expect(result.extra("question", of: 1) == "wish")
        // A response with no written answer is accounted for, not dropped.
        #expect(result.rejections.count == 1)
        #expect(result.rejections[0].reason.contains("tok2"))
    }

    @Test func genericJSONFindsTheFirstArrayOfObjectsOrTheNamedOne() throws {
        let doc = #"{"meta": {"count": 2, "tags": ["a"]}, "results": [{"comment": "Sound out of sync", "followers": 10}, {"comment": "Crash on startup"}], "other": [{"text": "no"}]}"#
        let guessed = try readAll(JSONDocumentReader(format: .json, map: FieldMap()), doc)
        #expect(guessed.records.map(\.text) == ["Sound out of sync", "Crash on startup"])
        #expect(guessed.records[0].reach == 10)
        let named = try readAll(JSONDocumentReader(format: .json, map: FieldMap(record: "other")), doc)
        #expect(named.records.map(\.text) == ["no"])
        let array = try readAll(JSONDocumentReader(format: .json, map: FieldMap()), #"[{"body": "hi"}]"#)
        #expect(array.records.map(\.text) == ["hi"])
        #expect(throws: IngestError.self) { try readAll(JSONDocumentReader(format: .json, map: FieldMap(record: "nope")), doc) }
    }

    @Test func aBrokenDocumentKeepsWhatWasReadAndRejectsTheBrokenElement() throws {
        let doc = "[{\"text\": \"one\"},\n{\"text\": \"two\"},\n{\"text\": \"thr\n"
        let result = try readAll(JSONDocumentReader(format: .json, map: FieldMap()), doc, name: "b.json")
        #expect(result.records.map(\.text) == ["one", "two"])
        #expect(result.rejections.count == 1)
        #expect(result.rejections[0].origin.line == 3)
        #expect(result.rejections[0].origin.element == 3)
        #expect(result.diagnostics.contains { $0.severity == .error })
        #expect(throws: IngestError.self) { try readAll(JSONDocumentReader(format: .json, map: FieldMap()), "{\"a\": tru") }
    }
}
