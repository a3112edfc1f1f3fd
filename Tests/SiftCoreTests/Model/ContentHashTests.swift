import Foundation
import Testing
@testable import SiftCore

/// Content-hash ids must not change between versions: the state store matches records across runs by them.
struct ContentHashTests {
    private func record(_ text: String, title: String? = nil, author: String? = nil, date: Double? = nil,
                        rating: Double? = nil) -> FeedbackRecord {
        FeedbackRecord(source: "t.csv", format: "csv", text: text, title: title, rating: rating,
                       date: date.map { Date(timeIntervalSince1970: $0) }, author: author,
                       origin: RecordOrigin(file: "t.csv", line: 2))
    }

    // Expected values are FNV-1a 64 over text, title, author, String(epoch seconds), String(rating), each
    // followed by 0xFF, computed outside Swift.
    @Test func idsAreTheSameAsEarlierVersionsGave() {
        #expect(record("Crashes on start", title: "Bad", author: "ana", date: 1_788_552_210.4, rating: 4).contentHashID
                == "h5a000e2327847d64")
        #expect(record("Crashes on start", date: -86401.5).contentHashID == "h11aa8ffefe46536e")
        #expect(record("x", rating: 4.5).contentHashID == "hee745d11ea5abb89")
        #expect(record("x", rating: -0.0).contentHashID == "he3f7688b0b164ced")
    }

    @Test func whatTheUserWroteAndWhenChangesTheID() {
        let base = record("Crashes on start", date: 1_788_552_210, rating: 1)
        #expect(record("Crashes on start", date: 1_788_552_211, rating: 1).contentHashID != base.contentHashID)
        #expect(record("Crashes on start", date: 1_788_552_210, rating: 2).contentHashID != base.contentHashID)
        #expect(record("Crashes on start!", date: 1_788_552_210, rating: 1).contentHashID != base.contentHashID)
        #expect(base.contentHashID.utf8.count == 17)
    }
}
