// Geometry of a ForestPlot: column widths from estimated text widths, the plot column filling the
// remaining width, one 22-unit row per ForestRow, and the axis with "Favours" labels underneath.

extension ForestPlot {
    struct Layout {
        static let pad = 10.0
        static let fontSize = 13.0
        static let rowHeight = 22.0
        static let gap = 16.0
        static let indentWidth = 13.0

        let plot: ForestPlot
        let width: Double
        let height: Double
        let top: Double
        let rowsTop: Double
        let cellRights: [Double]
        let plotX0: Double
        let plotX1: Double
        let textX: Double
        let scale: AxisScale
        let axisY: Double
        /// Wrapped "Favours" text left of the reference line (right-aligned against it) and right of it.
        let leftLines: [String]
        let rightLines: [String]

        init(_ plot: ForestPlot) {
            self.plot = plot
            let f = Self.fontSize
            let labelWidth = max(
                TextMetrics.width(plot.labelHeader, fontSize: f, bold: true),
                plot.rows.map { TextMetrics.width($0.label, fontSize: f, bold: $0.isHeader) + Double($0.indent) * Self.indentWidth }.max() ?? 0)
            let cellWidths = plot.cellHeaders.indices.map { c in
                max(TextMetrics.width(plot.cellHeaders[c], fontSize: f, bold: true),
                    plot.rows.map { c < $0.cells.count ? TextMetrics.width($0.cells[c], fontSize: f) : 0 }.max() ?? 0)
            }
            let textWidth = max(TextMetrics.width(plot.textHeader, fontSize: f, bold: true),
                                plot.rows.map { TextMetrics.width($0.text, fontSize: f) }.max() ?? 0)
            var x = Self.pad + labelWidth
            var rights: [Double] = []
            for w in cellWidths {
                x += Self.gap + w
                rights.append(x)
            }
            cellRights = rights
            let fixed = x + Self.gap + Self.gap + textWidth + Self.pad
            let plotWidth = max(plot.width - fixed, 220)
            plotX0 = x + Self.gap
            plotX1 = plotX0 + plotWidth
            textX = plotX1 + Self.gap
            width = (fixed + plotWidth).rounded(.up)

            var values = [plot.referenceLine]
            for row in plot.rows where !row.isHeader {
                values += [row.estimate, row.lower, row.upper].compactMap { $0 }
            }
            let domain = plot.xRange ?? AxisScale.niceDomain(values, log: plot.logScale, interior: plot.referenceLine)
            let scale: AxisScale = plot.logScale && domain.lowerBound > 0
                ? .log(LogScale(domain: domain, start: plotX0, end: plotX1))
                : .linear(LinearScale(domain: domain, start: plotX0, end: plotX1))
            self.scale = scale
            let rx = scale.accepts(plot.referenceLine) ? scale.clamped(plot.referenceLine) : plotX0
            leftLines = plot.leftLabel.isEmpty ? [] : TextMetrics.wrap(plot.leftLabel, maxWidth: max(rx - Self.pad - 8, 60), fontSize: f)
            rightLines = plot.rightLabel.isEmpty ? [] : TextMetrics.wrap(plot.rightLabel, maxWidth: max(width - Self.pad - rx - 8, 60), fontSize: f)

            top = Self.pad + (plot.showsTitle && !plot.title.isEmpty ? 32 : 0)
            rowsTop = top + 26
            axisY = rowsTop + Double(plot.rows.count) * Self.rowHeight + 4
            let favours = max(leftLines.count, rightLines.count)
            var bottom = axisY + Axes.tickLength + Axes.tickFontSize + 2
            if let label = plot.xLabel, !label.isEmpty { bottom += 20 }
            if favours > 0 { bottom += 8 + Double(favours) * 16 + 8 }
            height = (bottom + Self.pad).rounded(.up)
        }

        func rowCenter(_ i: Int) -> Double { rowsTop + (Double(i) + 0.5) * Self.rowHeight }

        func content() -> [SVGElement] {
            var out: [SVGElement] = []
            if plot.showsTitle && !plot.title.isEmpty {
                out.append(SVG.text(plot.title, x: Self.pad, y: Self.pad + 15,
                                    [("class", "title"), ("font-size", "16"), ("font-weight", "bold")]))
            }
            out.append(header())
            if scale.accepts(plot.referenceLine) {
                let rx = scale.clamped(plot.referenceLine)
                out.append(SVG.line(x1: rx, y1: rowsTop, x2: rx, y2: axisY,
                                    [("class", "reference"), ("stroke", Palette.reference), ("stroke-width", "1")]))
            }
            out.append(rowsGroup())
            out.append(contentsOf: axis())
            return out
        }

        /// Column headings in bold and a rule under them.
        func header() -> SVGElement {
            let baseline = top + 16
            var children: [SVGElement] = [SVG.text(plot.labelHeader, x: Self.pad, y: baseline)]
            for (c, title) in plot.cellHeaders.enumerated() {
                children.append(SVG.text(title, x: cellRights[c], y: baseline, [("text-anchor", "end")]))
            }
            children.append(SVG.text(plot.textHeader, x: textX, y: baseline))
            children.append(SVG.line(x1: Self.pad, y1: top + 23, x2: width - Self.pad, y2: top + 23,
                                     [("stroke", Palette.axis), ("stroke-width", "0.75")]))
            return SVG.group([("class", "header"), ("font-weight", "bold")], children)
        }

