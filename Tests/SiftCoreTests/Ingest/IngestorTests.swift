import Foundation
import Testing
@testable import SiftCore

struct IngestorTests {
    /// A CSV whose rows alternate between good records, rejections and repaired encodings.
    private func mixedCSV(rows: Int) -> [UInt8] {
        var bytes = Array("id,text,rating\n".utf8)
        for i in 1...rows {
            switch i % 7 {
            case 3: bytes += Array("r\(i),too many fields,2,extra\n".utf8)
            case 5: bytes += Array("r\(i),rating out of range,9\n".utf8)
            case 6: bytes += Array("r\(i),caf".utf8) + [0xE9] + Array(" closes on login,1\n".utf8)
            default: bytes += Array("r\(i),\"review \(i), with a comma\",\(i % 5 + 1)\n".utf8)
            }
        }
        return bytes
    }

    private func describe(_ event: IngestEvent) -> String {
        switch event {
        case .record(let r): "record \(r.id) \(r.text) \(r.rating ?? 0) \(r.origin)"
        case .rejected(let r): "rejected \(r.origin) \(r.reason)"
        case .diagnostic(let d): "diagnostic \(d.description)"
        }
    }

    @Test func concurrentIngestHandsOverEveryEventInInputOrder() throws {
        let bytes = mixedCSV(rows: 1000)
        var sequential: [String] = []
        let expectedAccounts = try Ingestor().ingest([InputSource(name: "mixed.csv", bytes: bytes)]) {
            sequential.append(describe($0))
        }
        var concurrent: [String] = []
        let accounts = try Ingestor().ingestConcurrently(
            [InputSource(name: "mixed.csv", bytes: bytes), InputSource(name: "again.csv", bytes: bytes)],
            batchSize: 7, maxBatches: 2
        ) { batch in
            concurrent += batch.map(describe)
        }
        #expect(concurrent.count == sequential.count * 2)
        #expect(Array(concurrent.prefix(sequential.count)) == sequential)
        #expect(accounts.count == 2)
        #expect(accounts[0] == expectedAccounts[0])
        #expect(accounts[0].read == 1000)
        #expect(accounts[0].read == accounts[0].accepted + accounts[0].rejected)
        #expect(accounts[1].file == "again.csv")
    }

    @Test func anUnreadableInputStopsTheRunWithItsError() throws {
        var delivered = 0
        #expect(throws: IngestError.self) {
            _ = try Ingestor().ingestConcurrently(
                [InputSource(name: "ok.csv", bytes: mixedCSV(rows: 10)), InputSource(path: "/nonexistent/sift/input.csv")]
            ) { delivered += $0.count }
        }
        #expect(delivered >= 10)
    }

    /// An input marked as found in a directory.
    private func found(_ name: String, _ bytes: [UInt8]) -> InputSource {
        let source = InputSource(name: name, bytes: bytes)
        source.foundInDirectory = true
        return source
    }

    @Test func aFileFoundInADirectoryThatCannotBeReadIsSkippedAndTheOthersAreRead() throws {
        // A README and a settings file among a night's exports stopped the whole run, so no report that morning.
        var diagnostics: [Diagnostic] = []
        var records = 0
        let accounts = try Ingestor().ingest([
            found("dump/notes.txt", Array("remember to export the surveys\n".utf8)),
            found("dump/settings.json", Array(#"{"theme": {"dark": true}}"#.utf8)),
            found("dump/reviews.csv", mixedCSV(rows: 20)),
        ]) { event in
            switch event {
            case .record: records += 1
            case .diagnostic(let d): diagnostics.append(d)
            case .rejected: break
            }
        }
        #expect(accounts.map(\.format) == ["skipped", "skipped", "csv"])
        #expect(accounts[0].note?.contains("cannot tell the format") == true)
        #expect(accounts[1].note?.contains("no array of objects") == true)
        #expect(accounts.allSatisfy { $0.balances })
        #expect(records == accounts[2].accepted && records > 0)
        #expect(diagnostics.filter { $0.severity == .error && $0.message.hasSuffix("skipped, the other inputs are read") }.map(\.origin.file)
                == ["dump/notes.txt", "dump/settings.json"])
        // Named by the user, the same file still stops the run; and a directory with nothing readable stops it too.
        #expect(throws: IngestError.self) {
            _ = try Ingestor().ingest([InputSource(name: "notes.txt", bytes: Array("remember\n".utf8))]) { _ in }
        }
        #expect(throws: IngestError.self) {
            _ = try Ingestor().ingest([found("dump/a.txt", Array("x\n".utf8)), found("dump/b.txt", Array("y\n".utf8))]) { _ in }
        }
    }

    @Test func anEmptyExportHasNoRecordsAndANote() throws {
        // A day without reviews can come as a file of zero bytes (or a byte-order mark alone); it was "cannot tell the
        // format" and stopped the nightly run.
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], Array("\r\n\n".utf8), [0xFF, 0xFE, 0x0D, 0x00, 0x0A, 0x00]] {
            var notes: [Diagnostic] = []
            let accounts = try Ingestor().ingest([InputSource(name: "play-2026-11-29.csv", bytes: bytes),
                                                  InputSource(name: "ok.csv", bytes: mixedCSV(rows: 5))]) { event in
                if case .diagnostic(let d) = event { notes.append(d) }
            }
            #expect(accounts.map(\.format) == ["empty", "csv"])
            #expect(accounts[0].read == 0 && accounts[0].note == "no records")
            #expect(notes.first?.severity == .note)
        }
    }

    @Test func aFailingConsumerStopsTheReaderAndItsErrorComesBack() throws {
        struct Full: Error {}
        var batches = 0
        #expect(throws: Full.self) {
            _ = try Ingestor().ingestConcurrently([InputSource(name: "big.csv", bytes: mixedCSV(rows: 5000))],
                                                  batchSize: 10, maxBatches: 1) { _ in
                batches += 1
                if batches == 3 { throw Full() }
            }
        }
        #expect(batches == 3)
    }
}
