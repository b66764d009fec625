// Degenerate specs still render well-formed, deterministic documents.

@testable import ReadoutFigures
import Testing

@Suite("Edge cases")
struct EdgeCaseTests {
    @Test func emptySpecsRenderWellFormedDocuments() {
        let documents = [
            StepChart(title: "", xLabel: "", yLabel: "", xMax: 0, series: []).svg(),
            StepChart(title: "One point", xLabel: "t", yLabel: "S", xMax: 10,
                      series: [StepSeries(label: "", times: [.nan, 5], values: [0.5, .infinity])],
                      riskTable: RiskTable(times: [0, 5, 10, 20], rows: [(label: "A", color: "#000", counts: [3])])).svg(),
            ForestPlot(title: "No rows", rows: [], leftLabel: "", rightLabel: "").svg(),
            FlowDiagram(title: "Nothing", top: [], arms: []).svg(),
            FlowDiagram(title: "Arms only", top: [], arms: [[FlowBox(id: "a", lines: [])], []]).svg(),
            BarChart(title: "No bars", xLabel: "", groups: [], categories: []).svg(),
        ]
        for svg in documents {
            #expect(XMLCheck.isWellFormed(svg))
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
    }

    @Test func emptyBarChartUsesAUnitAxis() {
        let layout = BarChart.Layout(BarChart(title: "", xLabel: "", groups: [], categories: []))
        #expect(layout.x.domain == 0...1)
    }

    @Test func riskCountsOutsideTheAxisAreNotPrinted() {
        let chart = StepChart(title: "", xLabel: "", yLabel: "", xMax: 10, series: [],
                              riskTable: RiskTable(times: [0, 5, 10, 20], rows: [(label: "A", color: "#000", counts: [91, 81, 71, 61])]))
        let svg = chart.svg()
        #expect(svg.contains(">91</text>") && svg.contains(">71</text>"))
        #expect(!svg.contains(">61</text>"))
    }
}
