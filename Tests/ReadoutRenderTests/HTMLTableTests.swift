import Testing
import ReadoutCore
import ReadoutPlan
@testable import ReadoutRender

@Suite struct HTMLTableTests {
    @Test func escapesTextAndMarksNumbersAndNE() {
        let table = HTMLTable(id: "t", caption: "A & B <x>", head: [[.head(""), .head("Arm \"1\"", numeric: true)]],
                              body: [[.text("Median"), .number("NE")], [.text("n", indent: 1), .number("12")]],
                              footnotes: ["p < 0.05"], groupRows: [0])
        let html = table.html().markup
        #expect(html.contains("<caption>A &amp; B &lt;x&gt;</caption>"))
        #expect(html.contains("<th class=\"num\" scope=\"col\">Arm &quot;1&quot;</th>"))
        #expect(html.contains("<tr class=\"group\"><th scope=\"row\">Median</th><td class=\"num ne\">NE</td></tr>"))
        #expect(html.contains("<th class=\"indent-1\" scope=\"row\">n</th><td class=\"num\">12</td>"))
        #expect(html.contains("<tfoot>\n<tr><td colspan=\"2\">p &lt; 0.05</td></tr>"))
        #expect(html.hasPrefix("<div class=\"table-wrap\">"))
    }

    @Test func tablesWithMoreThanFiveColumnsAreMarkedForLandscapePrint() {
        // Two header rows: 1 + 2×3 columns under spanning arm headings.
        let wide = HTMLTable(id: "w", caption: "AE", head: [[.head("Term"), .head("Arm 1", colspan: 3), .head("Arm 2", colspan: 3)],
                                                          (0..<7).map { _ in .head("g", numeric: true) }],
                             body: [[.text("x")] + (0..<6).map { _ in .number("1") }])
        #expect(wide.columnCount == 7)
        #expect(wide.html().markup.hasPrefix("<div class=\"table-wrap wide-table\">"))
        let five = HTMLTable(id: "f", caption: "c", head: [(0..<5).map { _ in .head("h") }], body: [])
        #expect(five.html().markup.hasPrefix("<div class=\"table-wrap\">"))
    }
}

@Suite struct LiveNumbersTests {
    @Test func substitutesKeysAndPrintsAMissingValueAsNE() {
        let html = "<p>RFS {{result:rfs.hr}} and {{result:rfs.logrank.stratified.p}}.</p>"
        let out = LiveNumbers.substitute(html, table: [ResultKey("rfs.hr"): "0.62 (0.41–0.93)"])
        #expect(out == "<p>RFS <span class=\"live-number\" data-key=\"rfs.hr\">0.62 (0.41–0.93)</span> and <span class=\"live-number\" data-key=\"rfs.logrank.stratified.p\">NE</span>.</p>")
    }

    @Test func landmarkTimesPrintWithoutTrailingZero() {
        #expect(ReportFormat.time(24) == "24")
        #expect(ReportFormat.time(2.5) == "2.5")
    }
}

@Suite struct ReportFormatTests {
    @Test func intervalsAndNotEstimable() {
        #expect(ReportFormat.percentWithCI(0.6523, 0.551, 0.7364) == "65.2 (55.1–73.6)")
        #expect(ReportFormat.timeWithCI(nil, 27.2, nil) == "NR (27.2–NE)")
        #expect(ReportFormat.ratioWithCI(0.638, 0.41, 1.004) == "0.64 (0.41–1.00)")
        #expect(ReportFormat.differenceWithCI(0.161, 0.012, 0.311) == "16.1 (1.2 to 31.1)")
        #expect(ReportFormat.ratioWithCI(nil, nil, nil) == "NE")
    }
}

@Suite struct ThemeTests {
    static func theme(_ templates: [String: String]) -> Theme {
        var all = Dictionary(uniqueKeysWithValues: Theme.requiredTemplates.map { ($0, "ok") })
        all.merge(templates) { $1 }
        return Theme(name: "t", templates: all, assets: [:], source: "themes/t/templates")
    }

    @Test func templateSyntaxErrorNamesFileAndLine() {
        #expect {
            _ = try Self.theme(["page": "<p>\n{{#sections}}\n</p>\n"]).library()
        } throws: { error in
            let d = (error as? ReadoutCore.DiagnosticsError)?.diagnostics.first
            return d?.identifier == "theme.template-syntax" && d?.location?.file == "themes/t/templates/page.mustache" && d?.location?.line != nil
        }
    }

    @Test func missingTemplateIsReported() {
        var theme = Self.theme([:])
        theme.templates["report"] = nil
        #expect {
            _ = try theme.library()
        } throws: { error in
            (error as? ReadoutCore.DiagnosticsError)?.diagnostics.first?.identifier == "theme.missing-template"
        }
    }
}
