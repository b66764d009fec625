// A journal-style step chart (Kaplan–Meier or cumulative incidence, NEJM/Lancet layout): L-shaped
// axes with outward ticks, step curves with optional translucent CI bands and "+" censoring marks,
// dashed landmark lines, an in-plot key with the effect-estimate annotation, and the number-at-risk
// table under the x axis aligned with the ticks. Layout lives in StepChart+Layout.swift.

/// A step-function chart specification; ``svg()`` renders it as a self-contained inline SVG.
public struct StepChart: Sendable {
    /// Figure title (accessible name; also drawn above the plot when ``showsTitle``).
    public var title: String
    /// x-axis title, e.g. "Months since randomization".
    public var xLabel: String
    /// y-axis title, e.g. "Relapse-free survival (%)".
    public var yLabel: String
    /// Right end of the x axis (the axis starts at 0); curves, bands and marks are cut here.
    public var xMax: Double
    /// x-axis tick positions; empty means automatic 1-2-5 ticks over 0...xMax.
    public var xTicks: [Double]
    /// y-axis domain, normally 0...1; values outside are clamped.
    public var yRange: ClosedRange<Double>
    /// Print y tick labels as percentages (0.2 → "20").
    public var yAsPercent: Bool
    /// The curves, drawn in order (later series on top).
    public var series: [StepSeries]
    /// Optional number-at-risk table under the x axis.
    public var riskTable: RiskTable?
    /// Times of dashed vertical reference lines (e.g. a 24-month landmark).
    public var landmarks: [Double]
    /// Text drawn inside the plot under the legend, e.g. "HR 0.62 (95% CI 0.41–0.93); log-rank p = 0.021"; "\n" breaks lines.
    public var annotation: String?
    /// Explicit y tick positions; nil means automatic 1-2-5 ticks over ``yRange``.
    public var yTicks: [Double]?
    /// Draw the title inside the figure (turn off when the page prints it as a caption).
    public var showsTitle: Bool
    /// Long description for assistive technology; nil builds one from the spec.
    public var description: String?
    /// Document id prefix (unique per page); nil derives one from the title.
    public var id: String?
    /// Width of the viewBox in units (the SVG scales to its container).
    public var width: Double
    /// Height of the plotting area in viewBox units.
    public var plotHeight: Double

    /// Creates a step chart; `yRange` defaults to 0...1 shown as percentages.
    public init(title: String, xLabel: String, yLabel: String, xMax: Double, xTicks: [Double] = [],
                yRange: ClosedRange<Double> = 0...1, yAsPercent: Bool = true, series: [StepSeries],
                riskTable: RiskTable? = nil, landmarks: [Double] = [], annotation: String? = nil,
                yTicks: [Double]? = nil, showsTitle: Bool = true, description: String? = nil, id: String? = nil,
                width: Double = 720, plotHeight: Double = 340) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xMax = xMax
        self.xTicks = xTicks
        self.yRange = yRange
        self.yAsPercent = yAsPercent
        self.series = series
        self.riskTable = riskTable
        self.landmarks = landmarks
        self.annotation = annotation
        self.yTicks = yTicks
        self.showsTitle = showsTitle
        self.description = description
        self.id = id
        self.width = width
        self.plotHeight = plotHeight
    }

    /// The chart as an SVG document string (byte-identical for identical specs).
    public func svg() -> String {
        let layout = Layout(self)
        var content: [SVGElement] = []
        if showsTitle && !title.isEmpty {
            content.append(SVG.text(title, x: Layout.pad, y: Layout.pad + 15,
                                    [("class", "title"), ("font-size", "16"), ("font-weight", "bold")]))
        }
        content.append(contentsOf: layout.landmarkLines())
        content.append(contentsOf: layout.seriesGroups())
        content.append(contentsOf: layout.keyBlocks())
        content.append(contentsOf: layout.axes())
        if let table = layout.riskTableGroup() { content.append(table) }
        return SVGDocument.render(id: id ?? SVGDocument.defaultID(for: title), width: width, height: layout.height,
                                  title: title, description: description ?? defaultDescription, content: content)
    }

    /// A sentence-level summary of the chart for screen readers.
    var defaultDescription: String {
        let labels = series.map(\.label).filter { !$0.isEmpty }
        var text = "Step chart of \(yLabel) against \(xLabel) from 0 to \(SVGNumber.coordinate(xMax))"
        if !labels.isEmpty { text += " for \(labels.joined(separator: ", "))" }
        text += "."
        if let annotation, !annotation.isEmpty { text += " " + annotation.replacingNewlines + "." }
        if riskTable != nil { text += " Numbers at risk are shown below the x axis." }
        return text
    }
}

extension String {
    /// Newlines replaced by "; " for single-line contexts.
    var replacingNewlines: String { split(separator: "\n").joined(separator: "; ") }
}
