// Axis drawing shared by the charts: a single black axis line, outward tick marks of 5 units and
// tick labels in the body font; journal style (no box, no grid).

/// Builders for bottom and left axes from precomputed tick positions.
enum Axes {
    /// Tick mark length in viewBox units.
    static let tickLength = 5.0
    /// Tick label font size.
    static let tickFontSize = 13.0
    /// Axis title font size.
    static let labelFontSize = 14.0

    /// A horizontal axis at height `y` from `x0` to `x1`, ticks at pixel positions with labels below.
    static func bottom(y: Double, x0: Double, x1: Double, ticks: [(position: Double, label: String)]) -> SVGElement {
        var children: [SVGElement] = [
            SVG.line(x1: x0, y1: y, x2: x1, y2: y, [("stroke", Palette.axis)])
        ]
        if !ticks.isEmpty {
            let d = ticks.map { "M\(SVGNumber.coordinate($0.position)) \(SVGNumber.coordinate(y))v\(SVGNumber.coordinate(tickLength))" }
            children.append(SVG.path(d.joined(), [("stroke", Palette.axis), ("fill", "none")]))
            children.append(SVG.group([("text-anchor", "middle")], ticks.map {
                SVG.text($0.label, x: $0.position, y: y + tickLength + tickFontSize + 2)
            }))
        }
        return SVG.group([("class", "axis axis-x"), ("stroke-width", "1")], children)
    }

    /// A vertical axis at `x` from `y0` (top) to `y1` (bottom), ticks at pixel positions with labels to the left.
    static func left(x: Double, y0: Double, y1: Double, ticks: [(position: Double, label: String)]) -> SVGElement {
        var children: [SVGElement] = [
            SVG.line(x1: x, y1: y0, x2: x, y2: y1, [("stroke", Palette.axis)])
        ]
        if !ticks.isEmpty {
            let d = ticks.map { "M\(SVGNumber.coordinate(x)) \(SVGNumber.coordinate($0.position))h\(SVGNumber.coordinate(-tickLength))" }
            children.append(SVG.path(d.joined(), [("stroke", Palette.axis), ("fill", "none")]))
            children.append(SVG.group([("text-anchor", "end")], ticks.map {
                SVG.text($0.label, x: x - tickLength - 3, y: $0.position + tickFontSize * 0.35)
            }))
        }
        return SVG.group([("class", "axis axis-y"), ("stroke-width", "1")], children)
    }

    /// Widest estimated tick label.
    static func maxLabelWidth(_ labels: [String]) -> Double {
        labels.map { TextMetrics.width($0, fontSize: tickFontSize) }.max() ?? 0
    }
}
