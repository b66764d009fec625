import Foundation
import Testing
import ReadoutTestSupport
@testable import ReadoutBuild

/// One rendered page section of the sample report, against a reviewed golden: the baseline table
/// (every count, percentage and summary statistic of baseline.html, and its markup).
/// Re-record after a deliberate change: `READOUT_RECORD_SNAPSHOTS=1 swift test --filter PageSnapshot`.
@Suite struct PageSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// The `<section id="…">…</section>` of a page.
    static func section(_ id: String, of html: String) -> String? {
        guard let start = html.range(of: "<section id=\"\(id)\""),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func sampleBaselineSection() throws {
        let root = Fixtures.repositoryRoot.path
        let output = NSTemporaryDirectory() + "readout-page-snapshot-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try BuildAction(projects: [root + "/content/blinatumomab-mrd"], outputRoot: output, themeRoot: root + "/themes/default").run()
        let html = try String(contentsOfFile: output + "/blinatumomab-mrd/ia1/baseline.html", encoding: .utf8)
        let section = try #require(Self.section("baseline", of: html))
        TextSnapshot.assert(section + "\n", named: "sample-baseline-section.html", in: Self.directory)
    }

    @Test func sectionExtraction() {
        let html = "<main><section id=\"a\" class=\"x\"><p>1</p></section><section id=\"b\">2</section></main>"
        #expect(Self.section("b", of: html) == "<section id=\"b\">2</section>")
        #expect(Self.section("a", of: html) == "<section id=\"a\" class=\"x\"><p>1</p></section>")
        #expect(Self.section("c", of: html) == nil)
    }
}
