// Golden SVG files for small specs of every chart type; each golden was rendered to PNG and reviewed.

import ReadoutFigures
import Testing

@Suite("SVG snapshots")
struct SnapshotTests {
    @Test func kaplanMeierWithRiskTable() {
        Snapshot.assert(SampleSpecs.kaplanMeier.svg(), named: "km-risk-table")
    }
}

extension SnapshotTests {
    @Test func forestPlot() {
        Snapshot.assert(SampleSpecs.forest.svg(), named: "forest-subgroups")
    }
}

extension SnapshotTests {
    @Test func consortDiagram() {
        Snapshot.assert(SampleSpecs.consort.svg(), named: "consort-two-arms")
    }
}

extension SnapshotTests {
    @Test func adverseEventBars() {
        Snapshot.assert(SampleSpecs.adverseEvents.svg(), named: "bars-adverse-events")
    }
}
