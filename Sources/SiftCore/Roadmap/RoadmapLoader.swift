import Foundation
import Yams

/// Reads a roadmap from YAML, JSON or CSV: a list of items with `id, title, description, keywords, status, target,
/// owner, url` (a top-level mapping with `items:` or `roadmap:` holding the list works too).
public enum RoadmapLoader {
    static let fields: Set<String> = ["id", "title", "description", "keywords", "status", "target", "owner", "url"]

    /// Loads `path`, choosing the syntax by extension (`.csv`), else YAML (which reads JSON as well).
    public static func load(path: String) throws(RoadmapError) -> [RoadmapItem] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RoadmapError(file: path, line: nil, "cannot read the roadmap file; check the path")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RoadmapError(file: path, line: nil, "is not UTF-8 text; save it as UTF-8")
        }
        if path.lowercased().hasSuffix(".csv") { return try parseCSV(text, file: path) }
        return try parseYAML(text, file: path)
    }

    /// Parses YAML or JSON roadmap text.
    public static func parseYAML(_ text: String, file: String) throws(RoadmapError) -> [RoadmapItem] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw RoadmapError(file: file, line: yamlErrorLine(error), "is not valid YAML or JSON: \(yamlProblem(error))")
        } catch {
            throw RoadmapError(file: file, line: nil, "is not valid YAML or JSON: \(error)")
        }
        guard let root else { throw RoadmapError(file: file, line: nil, "is empty; list the roadmap items") }
        var list = root
        if case .mapping(let mapping) = root {
            guard let inner = mapping["items"] ?? mapping["roadmap"] else {
                throw RoadmapError(file: file, line: root.mark?.line, "expected a list of items, or `items:` holding one")
            }
            list = inner
        }
        guard case .sequence(let sequence) = list else {
            throw RoadmapError(file: file, line: list.mark?.line, "expected a list of roadmap items")
        }
        var items: [RoadmapItem] = []
        for (index, node) in sequence.enumerated() {
            guard case .mapping(let mapping) = node else {
                throw RoadmapError(file: file, line: node.mark?.line, "item \(index + 1) is not a mapping of fields")
            }
            var values: [String: String] = [:]
            var keywords: [String] = []
            for (keyNode, valueNode) in mapping {
                guard let key = keyNode.string?.lowercased() else { continue }
                let line = valueNode.mark?.line ?? keyNode.mark?.line
                guard fields.contains(key) else {
                    throw RoadmapError(file: file, line: keyNode.mark?.line, "item \(index + 1): unknown field '\(key)'; fields are \(fields.sorted().joined(separator: ", "))")
                }
                if key == "keywords" {
                    switch valueNode {
                    case .sequence(let list):
                        for element in list {
                            guard let word = element.string, case .scalar = element else {
                                throw RoadmapError(file: file, line: element.mark?.line ?? line, "item \(index + 1): field 'keywords' must be a list of words or phrases")
                            }
                            keywords.append(word)
                        }
                    case .scalar(let scalar):
                        keywords = splitKeywords(scalar.string)
                    default:
                        throw RoadmapError(file: file, line: line, "item \(index + 1): field 'keywords' must be a list of words or phrases")
                    }
                } else {
                    guard case .scalar(let scalar) = valueNode else {
                        throw RoadmapError(file: file, line: line, "item \(index + 1): field '\(key)' must be a single value, not a list or mapping")
                    }
                    values[key] = scalar.string
                }
            }
            items.append(try makeItem(values, keywords: keywords, index: index, line: node.mark?.line, file: file))
        }
        try checkUnique(items, file: file)
        return items
    }

    /// Parses a CSV roadmap with a header row; `keywords` separated by `;` or `|`.
    public static func parseCSV(_ text: String, file: String) throws(RoadmapError) -> [RoadmapItem] {
        // The same RFC-4180 scanner the CSV readers use, so quoting and line ends work the same way.
        var rows: [(fields: [String], line: Int)] = []
        do {
            let scanner = CSVScanner(try UTF8Input(InputSource(name: file, bytes: Array(text.utf8))))
            while try scanner.nextRow() {
                if scanner.unterminatedQuote {
                    throw RoadmapError(file: file, line: scanner.rowLine, "a quoted field is never closed; add the closing \"")
                }
                rows.append((scanner.strings(), scanner.rowLine))
            }
        } catch let error as RoadmapError {
            throw error
        } catch {
            throw RoadmapError(file: file, line: nil, "cannot read it as CSV: \(error)")
        }
        guard let header = rows.first else { throw RoadmapError(file: file, line: nil, "is empty; write a header row and one row per item") }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        for name in names where !fields.contains(name) {
            throw RoadmapError(file: file, line: header.line, "unknown column '\(name)'; columns are \(fields.sorted().joined(separator: ", "))")
        }
        var items: [RoadmapItem] = []
        for (index, row) in rows.dropFirst().enumerated() {
            if row.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            guard row.fields.count == names.count else {
                throw RoadmapError(file: file, line: row.line, "row has \(row.fields.count) fields, the header has \(names.count)")
            }
            var values: [String: String] = [:]
            for (name, value) in zip(names, row.fields) where name != "keywords" { values[name] = value }
            let keywords = zip(names, row.fields).first { $0.0 == "keywords" }.map { splitKeywords($0.1) } ?? []
            items.append(try makeItem(values, keywords: keywords, index: index, line: row.line, file: file))
        }
        try checkUnique(items, file: file)
        return items
    }

    private static func splitKeywords(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," }).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    private static func makeItem(_ values: [String: String], keywords: [String], index: Int, line: Int?, file: String) throws(RoadmapError) -> RoadmapItem {
        func value(_ key: String) -> String? {
            guard let v = values[key]?.trimmingSpaces, !v.isEmpty else { return nil }
            return v
        }
        guard let id = value("id") else { throw RoadmapError(file: file, line: line, "item \(index + 1): field 'id' is missing; give every item a unique id") }
        guard let title = value("title") else { throw RoadmapError(file: file, line: line, "item \(index + 1) (\(id)): field 'title' is missing") }
        return RoadmapItem(
            id: id, title: title, description: value("description") ?? "", keywords: keywords, status: value("status"),
            target: value("target"), owner: value("owner"), url: value("url"), line: line)
    }

    private static func checkUnique(_ items: [RoadmapItem], file: String) throws(RoadmapError) {
        var seen: [String: Int] = [:]
        for item in items {
            if let first = seen[item.id] {
                throw RoadmapError(file: file, line: item.line, "id '\(item.id)' is used twice (first at line \(first)); ids must be unique")
            }
            seen[item.id] = item.line ?? 0
        }
    }

    private static func yamlErrorLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: String(describing: error)
        }
    }
}
