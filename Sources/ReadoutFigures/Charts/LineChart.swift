// A generic line-and-point chart: straight-line series over a linear x and y scale, each point marked,
// with an optional dashed style, a horizontal reference line and a key. Used for group-sequential
// boundary plots (z against information fraction) but knows nothing about trials.

/// One series: points joined by straight lines (or points only), in a colour, solid or dashed.
public struct LineSeries: Sendable, Equatable {
    public var label: String
    public var color: String
    public var points: [(x: Double, y: Double)]
    public var dashed: Bool
    /// Join the points with lines (false: markers only).
    public var joined: Bool
    /// Marker: `circle` (filled) or `square` (open).
    public var marker: Marker

    public enum Marker: Sendable, Equatable { case circle, square }

    public init(label: String, color: String, points: [(x: Double, y: Double)], dashed: Bool = false, joined: Bool = true,
                marker: Marker = .circle) {
        self.label = label
        self.color = color
        self.points = points
        self.dashed = dashed
        self.joined = joined
        self.marker = marker
    }

    public static func == (a: LineSeries, b: LineSeries) -> Bool {
        a.label == b.label && a.color == b.color && a.dashed == b.dashed && a.joined == b.joined && a.marker == b.marker
            && a.points.count == b.points.count && zip(a.points, b.points).allSatisfy { $0.x == $1.x && $0.y == $1.y }
    }
}

/// A line chart spec. Non-finite points are left out; the y range covers every point and `yInclude`.
public struct LineChart: Sendable {
    public var title: String
    public var description: String
    public var xLabel: String
    public var yLabel: String
    public var xRange: ClosedRange<Double>
    public var xTicks: [Double]
    public var xTickDigits: Int
    public var series: [LineSeries]
    /// Values the y axis must show (e.g. 0).
    public var yInclude: [Double]
    /// A thin grey horizontal line at this y (e.g. z = 0).
    public var referenceY: Double?
    public var id: String

    public init(title: String, description: String, xLabel: String, yLabel: String, xRange: ClosedRange<Double>, xTicks: [Double],
                xTickDigits: Int = 1, series: [LineSeries], yInclude: [Double] = [], referenceY: Double? = nil, id: String? = nil) {
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xRange = xRange
        self.xTicks = xTicks
        self.xTickDigits = xTickDigits
        self.series = series
        self.yInclude = yInclude
        self.referenceY = referenceY
        self.id = id ?? SVGDocument.defaultID(for: title)
    }

    static let width = 640.0
    static let plotHeight = 300.0
    static let margin = 12.0

    public func svg() -> String {
        let finite = series.flatMap { $0.points.filter { $0.x.isFinite && $0.y.isFinite } }
        let ys = finite.map(\.y) + yInclude.filter(\.isFinite)
        let low = ys.min() ?? 0, high = ys.max() ?? 1
        let pad = max((high - low) * 0.08, 0.1)
        let yTicks = NiceTicks.ticks(lower: low - pad, upper: high + pad, count: 6)
        let yDomain = (min(yTicks.first ?? low, low - pad))...(max(yTicks.last ?? high, high + pad))
        let yDigits = NiceTicks.decimals(forStep: yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1)
        let yLabels = yTicks.map { SVGNumber.fixed($0, digits: yDigits) }
        let left = Self.margin + Axes.labelFontSize + 8 + Axes.maxLabelWidth(yLabels) + Axes.tickLength + 4
        let right = Self.width - Self.margin - 8
        let top = Self.margin + 4
        let bottom = top + Self.plotHeight
        let x = LinearScale(domain: xRange, start: left, end: right)
        let y = LinearScale(domain: yDomain, start: bottom, end: top)

        var content: [SVGElement] = []
        if let ref = referenceY, yDomain.contains(ref) {
            content.append(SVG.line(x1: left, y1: y(ref), x2: right, y2: y(ref), [("stroke", Palette.reference), ("stroke-width", "1")]))
        }
        for (index, s) in series.enumerated() {
            let points = s.points.filter { $0.x.isFinite && $0.y.isFinite && xRange.contains($0.x) }
            var children: [SVGElement] = []
            if s.joined, points.count > 1 {
                let d = points.enumerated().map { i, p in (i == 0 ? "M" : "L") + "\(SVGNumber.coordinate(x(p.x))) \(SVGNumber.coordinate(y(p.y)))" }
                var attributes = [("fill", "none"), ("stroke", s.color), ("stroke-width", "2")]
                if s.dashed { attributes.append(("stroke-dasharray", "6 4")) }
                children.append(SVG.path(d.joined(), attributes))
            }
            for p in points {
                let cx = x(p.x), cy = y(p.y)
                switch s.marker {
                case .circle:
                    children.append(SVGElement("circle", [("cx", SVGNumber.coordinate(cx)), ("cy", SVGNumber.coordinate(cy)), ("r", "4"),
                                                          ("fill", s.color)]))
                case .square:
                    children.append(SVG.rect(Rect(x: cx - 4, y: cy - 4, width: 8, height: 8), [("fill", "#FFFFFF"), ("stroke", s.color), ("stroke-width", "2")]))
                }
            }
            content.append(SVG.group([("class", "series series-\(index)")], children))
        }
        content.append(Axes.bottom(y: bottom, x0: left, x1: right, ticks: xTicks.map { (x($0), SVGNumber.fixed($0, digits: xTickDigits)) }))
        content.append(Axes.left(x: left, y0: top, y1: bottom, ticks: zip(yTicks, yLabels).map { (y($0), $1) }))
        let xTitleY = bottom + Axes.tickLength + Axes.tickFontSize + 2 + Axes.labelFontSize + 8
        content.append(SVG.text(xLabel, x: (left + right) / 2, y: xTitleY, [("text-anchor", "middle"), ("font-size", "14")]))
        let yTitleX = Self.margin + Axes.labelFontSize
        content.append(SVG.text(yLabel, x: yTitleX, y: (top + bottom) / 2,
                                [("text-anchor", "middle"), ("font-size", "14"),
                                 ("transform", "rotate(-90 \(SVGNumber.coordinate(yTitleX)) \(SVGNumber.coordinate((top + bottom) / 2)))")]))
        // Key: one row per series under the x-axis title.
        var keyY = xTitleY + 24
        var keyItems: [SVGElement] = []
        var keyX = left
        for s in series {
            let width = 28 + TextMetrics.width(s.label, fontSize: 13) + 18
            if keyX + width > right, keyX > left { keyX = left; keyY += 20 }
            var sample: [SVGElement] = []
            if s.joined {
                var attributes = [("stroke", s.color), ("stroke-width", "2")]
                if s.dashed { attributes.append(("stroke-dasharray", "6 4")) }
                sample.append(SVG.line(x1: keyX, y1: keyY - 4, x2: keyX + 22, y2: keyY - 4, attributes))
            }
            switch s.marker {
            case .circle:
                sample.append(SVGElement("circle", [("cx", SVGNumber.coordinate(keyX + 11)), ("cy", SVGNumber.coordinate(keyY - 4)), ("r", "4"), ("fill", s.color)]))
            case .square:
                sample.append(SVG.rect(Rect(x: keyX + 7, y: keyY - 8, width: 8, height: 8), [("fill", "#FFFFFF"), ("stroke", s.color), ("stroke-width", "2")]))
            }
            keyItems += sample
            keyItems.append(SVG.text(s.label, x: keyX + 28, y: keyY))
            keyX += width
        }
        content.append(SVG.group([("class", "key")], keyItems))
        return SVGDocument.render(id: id, width: Self.width, height: keyY + Self.margin, title: title, description: description, content: content)
    }
}
