import Foundation
import Testing
@testable import SiftCore

struct CSVExportReaderTests {
    // MARK: generic CSV

    @Test func guessesTextRatingDateAndIdFromCommonNames() throws {
        let r = try ingest("reviewId,content,score,at\nr1,\"Crashes on start, every time\",1,2026-11-02T10:00:00Z\n")
        #expect(r.records.count == 1)
        let record = try #require(r.records.first)
        #expect(record.id == "r1")
        #expect(record.text == "Crashes on start, every time")
        #expect(record.rating == 1)
        #expect(record.date == UTCDate.make(year: 2026, month: 11, day: 2, hour: 10))
        #expect(record.origin.line == 2)
    }

    @Test func unnamedFirstColumnIsKeptAsAnExtra() throws {
        let r = try ingest(",_id,reviewText,date\n0,a1,Battery drains overnight,25.04.16\n")
        let record = try #require(r.records.first)
        #expect(record.id == "a1")
        #expect(r.extra(record, "column1") == "0")
        // dd.mm.yy
        #expect(record.date == UTCDate.make(year: 2016, month: 4, day: 25))
    }

    @Test func crOnlyLineEndsWithBOMAndUnnamedFirstColumn() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(",_id,reviewText\r1,x1,first review\r2,x2,second review\r".utf8)
        let r = try ingest(bytes)
        #expect(r.records.map(\.text) == ["first review", "second review"])
        #expect(r.records.map(\.origin.line) == [2, 3])
        #expect(r.records.first.map { r.extra($0, "column1") } == "1")
    }

    @Test func slashDatesAreReadDayFirstWhenTheColumnSaysSo() throws {
        // 05/01/16 alone is ambiguous; 15/01/16 in the same column settles it as day-first.
        let r = try ingest("reviewText,date\nfine,05/01/16\nok,15/01/16\n")
        #expect(r.records.map(\.date) == [UTCDate.make(year: 2016, month: 1, day: 5), UTCDate.make(year: 2016, month: 1, day: 15)])
    }

    @Test func questionMarksAreMissingValuesNotText() throws {
        let r = try ingest("text,rating,author\nLogin loop after update,?,?\n?,4,ann\n")
        #expect(r.records.count == 1)
        #expect(r.records.first?.rating == nil)
        #expect(r.records.first?.author == nil)
        #expect(r.rejections.count == 1)
        #expect(r.rejections.first?.origin.line == 3)
    }

    @Test func invalidUTF8IsDecodedAsWindows1252WithAWarningNamingTheLine() throws {
        let bytes = Array("text,author\nGreat app,ann\n".utf8) + Array("Caf".utf8) + [0xE9] + Array(" crashes,J".utf8) + [0xF6] + Array("rg\n".utf8)
        let r = try ingest(bytes, name: "golden.csv")
        #expect(r.records.map(\.text) == ["Great app", "Café crashes"])
        #expect(r.records.last?.author == "Jörg")
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics.first?.severity == .warning)
        #expect(r.diagnostics.first?.description.hasPrefix("golden.csv:3:") == true)
    }

    @Test func raggedRowIsRejectedWithItsRawText() throws {
        let r = try ingest("id,text,rating\n1,fine,5\n2,too,many,fields\n3,also fine,4\n")
        #expect(r.records.map(\.id) == ["1", "3"])
        #expect(r.rejections.count == 1)
        let rejection = try #require(r.rejections.first)
        #expect(rejection.reason == "row has 4 fields, header has 3")
        #expect(rejection.raw == "2,too,many,fields")
        #expect(rejection.origin.line == 3)
    }

    @Test func anUnterminatedQuoteCostsOnlyItsRow() throws {
        let r = try ingest("id,text\n1,ok\n2,\"never closed\n3,kept\n")
        #expect(r.records.map(\.id) == ["1", "3"])
        #expect(r.rejections.count == 1)
        #expect(r.rejections.first?.reason.contains("never closed") == true)
        #expect(r.rejections.first?.raw == "2,\"never closed")
        #expect(r.rejections.first?.origin.line == 3)
        #expect(r.accounts.first?.balances == true)
    }

    /// Found probing CSV by hand beside the fuzzer: one stray quote near the top lost the thousands of rows after it.
    @Test func aStrayQuoteEarlyInABigExportLosesOneRow() throws {
        var rows = ["id,text,rating"] + (1...3000).map { "\($0),review number \($0),3" }
        rows[5] = "5,\"stray quote here,3"
        let r = try ingest(rows.joined(separator: "\n") + "\n")
        #expect(r.records.count == 2999)
        #expect(r.rejections.map(\.origin.line) == [6])
        #expect(r.accounts.first?.read == 3000)
    }

    @Test func embeddedNewlinesAndQuotesStayInTheText() throws {
        let r = try ingest("id,text\r\n1,\"Line one\r\nshe said \"\"meh\"\"\"\r\n2,next\r\n")
        #expect(r.records.map(\.text) == ["Line one\r\nshe said \"meh\"", "next"])
        #expect(r.records.map(\.origin.line) == [2, 4])
    }

    @Test func mapNamingAMissingColumnStopsTheInputNamingIt() throws {
        let error = #expect(throws: IngestError.self) {
            try ingest("Review,Stars\nok,5\n", map: FieldMap([.text: "Review", .rating: "Rating"]))
        }
        #expect(error?.message.contains("'Rating'") == true)
        #expect(error?.message.contains("Review, Stars") == true)
    }

    @Test func noGuessableTextColumnAsksForAMap() throws {
        let error = #expect(throws: IngestError.self) { try ingest("a,b\n1,2\n") }
        #expect(error?.message.contains("--map text=COLUMN") == true)
        let r = try ingest("a,b\nhello there,2\n", map: FieldMap([.text: "a"]))
        #expect(r.records.first?.text == "hello there")
        #expect(r.records.first.map { r.extra($0, "b") } == "2")
    }

    @Test func tsvReadsTabSeparatedColumns() throws {
        let r = try ingest("id\ttext\tstars\n7\tSound out of sync, badly\t2\n", name: "x.tsv")
        #expect(r.accounts.first?.format == "tsv")
        #expect(r.records.first?.text == "Sound out of sync, badly")
        #expect(r.records.first?.rating == 2)
    }

    @Test func accountingBalancesOnAMixOfGoodAndBadRows() throws {
        var text = "id,text,rating\n"
        for i in 0..<500 {
            switch i % 7 {
            case 0: text += "\(i),only two\n"  // ragged
            case 1: text += "\(i),,3\n"  // no text
            case 2: text += "\(i),bad rating,9\n"
            default: text += "\(i),\"review \(i), fine\",4\n"
            }
        }
        let r = try ingest(text)
        let account = try #require(r.accounts.first)
        #expect(account.read == 500)
        #expect(account.balances)
        #expect(account.accepted == r.records.count)
        #expect(account.rejected == r.rejections.count)
        #expect(account.rejected == 3 * 72)
        // Records come out in input order, across the sampled first rows and the rest.
        #expect(r.records.map { Int($0.id)! } == r.records.map { Int($0.id)! }.sorted())
        #expect(r.rejections.map { $0.origin.line! } == r.rejections.map { $0.origin.line! }.sorted())
    }

    // MARK: Google Play

    static let playHeader = "Package Name,App Version Code,App Version Name,Reviewer Language,Device,Review Submit Date and Time,Review Submit Millis Since Epoch,Review Last Update Date and Time,Review Last Update Millis Since Epoch,Star Rating,Review Title,Review Text,Developer Reply Date and Time,Developer Reply Millis Since Epoch,Developer Reply Text,Review Link"

    @Test func playExportInUTF16LEWithDefaultMap() throws {
        let text = Self.playHeader + "\r\n"
            + "com.example.app,312,3.1.2,en,pixel7,2026-11-01T08:00:00Z,1793520000000,,,1,,\"Video upload stuck at 99%, again\",,,,https://play.google.com/r/1\r\n"
            + "com.example.app,312,3.1.2,de,,,1793523600000,,,5,Super,,,,,\r\n"
        let r = try ingest(utf16(text), name: "reviews.csv")
        #expect(r.accounts.first?.format == "play")
        #expect(r.records.count == 2)
        let first = try #require(r.records.first)
        #expect(first.text == "Video upload stuck at 99%, again")
        #expect(first.rating == 1)
        #expect(first.version == "3.1.2")
        #expect(first.device == "pixel7")
        #expect(first.language == "en")
        #expect(first.date == UTCDate.make(year: 2026, month: 11, day: 1, hour: 8))
        #expect(r.extra(first, "Review Link") == "https://play.google.com/r/1")
        // No date text: the millis column dates it; only a title: the title is the text.
        let second = r.records[1]
        #expect(second.date == Date(timeIntervalSince1970: 1_793_523_600))
        #expect(second.text == "Super")
    }

    @Test func playExportWithColumnsOmittedStillReads() throws {
        let r = try ingest(utf16("Star Rating,Review Text,Review Submit Date and Time\r\n4,Dark mode please,2026-10-01\r\n"), format: .googlePlay)
        #expect(r.records.first?.text == "Dark mode please")
        #expect(r.records.first?.rating == 4)
    }

    @Test func playExportInUTF16BE() throws {
        let r = try ingest(utf16("Star Rating,Review Text\r\n2,Too many ads\r\n", bigEndian: true))
        #expect(r.accounts.first?.format == "play")
        #expect(r.records.first?.text == "Too many ads")
    }

    @Test func playExportOneByteOffKeepsItsLaterRowsAndSaysWhere() throws {
        // A byte lost in row 300 of 600 shifted the rest of the file: 299 rows were read and the rest vanished into
        // one broken row. Now the row around the damage may hold a few garbled characters and every row is read.
        let rows = (1...600).map { "com.example.app,312,3.1.2,en,pixel7,2026-11-01T08:00:00Z,,,,\($0 % 5 + 1),,Review \($0): the upload keeps failing,,,," }
        let text = Self.playHeader + "\r\n" + rows.joined(separator: "\r\n") + "\r\n"
        var bytes = utf16(text)
        let damaged = 2 + 2 * (Self.playHeader.utf16.count + 2 + rows[..<299].reduce(0) { $0 + $1.utf16.count + 2 }) + 40
        bytes.remove(at: damaged)
        let r = try ingest(bytes, name: "reviews.csv")
        #expect(r.records.count == 600)
        #expect(r.records.filter { $0.text.hasSuffix(": the upload keeps failing") }.count >= 599)
        let warning = r.diagnostics.first { $0.message.contains("one byte off") }
        #expect(warning?.origin.byteOffset.map { $0 >= damaged && $0 <= damaged + 8 } == true)
        #expect(warning?.severity == .warning)
    }

    // MARK: rows after the samples (built from the scanner's bytes)

    /// Every event of reading `bytes` as Play with `sampleRows` rows looked at first, written out whole.
    func playEvents(_ bytes: [UInt8], sampleRows: Int) throws -> (events: [String], records: [FeedbackRecord]) {
        var reader = CSVExportReader(format: .googlePlay, map: FieldMap())
        reader.sampleRows = sampleRows
        var events: [String] = [], records: [FeedbackRecord] = []
        try reader.read(InputSource(name: "play.csv", bytes: bytes)) { event in
            switch event {
            case .record(let record):
                var json = JSONWriter()
                RecordLines.write(record, to: &json)
                events.append(json.string)
                records.append(record)
            case .rejected(let rejection): events.append("\(rejection.origin): rejected: \(rejection.reason) | \(rejection.raw)")
            case .diagnostic(let diagnostic): events.append(diagnostic.description)
            }
        }
        return (events, records)
    }

    @Test func rowsAfterTheSamplesBecomeTheSameRecordsAndRejectionsAsSampledRows() throws {
        let rows = [
            #"com.example.app,312,3.1.2,en,pixel7,2026-11-01T08:00:00Z,1793520000000,,,1,,"Upload stuck at 99%, ""again""",,,,https://play.google.com/r/1"#,
            "com.example.app,312,3.1.2,de,,,1793523600000,,,5,Super,,,,,",
            "com.example.app,312,3.1.2,de,,2026-11-01 09:30:00,,,,4.0,,\"two\r\nlines\",N/A,-,?,",
            "com.example.app,312,3.1.2,fr,,2026-11-01T09:30:00+02:00,,,,0,,  spaces around  ,,,,",
            "com.example.app,312,3.1.2,fr,,1793523600,,,,3,, \u{00A0}nbsp and tab\t,,,,",
            "com.example.app,312,3.1.2,es,,Nov 28 2026,,,,2,,👍,\u{00A0},,\"a reply, \"\"quoted\"\"\",ünïcode ends é",
            "com.example.app,312,3.1.2,es,,2026-11-28,,,,7,,rating out of range,,,,",
            "com.example.app,312,3.1.2,es,,2026-11-28,,,,x,,rating not a number,,,,",
            "com.example.app,312,3.1.2,es,,not a date,,,,3,,bad date,,,,",
            "com.example.app,312,3.1.2,es,,2026-11-28,,,,3,,?,,,,",
            "com.example.app,312,3.1.2,es,,2026-11-28,,,,3,,,,,,",
            "com.example.app,312,3.1.2,es,,2026-11-28,,,,3,,too,few,fields",
            "com.example.app.with.a.long.name,312,3.1.2,en,Pixel 8 Pro (husky),2026-11-28T23:59:59Z,,,,5, ,fine,,,,",
            "com.example.app.with.a.long.name,312,3.1.2,en,Pixel 8 Pro (husky),2026-11-28T23:59:59Z,,,,5,Title kept,body,,,,",
            "com.example.app,312,3.1.2,en,Pixel 8 ✨,2026-11-28,,,,4,,ça plante \u{3000},,,,",
            "com.example.app,312,3.1.2,en,\u{2003}Pixel,2026-11-28,,,,4,,\u{00A0}\u{0301}accent on a space,,,,",
            "com.example.app,312,3.1.2,en,,2026-11-28,,,,4,,\u{212A}\u{00A0},,,,",
        ]
        var bytes = Array((Self.playHeader + "\r\n" + rows.joined(separator: "\r\n") + "\r\n").utf8)
        bytes += Array("com.example.app,312,3.1.2,en,,2026-11-28,,,,3,,Caf".utf8) + [0xE9] + Array(" crashes,,,,\r\n".utf8)
        bytes += Array("com.example.app,312,3.1.2,en,,2026-11-28,,,,3,,\"never closed,,,,\r\n".utf8)

        let sampled = try playEvents(bytes, sampleRows: 1000)
        let streamed = try playEvents(bytes, sampleRows: 1)
        #expect(streamed.events == sampled.events)
        #expect(streamed.records == sampled.records)
        // The rows said what they hold: 9 records, 7 rejections (range, number, date, 2 without text, field count,
        // open quote), one repaired row.
        #expect(sampled.records.count == 12)
        #expect(sampled.events.filter { $0.contains(": rejected: ") }.count == 7)
        #expect(sampled.records.first?.text == #"Upload stuck at 99%, "again""#)
        #expect(sampled.records.map(\.rating) == [1, 5, 4, nil, 3, 2, 5, 5, 4, 4, 4, 3])
        #expect(sampled.records[8].text == "ça plante")
        #expect(sampled.records[9].device == "Pixel")
    }

    @Test func aPlayRowIsBuiltFromTheScannersBytesUnlessItHasAProblem() throws {
        let text = Self.playHeader + "\r\n"
            + #"com.example.app,312,3.1.2,en,pixel7,2026-11-01T08:00:00Z,,,,2,,"Crashes, ""always""",,,,https://play.google.com/r/1"# + "\r\n"
            + "com.example.app,312,3.1.2,en,pixel7,2026-11-01T08:00:00Z,,,,9,,Crashes,,,,\r\n"
        let scanner = CSVScanner(try UTF8Input(InputSource(name: "play.csv", bytes: Array(text.utf8))))
        #expect(try scanner.nextRow())
        let preview = CSVPreview(file: "play.csv", headerRows: [scanner.strings()], samples: [])
        let plan = try TablePlan(preview, format: .googlePlay, defaults: CSVExportReader.playDefaults, map: FieldMap())
        var records: [FeedbackRecord] = []
        let emit = { (event: IngestEvent) in if case .record(let record) = event { records.append(record) } }

        #expect(try scanner.nextRow())
        #expect(try plan.records(fromScanner: scanner, emit: emit))
        #expect(try scanner.nextRow())
        #expect(try !plan.records(fromScanner: scanner, emit: emit))
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.text == #"Crashes, "always""#)
        #expect(record.rating == 2)
        #expect(record.date == UTCDate.make(year: 2026, month: 11, day: 1, hour: 8))
        #expect(record.extras.map(\.name) == ["Package Name", "App Version Code", "Review Link"])
        #expect(record.extras.map(\.value) == ["com.example.app", "312", "https://play.google.com/r/1"])
    }

    // MARK: surveys

    @Test func qualtricsMakesOneRecordPerOpenTextAnswerWithTheNPSScore() throws {
        let text = """
            StartDate,EndDate,RecordedDate,ResponseId,Q1,Q2,Q3_TEXT,Q4_TEXT
            Start Date,End Date,Recorded Date,Response ID,How likely are you to recommend us to a friend?,Which plan?,What should we fix first?,Anything else?
            "{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""recordedDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}","{""ImportId"":""QID3_TEXT""}","{""ImportId"":""QID4_TEXT""}"
            2026-11-01 10:00:00,2026-11-01 10:05:00,2026-11-01 10:05:01,R_abc,3,Pro,"Login loop after the update",Dark mode
            2026-11-02 10:00:00,2026-11-02 10:05:00,2026-11-02 10:05:01,R_def,9,Free,,
            
            """
        let r = try ingest(text, name: "survey.csv")
        #expect(r.accounts.first?.format == "qualtrics")
        #expect(r.records.map(\.id) == ["R_abc/Q3_TEXT", "R_abc/Q4_TEXT"])
        #expect(r.records.map(\.text) == ["Login loop after the update", "Dark mode"])
        #expect(r.records.allSatisfy { $0.score == 3 })
        #expect(r.records.first?.date == UTCDate.make(year: 2026, month: 11, day: 1, hour: 10, minute: 5, second: 1))
        #expect(r.records.first.map { r.extra($0, "response_id") } == "R_abc")
        #expect(r.records.first.map { r.extra($0, "Q2") } == "Pro")
        #expect(r.records.first.map { r.extra($0, "question") } == "What should we fix first?")
        // The response that wrote nothing is accounted for, not dropped.
        #expect(r.rejections.count == 1)
        #expect(r.rejections.first?.origin.line == 5)
        #expect(r.accounts.first?.balances == true)
    }

    @Test func surveyMonkeyMakesRecordsFromOpenEndedAnswers() throws {
        let text = """
            Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,How likely is it that you would recommend us to a friend?,What do you use?,,What is the one thing we should improve?
            ,,,,,,,,,Response,Phone,Tablet,Open-Ended Response
            1001,55,2026-11-01 09:00:00,2026-11-01 09:04:00,1.2.3.4,,,,,2,Phone,,Battery drains in an hour
            1002,55,2026-11-02 09:00:00,2026-11-02 09:04:00,1.2.3.5,,,,,10,,Tablet,
            
            """
        let r = try ingest(text)
        #expect(r.accounts.first?.format == "surveymonkey")
        #expect(r.records.count == 1)
        let record = try #require(r.records.first)
        #expect(record.id == "1001/13")
        #expect(record.text == "Battery drains in an hour")
        #expect(record.score == 2)
        #expect(record.date == UTCDate.make(year: 2026, month: 11, day: 1, hour: 9, minute: 4))
        #expect(r.extra(record, "What do you use? - Phone") == "Phone")
        #expect(r.rejections.count == 1)
        #expect(r.accounts.first?.balances == true)
    }

    @Test func typeformScoresRatingsAndFreeText() throws {
        let text = """
            #,How likely are you to recommend us?,Rate the video quality,What made you give that score?,Platform,Start Date (UTC),Submit Date (UTC),Network ID
            a1,0,2,The sound is out of sync on every video I watch,iOS,2026-11-01 10:00:00,2026-11-01 10:02:00,n1
            a2,9,5,Creator analytics would be great to have,Android,2026-11-02 10:00:00,2026-11-02 10:02:00,n2
            
            """
        let r = try ingest(text)
        #expect(r.accounts.first?.format == "typeform-csv")
        #expect(r.records.map(\.id) == ["a1/4", "a2/4"])
        #expect(r.records.map(\.score) == [0, 9])
        #expect(r.records.map(\.rating) == [2, 5])
        #expect(r.records.first?.date == UTCDate.make(year: 2026, month: 11, day: 1, hour: 10, minute: 2))
        #expect(r.records.first.map { r.extra($0, "Platform") } == "iOS")
    }

    @Test func aUserMapOverridesTheSurveyReadersOwnChoices() throws {
        let text = """
            #,How likely are you to recommend us?,Rate the video quality,What made you give that score?,Platform,Start Date (UTC),Submit Date (UTC),Network ID
            a1,0,2,The sound is out of sync on every video I watch,iOS,2026-11-01 10:00:00,2026-11-01 10:02:00,n1
            a2,9,5,Creator analytics would be great to have,Android,2026-11-02 10:00:00,2026-11-02 10:02:00,n2

            """
        let r = try ingest(text, map: FieldMap([.device: "Platform", .date: "Start Date (UTC)"]))
        #expect(r.records.map(\.device) == ["iOS", "Android"])
        #expect(r.records.first?.date == UTCDate.make(year: 2026, month: 11, day: 1, hour: 10))
        #expect(r.extra(r.records[0], "Platform") == nil)
        // A column named in the map that the header lacks stops the input with its name.
        #expect(throws: IngestError.self) { try ingest(text, map: FieldMap([.author: "Respondent"])) }
    }
}

struct ValueParsingMeridiemTests {
    @Test func surveyMonkeyStyleTwelveHourTimes() {
        #expect(ValueParsing.date("11/28/2026 9:30:15 PM") == UTCDate.make(year: 2026, month: 11, day: 28, hour: 21, minute: 30, second: 15))
        #expect(ValueParsing.date("11/28/2026 12:05:00 AM") == UTCDate.make(year: 2026, month: 11, day: 28, hour: 0, minute: 5))
        #expect(ValueParsing.date("11/28/2026 13:05:00 PM") == nil)
    }
}
