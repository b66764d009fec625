import Testing
import ReadoutStats
import ReadoutTestSupport

/// Step-function lookup, confidence intervals and input checks of `CumulativeIncidence` and
/// `AalenJohansen`.
@Suite struct CumulativeIncidenceTests {
    /// ball_synth RFS; R (the same `d$CAUSE` as in expected.json's `r_calls`):
    /// ci <- cuminc(d$AVAL, d$CAUSE, d$TRT01P, cencode = 0); tp <- timepoints(ci, c(12, 24))
    /// e <- tp$est[key, t]; se <- sqrt(tp$var[key, t]); z <- qnorm(0.975)
    /// log-log: e^exp(z*se/(e*log(e))), e^exp(-z*se/(e*log(e))); log: e*exp(∓z*se/e); plain: e ∓ z*se
    @Test(arguments: [
        ("Direct allo-HSCT", 1, 12.0, [0.096950172382250496, 0.24838508069123699],
         [0.1035168709213746, 0.26247539482596216], [0.08815197196573496, 0.2415183577045947]),
        ("Direct allo-HSCT", 1, 24.0, [0.14785299080071765, 0.32690199060363945],
         [0.15661726006613996, 0.34303005872468412], [0.14092394960648733, 0.3226466617043986]),
        ("Blinatumomab then allo-HSCT", 2, 12.0, [0.049404686425590531, 0.17452227725397138],
         [0.054220257746395842, 0.18860075538212628], [0.038094382030188931, 0.164152808981047]),
        ("Blinatumomab then allo-HSCT", 2, 24.0, [0.086364022185010131, 0.2419820508174732],
         [0.093203075374779773, 0.25785342576755843], [0.076147430263901819, 0.23390245138393195]),
    ])
    func intervalsMatchFormulaInR(arm: String, cause: Int, time: Double, logLog: [Double], log: [Double], plain: [Double]) throws {
        let data = try CompetingRisksCase("ball_synth", param: "RFS")
        let curve = try data.curves(arm: data.arms.firstIndex(of: arm)!)[cause - 1]
        for (transform, expected) in [(ConfidenceTransform.logLog, logLog), (.log, log), (.plain, plain)] {
            let interval = try #require(curve.interval(at: time, transform: transform))
            expectClose(interval.estimate, curve.at(time)?.estimate, relative: 0, "\(transform) estimate")
            expectClose(interval.lower, expected[0], relative: Tolerance.closedForm, "\(arm) \(cause) \(time) \(transform) lower")
            expectClose(interval.upper, expected[1], relative: Tolerance.closedForm, "\(arm) \(cause) \(time) \(transform) upper")
        }
        #expect(curve.interval(at: time) == curve.interval(at: time, transform: .logLog, level: 0.95))
    }

    /// survfit's multi-state `conf.type = "log"` limits are exp(log p ± z·se/p) with its own se.
    @Test(arguments: [("mgus2", "PFS"), ("ball_synth", "RFS")])
    func logLimitsMatchSurvfitMultiState(dataset: String, param: String) throws {
        let data = try CompetingRisksCase(dataset, param: param)
        for arm in data.arms {
            for landmark in data.json("aalen_johansen_survfit", "landmarks", arm) as! [[String: Any]] {
                for state in ["(s0)"] + data.causes {
                    let gold = JSONPath.value(landmark, "states", state)
                    let p = JSONPath.number(JSONPath.value(gold, "pstate"))!, se = JSONPath.number(JSONPath.value(gold, "std.err"))!
                    let limits = CumulativeIncidence.confidenceLimits(estimate: p, variance: se * se, transform: .log, level: 0.95)
                    expectClose(limits.lower, JSONPath.number(JSONPath.value(gold, "lower")), relative: Tolerance.closedForm, "\(arm) \(state) lower")
                    expectClose(limits.upper, JSONPath.number(JSONPath.value(gold, "upper")), relative: Tolerance.closedForm, "\(arm) \(state) upper")
                }
            }
        }
    }

