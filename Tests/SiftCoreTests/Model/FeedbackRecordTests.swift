import Foundation
import Testing
@testable import SiftCore

/// The packed storage behind FeedbackRecord's fields must read back exactly what was written.
@Suite struct FeedbackRecordTests {
    let origin = RecordOrigin(file: "reviews.csv", line: 12)

    @Test func everyFieldReadsBackWhatWasSet() {
        let date = Date(timeIntervalSince1970: 1_788_552_210.432)
        let record = FeedbackRecord(
            id: "r1", source: "reviews.csv", format: "play", text: "Crashes on start", title: "Broken", rating: 1,
            score: 3, date: date, author: "ana", version: "34.0.0", device: "Pixel 8", language: "en", country: "ES",
            reach: 40, extras: [ExtraField(name: "Package Name", value: "com.x")],
            origin: RecordOrigin(file: "reviews.csv", line: 12, element: 0, byteOffset: 77))
        #expect(record.id == "r1")
        #expect(record.source == "reviews.csv")
        #expect(record.format == "play")
        #expect(record.text == "Crashes on start")
        #expect(record.title == "Broken")
        #expect(record.rating == 1)
        #expect(record.score == 3)
        #expect(record.date == date)
        #expect(record.author == "ana")
        #expect(record.version == "34.0.0")
        #expect(record.device == "Pixel 8")
        #expect(record.language == "en")
        #expect(record.country == "ES")
        #expect(record.reach == 40)
        #expect(record.extras == [ExtraField(name: "Package Name", value: "com.x")])
        #expect(record.origin == RecordOrigin(file: "reviews.csv", line: 12, element: 0, byteOffset: 77))
        #expect(record.origin.description == "reviews.csv:12 element 0")
    }

    @Test func absentFieldsAreNilNotZero() {
        var record = FeedbackRecord(source: "-", format: "text", text: "ok", origin: RecordOrigin(file: "-"))
        #expect(record.rating == nil && record.date == nil && record.score == nil && record.reach == nil)
        #expect(record.title == nil && record.author == nil && record.country == nil)
        #expect(record.origin.line == nil && record.origin.element == nil && record.origin.byteOffset == nil)
        // Zero is a value, not absence: a score of 0 on an NPS form is the angriest answer.
        record.score = 0
        record.rating = 0
        #expect(record.score == 0 && record.rating == 0)
        record.score = nil
        #expect(record.score == nil)
    }

    @Test func settingAndClearingRareFieldsKeepsEquality() {
        let plain = FeedbackRecord(source: "a.csv", format: "csv", text: "slow", origin: origin)
        var changed = plain
        changed.title = "Title"
        #expect(changed != plain)
        changed.title = nil
        #expect(changed == plain)
        #expect(changed.hashValue == plain.hashValue)
        // A copy's edit never shows through the original.
        var copy = changed
        copy.author = "bo"
        #expect(changed.author == nil && copy.author == "bo")
    }

    @Test func sourceFormatAndFileCanChangeIndependently() {
        var record = FeedbackRecord(source: "a.csv", format: "csv", text: "slow", origin: origin)
        record.format = "play"
        record.origin.file = "b.csv"
        record.origin.line = 3
        #expect(record.source == "a.csv" && record.format == "play")
        #expect(record.origin == RecordOrigin(file: "b.csv", line: 3))
        #expect(record == FeedbackRecord(source: "a.csv", format: "play", text: "slow", origin: RecordOrigin(file: "b.csv", line: 3)))
    }

    @Test(arguments: [
        "h0123456789abcdef", "hffffffffffffffff", "h0000000000000000", "hABCDEF0123456789", "h0123456789abcde",
        "x0123456789abcdef", "\u{0}odd", "\u{1}odder", "", "review-42", "gp:AOqpTOH2-very-long-play-console-review-id",
    ])
    func idsReadBackExactly(id: String) {
        var record = FeedbackRecord(source: "-", format: "text", text: "t", origin: RecordOrigin(file: "-"))
        record.id = id
        #expect(record.id == id)
        #expect(withUnsafePointer(to: record) { FeedbackRecord.idHash(at: $0) } == stableHash(id.utf8))
        var copy = record
        copy.id = String(id)
        #expect(copy == record && copy.hashValue == record.hashValue)
    }

    @Test func contentHashIDsAreTheHashInHex() {
        var record = FeedbackRecord(source: "-", format: "text", text: "Crashes on start", rating: 1, origin: RecordOrigin(file: "-"))
        record.setContentHashID(record.contentHash)
        #expect(record.id == record.contentHashID)
        #expect(record.id.count == 17 && record.id.hasPrefix("h"))
        var given = record
        given.id = record.contentHashID
        #expect(given == record)
    }
}
