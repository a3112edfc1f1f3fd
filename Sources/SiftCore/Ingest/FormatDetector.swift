/// Tells an input's format from its first bytes: BOM and encoding, header row, root element, JSON shape.
public enum FormatDetector {
    /// How many bytes detection looks at.
    public static let sniffLength = 64 * 1024

    /// The format of `input`, from its first `sniffLength` bytes, which stay unread for the reader.
    /// - Throws: `IngestError` naming the formats when nothing fits.
    public static func detect(_ input: InputSource) throws -> InputFormat {
        if let format = detect(prefix: try input.prefix(sniffLength)) { return format }
        throw IngestError(file: input.name,
            "cannot tell the format of \(input.name); pass --format NAME (one of \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
    }

    /// The format the first bytes of an input show, or nil.
    public static func detect(prefix raw: [UInt8]) -> InputFormat? {
        let bytes = utf8(raw)
        var i = 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        guard i < bytes.count else { return nil }
        let body = Array(bytes[i...])
        switch body[0] {
        case UInt8(ascii: "<"): return xmlFormat(body)
        case UInt8(ascii: "{"), UInt8(ascii: "["): return jsonFormat(body)
        default: return csvFormat(body)
        }
    }

    /// The prefix as UTF-8 with any BOM dropped; UTF-16 is transcoded (Play exports are UTF-16LE).
    static func utf8(_ raw: [UInt8]) -> [UInt8] {
        let (encoding, bom) = TextEncoding.sniff(raw)
        let rest = Array(raw.dropFirst(bom))
        guard encoding != .utf8 else { return rest }
        let input = try? UTF8Input(InputSource(name: "prefix", bytes: raw))
        guard let input else { return rest }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while let n = try? chunk.withUnsafeMutableBytes({ try input.read(into: $0) }), n > 0 { out += chunk[0..<n] }
        return out
    }

    static func xmlFormat(_ body: [UInt8]) -> InputFormat {
        // The root element is the first tag that is not a declaration, comment or doctype.
        let text = String(decoding: body.prefix(8192), as: UTF8.self)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                guard let close = after.firstIndex(of: ">") else { break }
                rest = after[after.index(after: close)...]
                continue
            }
            let tagEnd = after.firstIndex(of: ">") ?? after.endIndex
            let tag = after[..<tagEnd]
            let name = tag.prefix { !$0.isWhitespace && $0 != "/" }
            if name == "feed" || name.hasSuffix(":feed"), text.contains("itunes.apple.com/rss") || tag.contains("xmlns:im") {
                return .appStoreXML
            }
            return .xml
        }
        return .xml
    }

    static func jsonFormat(_ body: [UInt8]) -> InputFormat {
        let keys = topKeys(body)
        if body[0] == UInt8(ascii: "{") {
            if keys.contains("feed"), containsKey(body, "entry") { return .appStoreJSON }
            if keys.contains("data"), containsKey(body, "attributes") { return .appStoreConnect }
            if keys.contains("items"), containsKey(body, "answers") { return .typeformJSON }
            if looksLikeJSONLines(body) { return .jsonl }
        }
        return .json
    }

    /// The keys of the outermost object (depth 1), read without a full parse.
    static func topKeys(_ body: [UInt8]) -> Set<String> {
        var keys: Set<String> = []
        var depth = 0
        var i = 0
        var expectKey = false
        while i < body.count {
            let b = body[i]
            if b == UInt8(ascii: "\"") {
                var j = i + 1
                while j < body.count, body[j] != UInt8(ascii: "\"") { j += body[j] == UInt8(ascii: "\\") ? 2 : 1 }
                if depth == 1, expectKey, j < body.count {
                    keys.insert(String(decoding: body[(i + 1)..<j], as: UTF8.self))
                }
                expectKey = false
                i = j + 1
                continue
            }
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                expectKey = b == UInt8(ascii: "{")
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return keys }
            case UInt8(ascii: ","): expectKey = true
            default: break
            }
            i += 1
        }
        return keys
    }

    static func containsKey(_ body: [UInt8], _ key: String) -> Bool {
        let needle = Array("\"\(key)\"".utf8)
        guard body.count >= needle.count else { return false }
        for start in 0...(body.count - needle.count) where body[start] == needle[0] {
            if Array(body[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }

    /// Two or more lines that each open and close an object, and most lines like that: a broken line in a
    /// JSON Lines file is a rejection later, not a reason to read the file as one document.
    static func looksLikeJSONLines(_ body: [UInt8]) -> Bool {
        let lines = body.split(whereSeparator: { $0 == 0x0A }).map { line in
            line.filter { $0 != 0x0D && $0 != 0x20 && $0 != 0x09 }
        }.filter { !$0.isEmpty }
        guard lines.count >= 2 else { return false }
        // The last line may be cut off by the sniff length.
        let whole = lines.count > 2 ? lines.dropLast() : lines[...]
        let objects = whole.filter { $0.first == UInt8(ascii: "{") && $0.last == UInt8(ascii: "}") }.count
        return objects >= 2 && Double(objects) >= 0.8 * Double(whole.count)
    }

    static func csvFormat(_ body: [UInt8]) -> InputFormat? {
        // The header row, read with the CSV scanner so quoted names with commas stay whole.
        let firstLine = body.prefix { $0 != 0x0A && $0 != 0x0D }
        guard !firstLine.isEmpty else { return nil }
        let tabs = firstLine.filter { $0 == 0x09 }.count
        let commas = firstLine.filter { $0 == UInt8(ascii: ",") }.count
        let semicolons = firstLine.filter { $0 == UInt8(ascii: ";") }.count
        let delimiter: UInt8 = tabs > commas && tabs >= semicolons ? 0x09 : UInt8(ascii: ",")
        guard let rows = try? firstRows(body, delimiter: delimiter, count: 3), let header = rows.first else { return nil }
        let names = Set(header.map { $0.trimmingSpaces.lowercased() })
        if names.contains("review text"), names.contains("star rating") { return .googlePlay }
        if names.contains("responseid"), rows.count >= 3, rows[2].contains(where: { $0.hasPrefix("{\"ImportId\"") }) { return .qualtrics }
        if names.contains("respondent id"), names.contains("collector id") { return .surveyMonkey }
        if header.first?.trimmingSpaces == "#", names.contains("submit date (utc)") { return .typeformCSV }
        if delimiter == 0x09 { return .tsv }
        if commas > 0 || semicolons > 0 { return .csv }
        // A single column of plain text is not a table sift can tell apart from anything else.
        return nil
    }

    static func firstRows(_ body: [UInt8], delimiter: UInt8, count: Int) throws -> [[String]] {
        let scanner = CSVScanner(try UTF8Input(InputSource(name: "prefix", bytes: body)), delimiter: delimiter)
        var rows: [[String]] = []
        while rows.count < count, try scanner.nextRow() { rows.append(scanner.strings()) }
        return rows
    }
}
