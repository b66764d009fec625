// Text and colours that come from a trial plan or its data are escaped or validated in every figure.

@testable import ReadoutFigures
import Testing

@Suite("Hostile text")
struct HostileTextTests {
    static let payloads = ["<img src=x onerror=alert(1)>", "\"'><script>alert(1)</script>", "javascript:alert(1)", "]]>", "&amp;", "a\u{1}b"]

    static func figures(_ p: String, color: String) -> [String] {
        [
            StepChart(title: p, xLabel: p, yLabel: p, xMax: 10,
                      series: [StepSeries(label: p, color: color, times: [1, 5], values: [0.9, 0.5])],
                      riskTable: RiskTable(times: [0, 5, 10], rows: [(label: p, color: color, counts: [3, 2, 1])]),
                      annotation: p, description: p, id: "figure-x").svg(),
            ForestPlot(title: p, rows: [ForestRow(label: p, estimate: 1, lower: 0.5, upper: 2, text: p, cells: [p])],
                       leftLabel: p, rightLabel: p, labelHeader: p, cellHeaders: [p], textHeader: p, color: color).svg(),
            FlowDiagram(title: p, top: [FlowBox(id: "a", lines: [p, "n = 1"])], exclusions: [(after: "a", box: FlowBox(id: "b", lines: [p]))],
                        arms: [[FlowBox(id: "c", lines: [p])]], description: p).svg(),
            BarChart(title: p, xLabel: p, groups: [BarGroup(label: p, color: color)], categories: [BarCategory(label: p, values: [1], texts: [p])],
                     description: p).svg(),
            LineChart(title: p, description: p, xLabel: p, yLabel: p, xRange: 0...1, xTicks: [0, 1],
                      series: [LineSeries(label: p, color: color, points: [(0.5, 2), (1, 1.5)])], id: "figure-line").svg(),
        ]
    }

    @Test(arguments: payloads)
    func textIsEscapedAndDocumentsStayWellFormed(payload: String) {
        for svg in Self.figures(payload, color: "#0072B2\" onload=\"alert(1)") {
            #expect(XMLCheck.isWellFormed(svg))
            #expect(!svg.contains("<img") && !svg.contains("<script") && !svg.contains("onload=") && !svg.contains("]]>"))
            #expect(!svg.contains("\u{1}"))
            #expect(!svg.contains("style="), "no inline style: pages have a strict Content-Security-Policy")
        }
    }

    @Test func invalidColoursBecomeBlack() {
        let svg = Self.figures("A", color: "url(javascript:alert(1))")[0]
        #expect(!svg.contains("javascript"))
        #expect(svg.contains("stroke=\"#000\""))
        let valid = Self.figures("A", color: "#0072B2")[0]
        #expect(valid.contains("stroke=\"#0072B2\""))
    }
}