    @Test func lookupFollowsTimepoints() throws {
        // Times 2 (cause 1), 3 (censored), 5 (cause 2 and cause 1), 5 (censored), 8 (censored).
        let curves = try AalenJohansen.estimate(time: [5, 2, 8, 3, 5, 5], cause: [2, 1, 0, 0, 1, 0], causeCount: 2)
        let cif = curves[0]
        #expect(cif.time == [2, 5])
        #expect(cif.lastTime == 8)
        #expect(cif.at(0)! == (0, 0))
        #expect(cif.at(1.999)! == (0, 0))
        #expect(cif.at(2)!.estimate == 1.0 / 6)                 // the jump at t is included
        #expect(cif.at(4.9)!.estimate == 1.0 / 6)
        // At 5: 4 at risk, KM before = 5/6, one cause-1 death: 1/6 + (5/6)/4.
        expectClose(cif.at(5)?.estimate, 1.0 / 6 + 5.0 / 24, relative: 1e-15, "F1(5)")
        expectClose(curves[1].at(5)?.estimate, 5.0 / 24, relative: 1e-15, "F2(5)")
        #expect(cif.at(8)?.estimate == cif.at(5)?.estimate)      // the last observed time is included
        #expect(cif.at(8.0001) == nil)                           // after follow-up: NA, as timepoints()
        #expect(cif.at(-1) == nil)
        #expect(cif.at(.nan) == nil)
        #expect(cif.interval(at: 9) == nil)
        // Before the first event the estimate is 0: no log or log-log limits, plain limits [0, 0].
        let early = try #require(cif.interval(at: 1, transform: .logLog))
        #expect(early.estimate == 0 && early.lower == nil && early.upper == nil)
        #expect(cif.interval(at: 1, transform: .log)?.lower == nil)
        #expect(cif.interval(at: 1, transform: .plain) == Estimate(estimate: 0, lower: 0, upper: 0))
    }

    @Test func plainLimitsAreClippedAndLevelMatters() {
        let plain = CumulativeIncidence.confidenceLimits(estimate: 0.02, variance: 0.0004, transform: .plain, level: 0.95)
        #expect(plain.lower == 0)
        let wide = CumulativeIncidence.confidenceLimits(estimate: 0.3, variance: 0.01, transform: .logLog, level: 0.99)
        let narrow = CumulativeIncidence.confidenceLimits(estimate: 0.3, variance: 0.01, transform: .logLog, level: 0.9)
        #expect(wide.lower! < narrow.lower! && wide.upper! > narrow.upper!)
        #expect(CumulativeIncidence.confidenceLimits(estimate: 1, variance: 0, transform: .logLog, level: 0.95) == (nil, nil))
    }

    @Test func everyoneFailingEndsTheCurveAtOne() throws {
        let curves = try AalenJohansen.estimate(time: [1, 2, 2], cause: [1, 1, 1], causeCount: 2)
        #expect(curves[0].estimate == [1.0 / 3, 1])
        #expect(curves[1].estimate == [0, 0])
        #expect(curves[0].variance.last == 0)
    }

    @Test func rejectsInvalidInput() {
        #expect(throws: StatsError.empty(argument: "time")) {
            try AalenJohansen.estimate(time: [], cause: [], causeCount: 2)
        }
        #expect(throws: StatsError.lengthMismatch(expected: 2, found: 1, argument: "cause")) {
            try AalenJohansen.estimate(time: [1, 2], cause: [1], causeCount: 2)
        }
        #expect(throws: StatsError.invalidTime(index: 1, value: -1)) {
            try AalenJohansen.estimate(time: [1, -1], cause: [1, 0], causeCount: 2)
        }
        #expect(throws: StatsError.invalidValue(argument: "cause", index: 0, value: 3, expected: "0...2")) {
            try AalenJohansen.estimate(time: [1, 2], cause: [3, 0], causeCount: 2)
        }
        #expect(throws: StatsError.self) {
            try AalenJohansen.estimate(time: [.infinity], cause: [1], causeCount: 1)
        }
    }
}
