import Testing
import ReadoutStats
import ReadoutTestSupport

/// cmprsk::cuminc and survfit's multi-state Aalen–Johansen on the reference datasets
/// (`Tests/Fixtures/reference/<dataset>/expected.json`, `competing_risks`; R 4.2.2, cmprsk 2.2.11,
/// survival 3.5.3): `cuminc(ftime = d$AVAL, fstatus = d$CAUSE, group = d$TRT01P, cencode = 0)`,
/// `timepoints(ci, times)` and `summary(survfit(Surv(AVAL, STATE) ~ TRT01P), times, extend = FALSE)`.
@Suite struct CumulativeIncidenceReferenceTests {
    static let cases: [(String, String)] = [("mgus2", "PFS"), ("ball_synth", "RFS")]

    @Test(arguments: cases)
    func landmarksMatchTimepoints(dataset: String, param: String) throws {
        let data = try CompetingRisksCase(dataset, param: param)
        for (a, arm) in data.arms.enumerated() {
            let curves = try data.curves(arm: a)
            for (k, cause) in data.causes.enumerated() {
                let landmarks = data.json("cuminc", "landmarks", arm, cause) as! [[String: Any]]
                #expect(!landmarks.isEmpty)
                for landmark in landmarks {
                    let t = JSONPath.number(landmark["time"])!
                    let value = curves[k].at(t)
                    let label = "\(dataset) \(arm) \(cause) at \(t)"
                    expectClose(value?.estimate, JSONPath.number(landmark["est"]), relative: Tolerance.closedForm, "\(label) est")
                    expectClose(value?.variance, JSONPath.number(landmark["var"]), relative: Tolerance.closedForm, "\(label) var")
                    expectClose(value.map { $0.variance.squareRoot() }, JSONPath.number(landmark["se"]),
                                relative: Tolerance.closedForm, "\(label) se")
                }
            }
        }
    }

    @Test(arguments: cases)
    func curvesMatchCumincSteps(dataset: String, param: String) throws {
        let data = try CompetingRisksCase(dataset, param: param)
        for (a, arm) in data.arms.enumerated() {
            let curves = try data.curves(arm: a)
            #expect(curves.map(\.cause) == Array(1...data.causes.count))
            for (k, cause) in data.causes.enumerated() {
                let curve = data.json("cuminc", "curves", arm, cause)
                expectMatchesCumincCurve(
                    curves[k], time: JSONPath.numbers(JSONPath.value(curve, "time")),
                    estimate: JSONPath.numbers(JSONPath.value(curve, "est")),
                    variance: JSONPath.numbers(JSONPath.value(curve, "var")), "\(dataset) \(arm) \(cause)")
            }
        }
    }

    @Test(arguments: cases)
    func estimatesEqualMultiStateSurvfit(dataset: String, param: String) throws {
        let data = try CompetingRisksCase(dataset, param: param)
        for (a, arm) in data.arms.enumerated() {
            let curves = try data.curves(arm: a)
            let landmarks = data.json("aalen_johansen_survfit", "landmarks", arm) as! [[String: Any]]
            #expect(!landmarks.isEmpty)
            for landmark in landmarks {
                let t = JSONPath.number(landmark["time"])!
                let available = landmark["available"] as! Bool
                var free = 1.0
                for (k, cause) in data.causes.enumerated() {
                    let value = curves[k].at(t)
                    #expect((value != nil) == available, "\(dataset) \(arm) availability at \(t)")
                    let expected = JSONPath.number(JSONPath.value(landmark, "states", cause, "pstate"))
                    expectClose(value?.estimate, expected, relative: Tolerance.closedForm, "\(dataset) \(arm) \(cause) pstate at \(t)")
                    free -= value?.estimate ?? 0
                }
                if available {
                    // The initial state's probability is the all-cause KM, 1 − Σ CIFs.
                    expectClose(free, JSONPath.number(JSONPath.value(landmark, "states", "(s0)", "pstate")),
                                relative: Tolerance.closedForm, "\(dataset) \(arm) (s0) pstate at \(t)")
                }
            }
        }
    }

    @Test(arguments: cases)
    func varianceComparisonUsesCumincVariance(dataset: String, param: String) throws {
        let data = try CompetingRisksCase(dataset, param: param)
        let rows = data.json("variance_comparison") as! [[String: Any]]
        for row in rows {
            let arm = data.arms.firstIndex(of: row["arm"] as! String)!
            let k = data.causes.firstIndex(of: row["cause"] as! String)!
            let t = JSONPath.number(row["time"])!
            let value = try data.curves(arm: arm)[k].at(t)
            expectClose(value?.estimate, JSONPath.number(row["est_cuminc"]), relative: Tolerance.closedForm, "est_cuminc")
            expectClose(value?.variance, JSONPath.number(row["var_cuminc"]), relative: Tolerance.closedForm, "var_cuminc")
        }
    }
}
