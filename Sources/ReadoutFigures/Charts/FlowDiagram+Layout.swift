// Geometry of a FlowDiagram. Box widths are uniform per column (main, arm) from the widest line,
// capped so long lines wrap; side boxes size to their own text. Vertical gaps grow to hold the side
// boxes hanging off them; arm rows are aligned and equal in height across arms (an arm's pass-through
// slot draws no box, its arrow runs through the row to its next box). Text is top-aligned in a box
// taller than its text (a one-line box is centred); indented lines and the wrapped part of a line
// hang under it. Connectors are
// plain lines with filled triangular heads (no <marker>, so no document-level ids are needed).

extension FlowDiagram {
    struct Layout {
        static let pad = 10.0
        static let fontSize = 13.0
        static let lineHeight = 17.0
        static let padX = 9.0
        static let padY = 7.0
        static let sideGap = 28.0
        static let columnGap = 28.0
        static let vGap = 30.0
        static let indentStep = 14.0
        /// Extra indent of the wrapped part of a line (a hanging indent, half a level); a "· " item's
        /// wrapped part aligns with the item's text.
        static let hang = 7.0

        /// A box with its wrapped lines and frame.
        struct Placed {
            var lines: [(text: String, bold: Bool, indent: Double)]
            var frame: Rect
            var centered: Bool
        }

        var boxes: [Placed] = []
        /// Connector paths (lines) and arrowheads (filled triangles).
        var lines = ""
        var heads = ""
        var width = 0.0
        var height = 0.0
        let titleText: String?

