// A forest plot (subgroup or sensitivity analyses): a table of row labels and optional count
// columns on the left, point estimates with confidence intervals on a log (ratio) or linear axis
// with a reference line at the null value, the estimate text on the right, and "Favours …" labels
// under the axis. Intervals running off the axis end in arrowheads. Layout in ForestPlot+Layout.swift.

/// One line of a forest plot.
public struct ForestRow: Sendable {
    /// Row label (subgroup name, or a heading when ``isHeader``).
    public var label: String
    /// Point estimate; nil draws no marker (e.g. not estimable).
    public var estimate: Double?
    /// Lower confidence limit; nil draws no interval.
    public var lower: Double?
    /// Upper confidence limit; nil draws no interval.
    public var upper: Double?
    /// Text in the right-hand column, e.g. "0.62 (0.41–0.93)".
    public var text: String
    /// Values for the extra columns between the label and the plot (see ``ForestPlot/cellHeaders``).
    public var cells: [String]
    /// A bold heading row (no marker), e.g. "Age".
    public var isHeader: Bool
    /// Indentation level of the label (each level is one em).
    public var indent: Int
    /// Draw the estimate as a diamond spanning the interval (overall effect).
    public var isSummary: Bool
    /// Statistical weight of the estimate, e.g. the inverse variance 1/se² of a log hazard ratio. When
    /// rows have weights, each square's area is proportional to its weight (the largest is 14 units
    /// wide); rows without a weight keep the fixed 9-unit square.
    public var weight: Double?

    /// Creates a row.
    public init(label: String, estimate: Double? = nil, lower: Double? = nil, upper: Double? = nil, text: String = "",
                cells: [String] = [], isHeader: Bool = false, indent: Int = 0, isSummary: Bool = false, weight: Double? = nil) {
        self.label = label
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.text = text
        self.cells = cells
        self.isHeader = isHeader
        self.indent = indent
        self.isSummary = isSummary
        self.weight = weight.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
    }
}

/// A forest plot specification; ``svg()`` renders it as a self-contained inline SVG.
public struct ForestPlot: Sendable {
    /// Figure title (accessible name; also drawn when ``showsTitle``).
    public var title: String
    /// Rows top to bottom.
    public var rows: [ForestRow]
    /// Null-effect value where the vertical reference line is drawn.
    public var referenceLine: Double
    /// Log-scaled axis (ratios); linear otherwise (differences).
    public var logScale: Bool
    /// Text under the axis on the left of the reference line, e.g. "Favours blinatumomab".
    public var leftLabel: String
    /// Text under the axis on the right of the reference line, e.g. "Favours direct HSCT".
    public var rightLabel: String
    /// Heading of the label column.
    public var labelHeader: String
    /// Headings of the extra columns (``ForestRow/cells``).
    public var cellHeaders: [String]
    /// Heading of the right-hand text column.
    public var textHeader: String
    /// Optional axis title under the tick labels, e.g. "Hazard ratio (log scale)".
    public var xLabel: String?
    /// Axis domain; nil fits the intervals and the reference line to 1-2-5 ticks.
    public var xRange: ClosedRange<Double>?
    /// Marker and interval colour.
    public var color: String
    /// Draw the title inside the figure.
    public var showsTitle: Bool
    /// Long description for assistive technology; nil builds one from the rows.
    public var description: String?
    /// Document id prefix (unique per page); nil derives one from the title.
    public var id: String?
    /// Minimum viewBox width (the figure widens when its columns need more).
    public var width: Double

    /// Creates a forest plot.
    public init(title: String, rows: [ForestRow], referenceLine: Double = 1, logScale: Bool = true,
                leftLabel: String, rightLabel: String, labelHeader: String = "Subgroup", cellHeaders: [String] = [],
                textHeader: String = "Hazard ratio (95% CI)", xLabel: String? = nil, xRange: ClosedRange<Double>? = nil,
                color: String = "#000000", showsTitle: Bool = true, description: String? = nil, id: String? = nil,
                width: Double = 720) {
        self.title = title
        self.rows = rows
        self.referenceLine = referenceLine
        self.logScale = logScale
        self.leftLabel = leftLabel
        self.rightLabel = rightLabel
        self.labelHeader = labelHeader
        self.cellHeaders = cellHeaders
        self.textHeader = textHeader
        self.xLabel = xLabel
        self.xRange = xRange
        self.color = color
        self.showsTitle = showsTitle
        self.description = description
        self.id = id
        self.width = width
    }

    /// The plot as an SVG document string (byte-identical for identical specs).
    public func svg() -> String {
        let layout = Layout(self)
        return SVGDocument.render(id: id ?? SVGDocument.defaultID(for: title), width: layout.width,
                                  height: layout.height, title: title, description: description ?? defaultDescription,
                                  content: layout.content())
    }

    /// Summary of the rows for screen readers.
    var defaultDescription: String {
        let shown = rows.filter { !$0.isHeader && $0.estimate != nil }
        var text = "Forest plot of \(shown.count) estimates on a \(logScale ? "log" : "linear") scale with reference line at "
        text += SVGNumber.coordinate(referenceLine) + "; left of the line: \(leftLabel); right: \(rightLabel)."
        let items = shown.map { $0.text.isEmpty ? $0.label : "\($0.label): \($0.text)" }
        if !items.isEmpty { text += " " + items.joined(separator: "; ") + "." }
        return text
    }
}
