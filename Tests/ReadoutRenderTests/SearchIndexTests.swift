import Foundation
import Testing
import ReadoutCore
@testable import ReadoutRender

/// The offline search index: script-safe JSON, plain text of sections, narrative split at headings.
@Suite struct SearchIndexTests {
    static let hostile = "</script><script>alert(1)</script><!-- & \u{2028} \"q\" \\ \u{1}"

    @Test func jsonCannotCloseTheScriptElement() throws {
        let entry = SearchEntry(href: "page.html#a", title: Self.hostile, section: "S", text: Self.hostile)
        let json = SearchIndex.json([entry])
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let decoded = try JSONDecoder().decode([SearchEntry].self, from: Data(json.utf8))
        #expect(decoded == [entry])
        let section = SearchIndex.section([entry], label: "Search").markup
        #expect(section.components(separatedBy: "<script").count == 3, "exactly the data block and the search script")
        #expect(section.contains("<script>\(SearchScript.source)</script>"))
        #expect(section.contains("id=\"search-box\" hidden"))
        #expect(section.contains("<li><a href=\"page.html#a\">&lt;/script&gt;"))
    }

    @Test func plainTextDropsMarkupFiguresAndScripts() {
        let html = "<p>Median <strong>12.5</strong> months &amp; more</p>\n<svg><text>axis</text></svg><script>x()</script><td>NE</td>"
        #expect(SearchText.plain(html) == "Median 12.5 months & more NE")
    }

    @Test func narrativeSplitsAtHeadingsWithIds() {
        let html = "<p>Intro</p>\n<h2 id=\"design\">Study <em>design</em></h2>\n<p>Randomized.</p>\n<h3>No id</h3><p>x</p><h3 id=\"end\">End</h3><p>y</p>"
        let parts = SearchText.splitAtHeadings(html)
        #expect(parts.map(\.id) == [nil, "design", "end"])
        #expect(parts.map(\.heading) == [nil, "Study design", "End"])
        #expect(SearchText.plain(parts[1].html) == "Randomized. No id x")
        let entries = SearchIndex.entries(file: "page-02.html", title: "Design",
                                          sections: [PageSection(id: "narrative", heading: nil, html: SafeHTML(trusted: html))])
        #expect(entries.map(\.href) == ["page-02.html#narrative", "page-02.html#design", "page-02.html#end"])
        #expect(entries.map(\.section) == ["Design", "Study design", "End"])
    }
}
