// Geometry of a StepChart: margins sized from estimated label widths (y tick labels, risk-table
// row labels), the plot rectangle, scales, and the builders for each layer of the figure.

extension StepChart {
    /// Computed positions and scales for one render.
    struct Layout {
        static let pad = 10.0
        static let riskRowHeight = 19.0
        static let riskFontSize = 13.0
        static let swatch = 16.0

        let chart: StepChart
        let plot: Rect
        let x: LinearScale
        let y: LinearScale
        let xTicks: [(position: Double, label: String)]
        let yTicks: [(position: Double, label: String)]
        let yTickWidth: Double
        let xLabelBaseline: Double
        let riskHeadingBaseline: Double
        let height: Double
        let steps: [[StepSeries.Step]]
        /// The legend/annotation blocks and where they go (empty when there is nothing to show).
        let keys: [(block: KeyBlock, frame: Rect, backing: Bool)]

        init(_ chart: StepChart) {
            self.chart = chart
            let xMax = chart.xMax > 0 && chart.xMax.isFinite ? chart.xMax : 1
            let xValues = (chart.xTicks.isEmpty ? NiceTicks.ticks(lower: 0, upper: xMax, count: 6) : chart.xTicks)
                .filter { $0 >= 0 && $0 <= xMax * (1 + 1e-9) }
            let xDigits = min(xValues.map { NiceTicks.decimals(forStep: $0) }.max() ?? 0, 2)
            let yLow = chart.yRange.lowerBound
            let yHigh = chart.yRange.upperBound > yLow ? chart.yRange.upperBound : yLow + 1
            let yValues = (chart.yTicks ?? NiceTicks.ticks(lower: yLow, upper: yHigh, count: 5))
                .filter { $0 >= yLow - 1e-9 && $0 <= yHigh + 1e-9 }
            let scale = chart.yAsPercent ? 100.0 : 1.0
            let yDigits = min(yValues.map { NiceTicks.decimals(forStep: NiceTicks.tidy($0 * scale, digits: 6)) }.max() ?? 0, 2)
            let yLabels = yValues.map { SVGNumber.fixed($0 * scale, digits: yDigits) }
            let xLabels = xValues.map { SVGNumber.fixed($0, digits: xDigits) }
            yTickWidth = Axes.maxLabelWidth(yLabels)

            // Left margin: room for the y label, tick labels and ticks, or for risk-table labels.
            let axisNeed = Axes.tickLength + 3 + yTickWidth + 10 + Axes.labelFontSize
            var riskNeed = 0.0
            if let table = chart.riskTable {
                riskNeed = table.rows.map { Self.swatch + 6 + TextMetrics.width($0.label, fontSize: Self.riskFontSize) }.max() ?? 0
                let widestCount = table.rows.compactMap { $0.counts.first }.map { TextMetrics.width(String($0), fontSize: Self.riskFontSize) }.max() ?? 0
                riskNeed = max(riskNeed + 12 + widestCount / 2, TextMetrics.width(table.heading, fontSize: Self.riskFontSize, bold: true) + 12)
            }
            let left = Self.pad + max(axisNeed, riskNeed)
            // Right margin: half the widest label centred at the axis end.
            var rightHalf = (xLabels.last.map { TextMetrics.width($0, fontSize: Axes.tickFontSize) } ?? 0) / 2
            if let table = chart.riskTable {
                let widest = table.rows.flatMap(\.counts).map { TextMetrics.width(String($0), fontSize: Self.riskFontSize) }.max() ?? 0
                rightHalf = max(rightHalf, widest / 2)
            }
            let right = chart.width - Self.pad - max(rightHalf, 14)
            let top = Self.pad + (chart.showsTitle && !chart.title.isEmpty ? 32 : 0) + 8
            let steps = chart.series.map { $0.sortedSteps() }
            self.steps = steps
            let yDomain = yLow...yHigh
            func scales(_ plot: Rect) -> (LinearScale, LinearScale) {
                (LinearScale(domain: 0...xMax, start: plot.x, end: plot.maxX),
                 LinearScale(domain: yDomain, start: plot.maxY, end: plot.y))
            }
            var plot = Rect(x: left, y: top, width: max(right - left, 10), height: chart.plotHeight)

            // Key inside the plot in free space (FreeSpace: no curve, band, censoring mark or landmark
            // line under it): legend and annotation as one block, else as two blocks placed one after
            // the other (the second avoids the first); otherwise both above the plot, entries in a row.
            let entries = chart.series.map {
                KeyBlock.Entry(label: $0.label, color: $0.color,
                               swatch: .line($0.lineStyle, band: $0.lower != nil && $0.upper != nil))
            }
            let inside = KeyBlock(entries: entries, annotation: chart.annotation, maxWidth: plot.width * 0.62)
            var keys: [(block: KeyBlock, frame: Rect, backing: Bool)] = []
            if !inside.isEmpty {
                let (xs, ys) = scales(plot)
                let obstacles = Self.obstacles(chart, steps: steps, x: xs, y: ys)
                var space = FreeSpace(bounds: LayoutBox(plot).inset(by: 6), obstacles: obstacles)
                if let frame = space.place(width: inside.width, height: inside.height) {
                    keys = [(inside, frame.rect, true)]
                } else {
                    var split = FreeSpace(bounds: space.bounds, obstacles: obstacles)
                    let parts = [KeyBlock(entries: entries, annotation: nil, maxWidth: plot.width * 0.62),
                                 KeyBlock(entries: [], annotation: chart.annotation, maxWidth: plot.width * 0.62)].filter { !$0.isEmpty }
                    let frames = parts.map { split.place(width: $0.width, height: $0.height) }
                    if frames.allSatisfy({ $0 != nil }) {
                        keys = zip(parts, frames).map { ($0, $1!.rect, true) }
                    } else {
                        let above = KeyBlock(entries: entries, annotation: chart.annotation, maxWidth: plot.width, inRow: true)
                        keys = [(above, Rect(x: plot.x - KeyBlock.padding, y: top - 6, width: above.width, height: above.height), false)]
                        plot.y += above.height + 2
                    }
                }
            }
            self.keys = keys
            self.plot = plot
            let (xs, ys) = scales(plot)
            x = xs
            y = ys
            xTicks = zip(xValues, xLabels).map { (xs($0), $1) }
            yTicks = zip(yValues, yLabels).map { (ys($0), $1) }
            xLabelBaseline = plot.maxY + Axes.tickLength + Axes.tickFontSize + 2 + 26
            riskHeadingBaseline = xLabelBaseline + (chart.xLabel.isEmpty ? 0 : 30)
            var bottom = chart.xLabel.isEmpty ? plot.maxY + Axes.tickLength + Axes.tickFontSize + 2 : xLabelBaseline
            if let table = chart.riskTable {
                bottom = riskHeadingBaseline + Double(table.rows.count) * Self.riskRowHeight
            }
            height = (bottom + Self.pad).rounded(.up)
        }

