// Golden SVG files for small specs of every chart type; each golden was rendered to PNG and reviewed.

import Foundation
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

extension SnapshotTests {
    @Test func cumulativeIncidenceWithoutTitleOrRiskTable() {
        Snapshot.assert(SampleSpecs.cumulativeIncidence.svg(), named: "cif-competing-risks")
    }

    @Test(.disabled(if: Snapshot.recording, "would record the file it checks is missing"))
    func missingGoldenFails() {
        withKnownIssue {
            Snapshot.assert("<svg/>", named: "no-such-golden")
        }
    }

    @Test(.disabled(if: Snapshot.recording))
    func changedOutputFails() {
        withKnownIssue {
            Snapshot.assert(SampleSpecs.forest.svg() + " ", named: "forest-subgroups")
        }
    }

    @Test func everyGoldenIsWellFormedXML() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Snapshot.directory.path).filter { $0.hasSuffix(".svg") }
        #expect(names.count >= 5)
        for name in names {
            let text = try String(contentsOf: Snapshot.directory.appendingPathComponent(name), encoding: .utf8)
            #expect(XMLCheck.isWellFormed(text), "\(name)")
        }
    }
}

extension SnapshotTests {
    @Test func keyAbovePlotWhenNoCornerIsFree() {
        Snapshot.assert(SampleSpecs.crossing.svg(), named: "key-above-plot")
    }
}
