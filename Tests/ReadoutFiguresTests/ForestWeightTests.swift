// Forest plot squares sized by statistical weight: area ∝ weight (inverse variance), the heaviest 14 wide.

@testable import ReadoutFigures
import Testing

@Suite("Forest plot weights")
struct ForestWeightTests {
    static func plot(_ weights: [Double?]) -> ForestPlot {
        ForestPlot(title: "w", rows: weights.enumerated().map { i, w in
            ForestRow(label: "r\(i)", estimate: 0.8, lower: 0.5, upper: 1.2, text: "", weight: w)
        }, leftLabel: "Favours A", rightLabel: "Favours B", id: "w")
    }

    @Test func squareAreasAreProportionalToTheWeights() {
        let p = Self.plot([40, 10, 2.5])
        let layout = ForestPlot.Layout(p)
        let sides = p.rows.map(layout.markerSide)
        #expect(sides[0] == 14)
        for (side, weight) in zip(sides, [40.0, 10, 2.5]) {
            #expect(abs(side * side / (14 * 14) - weight / 40) < 1e-12)
        }
        #expect(p.svg().contains("width=\"7\" height=\"7\""), "a quarter of the weight is half the side")
    }

    @Test func tinyWeightsStayVisibleAndNoWeightsKeepTheFixedSquare() {
        let tiny = Self.plot([1e6, 1])
        #expect(ForestPlot.Layout(tiny).markerSide(tiny.rows[1]) == 3)
        let fixed = Self.plot([nil, nil])
        #expect(fixed.rows.map(ForestPlot.Layout(fixed).markerSide) == [9, 9])
    }

    @Test func nonFiniteOrNonPositiveWeightsAreIgnored() {
        let p = Self.plot([.nan, -1, .infinity, 0])
        #expect(p.rows.allSatisfy { $0.weight == nil })
        #expect(p.rows.map(ForestPlot.Layout(p).markerSide) == [9, 9, 9, 9])
    }
}
