import Testing
import ReadoutStats
import ReadoutTestSupport

/// Fisher's exact test on 2×2 tables against R 4.2.2 `fisher.test(matrix(c(a, c, b, d), 2))`, including zero
/// cells (odds ratio 0 or ∞ with a 0 or ∞ bound), empty margins and n = 10000. Made by
/// Tests/Fixtures/proportions/proportion_gold.R.
@Suite struct FisherExactTests {
    /// fisher.test finds the odds ratio and its limits with `uniroot` at its default tolerance
    /// (≈ 1.2e-4 absolute) on t = ψ when ψ < 1 and on t = 1/ψ when ψ > 1, so its relative error is up to
    /// about 1.2e-4 · max(ψ, 1/ψ) (2e-3 for the 1,1,1,1 table's lower limit 0.0064). Its values are checked at
    /// that bound; the full-precision values are checked against `fisher_precise` (the same R code solved to
    /// 1e-14 on log ψ) at Tolerance.closedForm.
    static func uniroot(_ value: Double) -> Double {
        guard value.isFinite, value > 0 else { return Tolerance.uniroot }
        return Tolerance.uniroot * Swift.max(1, value, 1 / value)
    }

    @Test func matchesR() {
        for c in Self.fisher {
            let label = "(\(c.a), \(c.b), \(c.c), \(c.d)), level \(c.level)"
            let r = FisherExact.test((c.a, c.b, c.c, c.d), level: c.level)
            expectClose(r.p, c.p, relative: Tolerance.closedForm, "p \(label)")
            expectClose(r.oddsRatio, c.estimate, relative: Self.uniroot(c.estimate), "estimate \(label) vs fisher.test")
            expectClose(r.lower, c.lower, relative: Self.uniroot(c.lower), "lower \(label) vs fisher.test")
            expectClose(r.upper, c.upper, relative: Self.uniroot(c.upper), "upper \(label) vs fisher.test")
            expectClose(r.oddsRatio, c.preciseEstimate, relative: Tolerance.closedForm, "estimate \(label)")
            expectClose(r.lower, c.preciseLower, relative: Tolerance.closedForm, "lower \(label)")
            expectClose(r.upper, c.preciseUpper, relative: Tolerance.closedForm, "upper \(label)")
        }
    }

    @Test func swappingRowsInvertsTheOddsRatio() {
        let r = FisherExact.test((12, 5, 4, 20))
        let swapped = FisherExact.test((4, 20, 12, 5))
        expectClose(swapped.oddsRatio, 1 / r.oddsRatio!, relative: Tolerance.closedForm, "1/ψ")
        expectClose(swapped.lower, 1 / r.upper!, relative: Tolerance.closedForm, "1/upper")
        expectClose(swapped.upper, 1 / r.lower!, relative: Tolerance.closedForm, "1/lower")
        expectClose(swapped.p, r.p, relative: Tolerance.closedForm, "p")
    }

    @Test func invalidInput() {
        let negative = FisherExact.test((-1, 2, 3, 4))
        #expect(negative.p.isNaN && negative.oddsRatio == nil && negative.lower == nil && negative.upper == nil)
        let noLevel = FisherExact.test((7, 2, 3, 8), level: 1)
        #expect(noLevel.lower == nil && noLevel.upper == nil && noLevel.oddsRatio != nil)
    }

