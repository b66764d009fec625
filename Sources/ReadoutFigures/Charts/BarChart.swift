// Horizontal grouped bar chart, designed for adverse-event incidence by arm (e.g. patients with a
// grade ≥3 event by preferred term): one block per category, one bar per group inside it, the
// count/percentage text at the end of each bar, light vertical grid lines for reading values, and a
// legend row above the plot. Categories are drawn in the order given (sort them upstream).

/// One group of bars (an arm): legend label and fill colour.
public struct BarGroup: Sendable {
    /// Legend text.
    public var label: String
    /// Bar fill colour.
    public var color: String

    /// Creates a group.
    public init(label: String, color: String) {
        self.label = label
        self.color = color
    }
}

/// One category (row block) of a bar chart: a value and a label text per group.
public struct BarCategory: Sendable {
    /// Category label, e.g. a MedDRA preferred term; wraps onto two lines when long.
    public var label: String
    /// One value per group, in axis units; nil draws no bar.
    public var values: [Double?]
    /// Text printed after each bar, e.g. "12 (10.0%)"; missing or empty entries print nothing.
    public var texts: [String]

    /// Creates a category.
    public init(label: String, values: [Double?], texts: [String] = []) {
        self.label = label
        self.values = values
        self.texts = texts
    }
}

/// A horizontal grouped bar chart specification; ``svg()`` renders it as a self-contained inline SVG.
public struct BarChart: Sendable {
    /// Figure title (accessible name; also drawn when ``showsTitle``).
    public var title: String
    /// x-axis title, e.g. "Patients with a grade ≥3 event (%)".
    public var xLabel: String
    /// The groups (arms), in bar order within each category.
    public var groups: [BarGroup]
    /// Row blocks top to bottom.
    public var categories: [BarCategory]
    /// Right end of the axis; nil rounds the largest value up to a 1-2-5 tick.
    public var xMax: Double?
    /// Print tick labels as percentages (values are proportions: 0.25 → "25").
    public var valueAsPercent: Bool
    /// Draw the title inside the figure.
    public var showsTitle: Bool
    /// Long description for assistive technology; nil builds one from the data.
    public var description: String?
    /// Document id prefix (unique per page); nil derives one from the title.
    public var id: String?
    /// Width of the viewBox in units.
    public var width: Double

    /// Creates a bar chart.
    public init(title: String, xLabel: String, groups: [BarGroup], categories: [BarCategory], xMax: Double? = nil,
                valueAsPercent: Bool = false, showsTitle: Bool = true, description: String? = nil, id: String? = nil,
                width: Double = 720) {
        self.title = title
        self.xLabel = xLabel
        self.groups = groups
        self.categories = categories
        self.xMax = xMax
        self.valueAsPercent = valueAsPercent
        self.showsTitle = showsTitle
        self.description = description
        self.id = id
        self.width = width
    }

    /// The chart as an SVG document string (byte-identical for identical specs).
    public func svg() -> String {
        let layout = Layout(self)
        return SVGDocument.render(id: id ?? SVGDocument.defaultID(for: title), width: width, height: layout.height,
                                  title: title, description: description ?? defaultDescription, content: layout.content())
    }

    /// The data in reading order, for screen readers.
    var defaultDescription: String {
        let rows = categories.map { category in
            let cells = groups.indices.map { g in
                let text = g < category.texts.count && !category.texts[g].isEmpty ? category.texts[g]
                    : (g < category.values.count ? category.values[g].map { SVGNumber.coordinate(valueAsPercent ? $0 * 100 : $0) } : nil) ?? "none"
                return "\(groups[g].label) \(text)"
            }
            return "\(category.label): " + cells.joined(separator: ", ")
        }
        return "Bar chart of \(xLabel). " + rows.joined(separator: "; ") + "."
    }
}
