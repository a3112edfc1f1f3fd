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

    @Test func aLineBreakIsFoundAtEveryPlaceOfAnEightByteBlock() {
        // Runs of ASCII bytes are skipped eight at a time: a break or a byte outside ASCII at any offset of a block, at
        // its end or just past it, must still split the lines as Characters do; tabs and other control bytes below
        // LF or between CR and space are no break.
        for breakText in ["\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            for first in 0..<20 {
                for second in 0..<12 {
                    let one = String(repeating: "a", count: first) + (first % 3 == 1 ? "é\t\u{08}x" : "-\t1")
                    let two = String(repeating: "b", count: second) + (second % 4 == 2 ? "\u{2027}\u{0E}\u{1F}x" : "\u{09}")
                    let text = one + breakText + two + breakText + "~z"
                    let trimmedTwo: String = two.hasSuffix("\t") ? String(two.prefix(two.count - 1)) : two
                    let expected: [Substring] = [one, trimmedTwo, "~z"].filter { !$0.isEmpty }.map { Substring($0) }
                    #expect(LexiconStore(files: ["x.txt": text]).lines("x.txt") == expected, "\(first) \(second) \(breakText.unicodeScalars.map(\.value))")
                }
            }
        }
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

    @Test func languagesWithAFileAreThoseOfTheirPathsTwoParts() {
        // What splitting each path at "/" (empty parts left out) and taking two-part paths with the name gives.
        let paths = ["en/a.txt", "es/a.txt", "/fr/a.txt", "de//a.txt", "nl/a.txt/", "x/y/a.txt", "it/b.txt", "a.txt",
                     "pt/a.txtx", "pt/xa.txt", "ü/a.txt", "//", "", "hi/a.tx"]
        let store = LexiconStore(files: Dictionary(uniqueKeysWithValues: paths.map { ($0, "") }))
        let split = Set(paths.compactMap { path -> String? in
            let parts = path.utf8.split(separator: UInt8(ascii: "/"))
            return parts.count == 2 && parts[1].elementsEqual("a.txt".utf8) ? String(decoding: parts[0], as: UTF8.self) : nil
        }).sorted()
        #expect(store.languages(withFile: "a.txt") == split)
        #expect(split == ["de", "en", "es", "fr", "nl", "ü"])
        #expect(store.languages(withFile: "") == [])
        #expect(LexiconStore.shipped.languages(withFile: "sentiment.tsv") == ["en", "es"])
    }
}
