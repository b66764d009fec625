import Testing
import ReadoutCore
import ReadoutPlan
import ReadoutFigures
@testable import ReadoutRender
@testable import ReadoutBuild

/// The sample trial's own Kaplan-Meier and cumulative-incidence figures, from its results: every
/// key sits where it covers no curve, band, censoring mark or landmark line, and no key overlaps
/// another (StepChart.keyCollisions samples what each chart draws). CIF figures carry bands.
@Suite struct SampleFigureLayoutTests {
    @Test func everySampleFigureKeepsItsKeyClear() throws {
        let project = try ProjectLoader.load(directory: ResultKeyTests.sample, display: "content/blinatumomab-mrd")
        let context = try TrialContext(plan: project.plan, datasets: project.datasets.mapValues(\.dataset))
        var warnings: [Diagnostic] = []
        let results = try TrialAnalysis.run(context, warnings: &warnings)
        var charts: [StepChart] = []
        for endpoint in results.endpoints where !endpoint.arms.isEmpty && endpoint.arms.allSatisfy({ !$0.curve.isEmpty }) {
            if let cause = endpoint.competingRisks?.causeOfInterest {
                let chart = try #require(SurvivalFigures.incidenceChart(endpoint, cause: cause, arms: results.arms, time: results.time, title: endpoint.title))
                #expect(chart.series.allSatisfy { $0.lower != nil && !$0.censorTimes.isEmpty }, "\(endpoint.endpoint): CIF without band or censor marks")
                charts.append(chart)
            } else {
                charts.append(SurvivalFigures.kaplanMeierChart(endpoint, arms: results.arms, time: results.time, title: endpoint.title, yLabel: endpoint.title))
            }
        }
        #expect(charts.count == 4)  // rfs, os (Kaplan-Meier); cir, nrm (cumulative incidence)
        for chart in charts {
            let problems = chart.keyCollisions()
            #expect(problems.isEmpty, "\(chart.title): \(problems.prefix(5))")
            #expect(Set(chart.series.map(\.lineStyle)).count == chart.series.count, "\(chart.title): arms share a dash pattern")
        }
    }
}
