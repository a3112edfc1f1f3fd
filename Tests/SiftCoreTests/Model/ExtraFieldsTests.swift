import Testing
@testable import SiftCore

@Suite struct ExtraFieldsTests {
    @Test func fieldsReadBackInInputOrder() {
        let fields: ExtraFields = [ExtraField(name: "Package Name", value: "com.x"), ExtraField(name: "Link", value: "")]
        #expect(Array(fields) == [ExtraField(name: "Package Name", value: "com.x"), ExtraField(name: "Link", value: "")])
        #expect(fields.count == 2)
        #expect(fields.first { $0.name == "Link" }?.value == "")
        #expect(ExtraFields().isEmpty)
    }

    @Test func longValuesManyColumnsAndNonASCIISurvive() {
        // Column 300 and a 1,000-byte value need two-byte lengths and indices.
        let header = (0..<400).map { "col\($0)" }
        var fields = ExtraFields(names: header)
        let long = String(repeating: "añ😀", count: 143)
        fields.append(nameAt: 300, value: long)
        fields.append(nameAt: 2, value: "x")
        fields.append(ExtraField(name: "not in header", value: "¿qué?"))
        #expect(Array(fields) == [
            ExtraField(name: "col300", value: long), ExtraField(name: "col2", value: "x"),
            ExtraField(name: "not in header", value: "¿qué?"),
        ])
    }

    @Test func fieldsPackedFromBytesEqualFieldsAppendedAsStrings() {
        let header = (0..<400).map { "col\($0)" }
        let values = [(300, String(repeating: "añ😀", count: 143)), (2, "x"), (5, ""), (399, "com.example.app")]
        var appended = ExtraFields(names: header)
        for (index, value) in values { appended.append(nameAt: index, value: value) }
        let size = values.reduce(0) { $0 + ExtraFields.packedSize(nameAt: $1.0, valueLength: $1.1.utf8.count) }
        let packed = ExtraFields(names: header, byteCount: size) { packer in
            for (index, value) in values {
                var value = value
                value.withUTF8 { packer.append(nameAt: index, utf8: $0) }
            }
        }
        #expect(Array(packed) == Array(appended))
        #expect(packed.endIndex == size)
        #expect(ExtraFields(names: header, byteCount: 0) { _ in }.isEmpty)
    }

    @Test func equalityFollowsFieldsNotTables() {
        var a = ExtraFields(names: ["a", "b", "c"])
        a.append(nameAt: 1, value: "v")
        let b: ExtraFields = [ExtraField(name: "b", value: "v")]
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != [ExtraField(name: "b", value: "w")])
    }

    @Test func recordLinesEscapeExtraValues() {
        var record = FeedbackRecord(source: "a.csv", format: "csv", text: "t", origin: RecordOrigin(file: "a.csv", line: 2))
        record.extras = [ExtraField(name: "Reply \"x\"", value: "line1\nline2 \"quoted\" \\")]
        var json = JSONWriter()
        RecordLines.write(record, to: &json)
        let line = String(decoding: json.bytes, as: UTF8.self)
        #expect(line.contains(#""extras":{"Reply \"x\"":"line1\nline2 \"quoted\" \\"}"#))
    }
}
