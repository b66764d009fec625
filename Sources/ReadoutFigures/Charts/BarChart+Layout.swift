// Geometry of a BarChart: label column sized to the (wrapped) category labels, legend row on top,
// blocks of 13-unit bars separated by 12 units, value texts after the bars, axis at the bottom.

extension BarChart {
    struct Layout {
        static let pad = 10.0
        static let fontSize = 13.0
        static let valueFontSize = 11.5
        static let barHeight = 13.0
        static let barGap = 2.0
        static let blockGap = 12.0
        static let labelLineHeight = 15.0

        let chart: BarChart
        let labels: [[String]]
        let plot: Rect
        let x: LinearScale
        let ticks: [Double]
        let legend: KeyBlock?
        let legendY: Double
        let blockTops: [Double]
        let blockHeights: [Double]
        let height: Double

        init(_ chart: BarChart) {
            self.chart = chart
            let maxLabel = min(220, chart.width * 0.32)
            labels = chart.categories.map { TextMetrics.wrap($0.label, maxWidth: maxLabel, fontSize: Self.fontSize) }
            let labelWidth = labels.flatMap { $0 }.map { TextMetrics.width($0, fontSize: Self.fontSize) }.max() ?? 0
            let textWidth = chart.categories.flatMap(\.texts).map { TextMetrics.width($0, fontSize: Self.valueFontSize) }.max() ?? 0
            let left = Self.pad + labelWidth + 12
            let right = chart.width - Self.pad - max(textWidth + 6, 16)

            let scale = chart.valueAsPercent ? 100.0 : 1.0
            let largest = chart.categories.flatMap(\.values).compactMap { $0 }.filter(\.isFinite).max() ?? 0
            var xMax = chart.xMax ?? 0
            if chart.xMax == nil && largest > 0 {
                let step = NiceTicks.step(lower: 0, upper: max(largest * scale, 1e-9), count: 5)
                xMax = (max(largest * scale, step) / step - 1e-9).rounded(.up) * step / scale
            }
            if !(xMax > 0) { xMax = 1 }
            ticks = NiceTicks.ticks(lower: 0, upper: xMax * scale, count: 5).map { $0 / scale }

            var y = Self.pad + (chart.showsTitle && !chart.title.isEmpty ? 32 : 0)
            let entries = chart.groups.map { KeyBlock.Entry(label: $0.label, color: $0.color, swatch: .box) }
            let key = KeyBlock(entries: entries, annotation: nil, maxWidth: right - left, inRow: true)
            legend = key.isEmpty ? nil : key
            legendY = y
            if let legend { y += legend.height }
            let top = y + 4
            var tops: [Double] = []
            var heights: [Double] = []
            var cursor = top + Self.blockGap / 2
            for (i, _) in chart.categories.enumerated() {
                let bars = Double(chart.groups.count) * Self.barHeight + Double(max(chart.groups.count - 1, 0)) * Self.barGap
                let h = max(bars, Double(labels[i].count) * Self.labelLineHeight)
                tops.append(cursor)
                heights.append(h)
                cursor += h + Self.blockGap
            }
            blockTops = tops
            blockHeights = heights
            plot = Rect(x: left, y: top, width: max(right - left, 10), height: cursor - Self.blockGap / 2 - top)
            x = LinearScale(domain: 0...xMax, start: plot.x, end: plot.maxX)
            var bottom = plot.maxY + Axes.tickLength + Axes.tickFontSize + 2
            if !chart.xLabel.isEmpty { bottom += 24 }
            height = (bottom + Self.pad).rounded(.up)
        }

        func content() -> [SVGElement] {
            var out: [SVGElement] = []
            if chart.showsTitle && !chart.title.isEmpty {
                out.append(SVG.text(chart.title, x: Self.pad, y: Self.pad + 15, [("class", "title"), ("font-size", "16"), ("font-weight", "bold")]))
            }
            if let legend {
                out.append(legend.render(in: Rect(x: plot.x - KeyBlock.padding, y: legendY, width: legend.width, height: legend.height),
                                         backing: false))
            }
            let grid = ticks.dropFirst().map { SVG.line(x1: x($0), y1: plot.y, x2: x($0), y2: plot.maxY) }
            if !grid.isEmpty { out.append(SVG.group([("class", "grid"), ("stroke", "#d9d9d9"), ("stroke-width", "1")], grid)) }
            for (i, category) in chart.categories.enumerated() {
                out.append(block(i, category))
            }
            let scale = chart.valueAsPercent ? 100.0 : 1.0
            let digits = min(ticks.map { NiceTicks.decimals(forStep: NiceTicks.tidy($0 * scale, digits: 6)) }.max() ?? 0, 2)
            out.append(Axes.bottom(y: plot.maxY, x0: plot.x, x1: plot.maxX,
                                   ticks: ticks.map { (x($0), SVGNumber.fixed($0 * scale, digits: digits)) }))
            out.append(SVG.line(x1: plot.x, y1: plot.y, x2: plot.x, y2: plot.maxY, [("class", "baseline"), ("stroke", Palette.axis)]))
            if !chart.xLabel.isEmpty {
                out.append(SVG.text(chart.xLabel, x: plot.x + plot.width / 2, y: plot.maxY + Axes.tickLength + Axes.tickFontSize + 26,
                                    [("class", "axis-title"), ("text-anchor", "middle"), ("font-size", SVGNumber.coordinate(Axes.labelFontSize))]))
            }
            return out
        }

        /// One category: wrapped label (vertically centred on its bars), bars, and value texts.
        func block(_ i: Int, _ category: BarCategory) -> SVGElement {
            let top = blockTops[i]
            let h = blockHeights[i]
            var children: [SVGElement] = []
            let labelTop = top + (h - Double(labels[i].count) * Self.labelLineHeight) / 2
            for (k, line) in labels[i].enumerated() {
                children.append(SVG.text(line, x: Self.pad, y: labelTop + Double(k + 1) * Self.labelLineHeight - 3.5))
            }
            let bars = Double(chart.groups.count) * Self.barHeight + Double(max(chart.groups.count - 1, 0)) * Self.barGap
            var y = top + (h - bars) / 2
            for (g, group) in chart.groups.enumerated() {
                if g < category.values.count, let v = category.values[g], v.isFinite {
                    let w = max(x.clamped(v) - plot.x, 0)
                    children.append(SVG.rect(Rect(x: plot.x, y: y, width: w, height: Self.barHeight), [("fill", group.color)]))
                    if g < category.texts.count && !category.texts[g].isEmpty {
                        children.append(SVG.text(category.texts[g], x: plot.x + w + 4, y: y + Self.barHeight / 2 + Self.valueFontSize * 0.35,
                                                 [("font-size", SVGNumber.coordinate(Self.valueFontSize))]))
                    }
                }
                y += Self.barHeight + Self.barGap
            }
            return SVG.group([("class", "category")], children)
        }
    }
}
