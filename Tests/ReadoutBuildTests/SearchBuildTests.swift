import Foundation
import Testing
import ReadoutCore
import ReadoutRender
import ReadoutTestSupport
@testable import ReadoutBuild

/// The sample built with search: search.html's CSP admits exactly its inline script (by SHA-256), the index
/// names every page and section, hostile narrative cannot break out of the inlined index, and the site home
/// searches every version.
@Suite(.serialized) struct SearchBuildTests {
    static let root = Fixtures.repositoryRoot.path

    /// A copy of the sample project with one more narrative page, built into `<scratch>/output`.
    static func buildSample(extraPage: String?) throws -> (scratch: String, bundle: String) {
        let scratch = NSTemporaryDirectory() + "readout-search-\(UUID().uuidString)"
        let project = scratch + "/blinatumomab-mrd"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/content/blinatumomab-mrd", toPath: project)
        if let extraPage {
            try Data(extraPage.utf8).write(to: URL(fileURLWithPath: project + "/pages/09-hostile.md"))
        }
        _ = try BuildAction(projects: [project], outputRoot: scratch + "/output").run()
        return (scratch, scratch + "/output/blinatumomab-mrd/ia1")
    }

    static func base64SHA256(_ text: String) -> String {
        let hex = Array(DatasetLoader.sha256(Array(text.utf8)).utf8)
        let bytes = stride(from: 0, to: hex.count, by: 2).map { UInt8(String(decoding: hex[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
        return Data(bytes).base64EncodedString()
    }

    /// The text of every inline `<script>` without a type (an executable script).
    static func executableScripts(_ html: String) -> [String] {
        html.components(separatedBy: "<script>").dropFirst().map { $0.components(separatedBy: "</script>")[0] }
    }

    @Test func cspHashIsTheHashOfTheInlineScript() throws {
        #expect(SearchScript.hash == "sha256-" + Self.base64SHA256(SearchScript.source))
        let (scratch, bundle) = try Self.buildSample(extraPage: nil)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for page in [bundle + "/search.html", scratch + "/output/index.html"] {
            let html = try String(contentsOfFile: page, encoding: .utf8)
            let scripts = Self.executableScripts(html)
            #expect(scripts.count == 1, "\(page): one executable script")
            #expect(html.contains("script-src 'sha256-\(Self.base64SHA256(scripts.first ?? ""))'; style-src"), "\(page): CSP admits the script")
        }
        // Other pages carry no script and no script-src.
        let efficacy = try String(contentsOfFile: bundle + "/efficacy.html", encoding: .utf8)
        #expect(!efficacy.contains("<script") && !efficacy.contains("script-src"))
        #expect(efficacy.contains("<a href=\"search.html\">Search</a>"))
    }

    @Test func indexNamesEveryPageAndSection() throws {
        let (scratch, bundle) = try Self.buildSample(extraPage: nil)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let entries = try JSONDecoder().decode([SearchEntry].self, from: Data(contentsOf: URL(fileURLWithPath: bundle + "/search-index.json")))
        let pages = Set(entries.map { String($0.href.split(separator: "#")[0]) })
        for page in ["index.html", "consort.html", "baseline.html", "efficacy.html", "safety.html", "page-01-background.html"] {
            #expect(pages.contains(page), "no entry for \(page)")
        }
        let rfs = try #require(entries.first { $0.href.hasPrefix("efficacy.html#") && $0.section.contains("Relapse-free survival") })
        #expect(rfs.text.contains("Kaplan-Meier") || rfs.text.contains("median") || rfs.text.contains("Median"))
        let background = entries.filter { $0.href.hasPrefix("page-01-background.html#") }
        #expect(background.contains { $0.section == "The clinical question" && $0.text.contains("Blinatumomab") })
        // The site home searches every version: links relative to the output root.
        let home = try String(contentsOfFile: scratch + "/output/index.html", encoding: .utf8)
        #expect(home.contains("<a href=\"blinatumomab-mrd/ia1/efficacy.html#"))
        // The plain list on search.html links every entry (and the link check of the build resolved them).
        let search = try String(contentsOfFile: bundle + "/search.html", encoding: .utf8)
        #expect(search.components(separatedBy: "<li><a href=").count - 1 >= entries.count)
    }

    @Test func hostileNarrativeStaysInsideTheIndex() throws {
        let page = """
        ---
        title: "</script><script>alert(1)</script>"
        order: 9
        ---

        ## Break out <!-- and -->

        Text `</script><script>alert(2)</script>` and \\</script> and <script>alert(3)</script> &lt;/script&gt;.
        """
        let (scratch, bundle) = try Self.buildSample(extraPage: page)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let search = try String(contentsOfFile: bundle + "/search.html", encoding: .utf8)
        #expect(search.components(separatedBy: "<script").count == 3, "only the index block and the search script")
        #expect(!search.contains("alert(1)</script>") && !search.contains("<script>alert"))
        let index = try String(contentsOfFile: bundle + "/search-index.json", encoding: .utf8)
        let entries = try JSONDecoder().decode([SearchEntry].self, from: Data(index.utf8))
        #expect(entries.contains { $0.title == "</script><script>alert(1)</script>" })
        #expect(entries.contains { $0.text.contains("</script><script>alert(2)</script>") })
    }
}
