import Testing
@testable import SiftCore

struct CSVScannerTests {
    struct Row: Equatable {
        var line: Int
        var fields: [String]
        var unterminated = false
    }

    func rows(_ text: String, delimiter: Character = ",", chunkSize: Int = 1 << 20) throws -> [Row] {
        let scanner = CSVScanner(try UTF8Input(InputSource(name: "t", bytes: Array(text.utf8))),
                                 delimiter: delimiter.asciiValue!, chunkSize: chunkSize)
        var out: [Row] = []
        while try scanner.nextRow() {
            out.append(Row(line: scanner.rowLine, fields: scanner.strings(), unterminated: scanner.unterminatedQuote))
        }
        return out
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func readsEveryLineEndAndCountsPhysicalLines(end: String) throws {
        let text = ["a,b", "1,\"two\(end)lines\"", "3,x", ""].joined(separator: end)
        let got = try rows(text)
        #expect(got == [Row(line: 1, fields: ["a", "b"]), Row(line: 2, fields: ["1", "two\(end)lines"]), Row(line: 4, fields: ["3", "x"])])
    }

    @Test(arguments: [16, 17, 32, 1 << 20])
    func sameRowsWhateverTheChunkSize(chunkSize: Int) throws {
        let text = "id,text\r\n1,\"she said \"\"it crashes\"\", twice\"\r\n2,plain text that is longer than one small chunk\r\n\r\n3,\"a\r\nb\"\r\n"
        let got = try rows(text, chunkSize: chunkSize)
        #expect(got == [
            Row(line: 1, fields: ["id", "text"]),
            Row(line: 2, fields: ["1", "she said \"it crashes\", twice"]),
            Row(line: 3, fields: ["2", "plain text that is longer than one small chunk"]),
            Row(line: 5, fields: ["3", "a\r\nb"]),
        ])
    }

    @Test func emptyFieldsAndNoFinalLineEnd() throws {
        #expect(try rows(",a,,\n\"\",b") == [Row(line: 1, fields: ["", "a", "", ""]), Row(line: 2, fields: ["", "b"])])
    }

    @Test func tabAndSemicolonDelimiters() throws {
        #expect(try rows("a\tb,c\n1\t\"x\ty\"", delimiter: "\t") == [Row(line: 1, fields: ["a", "b,c"]), Row(line: 2, fields: ["1", "x\ty"])])
        #expect(try rows("a;b\n1;2", delimiter: ";") == [Row(line: 1, fields: ["a", "b"]), Row(line: 2, fields: ["1", "2"])])
    }

    /// Found probing CSV by hand beside the fuzzer: a quote left open swallowed every row after it into one field.
    @Test func unterminatedQuoteEndsItsRowAtItsLineAndScanningGoesOn() throws {
        let got = try rows("a,b\n1,\"never closed\n2,ok\n")
        #expect(got.count == 3)
        #expect(got[1].line == 2)
        #expect(got[1].unterminated)
        #expect(got[1].fields == ["1", "never closed"])
        #expect(got[2] == Row(line: 3, fields: ["2", "ok"]))
        let crlf = try rows("a,b\r\n1,\"multi\r\nline\"\r\n2,\"x\r\n3,z", chunkSize: 16)
        #expect(crlf.map(\.fields) == [["a", "b"], ["1", "multi\r\nline"], ["2", "x"], ["3", "z"]])
        #expect(crlf.map(\.line) == [1, 2, 4, 5])
        #expect(crlf.map(\.unterminated) == [false, false, true, false])
    }

    @Test func aQuoteOpenOnTheLastLineRunsToTheEnd() throws {
        let got = try rows("a,b\n1,\"open to the end")
        #expect(got.count == 2)
        #expect(got[1].unterminated)
        #expect(got[1].fields == ["1", "open to the end"])
    }

    @Test func findsEveryDelimiterAndLineEndWhereverItFallsInAWord() throws {
        // Fields of 0–19 bytes put each delimiter, quote and line end at every offset of an eight-byte word.
        for length in 0..<20 {
            let field = String(repeating: "x", count: length)
            let quoted = String(repeating: "q", count: length)
            let text = "\(field),\(field)\r\n\"\(quoted)\n\(quoted)\",\"\(quoted)\"\"\(quoted)\"\n\(field);\(field)\r"
            let got = try rows(text)
            #expect(got == [
                Row(line: 1, fields: [field, field]),
                Row(line: 2, fields: ["\(quoted)\n\(quoted)", "\(quoted)\"\(quoted)"]),
                Row(line: 4, fields: ["\(field);\(field)"]),
            ])
        }
    }

    @Test func unescapedBytesUndoDoubledQuotesInPlace() throws {
        let scanner = CSVScanner(try UTF8Input(InputSource(name: "t", bytes: Array(#""say ""hi"", twice",plain,"""""#.utf8))))
        #expect(try scanner.nextRow())
        let first = Array(scanner.unescapedBytes(0))
        #expect(String(decoding: first, as: UTF8.self) == #"say "hi", twice"#)
        // Asking again, or for the string, gives the same text once undone.
        #expect(Array(scanner.unescapedBytes(0)) == first)
        #expect(scanner.string(0) == #"say "hi", twice"#)
        #expect(String(decoding: Array(scanner.unescapedBytes(1)), as: UTF8.self) == "plain")
        #expect(scanner.string(2) == "\"")
    }

    @Test func textAfterAClosingQuoteIsKeptAsWritten() throws {
        #expect(try rows("\"5\" inch,b\n") == [Row(line: 1, fields: ["\"5\" inch", "b"])])
    }

    /// Found by scripts/fuzz-inputs: a stray quote on row 9 met the opening quote of a field on row 24, and the 15
    /// rows between were read as one broken row (59 records read as 28).
    @Test(arguments: [16, 1 << 20])
    func aQuoteClosedLinesLaterRightBeforeTextWasStray(chunkSize: Int) throws {
        let text = "id,text,rating\n1,\"Excellent,5\n2,Nice,5\n3,Good app,4\n4,\"Easy, quick, trustworthy\",5\n5,ok,3\n"
        let got = try rows(text, chunkSize: chunkSize)
        #expect(got.map(\.fields) == [["id", "text", "rating"], ["1", "Excellent,5"], ["2", "Nice", "5"], ["3", "Good app", "4"],
                                      ["4", "Easy, quick, trustworthy", "5"], ["5", "ok", "3"]])
        #expect(got.map(\.line) == [1, 2, 3, 4, 5, 6])
        #expect(got.map(\.unterminated) == [false, true, false, false, false, false])
        // A real multi-line field keeps its lines, also with spaces after its closing quote.
        let multiline = try rows("id,text\n1,\"two\nlines\" ,x\n2,\"one\nmore\"\n", chunkSize: chunkSize)
        #expect(multiline.map(\.unterminated) == [false, false, false])
        #expect(multiline.map(\.line) == [1, 2, 4])
    }
}
