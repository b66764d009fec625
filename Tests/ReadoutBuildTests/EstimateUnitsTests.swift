import Foundation
import Testing
import ReadoutCore
import ReadoutPlan
import ReadoutStats
import ReadoutTestSupport
@testable import ReadoutBuild

/// `readout estimate --time-unit days --display-unit months`: the lung reference data (AVAL in days) analysed in
/// months agrees with R's survfit on AVAL / (365.25 / 12) (Tests/Fixtures/units/make-units.R).
@Suite struct EstimateUnitsTests {
    static let folder = Fixtures.url("reference/lung").path

    static func action(time: TimeUnit?, display: TimeUnit?, landmarks: [Double] = [6, 12, 24], adtte: String? = nil) -> EstimateAction {
        EstimateAction(adsl: folder + "/adsl.csv", adtte: adtte ?? folder + "/adtte.csv", parameter: "OS", response: nil,
                       armVariable: "TRT01P", population: "ITTFL", reference: nil, strata: [], landmarks: landmarks,
                       methods: MethodSettings(profile: .r, confidenceInterval: .log, ties: .efron), causes: [], causeOfInterest: nil,
                       timeUnit: time, displayUnit: display)
    }

    @Test func daysToMonthsAgreesWithR() throws {
        var warnings: [Diagnostic] = []
        let result = try Self.action(time: .days, display: .months).run(warnings: &warnings)
        let gold = try JSONSerialization.jsonObject(with: Fixtures.data("units/lung_months.json"))
        let rel = Tolerance.closedForm
        #expect(result.timeUnit == "MONTHS")
        #expect(result.arms.count == 2)
        for arm in result.arms {
            let g = JSONPath.value(gold, "groups", arm.arm)
            #expect(g != nil, "no gold for \(arm.arm)")
            expectClose(arm.curve.map(\.time), JSONPath.numbers(JSONPath.value(g, "time")), relative: rel, "\(arm.arm) time")
            expectClose(arm.curve.map(\.estimate), JSONPath.numbers(JSONPath.value(g, "surv")), relative: rel, "\(arm.arm) surv")
            let median = JSONPath.numbers(JSONPath.value(g, "median"))
            expectClose([arm.median.estimate, arm.median.lower, arm.median.upper], median, relative: rel, "\(arm.arm) median")
            #expect(arm.landmarks.map(\.time) == [6, 12, 24])
            expectClose(arm.landmarks.map(\.estimate), JSONPath.numbers(JSONPath.value(g, "landmark_surv")), relative: rel, "\(arm.arm) S(t)")
            expectClose(arm.landmarks.map(\.standardError), JSONPath.numbers(JSONPath.value(g, "landmark_se")), relative: rel, "\(arm.arm) se")
        }
        expectClose(result.cox?.hazardRatios.first?.estimate, JSONPath.number(JSONPath.value(gold, "cox_hr")), relative: Tolerance.iterative, "HR")
    }

    @Test func avaluStandsInForTimeUnit() throws {
        var warnings: [Diagnostic] = []
        let implicit = try Self.action(time: nil, display: .months).run(warnings: &warnings)
        let explicit = try Self.action(time: .days, display: .months).run(warnings: &warnings)
        #expect(implicit.arms.map { $0.median.estimate } == explicit.arms.map { $0.median.estimate })
        #expect(implicit.timeUnit == "MONTHS")
        let unchanged = try Self.action(time: nil, display: nil, landmarks: [365]).run(warnings: &warnings)
        #expect(unchanged.timeUnit == "DAYS")
        expectClose(unchanged.arms[0].median.estimate.map { $0 / (365.25 / 12) }, implicit.arms[0].median.estimate,
                    relative: Tolerance.closedForm, "same median in days and months")
    }

    @Test func contradictingAvaluIsRefused() {
        var warnings: [Diagnostic] = []
        #expect {
            _ = try Self.action(time: .weeks, display: .months).run(warnings: &warnings)
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.first?.identifier == "usage.time-unit-mismatch"
        }
    }

    @Test func displayUnitNeedsAKnownDataUnit() throws {
        #expect(throws: DiagnosticsError.self) {
            _ = try EstimateTimeUnits.resolve(avalu: "VISITS", dataUnit: nil, displayUnit: .months, file: "adtte.csv")
        }
        let error = #expect(throws: DiagnosticsError.self) {
            _ = try EstimateTimeUnits.resolve(avalu: nil, dataUnit: nil, displayUnit: .years, file: "adtte.csv")
        }
        #expect(error?.diagnostics.first?.identifier == "usage.unknown-time-unit")
        #expect(try EstimateTimeUnits.resolve(avalu: nil, dataUnit: .weeks, displayUnit: .days, file: "x")
                == EstimateTimeUnits(divisor: 1.0 / 7, name: "DAYS"))
        #expect(try EstimateTimeUnits.resolve(avalu: "VISITS", dataUnit: nil, displayUnit: nil, file: "x")
                == EstimateTimeUnits(divisor: 1, name: "VISITS"))
        #expect(try EstimateTimeUnits.resolve(avalu: "Months", dataUnit: nil, displayUnit: .years, file: "x")
                == EstimateTimeUnits(divisor: 12, name: "YEARS"))
    }
}
