// Structural tests of the CONSORT flow diagram: every box drawn once, connectors and heads, geometry.

@testable import ReadoutFigures
import Testing

@Suite("Flow diagram")
struct FlowDiagramTests {
    @Test func everyBoxIsDrawnOnceWithItsFirstLineBold() {
        let svg = SampleSpecs.consort.svg()
        // 2 main + 1 exclusion + 3 + 3 arm boxes + 2 arm side boxes.
        #expect(count("<g class=\"box\"", in: svg) == 11)
        #expect(svg.contains("font-weight=\"bold\">Randomized (n = 240)</text>"))
        #expect(svg.contains(">Intention-to-treat population</text>"))
        #expect(XMLCheck.isWellFormed(svg))
    }

    @Test func connectorsHaveOneHeadPerArrow() {
        let layout = FlowDiagram.Layout(SampleSpecs.consort)
        // Assessed→Randomized, exclusion, two split arrows, two arm side arrows, 2×2 arrows down the arms.
        #expect(count("Z", in: layout.heads) == 1 + 1 + 2 + 2 + 4)
    }

    @Test func armRowsAreAlignedAndSideBoxesDoNotOverlapBoxes() throws {
        let layout = FlowDiagram.Layout(SampleSpecs.consort)
        let frames = layout.boxes.map(\.frame)
        for i in frames.indices {
            #expect(frames[i].x >= 0 && frames[i].maxX <= layout.width)
            #expect(frames[i].maxY <= layout.height)
            for j in frames.indices where j > i {
                #expect(!frames[i].intersects(frames[j]), "boxes \(i) and \(j) overlap")
            }
        }
        // The two "Allocated" boxes start on the same row with the same height.
        func frame(_ prefix: String) throws -> Rect {
            try #require(layout.boxes.first { $0.lines.map(\.text).joined(separator: " ").hasPrefix(prefix) }).frame
        }
        let allocatedA = try frame("Allocated to blinatumomab")
        let allocatedB = try frame("Allocated to direct")
        #expect(allocatedA.y == allocatedB.y && allocatedA.height == allocatedB.height)
    }

    @Test func unknownAnchorsFallBackToTheLastBoxAndLongLinesWrap() {
        let diagram = FlowDiagram(
            title: "Flow",
            top: [FlowBox(id: "a", lines: ["Screened (n = 10)"])],
            exclusions: [(after: "nope", box: FlowBox(id: "x", lines: ["Excluded (n = 2)"]))],
            arms: [[FlowBox(id: "b", lines: ["A very long allocation line that must wrap inside its box (n = 8)"])]],
            id: "flow")
        let layout = FlowDiagram.Layout(diagram)
        #expect(layout.boxes.count == 3)
        let wrapped = layout.boxes[2]
        #expect(wrapped.lines.count > 1)
        #expect(wrapped.lines.allSatisfy { TextMetrics.width($0.text, fontSize: 13, bold: true) <= wrapped.frame.width - 18 })
        let svg = diagram.svg()
        #expect(svg.contains(">Excluded (n = 2)</text>"))
    }

    @Test func labelsAreEscaped() {
        let diagram = FlowDiagram(title: "<Flow>", top: [FlowBox(id: "a", lines: ["MRD <0.01% & CR"])], arms: [], id: "f")
        let svg = diagram.svg()
        #expect(svg.contains(">MRD &lt;0.01% &amp; CR</text>"))
        #expect(svg.contains("<title id=\"f-title\">&lt;Flow&gt;</title>"))
        #expect(XMLCheck.isWellFormed(svg))
    }
}