    // r <- fisher.test(matrix(c(a, c, b, d), 2), conf.level = level): r$p.value, r$estimate, r$conf.int; then fisher_precise(matrix(c(a, c, b, d), 2), level) (estimate, lower, upper)
    static let fisher: [(a: Int, b: Int, c: Int, d: Int, level: Double, p: Double, estimate: Double, lower: Double, upper: Double, preciseEstimate: Double, preciseLower: Double, preciseUpper: Double)] = [
        (18, 71, 36, 55, 0.94999999999999996, 0.0056486368576968444, 0.38940203049369415, 0.18673857088487247, 0.79028678746696035, 0.38940254003366809, 0.18672090919423023, 0.79028686628892375),
        (18, 71, 36, 55, 0.90000000000000002, 0.0056486368576968444, 0.38940203049369415, 0.20886228258849981, 0.71293385625817118, 0.38940254003366809, 0.20887559668158262, 0.71293296319471211),
        (0, 10, 5, 5, 0.94999999999999996, 0.032507739938080538, 0, 0, 0.83654284250200173, 0, 0, 0.83652179391773629),
        (0, 10, 5, 5, 0.90000000000000002, 0.032507739938080538, 0, 0, 0.60760690398919326, 0, 0, 0.60760664891569938),
        (10, 0, 5, 5, 0.94999999999999996, 0.032507739938080538, .infinity, 1.1953960385449205, .infinity, .infinity, 1.1954261171327476, .infinity),
        (10, 0, 5, 5, 0.90000000000000002, 0.032507739938080538, .infinity, 1.6458009173934363, .infinity, .infinity, 1.6458016083012648, .infinity),
        (5, 5, 0, 10, 0.94999999999999996, 0.032507739938080538, .infinity, 1.1953960385449203, .infinity, .infinity, 1.1954261171327476, .infinity),
        (5, 5, 0, 10, 0.90000000000000002, 0.032507739938080538, .infinity, 1.6458009173934363, .infinity, .infinity, 1.6458016083012645, .infinity),
        (3, 0, 0, 4, 0.94999999999999996, 0.028571428571428564, .infinity, 0.92584829992588902, .infinity, .infinity, 0.92584728111198489, .infinity),
        (3, 0, 0, 4, 0.90000000000000002, 0.028571428571428564, .infinity, 1.4096124716462139, .infinity, .infinity, 1.4096094866384576, .infinity),
        (0, 0, 0, 0, 0.94999999999999996, 1, 0, 0, .infinity, 0, 0, .infinity),
        (0, 0, 0, 0, 0.90000000000000002, 1, 0, 0, .infinity, 0, 0, .infinity),
        (0, 5, 0, 5, 0.94999999999999996, 1, 0, 0, .infinity, 0, 0, .infinity),
        (0, 5, 0, 5, 0.90000000000000002, 1, 0, 0, .infinity, 0, 0, .infinity),
        (1, 1, 1, 1, 0.94999999999999996, 1, 1, 0.0064129908998511141, 155.93348183656653, 1, 0.0064000163579110408, 156.24960063795808),
        (1, 1, 1, 1, 0.90000000000000002, 1, 1, 0.013114856359847689, 76.249405449958971, 1, 0.013114894621608131, 76.249182997810564),
        (7, 2, 3, 8, 0.94999999999999996, 0.069778518694927336, 8.1530626043573449, 0.88211748931581513, 127.05584183011146, 8.1538354145042895, 0.88211518693668722, 127.00902532429089),
        (7, 2, 3, 8, 0.90000000000000002, 0.069778518694927336, 8.1530626043573449, 1.1553266279281478, 84.045603577148711, 8.1538354145042895, 1.1553454676879409, 84.038246623087133),
        (2, 7, 8, 3, 0.94999999999999996, 0.069778518694927336, 0.12265329588730943, 0.0078705550692987104, 1.1336358388899153, 0.12264167096396994, 0.0078734562165696919, 1.1336387977546221),
        (2, 7, 8, 3, 0.90000000000000002, 0.069778518694927336, 0.12265329588730943, 0.011898302319669363, 0.86555609108854725, 0.12264167096396994, 0.011899343931876848, 0.86554197680905298),
        (12, 5, 4, 20, 0.94999999999999996, 0.0009092659063172614, 11.092073079285496, 2.2197939813404775, 70.867660558692947, 11.092901221229473, 2.2198044937814836, 70.87422912021934),
        (12, 5, 4, 20, 0.90000000000000002, 0.0009092659063172614, 11.092073079285496, 2.7271717587090358, 53.781956010742341, 11.092901221229473, 2.727060511462065, 53.803801886087122),
        (1, 30, 1, 30, 0.94999999999999996, 1, 1, 0.012341056403477099, 81.030340297144249, 1, 0.012333345593944828, 81.081000478163801),
        (1, 30, 1, 30, 0.90000000000000002, 1, 1, 0.025160569923866928, 39.744727684066326, 1, 0.02516057629730133, 39.744717616315391),
        (2500, 2500, 2400, 2600, 0.94999999999999996, 0.047653613555240615, 1.0833239473852556, 1.0008117434191199, 1.1726493668054494, 1.0833246597625048, 1.0008196414262862, 1.1726497287260209),
        (2500, 2500, 2400, 2600, 0.90000000000000002, 0.047653613555240615, 1.0833239473852556, 1.0135372959009925, 1.1579538238441824, 1.0833246597625048, 1.0135156869790463, 1.1579531067475419),
        (4990, 10, 4980, 20, 0.94999999999999996, 0.098233378000986207, 2.0038704876322302, 0.89416095304460863, 4.799084552124893, 2.0038820223255471, 0.89417020274963577, 4.7989555005993569),
        (4990, 10, 4980, 20, 0.90000000000000002, 0.098233378000986207, 2.0038704876322302, 1.0031569853565632, 4.1847598575440799, 2.0038820223255471, 1.0031567656137035, 4.1851453339165463),
    ]
}
