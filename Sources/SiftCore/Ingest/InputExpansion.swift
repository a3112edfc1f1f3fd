import Foundation

/// Turns the inputs a user names into files: a directory stands for the feedback files inside it.
public enum InputExpansion {
    /// Extensions of files a directory contributes; others (a roadmap, a README, a config) are skipped.
    public static let feedbackExtensions: Set<String> = ["csv", "tsv", "txt", "json", "jsonl", "ndjson", "xml", "atom", "rss"]

    /// Names every input as a file path, expanding directories (recursively, sorted, hidden files skipped) and
    /// leaving out the paths in `excluding` (the roadmap file when it sits beside the feedback).
    /// - Throws: `IngestError` for a path that does not exist.
    public static func expand(_ paths: [String], excluding: Set<String> = []) throws -> [String] {
        try expandMarkingDirectories(paths, excluding: excluding).map(\.path)
    }

    /// The inputs to read: `expand`'s files, each marked when it was found in a directory (`foundInDirectory`).
    public static func sources(_ paths: [String], excluding: Set<String> = []) throws -> [InputSource] {
        try expandMarkingDirectories(paths, excluding: excluding).map { path, inDirectory in
            let source = InputSource(path: path)
            source.foundInDirectory = inDirectory
            return source
        }
    }

    static func expandMarkingDirectories(_ paths: [String], excluding: Set<String>) throws -> [(path: String, inDirectory: Bool)] {
        let excluded = Set(excluding.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        var files: [(path: String, inDirectory: Bool)] = []
        for path in paths {
            if path == "-" {
                files.append((path, false))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw IngestError(file: path, "no such file or directory; check the path")
            }
            guard isDirectory.boolValue else {
                files.append((path, false))
                continue
            }
            var found: [String] = []
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            if let walker = FileManager.default.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") { continue }
                    let ext = (name as NSString).pathExtension.lowercased()
                    guard feedbackExtensions.contains(ext) else { continue }
                    let full = base + "/" + relative
                    guard !excluded.contains(URL(fileURLWithPath: full).standardizedFileURL.path) else { continue }
                    // Files named like a roadmap are plans, not feedback.
                    if name.lowercased().hasPrefix("roadmap") { continue }
                    var sub: ObjCBool = false
                    if FileManager.default.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
                }
            }
            if found.isEmpty { throw IngestError(file: path, "holds no feedback files (.csv, .tsv, .json, .jsonl, .xml)") }
            files.append(contentsOf: found.sorted().map { (path: $0, inDirectory: true) })
        }
        return files
    }
}
