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
