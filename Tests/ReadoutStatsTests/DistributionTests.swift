import Testing
import ReadoutStats
import ReadoutTestSupport

/// Gold values from R 4.2.2 printed with `sprintf("%.17g", …)`: `qnorm(p)`, `pnorm(x)`,
/// `pnorm(x, lower.tail = FALSE)` and `pchisq(x, df, lower.tail = FALSE)`, including far tails.
@Suite struct DistributionTests {
    @Test(arguments: [
        (0.975, 1.9599639845400536), (0.3, -0.52440051270804067), (1e-10, -6.3613409024040557),
        (1e-300, -37.047096299361201), (0.999999, 4.7534243088170891),
    ])
    func normalQuantileMatchesR(p: Double, expected: Double) {
        expectClose(Normal.quantile(p), expected, relative: 1e-13, "qnorm(\(p))")
    }

    @Test func normalQuantileEdges() {
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(1.5).isNaN)
    }

    @Test(arguments: [
        (-5.0, 2.8665157187919391e-07, 0.99999971334842808), (0.3, 0.61791142218895267, 0.38208857781104733),
        (8.0, 0.99999999999999933, 6.2209605742717849e-16),
    ])
    func normalTailsMatchR(x: Double, lower: Double, upper: Double) {
        expectClose(Normal.cdf(x), lower, relative: 1e-13, "pnorm(\(x))")
        expectClose(Normal.survival(x), upper, relative: 1e-13, "pnorm(\(x), lower.tail = FALSE)")
    }

    @Test(arguments: [
        (0.5, 1.0, 0.47950012218695348), (0.5, 2.0, 0.77880078307140488), (0.5, 5.0, 0.9921232932326296),
        (3.84, 1.0, 0.050043521248705224), (3.84, 2.0, 0.14660696213035015), (3.84, 5.0, 0.57267445983208876),
        (50.0, 1.0, 1.5374597944280343e-12), (50.0, 2.0, 1.3887943864964021e-11), (50.0, 5.0, 1.3857973367009593e-09),
        (200.0, 1.0, 2.0884875837625449e-45), (200.0, 2.0, 3.7200759760208361e-44), (200.0, 5.0, 2.8406228986415315e-41),
    ])
    func chiSquareUpperTailMatchesR(x: Double, df: Double, expected: Double) {
        expectClose(ChiSquared.survival(x, df: df), expected, relative: 1e-12, "pchisq(\(x), \(df), lower.tail = FALSE)")
    }
}
