import Foundation
import Testing
import ReadoutCore
import ReadoutPlan
import ReadoutTestSupport
@testable import ReadoutRender
@testable import ReadoutBuild

/// Narrative `{{result:KEY}}` references are checked against the keys the plan produces, when the
/// project is loaded; the plan's key list and the values the results fill in are the same set.
@Suite struct ResultKeyTests {
    static let sample = Fixtures.repositoryRoot.path + "/content/blinatumomab-mrd"

    @Test func thePlanListsExactlyTheKeysTheResultsHave() throws {
        let project = try ProjectLoader.load(directory: Self.sample, display: "content/blinatumomab-mrd")
        let context = try TrialContext(plan: project.plan, datasets: project.datasets.mapValues(\.dataset))
        var warnings: [Diagnostic] = []
        let results = try TrialAnalysis.run(context, warnings: &warnings)
        let filled = Set(LiveNumbers.table(results).keys)
        let planned = ResultKey.produced(by: project.plan)
        #expect(filled.subtracting(planned).isEmpty, "values without a planned key: \(filled.subtracting(planned).sorted())")
        #expect(planned.subtracting(filled).isEmpty, "planned keys without a value: \(planned.subtracting(filled).sorted())")
        #expect(planned.contains(ResultKey("rfs.arm1.landmark24")) && planned.contains(ResultKey("cir.arm2.incidence12")))
    }

    @Test func anUnknownReferenceFailsTheLoadAtItsLine() throws {
        let directory = NSTemporaryDirectory() + "readout-keys-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Self.sample, toPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let page = "---\ntitle: Extra\norder: 9\n---\n\n# Extra\n\nRFS at 36 months: {{result:rfs.arm1.landmark36}}.\n"
        try page.write(toFile: directory + "/pages/extra.md", atomically: true, encoding: .utf8)
        #expect {
            _ = try ProjectLoader.load(directory: directory, display: "content/t")
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics.first
            return d?.identifier == "narrative.unknown-result" && d?.location == SourceLocation(file: "content/t/pages/extra.md", line: 8)
                && d?.subject.value == "rfs.arm1.landmark36"
                && d?.summary.contains("did you mean 'rfs.arm1.landmark12'?") == true  // 36 is two edits from 12 and 24; ties go to the first
        }
    }

    /// The incidence curve's band (results.json `curve[]` lower/upper) is the landmarks' CI where the
    /// curve is read: the same cuminc variance and transform, so the figure and the table agree.
    @Test func incidenceBandsMatchTheLandmarkIntervals() throws {
        let project = try ProjectLoader.load(directory: Self.sample, display: "content/blinatumomab-mrd")
        let context = try TrialContext(plan: project.plan, datasets: project.datasets.mapValues(\.dataset))
        var warnings: [Diagnostic] = []
        let results = try TrialAnalysis.run(context, warnings: &warnings)
        var checked = 0
        for endpoint in results.endpoints {
            for curve in endpoint.competingRisks?.incidence ?? [] {
                for mark in curve.landmarks where mark.estimate != nil && mark.estimate! > 0 {
                    let point = try #require(curve.curve.last { $0.time <= mark.time })
                    expectClose(point.estimate, mark.estimate!, relative: Tolerance.closedForm)
                    #expect(point.lower != nil && point.upper != nil)
                    expectClose(point.lower, mark.lower, relative: Tolerance.closedForm)
                    expectClose(point.upper, mark.upper, relative: Tolerance.closedForm)
                    checked += 1
                }
            }
        }
        #expect(checked >= 8)
    }
}
