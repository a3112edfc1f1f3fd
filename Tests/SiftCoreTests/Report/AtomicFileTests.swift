import Foundation
import Testing
@testable import SiftCore

struct AtomicFileTests {
    /// A file written around the page cache takes whole pages at a time; what is written must still come back
    /// byte for byte, whatever the sizes of the pieces and of the file.
    @Test func aFileWrittenAroundTheCacheReadsBackExactly() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sift-atomic-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var expected: [UInt8] = []
        let file = try AtomicFile(path: path, bypassingCache: true)
        // Pieces from 1 byte to past the 8 MB staging, so that pages fill and spill at odd offsets.
        for (i, size) in [1, 4095, 4097, 3 << 20, 6 << 20, 12_345, 0, 9 << 20, 7].enumerated() {
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i) }
            expected += piece
            try piece.withUnsafeBytes { raw in try file.write(block: raw) }
            if i == 4 { try file.write(Array("small write between blocks\n".utf8)); expected += Array("small write between blocks\n".utf8) }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        try file.commit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected))
    }

    @Test func aFileNeverCommittedLeavesNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sift-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let file = try AtomicFile(path: directory + "/records.jsonl", bypassingCache: true)
            try file.write(Array(repeating: UInt8(ascii: "x"), count: 10_000))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}
