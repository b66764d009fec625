// Structural tests of step charts: exact path data for small curves, bands with gaps, censoring
// marks, clipping and clamping, ticks, series and risk-table counts, key placement, escaping.

@testable import ReadoutFigures
import Testing

@Suite("Step chart")
struct StepChartTests {
    // x: 0...4 → 0...400, y: 0...1 → 300...0 (SVG y grows downwards).
    let x = LinearScale(domain: 0...4, start: 0, end: 400)
    let y = LinearScale(domain: 0...1, start: 300, end: 0)

    static let threeSteps = StepSeries(label: "A", times: [1, 2, 3], values: [0.8, 0.5, 0.2], endTime: 4)

    @Test func threeStepCurveHasExactPathData() {
        let d = StepMarks.curve(start: 1, steps: Self.threeSteps.sortedSteps(), end: 4, x: x, y: y)
        #expect(d == "M0 0H100V60H200V150H300V240H400")
    }

    @Test func curveStopsAtLastFollowUpAndIsCutAtTheAxisEnd() {
        let steps = Self.threeSteps.sortedSteps()
        #expect(StepMarks.curve(start: 1, steps: steps, end: 3.5, x: x, y: y) == "M0 0H100V60H200V150H300V240H350")
        #expect(StepMarks.curve(start: 1, steps: steps, end: 9, x: x, y: y) == "M0 0H100V60H200V150H300V240H400")
        let short = LinearScale(domain: 0...2.5, start: 0, end: 250)
        #expect(StepMarks.curve(start: 1, steps: steps, end: 4, x: short, y: y) == "M0 0H100V60H200V150H250")
    }

    @Test func tiedTimesJumpOnceAndEventsAtZeroDropAtTheAxis() {
        let tied = StepSeries(label: "", times: [0, 2, 2], values: [0.9, 0.6, 0.4], endTime: 3).sortedSteps()
        #expect(StepMarks.curve(start: 1, steps: tied, end: 3, x: x, y: y) == "M0 0V30H200V180H300")
    }

    @Test func unsortedInputIsSortedAndValuesOutsideTheDomainAreClamped() {
        let messy = StepSeries(label: "", times: [3, 1, 2], values: [-0.1, 1.2, 0.5], endTime: 4)
        #expect(StepMarks.curve(start: 1, steps: messy.sortedSteps(), end: 4, x: x, y: y) == "M0 0H200V150H300V300H400")
    }

    @Test func cumulativeIncidenceStartsAtZero() {
        let cif = StepSeries(label: "", times: [1, 3], values: [0.1, 0.3], start: 0, endTime: 4)
        #expect(StepMarks.curve(start: 0, steps: cif.sortedSteps(), end: 4, x: x, y: y) == "M0 300H100V270H300V210H400")
    }

    @Test func bandIsAClosedStepPolygonBrokenWhereALimitIsMissing() {
        let s = StepSeries(label: "", times: [1, 2, 3], values: [0.8, 0.5, 0.2],
                           lower: [0.6, 0.3, nil], upper: [0.9, 0.7, 0.4], endTime: 4)
        // Run over [1, 3): upper edge 0.9 then 0.7 left to right, lower edge 0.3 then 0.6 back; [3, 4) has no lower limit.
        #expect(StepMarks.band(steps: s.sortedSteps(), end: 4, x: x, y: y) == "M100 30H200V90H300V210H200V120H100Z")
        let split = StepSeries(label: "", times: [1, 2, 3], values: [0.8, 0.5, 0.2],
                               lower: [0.6, nil, 0.1], upper: [0.9, 0.7, 0.4], endTime: 4)
        #expect(StepMarks.band(steps: split.sortedSteps(), end: 4, x: x, y: y) == "M100 30H200V120H100ZM300 180H400V270H300Z")
        #expect(StepMarks.band(steps: Self.threeSteps.sortedSteps(), end: 4, x: x, y: y).isEmpty)
    }

    @Test func censorMarksSitOnTheCurveValueAtTheirTime() {
        let s = StepSeries(label: "", times: [1, 2, 3], values: [0.8, 0.5, 0.2], censorTimes: [2, 2.5, 5], endTime: 4)
        // t = 2 is right-continuous (after the jump): 0.5 → y 150; t = 5 is beyond the curve's end.
        #expect(StepMarks.censorMarks(s, steps: s.sortedSteps(), x: x, y: y) == "M196 150h8M200 146v8M246 150h8M250 146v8")
        #expect(s.value(at: 0.5) == 1)
        #expect(s.value(at: 2) == 0.5)
        #expect(s.value(at: 10) == 0.2)
    }

