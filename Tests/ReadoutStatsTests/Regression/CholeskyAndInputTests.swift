import ReadoutStats
import ReadoutTestSupport
import Testing

/// `SymmetricCholesky` (R survival's cholesky2/chsolve2/chinv2) and `CoxModel.fit` input checks.
@Suite struct CholeskyAndInputTests {
    // R: solve(matrix(c(4, 2, 0.6, 2, 2, 0.5, 0.6, 0.5, 3), 3)) printed with sprintf("%.17g").
    @Test func inverseOfPositiveDefiniteMatrix() {
        let a: [Double] = [4, 2, 0.6, 2, 2, 0.5, 0.6, 0.5, 3]
        let chol = SymmetricCholesky(a, size: 3)
        #expect(chol.rank == 3 && chol.isNonNegativeDefinite)
        let inverse = chol.inverse()
        let expected: [Double] = [
            0.50087108013937276, -0.49651567944250874, -0.017421602787456442,
            -0.49651567944250874, 1.0139372822299653, -0.06968641114982578,
            -0.017421602787456442, -0.06968641114982578, 0.34843205574912889,
        ]
        expectClose(inverse.map(Optional.some), expected.map(Optional.some), relative: Tolerance.closedForm, "inverse")
        // A b = y for y = (1, 2, 3).
        let b = chol.solve([1, 2, 3])
        for i in 0..<3 {
            let ab = (0..<3).reduce(0.0) { $0 + a[i * 3 + $1] * b[$1] }
            expectClose(ab, Double(i + 1), relative: Tolerance.closedForm, "A b[\(i)]")
        }
    }

    @Test func singularMatrixDropsTheRedundantDirection() {
        // Column 3 = column 1 + column 2: rank 2, third pivot zero, inverse row/column zero.
        let a: [Double] = [2, 1, 3, 1, 2, 3, 3, 3, 6]
        let chol = SymmetricCholesky(a, size: 3)
        #expect(chol.rank == 2 && chol.isZeroPivot(2) && !chol.isZeroPivot(0))
        let inverse = chol.inverse()
        #expect(inverse[2] == 0 && inverse[5] == 0 && inverse[6] == 0 && inverse[7] == 0 && inverse[8] == 0)
        // The leading 2×2 block is inverted: [[2, 1], [1, 2]]⁻¹ = [[2, −1], [−1, 2]] / 3.
        expectClose([inverse[0], inverse[1], inverse[4]], [2.0 / 3, -1.0 / 3, 2.0 / 3], relative: Tolerance.closedForm, "block")
        #expect(chol.solve([1, 1, 2])[2] == 0)
    }

    @Test func invalidInputsThrow() {
        #expect(throws: StatsError.empty(argument: "time")) {
            try CoxModel.fit(time: [], event: [], covariates: [[]])
        }
        #expect(throws: StatsError.lengthMismatch(expected: 2, found: 1, argument: "event")) {
            try CoxModel.fit(time: [1, 2], event: [true], covariates: [[0, 1]])
        }
        #expect(throws: StatsError.invalidTime(index: 1, value: -1)) {
            try CoxModel.fit(time: [1, -1], event: [true, true], covariates: [[0, 1]])
        }
        #expect(throws: StatsError.lengthMismatch(expected: 2, found: 3, argument: "strata")) {
            try CoxModel.fit(time: [1, 2], event: [true, true], covariates: [[0, 1]], strata: [1, 1, 2])
        }
        #expect(throws: StatsError.empty(argument: "covariates")) {
            try CoxModel.fit(time: [1, 2], event: [true, true], covariates: [])
        }
    }

    @Test func noEventsAtAllIsNotEstimable() throws {
        let fit = try CoxModel.fit(time: [1, 2, 3, 4], event: [false, false, false, false], covariates: [[0, 1, 0, 1]])
        #expect(fit.events == 0 && fit.estimable == [false])
        #expect(fit.notEstimableReasons[0]?.hasPrefix("no events") == true)
        #expect(fit.logLikelihood == 0 && fit.logLikelihoodNull == 0)
    }

    @Test func resultDoesNotDependOnInputOrderOrStratumLabels() throws {
        let c = CoxCase.named("multi_strata")
        let fit = try c.fit(.efron)
        let order = Array(c.time.indices.reversed())
        let shuffled = try CoxModel.fit(
            time: order.map { c.time[$0] }, event: order.map { c.event[$0] },
            covariates: c.covariates.map { col in order.map { col[$0] } },
            strata: order.map { 1_000_000_007 * c.strata![$0] - 7 })  // sparse labels: the hashed path
        expectClose(shuffled.coefficients.map(Optional.some), fit.coefficients.map(Optional.some),
                    relative: Tolerance.closedForm, "reordered coef")
        expectClose(shuffled.logLikelihood, fit.logLikelihood, relative: Tolerance.closedForm, "reordered loglik")
    }
}
