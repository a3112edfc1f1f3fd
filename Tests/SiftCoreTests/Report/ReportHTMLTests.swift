import Foundation
import Testing
@testable import SiftCore

struct ReportHTMLTests {
    @Test func thePageHasEverySection() {
        let html = ReportHTML.render(ReportFixture.report())
        for id in ["accounting", "pain-points", "volume-over-time", "sentiment-over-time", "versions", "quotes", "uncovered",
                   "strengths", "roadmap", "resolved"] {
            #expect(html.contains(" id=\"\(id)\""), "section \(id)")
        }
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func thePageNeedsNoNetwork() {
        let html = ReportHTML.render(ReportFixture.report()).lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\""))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(!html.contains("@font-face"))
        // The only http in the page is the roadmap item's own link a reader may click.
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(hrefs == ["https://tracker.example.com/crash-112"])
        #expect(html.components(separatedBy: "http").count - 1 == 1)
    }

    @Test func aScriptInAQuoteOrLabelIsShownNotRun() {
        let attack = "<script>alert('x')</script><img src=x onerror=alert(1)> \" onmouseover=\"alert(2)"
        let html = ReportHTML.render(ReportFixture.report(quote: attack, label: "<b>crash</b>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("\" onmouseover=\""))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;crash&lt;/b&gt;"))
        #expect(!html.contains("<b>crash</b>"))
    }

    @Test func aJavascriptURLInTheRoadmapIsNotALink() {
        let html = ReportHTML.render(ReportFixture.report())
        #expect(!html.lowercased().contains("javascript:"))
    }

    @Test func theTopPainPointIsDrawnWithItsComponentsAndSpike() throws {
        let html = ReportHTML.render(ReportFixture.report())
        let ranked = try #require(html.range(of: "<table class=\"ranked\">"))
        let firstRow = String(html[ranked.upperBound...]).components(separatedBy: "</tr>")[1]
        #expect(firstRow.contains("crash · opening PDF"))
        #expect(firstRow.contains("spike from 2026-10-19"))
        #expect(firstRow.contains("→ CRASH-112"))
        #expect(firstRow.components(separatedBy: "<rect ").count - 2 == 7, "one segment per component after the track")
        #expect(html.contains("spike: crash · opening PDF, 2026-10-19"))
        #expect(html.contains("Nobody asks for this"))
    }

    @Test func theSameReportRendersTheSamePage() {
        #expect(ReportHTML.render(ReportFixture.report()) == ReportHTML.render(ReportFixture.report()))
    }
}
