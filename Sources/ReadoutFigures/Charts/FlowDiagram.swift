// A CONSORT participant-flow diagram (Schulz et al., CONSORT 2010 statement, BMJ 2010;340:c332,
// Figure 1): a main column of boxes (assessed for eligibility, randomized) with exclusion boxes to
// the side, splitting into one column per arm (allocated, received, analysed) with their own side
// boxes for losses. Layout in FlowDiagram+Layout.swift.

/// One box of a flow diagram: the first line is drawn bold; long lines wrap to the box width (the
/// wrapped part hangs under its line). In an arm column, a pass-through slot (``passThrough(id:)``) draws
/// no box: that arm has no such step, its arrow runs straight through the row to its next box.
public struct FlowBox: Sendable {
    /// Identifier used by exclusions to name the box they branch from.
    public var id: String
    /// Text lines; the first is the bold heading (e.g. "Randomized (n = 240)").
    public var lines: [String]
    /// Indent level of each line (a missing entry is 0): a detail of the line above it.
    public var indents: [Int]
    /// True for an arm slot without a box (the row belongs to other arms).
    public var passesThrough: Bool

    /// Creates a box.
    public init(id: String, lines: [String], indents: [Int] = []) {
        self.id = id
        self.lines = lines
        self.indents = indents
        self.passesThrough = false
    }

    /// An arm slot with no box: keeps the arm's later boxes on the rows of the other arms; side boxes
    /// may branch below it (`after:` its id).
    public static func passThrough(id: String) -> FlowBox {
        var slot = FlowBox(id: id, lines: [])
        slot.passesThrough = true
        return slot
    }

    /// The indent level of line `i`.
    func indent(_ i: Int) -> Int { i < indents.count ? max(0, min(indents[i], 4)) : 0 }
}

/// A CONSORT flow diagram specification; ``svg()`` renders it as a self-contained inline SVG.
public struct FlowDiagram: Sendable {
    /// Figure title (accessible name; also drawn when ``showsTitle``).
    public var title: String
    /// Main column boxes, top to bottom (e.g. "Assessed for eligibility", "Randomized").
    public var top: [FlowBox]
    /// Side boxes branching right from the main column below the box with id `after`
    /// (an unknown id places the box below the last main box, before the split).
    public var exclusions: [(after: String, box: FlowBox)]
    /// Per arm, boxes top to bottom (e.g. allocated, received transplant, analysed); row `r` of every arm is on
    /// one horizontal row (give an arm without that step a ``FlowBox/passThrough(id:)`` slot).
    public var arms: [[FlowBox]]
    /// Per arm, side boxes below the arm box with id `after` (with two arms the first arm's go left, otherwise right).
    public var armExclusions: [[(after: String, box: FlowBox)]]
    /// Draw the title inside the figure.
    public var showsTitle: Bool
    /// Long description for assistive technology; nil builds one from the box texts.
    public var description: String?
    /// Document id prefix (unique per page); nil derives one from the title.
    public var id: String?
    /// Maximum width of a main or arm box before its lines wrap.
    public var maxBoxWidth: Double
    /// Maximum width of a side box before its lines wrap.
    public var maxSideWidth: Double

    /// Creates a flow diagram.
    public init(title: String, top: [FlowBox], exclusions: [(after: String, box: FlowBox)] = [], arms: [[FlowBox]],
                armExclusions: [[(after: String, box: FlowBox)]] = [], showsTitle: Bool = true,
                description: String? = nil, id: String? = nil, maxBoxWidth: Double = 220, maxSideWidth: Double = 210) {
        self.title = title
        self.top = top
        self.exclusions = exclusions
        self.arms = arms
        self.armExclusions = armExclusions
        self.showsTitle = showsTitle
        self.description = description
        self.id = id
        self.maxBoxWidth = maxBoxWidth
        self.maxSideWidth = maxSideWidth
    }

    /// The diagram as an SVG document string (byte-identical for identical specs).
    public func svg() -> String {
        let layout = Layout(self)
        return SVGDocument.render(id: id ?? SVGDocument.defaultID(for: title), width: layout.width, height: layout.height,
                                  title: title, description: description ?? defaultDescription, content: layout.content())
    }

    /// The box texts in reading order, for screen readers.
    var defaultDescription: String {
        func text(_ box: FlowBox) -> String { box.lines.joined(separator: ", ") }
        var parts: [String] = []
        for box in top {
            parts.append(text(box))
            for exclusion in exclusions where exclusion.after == box.id { parts.append("excluded: " + text(exclusion.box)) }
        }
        for (j, arm) in arms.enumerated() {
            var armParts: [String] = []
            for box in arm {
                if !box.passesThrough { armParts.append(text(box)) }
                if j < armExclusions.count {
                    for exclusion in armExclusions[j] where exclusion.after == box.id { armParts.append(text(exclusion.box)) }
                }
            }
            parts.append("Arm \(j + 1): " + armParts.joined(separator: "; "))
        }
        return "Participant flow diagram. " + parts.joined(separator: ". ") + "."
    }
}