        /// Dashed vertical reference lines at the landmark times inside the x domain.
        func landmarkLines() -> [SVGElement] {
            let lines = chart.landmarks.filter { $0 > x.domain.lowerBound && $0 <= x.domain.upperBound }.sorted().map {
                SVG.line(x1: x($0), y1: plot.y, x2: x($0), y2: plot.maxY)
            }
            guard !lines.isEmpty else { return [] }
            return [SVG.group([("class", "landmarks"), ("stroke", Palette.reference), ("stroke-width", "1"),
                               ("stroke-dasharray", "4 3")], lines)]
        }

        /// One group per series: band (if any), curve, censoring marks.
        func seriesGroups() -> [SVGElement] {
            zip(chart.series, steps).map { series, steps in
                var children: [SVGElement] = []
                let end = series.resolvedEnd
                let band = StepMarks.band(steps: steps, end: end, x: x, y: y)
                if !band.isEmpty {
                    children.append(SVG.path(band, [("class", "band"), ("fill", series.color), ("fill-opacity", "0.18"),
                                                    ("stroke", "none")]))
                }
                var curve: [(String, String)] = [("class", "curve"), ("fill", "none"), ("stroke", series.color),
                                                 ("stroke-width", "2.25")]
                if let dash = series.lineStyle.dashArray { curve.append(("stroke-dasharray", dash)) }
                children.append(SVG.path(StepMarks.curve(start: series.start, steps: steps, end: end, x: x, y: y), curve))
                let marks = StepMarks.censorMarks(series, steps: steps, x: x, y: y)
                if !marks.isEmpty {
                    children.append(SVG.path(marks, [("class", "censor"), ("fill", "none"), ("stroke", series.color),
                                                     ("stroke-width", "1.25")]))
                }
                return SVG.group([("class", "series")], children)
            }
        }

