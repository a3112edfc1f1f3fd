import Testing
@testable import SiftCore

struct FormatDetectorTests {
    static let samples: [(String, InputFormat)] = [
        (CSVExportReaderTests.playHeader + "\r\ncom.x,1,1.0,en,,,,,,5,,Nice,,,,\r\n", .googlePlay),
        ("""
         <?xml version="1.0" encoding="utf-8"?>
         <feed xmlns:im="http://itunes.apple.com/rss" xmlns="http://www.w3.org/2005/Atom"><entry><im:rating>5</im:rating></entry></feed>
         """, .appStoreXML),
        ("<?xml version=\"1.0\"?>\n<!-- export -->\n<reviews><review><body>ok</body></review></reviews>", .xml),
        (#"{"feed":{"author":{"name":{"label":"iTunes Store"}},"entry":[{"im:rating":{"label":"4"}}]}}"#, .appStoreJSON),
        (#"{"data":[{"type":"customerReviews","id":"1","attributes":{"rating":5,"body":"ok"}}],"links":{}}"#, .appStoreConnect),
        (#"{"total_items":1,"items":[{"token":"a","answers":[{"type":"text","text":"ok"}]}]}"#, .typeformJSON),
        ("{\"creator_id\":1,\"message\":\"hi\"}\n{\"creator_id\":2,\"message\":\"yo\"}\n", .jsonl),
        ("[{\"creator_id\":1,\"message\":\"hi\"}]", .json),
        (#"{"reviews":[{"text":"a"}]}"#, .json),
        ("""
         StartDate,EndDate,ResponseId,Q1_TEXT
         Start Date,End Date,Response ID,Why?
         "{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1_TEXT""}"
         """, .qualtrics),
        ("Respondent ID,Collector ID,Start Date,End Date,Q\n,,,,Open-Ended Response\n", .surveyMonkey),
        ("#,What should we fix?,Start Date (UTC),Submit Date (UTC),Network ID\nx,crash,2026-01-01 00:00:00,2026-01-01 00:01:00,n\n", .typeformCSV),
        ("id,text,rating\n1,hello,5\n", .csv),
        ("id\ttext\trating\n1\thello, there\t5\n", .tsv),
    ]

    @Test(arguments: 0..<samples.count)
    func detectsEveryFormatFromItsFirstBytes(index: Int) {
        let (text, format) = Self.samples[index]
        #expect(FormatDetector.detect(prefix: Array(text.utf8)) == format)
    }

    @Test func detectsPlayInUTF16LEWithBOM() {
        #expect(FormatDetector.detect(prefix: utf16("Review Text,Star Rating\r\nok,5\r\n")) == .googlePlay)
    }

    @Test func detectsCSVBehindAUTF8BOM() {
        #expect(FormatDetector.detect(prefix: [0xEF, 0xBB, 0xBF] + Array(",_id,reviewText\r1,a,b\r".utf8)) == .csv)
    }

    @Test func everyFormatHasADetectionSample() {
        #expect(Set(Self.samples.map(\.1)) == Set(InputFormat.allCases))
    }

    @Test func undetectableInputNamesTheFormatsToChooseFrom() {
        let error = #expect(throws: IngestError.self) {
            try FormatDetector.detect(InputSource(name: "notes.txt", bytes: Array("just some words\n".utf8)))
        }
        #expect(error?.description.contains("cannot tell the format of notes.txt; pass --format NAME (one of play,") == true)
    }
}
