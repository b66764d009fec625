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
