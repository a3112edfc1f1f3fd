import Foundation
import Testing
@testable import SiftCore

struct LexiconStoreTests {
    @Test func embeddedLexiconsMatchTheLexiconsFolder() throws {
        // The binary ships what Lexicons/ says: a stale embed means someone edited Lexicons/ without running
        // scripts/embed-lexicons.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/embed-lexicons").path, "--check"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // A stale file fails silently; a script that could not run says why (e.g. libstemmer missing).
        #expect(process.terminationStatus == 0, "run scripts/embed-lexicons\(message.isEmpty ? "" : ": " + message)")
    }

    @Test func linesSkipCommentsAndBlanks() {
        let store = LexiconStore(files: ["x.txt": "# header\n\nnot \n  never\n# more\n"])
        #expect(store.lines("x.txt") == ["not", "never"])
    }

    @Test func linesSplitAtEveryKindOfLineBreakAndTrimTheirEnds() {
        let text = "a\tb \r\n\tc\u{2028}d\u{85}e\u{2029}# note\u{0B}ü f\t\u{0C}  # x\rlast"
        let store = LexiconStore(files: ["x.tsv": text])
        #expect(store.lines("x.tsv") == ["a\tb", "c", "d", "e", "ü f", "last"])
        #expect(store.lines("missing.tsv").isEmpty)
    }

    @Test func linesOfEveryShippedFileAreThoseOfACharacterSplit() {
        // The byte-level split must read the shipped lexicons exactly as splitting by Characters did.
        for path in LexiconStore.shipped.paths {
            let text = LexiconStore.shipped.text(path)!
            let expected: [Substring] = text.split(whereSeparator: \.isNewline).compactMap { line in
                var t = line.drop { $0 == " " || $0 == "\t" }
                while let last = t.last, last == " " || last == "\t" || last == "\r" { t = t.dropLast() }
                return t.isEmpty || t.hasPrefix("#") ? nil : t
            }
            #expect(LexiconStore.shipped.lines(path) == expected, "\(path)")
        }
    }

    @Test func shippedNegatorsAreThere() {
        #expect(LexiconStore.shipped.lines("en/negators.txt").contains("not"))
    }
}
