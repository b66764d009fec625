import Testing
import ReadoutPlan
@testable import ReadoutRender

/// Axis titles, footnotes and landmark headings come from the plan's `time:` settings.
@Suite struct TimeTextTests {
    @Test func theOriginNamesTheAxis() {
        let time = TimeSettings(dataUnit: .days, displayUnit: .months, origin: "transplant")
        #expect(ReportFormat.timeAxis(time) == "Time since transplant (months)")
        #expect(ReportFormat.timeFootnote(time) == "Time from transplant in months")
    }

    @Test func withoutAnOriginTheAxisSaysTime() {
        let time = TimeSettings(dataUnit: .days, displayUnit: .weeks)
        #expect(ReportFormat.timeAxis(time) == "Time (weeks)")
        #expect(ReportFormat.timeFootnote(time) == "Time in weeks")
    }

    @Test func landmarksPrintInTheDisplayUnitWithoutATrap() {
        #expect(ReportFormat.landmark(24, unit: .months) == "24 months")
        #expect(ReportFormat.landmark(2.5, unit: .years) == "2.5 years")
        // Too large for Int: printed, not trapped (the plan rejects such landmarks anyway).
        #expect(ReportFormat.landmark(1e19, unit: .days).hasSuffix(".0 days"))
    }

    @Test func ticksFollowTheUnit() {
        #expect(SurvivalFigures.ticks(maxTime: 30, unit: .months) == [0, 6, 12, 18, 24, 30])
        #expect(SurvivalFigures.ticks(maxTime: 700, unit: .days).first == 0)
    }
}
