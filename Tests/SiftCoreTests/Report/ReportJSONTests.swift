import Foundation
import Testing
@testable import SiftCore

struct ReportJSONTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Validates `json` against `Sources/SiftCore/Report/report.schema.json` with Python's `jsonschema` (draft 2020-12); returns
    /// the validator's complaint, or nil when the document is valid.
    static func schemaErrors(_ json: [UInt8]) throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sift-report-\(UUID().uuidString).json")
        try Data(json).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))), key=str)
            for e in errors[:5]: print("/".join(map(str, e.absolute_path)), e.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, repositoryRoot.appendingPathComponent("Sources/SiftCore/Report/report.schema.json").path, file.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : output
    }

    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func theFullReportValidatesAgainstTheSchema() throws {
        let errors = try Self.schemaErrors(ReportJSON.render(ReportFixture.report()))
        #expect(errors == nil, "\(errors ?? "")")
    }

    @Test func aReportWithoutFindingsValidatesToo() throws {
        let bare = AnalysisReport(accounts: [InputAccount(file: "-", format: "jsonl", read: 0)], overview: Overview([]), warnings: 0)
        let errors = try Self.schemaErrors(ReportJSON.render(bare))
        #expect(errors == nil, "\(errors ?? "")")
    }

    @Test func skippedAndEmptyInputsValidateWithTheirNotes() throws {
        let accounts = [InputAccount(file: "dump/notes.txt", format: "skipped", note: "cannot tell the format"),
                        InputAccount(file: "dump/empty.csv", format: "empty", note: "no records"),
                        InputAccount(file: "dump/play.csv", format: "play", read: 2, accepted: 2)]
        let json = ReportJSON.render(AnalysisReport(accounts: accounts, overview: Overview([]), warnings: 2))
        let errors = try Self.schemaErrors(json)
        #expect(errors == nil, "\(errors ?? "")")
        let inputs = try #require((try Self.object(json)["accounting"] as? [String: Any])?["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["note"] as? String } == ["cannot tell the format", "no records", nil])
    }

    @Test func theSchemaRejectsADocumentThatLostAField() throws {
        var object = try Self.object(ReportJSON.render(ReportFixture.report()))
        var points = try #require(object["pain_points"] as? [[String: Any]])
        points[0].removeValue(forKey: "priority")
        object["pain_points"] = points
        let errors = try Self.schemaErrors(Array(JSONSerialization.data(withJSONObject: object)))
        #expect(errors?.contains("priority") == true)
    }

    @Test func theSameInputGivesByteIdenticalOutput() throws {
        let a = ReportJSON.render(ReportFixture.report())
        var report = ReportFixture.report()
        // Rebuild every dictionary in another insertion order: the output must not follow it.
        for i in report.findings!.painPoints.indices {
            report.findings!.painPoints[i].kinds = Dictionary(uniqueKeysWithValues: report.findings!.painPoints[i].kinds.reversed())
            report.findings!.painPoints[i].severity = Dictionary(uniqueKeysWithValues: report.findings!.painPoints[i].severity.reversed())
        }
        #expect(ReportJSON.render(report) == a)
        #expect(!String(decoding: a, as: UTF8.self).contains("\"generated"))
    }

    @Test func thePlantedCrashComesFirstWithEverythingThatRanksIt() throws {
        let object = try Self.object(ReportJSON.render(ReportFixture.report()))
        let points = try #require(object["pain_points"] as? [[String: Any]])
        let top = try #require(points.first)
        #expect(top["label"] as? String == "crash · opening PDF")
        #expect(top["rank"] as? Int == 1)
        #expect(top["emerged_after_version"] as? String == "5.4.0")
        #expect((top["spike"] as? [String: Any])?["start"] as? String == "2026-10-19")
        #expect(((top["links"] as? [[String: Any]])?.first)?["item_id"] as? String == "CRASH-112")
        let priority = try #require(top["priority"] as? [String: Any])
        let components = try #require(priority["components"] as? [[String: Any]])
        #expect(components.map { $0["name"] as? String } == ["volume", "negativity", "severity", "trend", "reach", "rating_impact", "recency"])
        let sum = components.reduce(0.0) { $0 + ($1["contribution"] as? Double ?? 0) } * 100
        #expect(abs(sum - (priority["value"] as? Double ?? -1)) < 0.01)

        let uncovered = try #require(object["uncovered"] as? [String])
        let uncoveredLabels = points.filter { uncovered.contains($0["id"] as! String) }.map { $0["label"] as! String }
        #expect(Set(uncoveredLabels) == ["battery · drain", "ads · too expensive"])
        let items = try #require((object["roadmap"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.filter { $0["unasked"] as? Bool == true }.map { $0["id"] as? String } == ["TV-3"])
        #expect((object["resolved"] as? [[String: Any]])?.map { $0["label"] as? String } == ["login · loop"])
        #expect((object["strengths"] as? [[String: Any]])?.count == 2)
        #expect((object["mixed"] as? [[String: Any]])?.first?["label"] as? String == "new tab page")
        let timeline = try #require(object["timeline"] as? [String: Any])
        #expect(timeline["bucket_width"] as? String == "day")
        #expect((timeline["buckets"] as? [Any])?.count == 42)
    }
}
