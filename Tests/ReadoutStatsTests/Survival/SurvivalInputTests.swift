import Testing
import ReadoutStats
import ReadoutTestSupport

/// Input errors, tie handling and small hand-checked values for the survival kernels.
@Suite struct SurvivalInputTests {
    @Test func invalidInputThrows() {
        #expect(throws: StatsError.lengthMismatch(expected: 2, found: 1, argument: "event")) {
            try KaplanMeier.fit(time: [1, 2], event: [true])
        }
        #expect(throws: StatsError.empty(argument: "time")) { try KaplanMeier.fit(time: [], event: []) }
        #expect(throws: StatsError.invalidTime(index: 1, value: -1)) {
            try KaplanMeier.fit(time: [1, -1], event: [true, true])
        }
        #expect(throws: StatsError.self) { try KaplanMeier.fit(time: [1, .nan], event: [true, true]) }
        #expect(throws: StatsError.self) { try KaplanMeier.fit(time: [1, .infinity], event: [true, true]) }
        #expect(throws: StatsError.invalidValue(argument: "level", index: 0, value: 1, expected: "0 < level < 1")) {
            try KaplanMeier.fit(time: [1], event: [true], options: .init(level: 1))
        }
        #expect(throws: StatsError.invalidValue(argument: "group", index: 1, value: 2, expected: "0..<2")) {
            try LogRankTest.test(time: [1, 2], event: [true, true], group: [0, 2], groupCount: 2)
        }
        #expect(throws: StatsError.lengthMismatch(expected: 2, found: 1, argument: "stratum")) {
            try LogRankTest.test(time: [1, 2], event: [true, true], group: [0, 1], groupCount: 2, stratum: [0])
        }
        // survdiff: "There is only 1 group".
        #expect(throws: StatsError.self) {
            try LogRankTest.test(time: [1, 2], event: [true, true], group: [1, 1], groupCount: 2)
        }
    }

    @Test func nearTiesCollapseToTheFirstValueOfTheirRun() {
        #expect(TiedTimes.collapse([0.1 + 0.2, 0.3, 1]) == [0.3, 0.3, 1])
        #expect(TiedTimes.collapse([0.1, 1 - 0.9]) == [1 - 0.9, 1 - 0.9])
        // Relative rule: differences ≤ √ε · mean|t| chain together; 100 apart at 1e9 does not.
        let base = 1e9
        #expect(TiedTimes.collapse([base + 2, base, base + 1, base + 100]) == [base, base, base, base + 100])
        #expect(TiedTimes.collapse([1, 2, 3]) == [1, 2, 3])
        #expect(TiedTimes.collapse([]) == [])
    }

    @Test func tieToleranceCanBeSwitchedOff() throws {
        let on = try KaplanMeier.fit(time: [0.1 + 0.2, 0.3], event: [true, true])
        #expect(on.time == [0.3] && on.eventCount == [2] && on.survival == [0])
        let off = try KaplanMeier.fit(time: [0.1 + 0.2, 0.3], event: [true, true], options: .init(tieTolerance: false))
        #expect(off.time == [0.3, 0.1 + 0.2] && off.eventCount == [1, 1])
        #expect(off.survival == [0.5, 0])
    }

    @Test func singleSubjectCurves() throws {
        // R: one event → S = 0, std.err = Inf, plain limits NaN, log and log-log NA.
        let event = try KaplanMeier.fit(time: [3], event: [true], options: .init(transform: .plain, convention: .r))
        #expect(event.survival == [0] && event.standardError == [.infinity])
        #expect(event.lower[0]!.isNaN && event.upper[0]!.isNaN)
        #expect(event.cumulativeHazard == [1] && event.cumulativeHazardSE == [1])
        let log = try KaplanMeier.fit(time: [3], event: [true], options: .init(transform: .log, convention: .r))
        #expect(log.lower == [nil] && log.upper == [nil])
        // One censoring: S = 1, SE 0; log-log NA at S = 1, log and plain limits 1.
        let censored = try KaplanMeier.fit(time: [3], event: [false], options: .init(transform: .logLog, convention: .r))
        #expect(censored.survival == [1] && censored.standardError == [0] && censored.lower == [nil])
        #expect(censored.median == Estimate(estimate: nil, lower: nil, upper: nil))
    }

    @Test func quantileOutsideTheUnitIntervalIsNotEstimable() throws {
        let curve = try KaplanMeier.fit(time: [1, 2, 3], event: [true, true, true], options: .init(convention: .r))
        #expect(curve.quantile(-0.1) == Estimate(estimate: nil, lower: nil, upper: nil))
        #expect(curve.quantile(1.5) == Estimate(estimate: nil, lower: nil, upper: nil))
        #expect(curve.quantile(.nan) == Estimate(estimate: nil, lower: nil, upper: nil))
    }

    @Test func logRankHandChecked() throws {
        // Group 0 fails at 1, group 1 at 2; both at risk at t=1 (n=2, d=1): E0 = ½, V = 1·1·1/(2·1)·½ = ¼;
        // at t=2 only group 1 is at risk (n=1): E1 += 1, no variance. O − E = (½, −½) → χ² = (½)²/¼ = 1.
        let result = try LogRankTest.test(time: [1, 2], event: [true, true], group: [0, 1], groupCount: 2)
        #expect(result.observed == [1, 1] && result.expected == [0.5, 1.5])
        #expect(result.variance == [[0.25, -0.25], [-0.25, 0.25]])
        #expect(result.test.statistic == 1 && result.test.df == 1)
        expectClose(result.test.p, 0.31731050786291404, relative: Tolerance.closedForm, "pchisq(1, 1, lower = FALSE)")
        // No events at all: df = −1 and p NaN, as survdiff; an empty third group does not count.
        let none = try LogRankTest.test(time: [1, 2], event: [false, false], group: [0, 1], groupCount: 3)
        #expect(none.test.df == -1 && none.test.statistic == 0 && none.test.p.isNaN)
        #expect(none.groupSizes == [1, 1, 0])
    }

    @Test func confidenceLevelOtherThan95() throws {
        // R 4.2.2, survival 3.5-3, aml Maintained arm:
        // f <- survfit(Surv(time, status) ~ 1, data = aml[aml$x == "Maintained", ],
        //              conf.type = "log-log", conf.int = 0.9); sprintf("%.17g", f$lower / f$upper);
        // summary(f)$table: median 31, 0.9LCL 18, 0.9UCL 48; quantile(f): 18/31/48, lower 9/18/31, upper 31/48/NA.
        let time = [9.0, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161]
        let event = [true, true, false, true, true, false, true, true, false, true, false]
        let curve = try KaplanMeier.fit(time: time, event: event,
                                        options: .init(transform: .logLog, level: 0.9, convention: .r))
        expectClose(curve.lower, [
            0.6101574570968592, 0.52552354983949967, 0.41770409547698667, 0.32345551089470465, 0.32345551089470465,
            0.21403030291315769, 0.12645997412406287, 0.12645997412406287, 0.022243397998711067, 0.022243397998711067,
        ], relative: Tolerance.closedForm, "lower 90%")
        expectClose(curve.upper, [
            0.98178071255740007, 0.939327339190272, 0.87990444004801893, 0.80953443637459876, 0.80953443637459876,
            0.72009679156872664, 0.61705041394141102, 0.61705041394141102, 0.47116618252922959, 0.47116618252922959,
        ], relative: Tolerance.closedForm, "upper 90%")
        #expect(curve.median == Estimate(estimate: 31, lower: 18, upper: 48))
        #expect(curve.quantile(0.25) == Estimate(estimate: 18, lower: 9, upper: 31))
        #expect(curve.quantile(0.75) == Estimate(estimate: 48, lower: 31, upper: nil))
    }
}
