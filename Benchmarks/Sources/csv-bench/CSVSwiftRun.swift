import CSV
import Foundation

/// CSV.swift 2.5.2 streams rows from an InputStream.
func csvSwiftRows(_ path: String) throws -> Int {
    guard let stream = InputStream(fileAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
    let reader = try CSVReader(stream: stream, hasHeaderRow: true)
    var rows = 0
    while reader.next() != nil { rows += 1 }
    return rows
}
