import Testing
import ReadoutStats
import ReadoutTestSupport

/// Normal distribution against R 4.2.2 (`pnorm`, `qnorm`), far tails included; gold values made by
/// Tests/Fixtures/proportions/distribution_gold.R and printed with sprintf("%.17g").
@Suite struct NormalDistributionTests {
    /// R's pnorm (Cody 1993) and qnorm (AS 241 + tail handling) are exact to about 1e-16. Achieved worst
    /// relative difference on this grid: 1.6e-15 (pnorm, both tails) and 3.5e-16 (qnorm), so the
    /// 1e-12 bar for "R is exact" distribution functions has ample margin.
    static let tolerance = 1e-12

    @Test func tailsMatchR() {
        for c in Self.normalTails {
            expectClose(Normal.cdf(c.x), c.lower, relative: Self.tolerance, "pnorm(\(c.x))")
            expectClose(Normal.survival(c.x), c.upper, relative: Self.tolerance, "pnorm(\(c.x), lower.tail = FALSE)")
        }
    }

    @Test func quantileMatchesR() {
        for c in Self.normalQuantiles {
            expectClose(Normal.quantile(c.p), c.x, relative: Self.tolerance, "qnorm(\(c.p))")
        }
    }

    @Test func quantileInvertsCdfInBothTails() {
        for x in [-37.0, -20, -8.5, -1.5, 0.25, 2] {
            let p = Normal.cdf(x)
            expectClose(Normal.quantile(p), x, relative: Self.tolerance, "qnorm(pnorm(\(x)))")
        }
    }

    @Test func edges() {
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(1.5).isNaN)
        #expect(Normal.quantile(-0.1).isNaN)
        #expect(Normal.cdf(-.infinity) == 0)
        #expect(Normal.cdf(.infinity) == 1)
        #expect(Normal.survival(.infinity) == 0)
        #expect(Normal.cdf(.nan).isNaN)
        // dnorm(c(0, 1.5, -40)): 0.3989422804014327 0.12951759566589174 0
        expectClose(Normal.pdf(0), 0.3989422804014327, relative: Self.tolerance, "dnorm(0)")
        expectClose(Normal.pdf(1.5), 0.12951759566589174, relative: Self.tolerance, "dnorm(1.5)")
        #expect(Normal.pdf(-40) == 0)
        // 2 * pnorm(-3.2): 0.0013742758758316961
        expectClose(Normal.twoSidedP(-3.2), 0.0013742758758316961, relative: Self.tolerance, "2 * pnorm(-3.2)")
        #expect(Normal.twoSidedP(0) == 1)
    }

// pnorm(x), pnorm(x, lower.tail = FALSE)
    static let normalTails: [(x: Double, lower: Double, upper: Double)] = [
        (-37.5, 4.6053530095819552e-308, 1),
        (-30, 4.9067139271481872e-198, 1),
        (-20, 2.7536241186062337e-89, 1),
        (-10, 7.6198530241605269e-24, 1),
        (-8, 6.2209605742717849e-16, 0.99999999999999933),
        (-6, 9.8658764503769809e-10, 0.9999999990134123),
        (-5, 2.8665157187919391e-07, 0.99999971334842808),
        (-4, 3.1671241833119924e-05, 0.99996832875816688),
        (-3.5, 0.00023262907903552494, 0.99976737092096446),
        (-3.0000000999999998, 0.0013498975884453205, 0.99865010241155472),
        (-3, 0.0013498980316300946, 0.9986501019683699),
        (-2.5, 0.0062096653257761349, 0.99379033467422384),
        (-1.96, 0.024997895148220428, 0.97500210485177963),
        (-1, 0.15865525393145705, 0.84134474606854293),
        (-0.5, 0.30853753872598694, 0.69146246127401301),
        (-1e-10, 0.49999999996010575, 0.5000000000398942),
        (0, 0.5, 0.5),
        (1e-10, 0.5000000000398942, 0.49999999996010575),
        (0.29999999999999999, 0.61791142218895267, 0.38208857781104733),
        (1, 0.84134474606854293, 0.15865525393145705),
        (2.8999999999999999, 0.99813418669961596, 0.0018658133003840384),
        (3, 0.9986501019683699, 0.0013498980316300946),
        (3.1000000000000001, 0.99903239678678168, 0.00096760321321835631),
        (5, 0.99999971334842808, 2.8665157187919391e-07),
        (8, 0.99999999999999933, 6.2209605742717849e-16),
        (10, 1, 7.6198530241605269e-24),
        (20, 1, 2.7536241186062337e-89),
        (30, 1, 4.9067139271481872e-198),
        (37.5, 1, 4.6053530095819552e-308),
    ]

    // qnorm(p)
    static let normalQuantiles: [(p: Double, x: Double)] = [
        (1e-300, -37.047096299361201),
        (9.9999999999999998e-201, -30.205594179579634),
        (1e-100, -21.273453560965319),
        (1e-50, -14.933337534788489),
        (9.9999999999999995e-21, -9.2623400897984052),
        (9.9999999999999998e-17, -8.2220822161304348),
        (1e-10, -6.3613409024040557),
        (1.0000000000000001e-05, -4.2648907939228256),
        (0.001, -3.0902323061678132),
        (0.025000000000000001, -1.9599639845400538),
        (0.050000000000000003, -1.6448536269514726),
        (0.10000000000000001, -1.2815515655446008),
        (0.29999999999999999, -0.52440051270804067),
        (0.49990000000000001, -0.00025066283008800752),
        (0.50009999999999999, 0.00025066283008800752),
        (0.69999999999999996, 0.52440051270804067),
        (0.90000000000000002, 1.2815515655446008),
        (0.97499999999999998, 1.9599639845400536),
        (0.999, 3.0902323061678132),
        (0.99999999989999999, 6.3613408896974208),
        (0.999999999999999, 7.9414444874159766),
        (0.99999999999999989, 8.2095361516013856),
    ]
}
