// Structural tests of forest plots and bar charts: scale positions, markers, arrowheads, counts, escaping.

@testable import ReadoutFigures
import Testing

@Suite("Forest plot")
struct ForestPlotTests {
    @Test func referenceLineSitsMidwayOnASymmetricLogAxis() {
        let layout = ForestPlot.Layout(SampleSpecs.forest)
        #expect(layout.scale.domain == 0.1...10)
        let mid = (layout.plotX0 + layout.plotX1) / 2
        #expect(abs(layout.scale(1) - mid) < 1e-9)
        #expect(abs((layout.scale(2) - layout.scale(1)) - (layout.scale(1) - layout.scale(0.5))) < 1e-9)
        let svg = SampleSpecs.forest.svg()
        let rx = SVGNumber.coordinate(mid)
        #expect(svg.contains("<line x1=\"\(rx)\" y1=\"\(SVGNumber.coordinate(layout.rowsTop))\" x2=\"\(rx)\""))
    }

    @Test func markersIntervalsAndArrowheadsMatchTheRows() {
        let svg = SampleSpecs.forest.svg()
        // 8 rows: 2 headers; 6 others of which "Not evaluable" has no estimate; "Overall" is a diamond.
        #expect(count("<g class=\"row\"", in: svg) == 6)
        #expect(count("<g class=\"row row-header\"", in: svg) == 2)
        #expect(count("class=\"ci\"", in: svg) == 4)
        #expect(count("<rect", in: svg) == 4)
        #expect(count("L", in: svg.components(separatedBy: "class=\"estimate\"")[0].components(separatedBy: "<path d=\"").last ?? "") == 3)
        // Only the 0.60–14.20 interval leaves the 0.1–10 axis, on the right.
        #expect(count("class=\"arrow\"", in: svg) == 1)
        #expect(svg.contains(">NE</text>"))
    }

    @Test func autoDomainKeepsTheReferenceInside() {
        let plot = ForestPlot(title: "x", rows: [ForestRow(label: "a", estimate: 0.5, lower: 0.3, upper: 0.9, text: "")],
                              leftLabel: "L", rightLabel: "R", id: "f")
        #expect(ForestPlot.Layout(plot).scale.domain == 0.2...2)
        var linear = plot
        linear.logScale = false
        linear.referenceLine = 0
        linear.rows = [ForestRow(label: "d", estimate: -0.12, lower: -0.3, upper: 0.05)]
        #expect(ForestPlot.Layout(linear).scale.domain == -0.3...0.1)
    }

    @Test func ticksOnTheLogAxisAreOneTwoFive() {
        let svg = SampleSpecs.forest.svg()
        for label in ["0.1", "0.2", "0.5", "1", "2", "5", "10"] {
            #expect(svg.contains(">\(label)</text>"))
        }
    }

    @Test func textIsEscapedAndXMLIsWellFormed() {
        var plot = SampleSpecs.forest
        plot.rows[2].label = "Age <40 & \"young\""
        plot.leftLabel = "Favours <A>"
        let svg = plot.svg()
        #expect(svg.contains(">Age &lt;40 &amp; &quot;young&quot;</text>"))
        #expect(svg.contains(">Favours &lt;A&gt;</text>"))
        #expect(XMLCheck.isWellFormed(svg))
        #expect(XMLCheck.isWellFormed(SampleSpecs.forest.svg()))
    }
}

@Suite("Bar chart")
struct BarChartTests {
    @Test func barWidthsAreProportionalToValues() {
        let chart = BarChart(title: "AE", xLabel: "%", groups: [BarGroup(label: "A", color: "#111"), BarGroup(label: "B", color: "#222")],
                             categories: [BarCategory(label: "Nausea", values: [0.2, 0.1]), BarCategory(label: "Rash", values: [nil, 0.05])],
                             valueAsPercent: true, id: "b")
        let layout = BarChart.Layout(chart)
        #expect(layout.x.domain == 0...0.2)
        #expect(layout.ticks == [0, 0.05, 0.1, 0.15, 0.2])
        let svg = chart.svg()
        let full = SVGNumber.coordinate(layout.plot.width)
        let half = SVGNumber.coordinate(layout.plot.width / 2)
        let quarter = SVGNumber.coordinate(layout.plot.width / 4)
        #expect(svg.contains("width=\"\(full)\" height=\"13\" fill=\"#111\""))
        #expect(svg.contains("width=\"\(half)\" height=\"13\" fill=\"#222\""))
        #expect(svg.contains("width=\"\(quarter)\" height=\"13\" fill=\"#222\""))
        // Three bars (nil draws none) plus two legend swatches.
        #expect(count("height=\"13\"", in: svg) == 3)
        #expect(count("<g class=\"category\"", in: svg) == 2)
        for label in ["0", "5", "10", "15", "20"] { #expect(svg.contains(">\(label)</text>")) }
    }

    @Test func sampleIsWellFormedAndEscaped() {
        var chart = SampleSpecs.adverseEvents
        chart.categories[0].label = "GVHD <grade 3> & worse"
        let svg = chart.svg()
        #expect(svg.contains(">GVHD &lt;grade 3&gt; &amp; worse</text>"))
        #expect(XMLCheck.isWellFormed(svg))
    }
}
