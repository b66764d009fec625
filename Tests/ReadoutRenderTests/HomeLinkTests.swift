import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
import ReadoutPlan
@testable import ReadoutRender

@Suite struct HomeLinkTests {
    static func theme() throws -> Theme {
        let directory = Fixtures.repositoryRoot.path + "/themes/default/templates"
        var templates: [String: String] = [:]
        for name in Theme.requiredTemplates {
            templates[name] = try String(contentsOfFile: directory + "/" + name + ".mustache", encoding: .utf8)
        }
        return Theme(name: "default", templates: templates, assets: [:], source: directory)
    }

    @Test func linksFromNamesAreRelativePercentEncodedPaths() throws {
        let renderer = SiteRenderer(theme: try Self.theme(), generator: "Readout test")
        let entry = HomeEntry(title: "<img src=x onerror=alert(1)>", description: "1 report version", synthetic: false, versions: [
            HomeEntry.Version(version: "\"'><script>alert(1)</script>", status: "javascript:alert(1)", dataCutoff: "2026-06-30",
                              href: "javascript:alert(1)/\"'><script>alert(1)</script>/index.html"),
        ])
        let files = try renderer.renderHome(title: "Readout reports", subtitle: "x", entries: [entry])
        let html = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(html.contains("href=\"javascript%3Aalert%281%29/%22%27%3E%3Cscript%3Ealert%281%29%3C/script%3E/index.html\""))
        #expect(!html.contains("<img") && !html.contains("<script") && !html.contains("href=\"javascript:"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func theHomeShowsEachTrialsAcronymTitleAndVersionsInTheGivenOrder() throws {
        let renderer = SiteRenderer(theme: try Self.theme(), generator: "Readout test")
        let entries = [
            HomeEntry(title: "First trial title", description: "2 report versions", synthetic: true, versions: [
                HomeEntry.Version(version: "ia2", status: "Interim analysis 2", dataCutoff: "2027-01-31", href: "a/ia2/index.html"),
                HomeEntry.Version(version: "ia1", status: "Interim analysis 1", dataCutoff: "2026-06-30", href: "a/ia1/index.html"),
            ], acronym: "ALPHA-1"),
            HomeEntry(title: "Second trial title", description: "1 report version", synthetic: false, versions: [
                HomeEntry.Version(version: "final", status: "Final", dataCutoff: "2025-12-31", href: "b/final/index.html"),
            ], acronym: "BETA & <2>"),
        ]
        let html = String(decoding: try renderer.renderHome(title: "Readout reports", subtitle: "x", entries: entries)[0].bytes, as: UTF8.self)
        #expect(html.contains("<span class=\"trial-acronym\">ALPHA-1</span> First trial title"))
        #expect(html.contains("<span class=\"trial-acronym\">BETA &amp; &lt;2&gt;</span> Second trial title"))
        #expect(html.contains("<a href=\"a/ia2/index.html\">Version ia2</a> — data cut-off 2027-01-31 · Interim analysis 2"))
        let newer = try #require(html.range(of: "Version ia2")), older = try #require(html.range(of: "Version ia1"))
        #expect(newer.lowerBound < older.lowerBound)
        // No acronym recorded (older bundles): just the title.
        let bare = HomeEntry(title: "Old", description: "1 report version", synthetic: false, versions: [])
        let old = String(decoding: try renderer.renderHome(title: "R", subtitle: "x", entries: [bare])[0].bytes, as: UTF8.self)
        #expect(old.contains("<h2 class=\"trial-card-title\">Old</h2>"))
    }

    @Test func everyTemplateCarriesAStrictContentSecurityPolicy() throws {
        for (name, text) in try Self.theme().templates where ["page", "report", "home"].contains(name) {
            // script-src only as the search page's hash of its one script (SearchScript), when the page has it.
            let conditional = "{{#scriptHash}}script-src '{{scriptHash}}'; {{/scriptHash}}"
            #expect(text.replacingOccurrences(of: conditional, with: "").contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self' data:;"), "\(name)")
            #expect(name == "report" || text.contains("default-src 'none'; \(conditional)style-src"), "\(name)")
            #expect(!text.contains("unsafe-inline") && !text.replacingOccurrences(of: conditional, with: "").contains("script-src"), "\(name)")
            #expect(!text.contains("<script") && !text.contains("style=\""), "\(name)")
        }
    }

    @Test func liveNumbersEscapeKeyAndValue() {
        #expect(LiveNumbers.substitute("{{result:<b>}}", table: [ResultKey("<b>"): "<i>"]) == "<span class=\"live-number\" data-key=\"&lt;b&gt;\">&lt;i&gt;</span>")
    }
}
