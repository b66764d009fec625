import ReadoutStats
import ReadoutTestSupport
import Testing

/// `CoxModel.fit(ties: .breslow, convention: .sas)` against four published PROC PHREG listings
/// (cases in `PhregCase`), at half a unit in the last printed digit.
///
/// **Where PHREG stops.** All four listings print the estimate at the *first iterate whose GCONV,
/// evaluated at that iterate, is below 1e-8*. Readout's `.sas` rule (CoxNewtonRaphson.swift) tests
/// GCONV at the point a step starts from and then reports the point the step reaches, which is one
/// Newton step further. The extra step moves β̂ by ~1e-4 relative (lung, 3 covariates: sex
/// −0.5518215 after 2 steps, as printed −0.55182, vs −0.5518896 after 3; ph.ecog 0.4628446 vs
/// 0.4629470, printed 0.46284; Wald 29.8296 printed vs 29.8390), beyond the printed digits. So:
///
/// - `likelihoodAndScoreAsPrinted`: what does not depend on the stopping point matches now.
/// - `estimatesAtThePHREGStoppingPoint`: Readout's own Newton path, stopped one step before its
///   `.sas` rule stops (`maxIterations: iterations − 1`), reproduces every printed estimate, SE,
///   chi-square, p-value, hazard ratio and limit: Breslow likelihood, information and Wald
///   arithmetic agree with PHREG; only the stopping rule differs.
/// - `estimatesUnderTheSASConvention`: the default `.sas` fit against the same values, a known issue
///   until the rule stops at the first iterate meeting GCONV. When that is fixed this test reports
///   "known issue was not recorded": drop the `withKnownIssue` wrapper and the test above.
@Suite struct PhregTests {
    @Test(arguments: PhregCase.all)
    func likelihoodAndScoreAsPrinted(_ c: PhregCase) throws {
        let fit = try c.fit()
        #expect(fit.converged, "\(c.name) converged")
        expectPhregLikelihood(fit, try c.printed(), c.name)
    }

    @Test(arguments: PhregCase.all)
    func estimatesAtThePHREGStoppingPoint(_ c: PhregCase) throws {
        let sas = try c.fit()
        try #require(sas.iterations >= 2)
        let phreg = try c.fit(maxIterations: sas.iterations - 1)
        expectPhregLikelihood(phreg, try c.printed(), "\(c.name) (\(phreg.iterations) steps)")
        expectPhregEstimates(phreg, try c.printed(), parameters: c.parameters, "\(c.name) (\(phreg.iterations) steps)")
    }

    @Test(arguments: PhregCase.all)
    func estimatesUnderTheSASConvention(_ c: PhregCase) throws {
        let fit = try c.fit()
        let printed = try c.printed()
        withKnownIssue("CoxModel .sas reports the iterate one Newton step after the first with GCONV < 1e-8") {
            expectPhregEstimates(fit, printed, parameters: c.parameters, c.name)
        }
    }
}