        init(_ diagram: FlowDiagram) {
            titleText = diagram.showsTitle && !diagram.title.isEmpty ? diagram.title : nil
            let top0 = Self.pad + (titleText == nil ? 0 : 34)
            let k = diagram.arms.count

            // Widths.
            let mainWidth = Self.uniformWidth(diagram.top, max: diagram.maxBoxWidth)
            let armWidth = Self.uniformWidth(diagram.arms.flatMap { $0 }, max: diagram.maxBoxWidth)
            let topIDs = Set(diagram.top.map(\.id))
            let lastTopID = diagram.top.last?.id ?? ""
            let topSides = diagram.exclusions.map { (after: topIDs.contains($0.after) ? $0.after : lastTopID, box: $0.box) }
            let armSides: [[(after: String, box: FlowBox)]] = (0..<k).map { j in
                let ids = Set(diagram.arms[j].map(\.id))
                let last = diagram.arms[j].last?.id ?? ""
                let list = j < diagram.armExclusions.count ? diagram.armExclusions[j] : []
                return list.map { (after: ids.contains($0.after) ? $0.after : last, box: $0.box) }
            }
            let topSideWidth = topSides.map { Self.naturalWidth($0.box, max: diagram.maxSideWidth) }.max() ?? 0
            let armSideWidths = armSides.map { $0.map { Self.naturalWidth($0.box, max: diagram.maxSideWidth) }.max() ?? 0 }

            // Arm columns left to right; with two arms the first arm's side boxes go on its left.
            var armCenters: [Double] = []
            var sideLeft: [Bool] = []
            var x = Self.pad
            for j in 0..<k {
                let left = k == 2 && j == 0 && armSideWidths[j] > 0
                let side = armSideWidths[j] > 0 ? Self.sideGap + armSideWidths[j] : 0
                if left { x += side }
                armCenters.append(x + armWidth / 2)
                x += armWidth + (left ? 0 : side) + Self.columnGap
                sideLeft.append(left)
            }
            var right = k > 0 ? x - Self.columnGap : Self.pad
            var cx = k > 0 ? (armCenters[0] + armCenters[k - 1]) / 2 : Self.pad + mainWidth / 2
            let shift = max(0, Self.pad - (cx - mainWidth / 2))
            cx += shift
            armCenters = armCenters.map { $0 + shift }
            right += shift
            right = max(right, cx + mainWidth / 2 + (topSides.isEmpty ? 0 : Self.sideGap + topSideWidth))
            width = (right + Self.pad).rounded(.up)

            // Main column.
            var y = top0
            for (i, box) in diagram.top.enumerated() {
                let placed = Self.place(box, x: cx - mainWidth / 2, y: y, width: mainWidth, maxWidth: diagram.maxBoxWidth)
                boxes.append(placed)
                y = placed.frame.maxY
                let sides = topSides.filter { $0.after == box.id }
                let isLast = i == diagram.top.count - 1
                let start = y
                y = placeSides(sides.map(\.box), from: start, axisX: cx, sideX: cx + mainWidth / 2 + Self.sideGap,
                               toLeft: false, maxWidth: diagram.maxSideWidth)
                if !isLast {
                    y += sides.isEmpty ? Self.vGap : 0
                    arrowDown(x: cx, from: start, to: y)
                } else if k > 0 {
                    // Split: a bar across the arm centres, then an arrow into each arm.
                    let barY = y + (sides.isEmpty ? 18 : 0)
                    lines += "M\(c(cx)) \(c(start))V\(c(barY))"
                    if k > 1 { lines += "M\(c(armCenters[0])) \(c(barY))H\(c(armCenters[k - 1]))" }
                    y = barY + 22
                    for ax in armCenters { arrowDown(x: ax, from: barY, to: y) }
                }
            }
            if diagram.top.isEmpty { y = top0 }

            // Arm rows, aligned across arms: row r of every arm starts at the same y. `bottom[j]` is where
            // arm j's vertical line stands (below its last box), `tail[j]` the lowest side-box connector on it.
            let rows = diagram.arms.map(\.count).max() ?? 0
            var bottom = [Double](repeating: y, count: k)
            var tail = [Double](repeating: y, count: k)
            for r in 0..<rows {
                let slots = (0..<k).map { j in r < diagram.arms[j].count ? diagram.arms[j][r] : nil }
                let rowHeight = (0..<k).compactMap { j in
                    slots[j].flatMap { $0.passesThrough ? nil : Self.place($0, x: 0, y: 0, width: armWidth, maxWidth: diagram.maxBoxWidth).frame.height }
                }.max() ?? 0
                let rowBottom = y + rowHeight
                var next = rowBottom
                for j in 0..<k {
                    guard let slot = slots[j] else { continue }
                    if !slot.passesThrough {
                        var placed = Self.place(slot, x: armCenters[j] - armWidth / 2, y: y, width: armWidth, maxWidth: diagram.maxBoxWidth)
                        placed.frame.height = rowHeight
                        boxes.append(placed)
                        // The split's arrows lead into row 0; later boxes get an arrow from the arm's line.
                        if r > 0 { arrowDown(x: armCenters[j], from: bottom[j], to: y) }
                        bottom[j] = rowBottom
                    }
                    let sides = armSides[j].filter { $0.after == slot.id }.map(\.box)
                    let sideX = sideLeft[j] ? armCenters[j] - armWidth / 2 - Self.sideGap : armCenters[j] + armWidth / 2 + Self.sideGap
                    next = max(next, placeSides(sides, from: rowBottom, axisX: armCenters[j], sideX: sideX, toLeft: sideLeft[j],
                                                maxWidth: diagram.maxSideWidth, dryRun: true))
                }
                let hasNext = (0..<k).contains { r + 1 < diagram.arms[$0].count }
                if next == rowBottom && hasNext && rowHeight > 0 { next += Self.vGap }
                for j in 0..<k {
                    guard let slot = slots[j] else { continue }
                    let sides = armSides[j].filter { $0.after == slot.id }.map(\.box)
                    guard !sides.isEmpty else { continue }
                    let sideX = sideLeft[j] ? armCenters[j] - armWidth / 2 - Self.sideGap : armCenters[j] + armWidth / 2 + Self.sideGap
                    let before = boxes.count
                    _ = placeSides(sides, from: rowBottom, axisX: armCenters[j], sideX: sideX, toLeft: sideLeft[j],
                                   maxWidth: diagram.maxSideWidth)
                    if let last = boxes[before...].last { tail[j] = max(tail[j], last.frame.y + last.frame.height / 2) }
                }
                y = next
            }
            // Side boxes below an arm's last box hang off a line that ends at the lowest of them.
            for j in 0..<k where tail[j] > bottom[j] { lines += "M\(c(armCenters[j])) \(c(bottom[j]))V\(c(tail[j]))" }
            height = (y + Self.pad).rounded(.up)
        }

        private func c(_ v: Double) -> String { SVGNumber.coordinate(v) }

        /// Stacks side boxes in the gap below `from` and connects each to the vertical line at `axisX`;
        /// returns where the next main box may start. `dryRun` only measures.
        mutating func placeSides(_ sides: [FlowBox], from: Double, axisX: Double, sideX: Double, toLeft: Bool,
                                 maxWidth: Double, dryRun: Bool = false) -> Double {
            guard !sides.isEmpty else { return from }
            var y = from + Self.vGap / 2
            for box in sides {
                let w = Self.naturalWidth(box, max: maxWidth)
                let placed = Self.place(box, x: toLeft ? sideX - w : sideX, y: y, width: w, maxWidth: maxWidth)
                if !dryRun {
                    boxes.append(placed)
                    let mid = placed.frame.y + placed.frame.height / 2
                    let edge = toLeft ? placed.frame.maxX : placed.frame.x
                    lines += "M\(c(axisX)) \(c(mid))H\(c(edge + (toLeft ? 7 : -7)))"
                    heads += toLeft ? "M\(c(edge)) \(c(mid))l7 -4v8Z" : "M\(c(edge)) \(c(mid))l-7 -4v8Z"
                }
                y = placed.frame.maxY + 10
            }
            return y - 10 + Self.vGap / 2
        }

