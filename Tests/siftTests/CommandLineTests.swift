import Foundation
import Testing

/// End-to-end tests run the real `sift` binary that `swift build` put beside the test bundle.
struct CommandLineTests {
    @Test func unknownFormatIsAUsageError() throws {
        let result = try SiftBinary.run(["ingest", "--format", "nope", "x.csv"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown --format 'nope'"))
    }
}
