import Testing
import ReadoutStats
import ReadoutTestSupport

/// Properties of GrayTest and FineGray that hold whatever R says: order and coding invariance,
/// empty groups, degenerate causes, the centring invariance of crr's likelihood, input checks,
/// and linear scaling to large n.
@Suite struct GrayAndFineGrayPropertyTests {
    /// A deterministic synthetic sample (LCG) with ties on a 0.5 grid.
    static func sample(_ n: Int, seed: UInt64 = 42) -> (time: [Double], cause: [Int], group: [Int], x: [Double]) {
        var state = seed
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var time: [Double] = [], cause: [Int] = [], group: [Int] = [], x: [Double] = []
        for _ in 0..<n {
            let g = uniform() < 0.5 ? 0 : 1
            let covariate = uniform() * 2 - 1
            let t1 = -log(1 - uniform()) / (0.05 * exp(0.4 * Double(g) + 0.3 * covariate))
            let t2 = -log(1 - uniform()) / 0.03
            let c = 5 + 30 * uniform()
            let t = min(t1, t2, c)
            time.append((t * 2).rounded() / 2)
            cause.append(t == c ? 0 : (t == t1 ? 1 : 2))
            group.append(g)
            x.append(covariate)
        }
        return (time, cause, group, x)
    }

    @Test func grayIsInvariantToRowOrderAndGroupNumbering() throws {
        let s = Self.sample(300)
        let base = try GrayTest.test(time: s.time, cause: s.cause, causeCount: 2, group: s.group, groupCount: 2)
        let order = Array(s.time.indices.reversed())
        let shuffled = try GrayTest.test(time: order.map { s.time[$0] }, cause: order.map { s.cause[$0] }, causeCount: 2,
                                         group: order.map { s.group[$0] }, groupCount: 2)
        // Group codes 0 and 2 of three, the middle one empty: cuminc drops empty groups.
        let sparse = try GrayTest.test(time: s.time, cause: s.cause, causeCount: 2, group: s.group.map { $0 * 2 }, groupCount: 3)
        let swapped = try GrayTest.test(time: s.time, cause: s.cause, causeCount: 2, group: s.group.map { 1 - $0 }, groupCount: 2)
        for k in 0..<2 {
            #expect(base[k].df == 1 && sparse[k].df == 1)
            for other in [shuffled[k], sparse[k], swapped[k]] {
                expectClose(other.statistic, base[k].statistic, relative: Tolerance.closedForm, "cause \(k + 1)")
            }
        }
        // One stratum holding everyone is the unstratified test.
        let oneStratum = try GrayTest.test(time: s.time, cause: s.cause, causeCount: 2, group: s.group, groupCount: 2,
                                           stratum: [Int](repeating: 7, count: s.time.count))
        #expect(oneStratum == base)
    }

    @Test func grayWithoutEventsOfACauseIsNaN() throws {
        let tests = try GrayTest.test(time: [1, 2, 3, 4], cause: [1, 0, 1, 0], causeCount: 2, group: [0, 0, 1, 1], groupCount: 2)
        #expect(tests[0].statistic.isFinite)
        #expect(tests[1].statistic.isNaN && tests[1].p.isNaN && tests[1].df == 1)
    }

