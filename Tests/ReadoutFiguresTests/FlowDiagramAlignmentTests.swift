// Rows of a flow diagram across arms: an arm without a step passes through that row, so every later
// row still starts at one height in every arm; side boxes branch from the arm that has the step.

@testable import ReadoutFigures
import Testing

@Suite("Flow diagram rows")
struct FlowDiagramAlignmentTests {
    /// Three arms; the middle one has no "Received drug X" step, the last no "Week 8" step.
    static let diagram = FlowDiagram(
        title: "Flow",
        top: [FlowBox(id: "randomized", lines: ["Randomized", "n = 30"])],
        arms: [
            [FlowBox(id: "a0", lines: ["Allocated to A", "n = 10"]), FlowBox(id: "a1", lines: ["Received drug X", "n = 9"]),
             FlowBox(id: "a2", lines: ["Week 8", "n = 8"]), FlowBox(id: "a3", lines: ["Analysis", "Analysed (n = 8)"])],
            [FlowBox(id: "b0", lines: ["Allocated to B", "n = 10"]), .passThrough(id: "b1"),
             FlowBox(id: "b2", lines: ["Week 8", "n = 7"]), FlowBox(id: "b3", lines: ["Analysis", "Analysed (n = 7)"])],
            [FlowBox(id: "c0", lines: ["Allocated to C", "n = 10"]), FlowBox(id: "c1", lines: ["Received drug X", "n = 10"]),
             .passThrough(id: "c2"), FlowBox(id: "c3", lines: ["Analysis", "Analysed (n = 10)"])],
        ],
        armExclusions: [
            [(after: "a0", box: FlowBox(id: "a1-lost", lines: ["Did not receive X (n = 1)"])),
             (after: "a1", box: FlowBox(id: "a2-lost", lines: ["Lost before week 8 (n = 1)"]))],
            // Branches below the pass-through slot: in the gap above arm B's "Week 8" box.
            [(after: "b1", box: FlowBox(id: "b2-lost", lines: ["Lost before week 8 (n = 3)", "Withdrew (n = 3)"]))],
            [],
        ],
        id: "rows")

    static func frame(_ layout: FlowDiagram.Layout, _ heading: String, _ index: Int = 0) throws -> Rect {
        let matches = layout.boxes.filter { $0.lines.map(\.text).joined(separator: " ").hasPrefix(heading) }
        try #require(index < matches.count, "box '\(heading)' #\(index)")
        return matches[index].frame
    }

    @Test func everyRowStartsAtOneHeightInEveryArm() throws {
        let layout = FlowDiagram.Layout(Self.diagram)
        let allocated = try ["Allocated to A", "Allocated to B", "Allocated to C"].map { try Self.frame(layout, $0) }
        #expect(Set(allocated.map(\.y)).count == 1)
        let received = try (0..<2).map { try Self.frame(layout, "Received drug X", $0) }
        let week8 = try (0..<2).map { try Self.frame(layout, "Week 8", $0) }
        let analysis = try (0..<3).map { try Self.frame(layout, "Analysis", $0) }
        #expect(received[0].y == received[1].y)
        #expect(week8[0].y == week8[1].y, "arm B's 'Week 8' sits on arm A's row although B has no 'Received drug X'")
        #expect(Set(analysis.map(\.y)).count == 1 && Set(analysis.map(\.height)).count == 1)
        #expect(received[0].maxY < week8[0].y && week8[0].maxY < analysis[0].y)
        // No box where an arm passes through: 1 + 4 + 3 + 3 boxes and 3 side boxes.
        #expect(layout.boxes.count == 1 + 4 + 3 + 3 + 3)
        let frames = layout.boxes.map(\.frame)
        for i in frames.indices {
            for j in frames.indices where j > i { #expect(!frames[i].intersects(frames[j]), "boxes \(i) and \(j) overlap") }
        }
    }

    @Test func aPassingArmHasOneArrowStraightToItsNextBox() throws {
        let layout = FlowDiagram.Layout(Self.diagram)
        let allocatedB = try Self.frame(layout, "Allocated to B"), week8B = try Self.frame(layout, "Week 8", 1)
        let x = SVGNumber.coordinate(allocatedB.x + allocatedB.width / 2)
        #expect(layout.lines.contains("M\(x) \(SVGNumber.coordinate(allocatedB.maxY))V\(SVGNumber.coordinate(week8B.y - 7))"))
        #expect(layout.heads.contains("M\(x) \(SVGNumber.coordinate(week8B.y))l-4 -7h8Z"))
        // 3 split arrows; arrows down: A 3, B 2, C 2; 3 side arrows.
        #expect(layout.heads.components(separatedBy: "Z").count - 1 == 3 + 3 + 2 + 2 + 3)
    }

    @Test func aSideBoxBelowAPassThroughSitsAboveTheArmsNextBox() throws {
        let layout = FlowDiagram.Layout(Self.diagram)
        let lost = try Self.frame(layout, "Lost before week 8 (n = 3)"), week8B = try Self.frame(layout, "Week 8", 1)
        let received = try Self.frame(layout, "Received drug X")
        #expect(lost.y > received.maxY && lost.maxY < week8B.y)
        #expect(lost.x > week8B.maxX, "arm B's side box is on arm B's right")
        // Text alternative: only the boxes drawn.
        #expect(Self.diagram.defaultDescription.contains("Arm 2: Allocated to B, n = 10; Lost before week 8 (n = 3), Withdrew (n = 3); Week 8, n = 7"))
    }

    @Test func indentedLinesAndWrappedPartsHangUnderTheirLine() throws {
        let box = FlowBox(id: "x", lines: ["Analysis", "Analysed: a population with a long name (n = 120)", "Excluded (n = 3)",
                                           "· A reason long enough to wrap in the box (n = 3)"], indents: [0, 0, 1, 2])
        let placed = FlowDiagram.Layout.place(box, x: 0, y: 0, width: 200, maxWidth: 200)
        let indents = placed.lines.map(\.indent)
        #expect(placed.lines.count > 4)
        #expect(indents[0] == 0 && indents[1] == 0 && indents[2] == FlowDiagram.Layout.hang)
        let excluded = try #require(placed.lines.firstIndex { $0.text.hasPrefix("Excluded") })
        #expect(indents[excluded] == 14 && indents[excluded + 1] == 28 && indents.last! > 28)
        for line in placed.lines { #expect(line.indent + TextMetrics.width(line.text, fontSize: 13, bold: line.bold) <= 200 - 18 + 0.001) }
        let svg = FlowDiagram(title: "t", top: [box], arms: [], id: "t").svg()
        #expect(XMLCheck.isWellFormed(svg) && svg.contains(">Excluded (n = 3)</text>"))
    }
}