    @Test func resolvedEndDefaultsToLastJumpOrCensoring() {
        #expect(StepSeries(label: "", times: [1, 2], values: [0.9, 0.8]).resolvedEnd == 2)
        #expect(StepSeries(label: "", times: [1, 2], values: [0.9, 0.8], censorTimes: [7]).resolvedEnd == 7)
        #expect(StepSeries(label: "", times: [1, 2], values: [0.9, 0.8], censorTimes: [7], endTime: 5).resolvedEnd == 5)
    }

    @Test func chartPathUsesThePlotRectangle() throws {
        let chart = StepChart(title: "T", xLabel: "Months", yLabel: "Survival (%)", xMax: 4, xTicks: [0, 1, 2, 3, 4],
                              series: [Self.threeSteps], showsTitle: false, id: "t")
        let layout = StepChart.Layout(chart)
        let p = layout.plot
        let c = SVGNumber.coordinate
        let expected = "M\(c(p.x)) \(c(p.y))H\(c(p.x + p.width / 4))V\(c(p.y + 0.2 * p.height))"
            + "H\(c(p.x + p.width / 2))V\(c(p.y + 0.5 * p.height))"
            + "H\(c(p.x + 3 * p.width / 4))V\(c(p.y + 0.8 * p.height))H\(c(p.maxX))"
        let svg = chart.svg()
        #expect(svg.contains("<path d=\"\(expected)\" class=\"curve\""))
        #expect(p.height == 340)
    }

    @Test func ticksAreLabelledInPercentOrAsProportions() {
        let percent = StepChart(title: "T", xLabel: "", yLabel: "", xMax: 48, xTicks: [0, 12, 24, 36, 48],
                                series: [Self.threeSteps], id: "t")
        let layout = StepChart.Layout(percent)
        #expect(layout.xTicks.map(\.label) == ["0", "12", "24", "36", "48"])
        #expect(layout.yTicks.map(\.label) == ["0", "20", "40", "60", "80", "100"])
        let plain = StepChart(title: "T", xLabel: "", yLabel: "", xMax: 2.5, yRange: 0...0.5, yAsPercent: false,
                              series: [Self.threeSteps], id: "t")
        let l2 = StepChart.Layout(plain)
        #expect(l2.xTicks.map(\.label) == ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"])
        #expect(l2.yTicks.map(\.label) == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5"])
        // Tick marks line up with the plot edges.
        #expect(layout.xTicks.first?.position == layout.plot.x)
        #expect(layout.xTicks.last?.position == layout.plot.maxX)
        #expect(layout.yTicks.last?.position == layout.plot.y)
    }

    @Test func seriesRiskRowsAndLandmarksAreAllDrawn() {
        let svg = SampleSpecs.kaplanMeier.svg()
        #expect(count("class=\"series\"", in: svg) == 2)
        #expect(count("class=\"curve\"", in: svg) == 2)
        #expect(count("class=\"band\"", in: svg) == 2)
        #expect(count("class=\"censor\"", in: svg) == 2)
        #expect(count("class=\"risk-row\"", in: svg) == 2)
        #expect(svg.contains("<g class=\"landmarks\""))
        // Risk counts are centred under the tick positions.
        let layout = StepChart.Layout(SampleSpecs.kaplanMeier)
        for tick in layout.xTicks {
            #expect(svg.contains("<text x=\"\(SVGNumber.coordinate(tick.position))\""))
        }
        // Censor marks: 18 + 7 within the 48-month axis (52.4 and 49.2 fall beyond it).
        #expect(count("v8", in: svg) == 16 + 7)
    }

    @Test func keyGoesInsideWhenACornerIsFreeAndAboveThePlotOtherwise() {
        let inside = StepChart.Layout(SampleSpecs.cumulativeIncidence)
        let key = try! #require(inside.keys.first)
        #expect(key.backing)
        #expect(key.frame.y >= inside.plot.y && key.frame.maxY <= inside.plot.maxY)
        // Curves filling every corner: a zig-zag between 0 and 1 over the whole axis.
        let times = (1...40).map { Double($0) / 10 }
        let values = times.indices.map { $0 % 2 == 0 ? 0.02 : 0.98 }
        let busy = StepChart(title: "", xLabel: "", yLabel: "", xMax: 4,
                             series: [StepSeries(label: "Zig-zag", times: times, values: values, endTime: 4)],
                             annotation: "p = 0.5", id: "busy")
        let above = StepChart.Layout(busy)
        let top = try! #require(above.keys.first)
        #expect(above.keys.count == 1 && !top.backing)
        #expect(top.frame.maxY <= above.plot.y)
        // Confidence bands count as covered space: the Kaplan-Meier sample's bands reach every corner.
        let banded = StepChart.Layout(SampleSpecs.kaplanMeier)
        #expect(banded.keys.count == 1 && !banded.keyInside && banded.keys[0].frame.maxY <= banded.plot.y)
    }