    @Test func grayRejectsInvalidGroups() {
        #expect(throws: StatsError.invalidValue(argument: "group", index: 1, value: 2, expected: "0..<2")) {
            try GrayTest.test(time: [1, 2], cause: [1, 1], causeCount: 1, group: [0, 2], groupCount: 2)
        }
        #expect(throws: StatsError.self) {
            try GrayTest.test(time: [1, 2], cause: [1, 1], causeCount: 1, group: [0, 0], groupCount: 2)
        }
        #expect(throws: StatsError.lengthMismatch(expected: 2, found: 1, argument: "stratum")) {
            try GrayTest.test(time: [1, 2], cause: [1, 1], causeCount: 1, group: [0, 1], groupCount: 2, stratum: [0])
        }
    }

    @Test func fineGrayIsInvariantToShiftAndOrder() throws {
        let s = Self.sample(400)
        let g = s.group.map(Double.init)
        let base = try FineGray.fit(time: s.time, cause: s.cause, causeOfInterest: 1, covariates: [g, s.x])
        let shifted = try FineGray.fit(time: s.time, cause: s.cause, causeOfInterest: 1,
                                       covariates: [g.map { $0 + 1000 }, s.x.map { $0 - 50 }])
        let order = Array(s.time.indices.reversed())
        let reordered = try FineGray.fit(time: order.map { s.time[$0] }, cause: order.map { s.cause[$0] }, causeOfInterest: 1,
                                         covariates: [order.map { g[$0] }, order.map { s.x[$0] }])
        #expect(base.converged && base.iterations > 0)
        // A shift c adds D·c·β to −Σ x·β and subtracts it from Σ d·log S0: the partial likelihood,
        // hence β, its variance and log L, do not depend on the covariates' origin.
        for other in [shifted, reordered] {
            expectClose(other.coefficients.map(Optional.some), base.coefficients.map(Optional.some), relative: 1e-9, "coef")
            expectClose(other.standardErrors.map(Optional.some), base.standardErrors.map(Optional.some), relative: 1e-9, "se")
            expectClose(other.logLikelihood, base.logLikelihood, relative: 1e-12, "loglik")
        }
        #expect(base.logLikelihood > base.logLikelihoodNull)
    }

    @Test func fineGrayRejectsInvalidInput() {
        #expect(throws: StatsError.empty(argument: "failures of cause 3")) {
            try FineGray.fit(time: [1, 2], cause: [1, 2], causeOfInterest: 3, covariates: [[0, 1]])
        }
        #expect(throws: StatsError.empty(argument: "covariates")) {
            try FineGray.fit(time: [1, 2], cause: [1, 2], causeOfInterest: 1, covariates: [])
        }
        #expect(throws: StatsError.lengthMismatch(expected: 2, found: 3, argument: "covariates[0]")) {
            try FineGray.fit(time: [1, 2], cause: [1, 2], causeOfInterest: 1, covariates: [[0, 1, 1]])
        }
        #expect(throws: StatsError.invalidValue(argument: "covariates[0]", index: 1, value: .infinity, expected: "a finite number")) {
            try FineGray.fit(time: [1, 2], cause: [1, 2], causeOfInterest: 1, covariates: [[0, .infinity]])
        }
    }

    @Test func constantCovariateHasNoStandardError() throws {
        let s = Self.sample(100)
        let fit = try FineGray.fit(time: s.time, cause: s.cause, causeOfInterest: 1,
                                   covariates: [[Double](repeating: 1, count: 100)])
        // Score and information are 0: the fit stops at β = 0 with a singular information, so no
        // variance (R's crr stops with "system is computationally singular" here).
        #expect(fit.coefficients == [0])
        #expect(fit.standardErrors[0].isNaN)
    }

    @Test func scalesToLargeSamples() throws {
        let n = 100_000
        let s = Self.sample(n, seed: 7)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let curves = try AalenJohansen.estimate(time: s.time, cause: s.cause, causeCount: 2)
            #expect(curves[0].estimate.last! > 0)
            let gray = try GrayTest.test(time: s.time, cause: s.cause, causeCount: 2, group: s.group, groupCount: 2)
            #expect(gray[0].statistic > 100)  // true subdistribution effect, huge n
            let fit = try FineGray.fit(time: s.time, cause: s.cause, causeOfInterest: 1, covariates: [s.group.map(Double.init), s.x])
            #expect(fit.converged)
            #expect(abs(fit.coefficients[0] - 0.4) < 0.1)
        }
        // O(n log n): a quadratic algorithm would need ~10¹⁰ steps here.
        #expect(elapsed < .seconds(120))
    }
}
