import Testing
import ReadoutStats
import ReadoutTestSupport

@Suite struct WaldDifferenceTests {
    /// Hand-derived: d = 0.65 − 0.52 = 0.13; se = √(0.05² + 0.06²) = √0.0061; z = qnorm(0.975).
    /// R: 0.13 + c(-1, 1) * qnorm(0.975) * sqrt(0.0061) = -0.0230781 0.2830781 (sprintf %.17g below).
    @Test func matchesTheClosedForm() {
        let r = WaldDifference.estimate(0.65, standardError: 0.05, minus: 0.52, standardError: 0.06)
        expectClose(r.estimate, 0.13, relative: Tolerance.closedForm, "difference")
        expectClose(r.standardError, 0.078102496759066553, relative: Tolerance.closedForm, "se")
        expectClose(r.lower, -0.023078080750426694, relative: Tolerance.closedForm, "lower")
        expectClose(r.upper, 0.28307808075042673, relative: Tolerance.closedForm, "upper")
    }

    @Test func missingInputIsNotEstimable() {
        let r = WaldDifference.estimate(nil, standardError: 0.05, minus: 0.52, standardError: 0.06)
        #expect(r.estimate == nil && r.lower == nil && r.upper == nil)
    }
}
