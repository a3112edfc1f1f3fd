import Foundation
import Testing
@testable import SiftCore

struct ReportMarkdownTests {
    static func section(_ md: String, _ heading: String) -> String? {
        guard let start = md.range(of: "\n## \(heading)\n") else { return nil }
        let rest = md[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    @Test func theReportHasItsSectionsInReadingOrder() {
        let md = ReportMarkdown.render(ReportFixture.report())
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(headings == ["## Top pain points", "## Uncovered pain points", "## Strengths", "## Roadmap coverage",
                             "## Resolved since last run", "## Record accounting", "## Overview"])
    }

    @Test func theTopPainPointShowsWhyItRanksFirst() throws {
        let md = ReportMarkdown.render(ReportFixture.report())
        let top = try #require(Self.section(md, "Top pain points"))
        let first = String(top[..<(top.range(of: "\n### 2.")?.lowerBound ?? top.endIndex)])
        #expect(first.contains("### 1. crash · opening PDF — priority "))
        #expect(first.contains("**spike** from 2026-10-19"))
        #expect(first.contains("Appeared or grew after version **5.4.0**"))
        #expect(first.contains("CRASH-112 (confidence 0."))
        #expect(first.contains("matched crash"))
        for name in ["volume", "negativity", "severity", "trend", "reach", "rating impact", "recency"] {
            #expect(first.contains("\n| \(name) | "), "component \(name)")
        }
        #expect(first.components(separatedBy: "\n> — ").count - 1 == 2, "two quotes")
    }

    @Test func theUncoveredListNamesWhatNoRoadmapItemAddresses() throws {
        let md = ReportMarkdown.render(ReportFixture.report())
        let uncovered = try #require(Self.section(md, "Uncovered pain points"))
        let items = uncovered.split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(items.count == 2)
        #expect(items.contains { $0.contains("**battery · drain**") })
        #expect(items.contains { $0.contains("**ads · too expensive**") })
    }

    @Test func roadmapCoverageSaysWhenNobodyAsks() throws {
        let md = ReportMarkdown.render(ReportFixture.report())
        let roadmap = try #require(Self.section(md, "Roadmap coverage"))
        let tv = try #require(roadmap.split(separator: "\n").first { $0.hasPrefix("| TV-3 ") })
        #expect(tv.hasSuffix("| nobody asks for this |"))
        let crash = try #require(roadmap.split(separator: "\n").first { $0.hasPrefix("| CRASH-112 ") })
        #expect(crash.contains("critical"))
        #expect(try #require(Self.section(md, "Resolved since last run")).contains("- login · loop"))
    }

    @Test func feedbackTextCannotBreakTheMarkup() throws {
        let md = ReportMarkdown.render(ReportFixture.report(quote: "line one\n## Fake heading | <script>alert(1)</script> [x](http://evil)"))
        #expect(!md.contains("\n## Fake heading"))
        #expect(!md.contains("<script>"))
        #expect(md.contains("\\<script\\>"))
        #expect(!md.contains("[x](http://evil)"))
    }

    @Test func withoutThemesTheAccountingStillShows() {
        let report = AnalysisReport(accounts: [InputAccount(file: "a.csv", format: "csv", read: 5, accepted: 4, rejected: 1)],
                                    overview: Overview([]), warnings: 0)
        let md = ReportMarkdown.render(report)
        #expect(md.contains("| a.csv | csv | 5 | 4 | 1 |"))
        #expect(md.contains("`rejects.jsonl`"))
    }
}