        /// One group per row: label, cells, interval, marker and text.
        func rowsGroup() -> SVGElement {
            var groups: [SVGElement] = []
            for (i, row) in plot.rows.enumerated() {
                let cy = rowCenter(i)
                let baseline = cy + Self.fontSize * 0.35
                var labelAttributes: [(String, String)] = []
                if row.isHeader { labelAttributes.append(("font-weight", "bold")) }
                var children = [SVG.text(row.label, x: Self.pad + Double(row.indent) * Self.indentWidth, y: baseline, labelAttributes)]
                for (c, cell) in row.cells.enumerated() where c < cellRights.count {
                    children.append(SVG.text(cell, x: cellRights[c], y: baseline, [("text-anchor", "end")]))
                }
                if !row.isHeader { children.append(contentsOf: marks(row, cy: cy)) }
                if !row.text.isEmpty { children.append(SVG.text(row.text, x: textX, y: baseline)) }
                groups.append(SVG.group([("class", row.isHeader ? "row row-header" : "row")], children))
            }
            return SVG.group([("class", "rows")], groups)
        }

        /// Interval line (with arrowheads where it leaves the axis) and the square or diamond marker.
        func marks(_ row: ForestRow, cy: Double) -> [SVGElement] {
            var out: [SVGElement] = []
            let c = SVGNumber.coordinate
            let d = scale.domain
            if let lo = row.lower, let hi = row.upper, scale.accepts(lo), scale.accepts(hi), !row.isSummary,
               hi >= d.lowerBound, lo <= d.upperBound {
                let x0 = scale.clamped(lo)
                let x1 = scale.clamped(hi)
                out.append(SVG.line(x1: x0, y1: cy, x2: x1, y2: cy, [("class", "ci"), ("stroke", plot.color), ("stroke-width", "1.5")]))
                var heads = ""
                if lo < d.lowerBound { heads += "M\(c(x0)) \(c(cy))l7 -4v8Z" }
                if hi > d.upperBound { heads += "M\(c(x1)) \(c(cy))l-7 -4v8Z" }
                if !heads.isEmpty { out.append(SVG.path(heads, [("class", "arrow"), ("fill", plot.color)])) }
            }
            guard let est = row.estimate, scale.accepts(est), d.contains(est) else { return out }
            let ex = scale(est)
            if row.isSummary, let lo = row.lower, let hi = row.upper, scale.accepts(lo), scale.accepts(hi) {
                let x0 = scale.clamped(lo)
                let x1 = scale.clamped(hi)
                out.append(SVG.path("M\(c(x0)) \(c(cy))L\(c(ex)) \(c(cy - 7))L\(c(x1)) \(c(cy))L\(c(ex)) \(c(cy + 7))Z",
                                    [("class", "estimate"), ("fill", plot.color)]))
            } else {
                let side = markerSide(row)
                out.append(SVG.rect(Rect(x: ex - side / 2, y: cy - side / 2, width: side, height: side),
                                    [("class", "estimate"), ("fill", plot.color)]))
            }
            return out
        }

        /// Side of a row's square: 9 without a weight; with one, area ∝ weight, the heaviest row 14 wide
        /// and none narrower than 3 (so a tiny weight stays visible).
        func markerSide(_ row: ForestRow) -> Double {
            guard let w = row.weight, let heaviest = plot.rows.compactMap(\.weight).max() else { return 9 }
            return max(3, 14 * (w / heaviest).squareRoot())
        }

        /// The x axis with tick labels, optional title and the two "Favours" labels with outward arrows.
        func axis() -> [SVGElement] {
            let d = scale.domain
            let values: [Double]
            switch scale {
            case .log: values = NiceTicks.logTicks(lower: d.lowerBound, upper: d.upperBound)
            case .linear: values = NiceTicks.ticks(lower: d.lowerBound, upper: d.upperBound, count: 5)
            }
            let ticks = values.map { v in (position: scale(v), label: SVGNumber.fixed(v, digits: min(NiceTicks.decimals(forStep: v), 3))) }
            var out = [Axes.bottom(y: axisY, x0: plotX0, x1: plotX1, ticks: ticks)]
            var y = axisY + Axes.tickLength + Axes.tickFontSize + 2
            if let label = plot.xLabel, !label.isEmpty {
                y += 20
                out.append(SVG.text(label, x: (plotX0 + plotX1) / 2, y: y, [("class", "axis-title"), ("text-anchor", "middle")]))
            }
            guard scale.accepts(plot.referenceLine) else { return out }
            let rx = scale.clamped(plot.referenceLine)
            var children: [SVGElement] = []
            let c = SVGNumber.coordinate
            let arrowY = y + 10
            let firstBaseline = arrowY + 16
            for (k, line) in leftLines.enumerated() {
                children.append(SVG.text(line, x: rx - 8, y: firstBaseline + Double(k) * 16, [("text-anchor", "end")]))
            }
            for (k, line) in rightLines.enumerated() {
                children.append(SVG.text(line, x: rx + 8, y: firstBaseline + Double(k) * 16))
            }
            var arrows = ""
            if !leftLines.isEmpty { arrows += "M\(c(rx - 8)) \(c(arrowY))H\(c(rx - 48))m6 -4l-6 4l6 4" }
            if !rightLines.isEmpty { arrows += "M\(c(rx + 8)) \(c(arrowY))H\(c(rx + 48))m-6 -4l6 4l-6 4" }
            if !arrows.isEmpty {
                children.append(SVG.path(arrows, [("fill", "none"), ("stroke", Palette.axis), ("stroke-width", "1")]))
            }
            out.append(SVG.group([("class", "favours")], children))
            return out
        }
    }
}
