import Testing
@testable import SiftCore

struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBytes { raw in
            var p = JSONParser(bytes: raw)
            return try p.parseValue()
        }
    }

    @Test func parsesNestedValuesInOrder() throws {
        let v = try parse(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "e": {}} "#)
        #expect(v.jsonText == #"{"a":[1,-2.5e3,true,false,null],"b":{"c":"d"},"e":{}}"#)
        #expect(v.value(atPath: "b.c") == .string("d"))
    }

    @Test func decodesEveryEscapeIncludingSurrogatePairs() throws {
        let v = try parse(#""q\" b\\ s\/ \b\f\n\r\t \u00e9 \uD83D\uDE00 \ud83d""#)
        #expect(v == .string("q\" b\\ s/ \u{08}\u{0C}\n\r\t é 😀 \u{FFFD}"))
    }

    @Test func reportsTheByteOffsetOfAnError() {
        #expect(throws: JSONParseError(offset: 8, "expected ',' or '}' in an object, found '\"'")) {
            try parse(#"{"a": 1 "b": 2}"#)
        }
        #expect(throws: JSONParseError.self) { try parse(#"{"a": 01x}"#) }
        #expect(throws: JSONParseError.self) { try parse(#"{"a": "open"#) }
        #expect(throws: JSONParseError.self) { try parse(#"[1, 2"#) }
        #expect(throws: JSONParseError.self) { try parse(#""bad \x escape""#) }
    }

    @Test func replacesInvalidUTF8AndSaysSo() throws {
        let bytes: [UInt8] = Array(#"{"t": "caf"#.utf8) + [0xE9] + Array(#"!"}"#.utf8)
        try bytes.withUnsafeBytes { raw in
            var p = JSONParser(bytes: raw)
            let v = try p.parseValue()
            #expect(v["t"] == .string("caf\u{FFFD}!"))
            #expect(p.sawInvalidUTF8)
        }
    }

    @Test func refusesHostileNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try parse(deep) }
    }

    @Test func skipsValuesWithoutBuildingThem() throws {
        let bytes = Array(#"{"x": [1, {"y": "}"}], "z": 2}"#.utf8)
        try bytes.withUnsafeBytes { raw in
            var p = JSONParser(bytes: raw, index: 6)
            try p.skipValue()
            #expect(p.peek() == UInt8(ascii: ","))
        }
    }

    @Test func flattensNestedObjectsToDottedNames() throws {
        var fields: [(name: String, value: String)] = []
        try parse(#"{"user": {"name": "Ana", "tags": ["a", "b"]}, "n": 3, "ok": true, "none": null}"#).flatten(into: &fields)
        #expect(fields.map { "\($0.name)=\($0.value)" } == ["user.name=Ana", "user.tags.1=a", "user.tags.2=b", "n=3", "ok=true", "none=null"])
    }
}