        /// The legend and annotation blocks at their computed places.
        func keyBlocks() -> [SVGElement] {
            keys.map { $0.block.render(in: $0.frame, backing: $0.backing) }
        }

        /// The key blocks' boxes, in viewBox units.
        var keyBoxes: [LayoutBox] { keys.map { LayoutBox($0.frame) } }
        /// Whether the key sits inside the plot.
        var keyInside: Bool { keys.first?.backing ?? false }
        /// What the plot draws, as layout obstacles at the final scales.
        var plotObstacles: [LayoutObstacle] { Self.obstacles(chart, steps: steps, x: x, y: y) }

        /// Both axes and their titles.
        func axes() -> [SVGElement] {
            var out = [
                Axes.bottom(y: plot.maxY, x0: plot.x, x1: plot.maxX, ticks: xTicks),
                Axes.left(x: plot.x, y0: plot.y, y1: plot.maxY, ticks: yTicks),
            ]
            let labelSize = SVGNumber.coordinate(Axes.labelFontSize)
            if !chart.xLabel.isEmpty {
                out.append(SVG.text(chart.xLabel, x: plot.x + plot.width / 2, y: xLabelBaseline,
                                    [("class", "axis-title"), ("text-anchor", "middle"), ("font-size", labelSize)]))
            }
            if !chart.yLabel.isEmpty {
                let lx = plot.x - Axes.tickLength - 3 - yTickWidth - 10
                let ly = plot.y + plot.height / 2
                out.append(SVG.text(chart.yLabel, x: lx, y: ly, [
                    ("class", "axis-title"), ("text-anchor", "middle"), ("font-size", labelSize),
                    ("transform", "rotate(-90 \(SVGNumber.coordinate(lx)) \(SVGNumber.coordinate(ly)))"),
                ]))
            }
            return out
        }

        /// "No. at risk" heading and one row per group: a line swatch, the label, and counts centred under their times.
        func riskTableGroup() -> SVGElement? {
            guard let table = chart.riskTable, !table.rows.isEmpty else { return nil }
            let fontSize = SVGNumber.coordinate(Self.riskFontSize)
            var children: [SVGElement] = [
                SVG.text(table.heading, x: Self.pad, y: riskHeadingBaseline, [("font-weight", "bold")])
            ]
            for (i, row) in table.rows.enumerated() {
                let baseline = riskHeadingBaseline + Double(i + 1) * Self.riskRowHeight
                let mid = baseline - Self.riskFontSize * 0.35
                let style = chart.series.first { $0.label == row.label }?.lineStyle
                    ?? (i < chart.series.count ? chart.series[i].lineStyle : .solid)
                var stroke: [(String, String)] = [("stroke", row.color), ("stroke-width", "2.25")]
                if let dash = style.dashArray { stroke.append(("stroke-dasharray", dash)) }
                var cells: [SVGElement] = [
                    SVG.line(x1: Self.pad, y1: mid, x2: Self.pad + Self.swatch, y2: mid, stroke),
                    SVG.text(row.label, x: Self.pad + Self.swatch + 6, y: baseline),
                ]
                var counts: [SVGElement] = []
                for (t, n) in zip(table.times, row.counts) where t >= x.domain.lowerBound && t <= x.domain.upperBound * (1 + 1e-9) {
                    counts.append(SVG.text(String(n), x: x(t), y: baseline))
                }
                if !counts.isEmpty { cells.append(SVG.group([("text-anchor", "middle")], counts)) }
                children.append(SVG.group([("class", "risk-row")], cells))
            }
            return SVG.group([("class", "risk-table"), ("font-size", fontSize)], children)
        }
    }
}
