import ReadoutStats
import ReadoutTestSupport
import Testing

/// `CoxModel.fit(ties: .breslow, convention: .sas)` against four published PROC PHREG listings
/// (cases in `PhregCase`), at half a unit in the last printed digit.
///
/// **Where PHREG stops.** All four listings print the estimate at the *first iterate whose GCONV,
/// evaluated at that iterate, is below 1e-8*; Readout's `.sas` rule stops there too. (An earlier
/// reading reported the point one Newton step further, ~1e-4 relative away on lung with 3
/// covariates: sex −0.5518896 instead of the printed −0.55182, Wald 29.8390 instead of 29.8296.)
@Suite struct PhregTests {
    @Test(arguments: PhregCase.all)
    func likelihoodAndScoreAsPrinted(_ c: PhregCase) throws {
        let fit = try c.fit()
        #expect(fit.converged, "\(c.name) converged")
        expectPhregLikelihood(fit, try c.printed(), c.name)
    }

    @Test(arguments: PhregCase.all)
    func estimatesUnderTheSASConvention(_ c: PhregCase) throws {
        let fit = try c.fit()
        let printed = try c.printed()
        expectPhregEstimates(fit, printed, parameters: c.parameters, c.name)
    }
}
