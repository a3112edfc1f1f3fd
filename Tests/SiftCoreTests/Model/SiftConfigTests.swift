import Foundation
import Testing
@testable import SiftCore

/// `sift.yaml`: what a cron job's config says reaches the run, with paths relative to the file.
struct SiftConfigTests {
    static func write(_ yaml: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sift-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("sift.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func readsEverySettingAndResolvesPathsBesideTheFile() throws {
        let path = try Self.write("""
            inputs: [dumps/, /abs/play.csv]
            roadmap: roadmap.yaml
            state: state.sqlite
            out: reports/latest
            since: 2026-09-01
            kinds: [bug, performance]
            min_severity: major
            fail_on: ["priority>=70", "new-critical"]
            weights: {volume: 0.4, rating_impact: 0.2}
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let config = try SiftConfig.load(path: path)
        let base = (path as NSString).deletingLastPathComponent
        #expect(config.inputs == [base + "/dumps/", "/abs/play.csv"])
        #expect(config.roadmap == base + "/roadmap.yaml")
        #expect(config.state == base + "/state.sqlite")
        #expect(config.since == "2026-09-01")
        #expect(config.kinds == ["bug", "performance"])
        #expect(config.minSeverity == "major")
        #expect(config.failOn == ["priority>=70", "new-critical"])
        #expect(config.weights?.volume == 0.4)
        #expect(config.weights?.ratingImpact == 0.2)
        #expect(config.weights?.recency == PriorityWeights().recency)
        #expect(try RecordFilter.kinds(parsing: config.kinds ?? []) == [.bug, .performance])
    }

    @Test func aWrongTypeNamesTheField() throws {
        let path = try Self.write("kinds: bug\n")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        do {
            _ = try SiftConfig.load(path: path)
            Issue.record("a scalar where a list belongs was accepted")
        } catch {
            #expect(error.description.contains("kinds"))
        }
    }
}
