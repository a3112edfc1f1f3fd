// Reads one file with a JSON or XML reader and prints throughput: `ingest-json-xml-bench FORMAT FILE [MAP]`.
// Peak memory comes from running it under `/usr/bin/time -v`.
import Foundation
import SiftCore

let arguments = CommandLine.arguments
guard arguments.count >= 3, let format = InputFormat(rawValue: arguments[1]) else {
    FileHandle.standardError.write("usage: ingest-json-xml-bench jsonl|json|appstore-json|appstore-xml|xml FILE [MAP]\n".data(using: .utf8)!)
    exit(2)
}
let path = arguments[2]
let map = arguments.count > 3 ? try FieldMap(parsing: arguments[3]) : FieldMap()
let reader: any RecordReader
switch format {
case .jsonl: reader = JSONLinesReader(format: format, map: map)
case .appStoreXML, .xml: reader = XMLFeedReader(format: format, map: map)
default: reader = JSONDocumentReader(format: format, map: map)
}
let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
var records = 0, rejected = 0, textBytes = 0
let clock = ContinuousClock()
let elapsed = try clock.measure {
    try reader.read(InputSource(path: path)) { event in
        switch event {
        case .record(let r): records += 1; textBytes += r.text.utf8.count
        case .rejected: rejected += 1
        case .diagnostic: break
        }
    }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let mb = Double(size) / 1_000_000
print(String(format: "%@ %@: %.1f MB in %.2f s = %.1f MB/s; %d records, %d rejected, %d text bytes",
             format.rawValue, path, mb, seconds, mb / seconds, records, rejected, textBytes))
