// The legend-and-annotation block drawn inside a plot area (journal style: a key with line
// swatches, then free text such as the hazard ratio and p-value). The chart places it with
// FreeSpace where it covers no curve, band, mark or reference line; when no such place exists it
// puts the block above the plot instead, with the entries in a row.

/// A legend with line swatches followed by annotation lines.
struct KeyBlock {
    /// One legend entry.
    struct Entry {
        var label: String
        var color: String
        var swatch: Swatch
    }

    /// What stands for the series in the key: a line sample (optionally over a band sample) or a filled square.
    enum Swatch {
        case line(LineStyle, band: Bool)
        case box

        var width: Double {
            switch self {
            case .line: 24
            case .box: 12
            }
        }
    }

    var entries: [Entry]
    var notes: [String]
    /// Entries laid out in rows: one entry per row (stacked), or packed left to right (row mode).
    var rows: [[Entry]]

    static let padding = 6.0
    static let fontSize = 13.0
    static let noteFontSize = 12.5
    static let rowHeight = 18.0
    static let noteHeight = 16.0

    static let entryGap = 22.0

    /// Builds a block, wrapping each annotation paragraph to `maxWidth`; `inRow` packs entries left to right.
    init(entries: [Entry], annotation: String?, maxWidth: Double, inRow: Bool = false) {
        let entries = entries.filter { !$0.label.isEmpty }
        self.entries = entries
        let textWidth = maxWidth - 2 * Self.padding
        self.notes = annotation.map { TextMetrics.wrap($0, maxWidth: textWidth, fontSize: Self.noteFontSize) } ?? []
        guard inRow else {
            rows = entries.map { [$0] }
            return
        }
        var rows: [[Entry]] = []
        var current: [Entry] = []
        var used = 0.0
        for entry in entries {
            let w = Self.entryWidth(entry)
            if !current.isEmpty && used + Self.entryGap + w > textWidth {
                rows.append(current)
                current = []
                used = 0
            }
            used += (current.isEmpty ? 0 : Self.entryGap) + w
            current.append(entry)
        }
        if !current.isEmpty { rows.append(current) }
        self.rows = rows
    }

    static func entryWidth(_ entry: Entry) -> Double {
        entry.swatch.width + 6 + TextMetrics.width(entry.label, fontSize: fontSize)
    }

    var isEmpty: Bool { entries.isEmpty && notes.allSatisfy(\.isEmpty) }

    var width: Double {
        let entryWidth = rows.map { row in
            row.map(Self.entryWidth).reduce(0, +) + Double(max(row.count - 1, 0)) * Self.entryGap
        }.max() ?? 0
        let noteWidth = notes.map { TextMetrics.width($0, fontSize: Self.noteFontSize) }.max() ?? 0
        return max(entryWidth, noteWidth) + 2 * Self.padding
    }

    var height: Double {
        let gap = !entries.isEmpty && !notes.isEmpty ? 4.0 : 0
        return Double(rows.count) * Self.rowHeight + gap + Double(notes.count) * Self.noteHeight + 2 * Self.padding
    }

    /// The block's SVG at `frame`; `backing` adds a white panel so reference lines and bands behind it do not cross the text.
    func render(in frame: Rect, backing: Bool = true) -> SVGElement {
        var children: [SVGElement] = []
        if backing {
            children.append(SVG.rect(frame, [("fill", "#fff"), ("fill-opacity", "0.85"), ("stroke", "none")]))
        }
        var y = frame.y + Self.padding
        for row in rows {
            let mid = y + Self.rowHeight / 2
            var x0 = frame.x + Self.padding
            for entry in row {
                let w = entry.swatch.width
                switch entry.swatch {
                case .line(let style, let band):
                    if band {
                        children.append(SVG.rect(Rect(x: x0, y: mid - 5, width: w, height: 10),
                                                 [("fill", entry.color), ("fill-opacity", "0.18"), ("stroke", "none")]))
                    }
                    var stroke: [(String, String)] = [("stroke", entry.color), ("stroke-width", "2.25")]
                    if let dash = style.dashArray { stroke.append(("stroke-dasharray", dash)) }
                    children.append(SVG.line(x1: x0, y1: mid, x2: x0 + w, y2: mid, stroke))
                case .box:
                    children.append(SVG.rect(Rect(x: x0, y: mid - 6, width: w, height: 12), [("fill", entry.color)]))
                }
                children.append(SVG.text(entry.label, x: x0 + w + 6, y: mid + Self.fontSize * 0.35))
                x0 += Self.entryWidth(entry) + Self.entryGap
            }
            y += Self.rowHeight
        }
        if !entries.isEmpty && !notes.isEmpty { y += 4 }
        for note in notes {
            children.append(SVG.text(note, x: frame.x + Self.padding, y: y + Self.noteHeight - 4,
                                     [("font-size", SVGNumber.coordinate(Self.noteFontSize))]))
            y += Self.noteHeight
        }
        return SVG.group([("class", "key")], children)
    }
}
