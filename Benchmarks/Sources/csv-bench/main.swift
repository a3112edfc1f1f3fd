import Foundation
import SiftCore

// Times CSV readers on the same generated Play-style file, one reader per process so peak RSS is its own:
//   csv-bench generate FILE [MB]     writes ~MB megabytes (default 100) of review rows
//   csv-bench MODE FILE              MODE: scan | rows | ingest | swiftcsv | csvswift
// Prints one line: mode, rows, MB, seconds, MB/s.

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: csv-bench generate FILE [MB] | csv-bench scan|rows|ingest|swiftcsv|csvswift FILE\n".utf8))
    exit(2)
}
let mode = args[1], path = args[2]

if mode == "generate" {
    let megabytes = args.count > 3 ? Int(args[3]) ?? 100 : 100
    try generatePlayCSV(path: path, bytes: megabytes * 1_000_000)
    exit(0)
}

let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
let clock = ContinuousClock()
var rows = 0
let elapsed = try clock.measure {
    switch mode {
    case "scan":
        // The scanner alone: field boundaries, no Strings.
        let scanner = CSVScanner(try UTF8Input(InputSource(path: path)))
        var fields = 0
        while try scanner.nextRow() { rows += 1; fields += scanner.fieldCount }
        if fields == 0 { print("no fields") }
    case "rows":
        // The scanner making a String of every field, as readers do.
        let scanner = CSVScanner(try UTF8Input(InputSource(path: path)))
        var chars = 0
        while try scanner.nextRow() {
            rows += 1
            for i in 0..<scanner.fieldCount { chars &+= scanner.string(i).utf8.count }
        }
        if chars == 0 { print("empty") }
    case "ingest":
        // What `sift ingest` does before writing JSON: detection, Play reader, records with extras.
        let accounts = try Ingestor().ingest([InputSource(path: path)]) { _ in }
        rows = accounts.first?.read ?? 0
    case "swiftcsv":
        rows = try swiftCSVRows(path)
    case "csvswift":
        rows = try csvSwiftRows(path)
    default:
        FileHandle.standardError.write(Data("unknown mode \(mode)\n".utf8))
        exit(2)
    }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(String(format: "%@ rows=%d MB=%.1f s=%.2f MB/s=%.1f", mode, rows, size / 1e6, seconds, size / 1e6 / seconds))