        /// A vertical connector with its head at `to`.
        mutating func arrowDown(x: Double, from: Double, to: Double) {
            lines += "M\(c(x)) \(c(from))V\(c(to - 7))"
            heads += "M\(c(x)) \(c(to))l-4 -7h8Z"
        }

        /// Widest line of any box (bold heading), plus padding, clamped to 150...max.
        static func uniformWidth(_ boxes: [FlowBox], max maxWidth: Double) -> Double {
            let widest = boxes.map { naturalWidth($0, max: maxWidth) }.max() ?? 150
            return Swift.max(150, widest)
        }

        /// The box width its longest line needs, capped at `max`.
        static func naturalWidth(_ box: FlowBox, max maxWidth: Double) -> Double {
            let widest = box.lines.enumerated().map {
                Double(box.indent($0)) * indentStep + TextMetrics.width($1, fontSize: fontSize, bold: $0 == 0)
            }.max() ?? 0
            return min(widest + 2 * padX, maxWidth).rounded(.up)
        }

        /// Wraps a box's lines to `width` and sizes its frame; single-line boxes are centred.
        static func place(_ box: FlowBox, x: Double, y: Double, width: Double, maxWidth: Double) -> Placed {
            guard !box.passesThrough else { return Placed(lines: [], frame: Rect(x: x, y: y, width: width, height: 0), centered: false) }
            var lines: [(text: String, bold: Bool, indent: Double)] = []
            for (i, line) in box.lines.enumerated() {
                let indent = Double(box.indent(i)) * indentStep
                // The first part at the line's indent; the wrapped rest hangs under it (not under a heading).
                let hang = i == 0 ? 0 : line.hasPrefix("· ") ? TextMetrics.width("· ", fontSize: fontSize) : Self.hang
                let parts = TextMetrics.wrap(line, maxWidth: width - 2 * padX - indent, fontSize: fontSize, bold: i == 0)
                lines.append((parts[0], i == 0, indent))
                guard parts.count > 1 else { continue }
                let rest = parts.dropFirst().joined(separator: " ")
                for part in TextMetrics.wrap(rest, maxWidth: width - 2 * padX - indent - hang, fontSize: fontSize, bold: i == 0) {
                    lines.append((part, i == 0, indent + hang))
                }
            }
            let h = Double(max(lines.count, 1)) * lineHeight + 2 * padY
            return Placed(lines: lines, frame: Rect(x: x, y: y, width: width, height: h), centered: box.lines.count <= 1)
        }

        func content() -> [SVGElement] {
            var out: [SVGElement] = []
            if let titleText {
                out.append(SVG.text(titleText, x: Self.pad, y: Self.pad + 15, [("class", "title"), ("font-size", "16"), ("font-weight", "bold")]))
            }
            if !lines.isEmpty {
                out.append(SVG.path(lines, [("class", "connectors"), ("fill", "none"), ("stroke", Palette.stroke), ("stroke-width", "1.25")]))
            }
            if !heads.isEmpty { out.append(SVG.path(heads, [("class", "arrowheads"), ("fill", Palette.stroke)])) }
            for box in boxes {
                var children = [SVG.rect(box.frame, [("fill", "#fff"), ("stroke", Palette.stroke), ("stroke-width", "1.25")])]
                // A row box may be taller than its text: the text starts at the top (so a row's headings
                // line up across arms); a one-line box is centred.
                let textHeight = Double(box.lines.count) * Self.lineHeight
                let top = box.centered ? (box.frame.height - textHeight) / 2 : Self.padY
                var baseline = box.frame.y + top + Self.lineHeight - 4.5
                for line in box.lines {
                    var attributes: [(String, String)] = []
                    if box.centered { attributes.append(("text-anchor", "middle")) }
                    if line.bold { attributes.append(("font-weight", "bold")) }
                    let tx = box.centered ? box.frame.x + box.frame.width / 2 : box.frame.x + Self.padX + line.indent
                    children.append(SVG.text(line.text, x: tx, y: baseline, attributes))
                    baseline += Self.lineHeight
                }
                out.append(SVG.group([("class", "box")], children))
            }
            return out
        }
    }
}
