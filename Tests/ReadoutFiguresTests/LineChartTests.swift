// The generic line chart (group-sequential boundary plots): points, lines, key, axis range.

@testable import ReadoutFigures
import Testing

@Suite struct LineChartTests {
    static func chart(_ series: [LineSeries], referenceY: Double? = 0) -> String {
        LineChart(title: "Boundaries", description: "z against information", xLabel: "Information fraction", yLabel: "z",
                  xRange: 0...1, xTicks: [0, 0.5, 1], series: series, yInclude: [0], referenceY: referenceY, id: "figure-b").svg()
    }

    @Test func everyFinitePointIsMarkedAndJoined() {
        let svg = Self.chart([
            LineSeries(label: "Efficacy", color: "#D55E00", points: [(0.5, 2.96), (0.75, 2.36), (1, 2.01)]),
            LineSeries(label: "Futility", color: "#009E73", points: [(0.5, 0.45), (0.75, 1.19)], dashed: true, marker: .square),
            LineSeries(label: "Observed", color: "#0072B2", points: [(0.5, 2.10), (.nan, 1), (0.6, .infinity), (1.5, 2)]),
        ])
        #expect(XMLCheck.isWellFormed(svg))
        // 3 + 1 (observed: only the finite point inside the x range) circles in the plot, one per circle key.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 4 + 2)
        #expect(svg.components(separatedBy: "<rect").count - 1 == 2 + 1)
        #expect(svg.contains("stroke-dasharray=\"6 4\""))
        #expect(!svg.contains("\"nan") && !svg.contains("\"inf") && !svg.contains("\"-inf") && !svg.contains("NaN"))
        for label in ["Efficacy", "Futility", "Observed", "Information fraction", "<title id=\"figure-b-title\">Boundaries</title>"] {
            #expect(svg.contains(label))
        }
    }

    @Test func theYAxisCoversEveryPointAndZero() {
        let svg = Self.chart([LineSeries(label: "z", color: "#0072B2", points: [(0.3, -1.7), (0.6, 3.4)])])
        let ticks = svg.matches(of: /<text x="[0-9.]+" y="[0-9.]+">(-?[0-9.]+)<\/text>/).compactMap { Double($0.output.1) }
        #expect(ticks.contains(0) && ticks.contains(-1) && ticks.contains(3), "\(ticks)")
        // Both points lie inside the plot (y from 16 at the top to 316 at the x axis); the third circle is the key's, below.
        let ys = svg.matches(of: /<circle cx="[0-9.]+" cy="([0-9.]+)"/).compactMap { Double($0.output.1) }
        #expect(ys.count == 3 && ys.prefix(2).allSatisfy { $0 >= 16 && $0 <= 316 } && ys[2] > 316, "\(ys)")
    }
}