    @Test func labelsAreEscaped() {
        var chart = SampleSpecs.kaplanMeier
        chart.title = "RFS <by> arm & \"stratum\""
        chart.series[0].label = "A<&>"
        chart.riskTable?.rows[0].label = "A<&>"
        chart.annotation = "HR < 1 & p > 0.05"
        let svg = chart.svg()
        #expect(svg.contains("RFS &lt;by&gt; arm &amp; &quot;stratum&quot;"))
        #expect(svg.contains(">A&lt;&amp;&gt;</text>"))
        #expect(svg.contains(">HR &lt; 1 &amp; p &gt; 0.05</text>"))
        #expect(!svg.contains("A<&>"))
        #expect(XMLCheck.isWellFormed(svg))
    }

    @Test func outputIsDeterministic() {
        #expect(SampleSpecs.kaplanMeier.svg() == SampleSpecs.kaplanMeier.svg())
        var copy = SampleSpecs.kaplanMeier
        copy.series = copy.series.map { $0 }
        #expect(copy.svg() == SampleSpecs.kaplanMeier.svg())
    }

    @Test func documentIsAccessibleAndSelfContained() {
        let svg = SampleSpecs.kaplanMeier.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 "))
        #expect(svg.contains("role=\"img\" aria-labelledby=\"km-rfs-title km-rfs-desc\""))
        #expect(svg.contains("<title id=\"km-rfs-title\">Relapse-free survival</title>"))
        #expect(svg.contains("<desc id=\"km-rfs-desc\">Step chart of Relapse-free survival (%)"))
        #expect(svg.contains("width=\"100%\""))
        #expect(!svg.contains("<script") && !svg.contains("@font-face") && !svg.contains("href"))
    }

    @Test func defaultIDIsAStableHashOfTheTitle() {
        #expect(SVGDocument.defaultID(for: "") == "fig-811c9dc5")
        #expect(SVGDocument.defaultID(for: "a") == "fig-e40c292c")
        var chart = SampleSpecs.kaplanMeier
        chart.id = nil
        #expect(chart.svg().contains("id=\"\(SVGDocument.defaultID(for: "Relapse-free survival"))\""))
    }
}

/// Occurrences of `needle` in `haystack`.
func count(_ needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}

@Suite("Step chart scale")
struct StepChartScaleTests {
    @Test func manyStepsCollapseToOneCommandPerPrintedPosition() {
        // 100 000 steps of size 1e-5 over 0...1 on a 100-unit axis: at most ~10 000 distinct x positions.
        let n = 100_000
        let times = (1...n).map { Double($0) / Double(n) }
        let values = (1...n).map { 1 - Double($0) / Double(n) * 0.5 }
        let series = StepSeries(label: "", times: times, values: values, censorTimes: times, endTime: 1)
        let x = LinearScale(domain: 0...1, start: 0, end: 100)
        let y = LinearScale(domain: 0...1, start: 100, end: 0)
        let d = StepMarks.curve(start: 1, steps: series.sortedSteps(), end: 1, x: x, y: y)
        // Booleans first, so a failure does not print a megabyte of path data.
        let starts = d.hasPrefix("M0 0H0.01V")
        let ends = d.hasSuffix("H99.99V50H100")
        let horizontals = count("H", in: d)
        #expect(starts && ends)
        #expect(horizontals <= 10_001)
        let marks = StepMarks.censorMarks(series, steps: series.sortedSteps(), x: x, y: y)
        let drawn = count("M", in: marks)
        #expect(drawn <= 2 * 201)
    }

    @Test func verticalRunsMergeOnlyInOneDirection() {
        var path = StepMarks.PathBuilder()
        path.move(0, 10)
        path.vertical(20)
        path.vertical(30)
        path.vertical(25)
        path.horizontal(5)
        path.horizontal(7)
        #expect(path.d == "M0 10V30V25H7")
    }
}
