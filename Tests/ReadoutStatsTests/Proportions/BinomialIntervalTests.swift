import Testing
import ReadoutStats
import ReadoutTestSupport

/// One- and two-sample binomial intervals against R 4.2.2: `binom.test` (Clopper–Pearson), `prop.test(correct =
/// FALSE)` (Wilson) and Newcombe's method 10 computed from the two Wilson intervals, including 0/n, n/n, 1/1,
/// 0/1 and n = 5000. Made by Tests/Fixtures/proportions/proportion_gold.R.
@Suite struct BinomialIntervalTests {
    @Test func clopperPearsonAndWilsonMatchR() {
        for c in Self.binomial {
            let label = "(\(c.x), \(c.n), level \(c.level))"
            let exact = BinomialInterval.clopperPearson(successes: c.x, trials: c.n, level: c.level)
            expectClose(exact.estimate, Double(c.x) / Double(c.n), relative: Tolerance.closedForm, "estimate\(label)")
            expectClose(exact.lower, c.cpLower, relative: Tolerance.closedForm, "binom.test\(label) lower")
            expectClose(exact.upper, c.cpUpper, relative: Tolerance.closedForm, "binom.test\(label) upper")
            let score = BinomialInterval.wilson(successes: c.x, trials: c.n, level: c.level)
            expectClose(score.estimate, Double(c.x) / Double(c.n), relative: Tolerance.closedForm, "estimate\(label)")
            expectClose(score.lower, c.wilsonLower, relative: Tolerance.closedForm, "prop.test\(label) lower")
            expectClose(score.upper, c.wilsonUpper, relative: Tolerance.closedForm, "prop.test\(label) upper")
        }
    }

    /// qbeta-based limits are full precision (R's qbeta is exact to about 1e-15): the worst relative difference
    /// observed over n = 1…40 (all x), 97, 200, 1000, 12345, 2e4, 5e4, 65000, 1e5 and 1e6 at three levels is
    /// 1.6e-14, so these large-n cases, where a naive continued fraction loses 1e-11, are held to 1e-12.
    static let fullPrecision = 1e-12

    // binom.test(x, n, conf.level = level)$conf.int
    static let largeTrials: [(x: Int, n: Int, level: Double, lower: Double, upper: Double)] = [
        (0, 1000000, 0.94999999999999996, 0, 3.6888726502064855e-06),
        (2, 1000000, 0.80000000000000004, 5.3181173288371819e-07, 5.3223114966139177e-06),
        (10, 1000000, 0.999, 2.6990416093309506e-06, 2.5255366735942346e-05),
        (546, 1000000, 0.94999999999999996, 0.00050116759409814542, 0.00059376519028850176),
        (500000, 1000000, 0.94999999999999996, 0.49901951919531184, 0.50098048080468816),
        (999998, 1000000, 0.80000000000000004, 0.99999467768850336, 0.99999946818826713),
        (3, 65000, 0.94999999999999996, 9.5181337966010577e-06, 0.00013487514044829358),
    ]

    @Test func clopperPearsonForLargeTrialsIsFullPrecision() {
        for c in Self.largeTrials {
            let exact = BinomialInterval.clopperPearson(successes: c.x, trials: c.n, level: c.level)
            expectClose(exact.lower, c.lower, relative: Self.fullPrecision, "binom.test(\(c.x), \(c.n)) lower")
            expectClose(exact.upper, c.upper, relative: Self.fullPrecision, "binom.test(\(c.x), \(c.n)) upper")
        }
    }

    @Test func boundsAreExactAtTheEnds() {
        #expect(BinomialInterval.clopperPearson(successes: 0, trials: 12).lower == 0)
        #expect(BinomialInterval.clopperPearson(successes: 12, trials: 12).upper == 1)
        #expect(BinomialInterval.wilson(successes: 0, trials: 12).lower == 0)
        #expect(BinomialInterval.wilson(successes: 12, trials: 12).upper == 1)
    }

    @Test func newcombeMatchesR() {
        for c in Self.newcombe {
            let label = "reference \(c.x0)/\(c.n0), other \(c.x1)/\(c.n1), level \(c.level)"
            let d = ProportionDifference.newcombe(reference: (c.x0, c.n0), other: (c.x1, c.n1), level: c.level)
            expectClose(d.estimate, c.estimate, relative: Tolerance.closedForm, "difference \(label)")
            expectClose(d.lower, c.lower, relative: Tolerance.closedForm, "lower \(label)")
            expectClose(d.upper, c.upper, relative: Tolerance.closedForm, "upper \(label)")
        }
    }

    @Test func noTrialsOrInvalidInputGiveNoEstimate() {
        let empty = Estimate(estimate: nil, lower: nil, upper: nil)
        #expect(BinomialProportion(successes: 0, trials: 0).proportion == nil)
        #expect(BinomialProportion(successes: 3, trials: 4).proportion == 0.75)
        #expect(BinomialInterval.clopperPearson(successes: 0, trials: 0) == empty)
        #expect(BinomialInterval.wilson(successes: 0, trials: 0) == empty)
        #expect(BinomialInterval.wilson(successes: 5, trials: 4) == empty)
        #expect(BinomialInterval.clopperPearson(successes: -1, trials: 4) == empty)
        #expect(ProportionDifference.newcombe(reference: (0, 0), other: (3, 10)) == empty)
        #expect(BinomialInterval.wilson(successes: 1, trials: 4, level: 1) == Estimate(estimate: 0.25, lower: nil, upper: nil))
        #expect(BinomialInterval.clopperPearson(successes: 1, trials: 4, level: 0) == Estimate(estimate: 0.25, lower: nil, upper: nil))
    }

// binom.test(x, n, conf.level = level)$conf.int and prop.test(x, n, correct = FALSE, conf.level = level)$conf.int
    static let binomial: [(x: Int, n: Int, level: Double, cpLower: Double, cpUpper: Double, wilsonLower: Double, wilsonUpper: Double)] = [
        (0, 10, 0.94999999999999996, 0, 0.30849710781876083, 0, 0.27753279986288915),
        (10, 10, 0.94999999999999996, 0.69150289218123917, 1, 0.72246720013711085, 1),
        (1, 1, 0.94999999999999996, 0.025000000000000022, 1, 0.2065493143772375, 1),
        (0, 1, 0.94999999999999996, 0, 0.97499999999999998, 0, 0.79345068562276255),
        (3, 17, 0.94999999999999996, 0.037985068070625981, 0.43431787284428391, 0.061911266376209959, 0.41029458568834115),
        (71, 89, 0.94999999999999996, 0.69932798314256739, 0.87550585793348368, 0.7028034801630848, 0.86806217267375352),
        (55, 91, 0.94999999999999996, 0.49640382697331964, 0.70539513044530811, 0.50166614848900781, 0.69866818036100609),
        (1, 5000, 0.94999999999999996, 5.0635487770515912e-06, 0.0011138193803339729, 3.5305783439365209e-05, 0.0011320890808397361),
        (2500, 5000, 0.94999999999999996, 0.48604437400092576, 0.51395562599907429, 0.48614628258320963, 0.51385371741679042),
        (4990, 5000, 0.94999999999999996, 0.99632501451913957, 0.99904051868225141, 0.99632211572366702, 0.99891325313905621),
        (5000, 5000, 0.94999999999999996, 0.99926249619889185, 1, 0.99923229805494296, 1),
        (0, 10, 0.90000000000000002, 0, 0.2588655508930523, 0, 0.21294197008340682),
        (10, 10, 0.90000000000000002, 0.74113444910694759, 1, 0.78705802991659313, 1),
        (1, 1, 0.90000000000000002, 0.049999999999999989, 1, 0.26986594878405434, 1),
        (0, 1, 0.90000000000000002, 0, 0.94999999999999996, 0, 0.73013405121594566),
        (3, 17, 0.90000000000000002, 0.049898154557422941, 0.39564143344482094, 0.072814466547064485, 0.36896697806902579),
        (71, 89, 0.90000000000000002, 0.71498769215918523, 0.86501143099043964, 0.71941839080054526, 0.85851831840755111),
        (55, 91, 0.90000000000000002, 0.51293176951696051, 0.69062723606491994, 0.51823922907279996, 0.68452358836187754),
        (1, 5000, 0.90000000000000002, 1.025860625764905e-05, 0.00094841777000437971, 4.4619708780226379e-05, 0.00089598001535354493),
        (2500, 5000, 0.90000000000000002, 0.48827132595905631, 0.51172867404094369, 0.48837227396958033, 0.51162772603041962),
        (4990, 5000, 0.90000000000000002, 0.99660991801874499, 0.99891453068825853, 0.99665735839545, 0.99880398881819821),
        (5000, 5000, 0.90000000000000002, 0.99940103299768512, 1, 0.999459183949446, 1),
        (0, 10, 0.98999999999999999, 0, 0.41129598134752532, 0, 0.39885409330490795),
        (10, 10, 0.98999999999999999, 0.58870401865247468, 1, 0.60114590669509194, 1),
        (1, 1, 0.98999999999999999, 0.0050000000000000044, 1, 0.1309775432801859, 1),
        (0, 1, 0.98999999999999999, 0, 0.995, 0, 0.86902245671981404),
        (3, 17, 0.98999999999999999, 0.020924344300440996, 0.51040375049489295, 0.04582970654468152, 0.48875679130677457),
        (71, 89, 0.98999999999999999, 0.66790627712845463, 0.89454591501269087, 0.66929803840526902, 0.88489297223711649),
        (55, 91, 0.98999999999999999, 0.4641945709973721, 0.73337112004609395, 0.46963466746445692, 0.72496788409702295),
        (1, 5000, 0.98999999999999999, 1.0025078621975138e-06, 0.0014850707328473544, 2.3481528337591434e-05, 0.0017012091629855163),
        (2500, 5000, 0.98999999999999999, 0.48169318232158026, 0.5183068176784198, 0.48179820901919979, 0.51820179098080021),
        (4990, 5000, 0.98999999999999999, 0.99572531086586391, 0.99925622250020518, 0.9955848512272969, 0.99909522887618663),
        (5000, 5000, 0.98999999999999999, 0.99894089777176753, 1, 0.99867477922036507, 1),
    ]

    // newcombe(x0, n0, x1, n1, level) above: estimate, lower, upper
    static let newcombe: [(x0: Int, n0: Int, x1: Int, n1: Int, level: Double, estimate: Double, lower: Double, upper: Double)] = [
        (71, 89, 55, 91, 0.94999999999999996, -0.19335720459315964, -0.31784313846784884, -0.059556256825218201),
        (55, 91, 71, 89, 0.94999999999999996, 0.19335720459315964, 0.059556256825218201, 0.31784313846784884),
        (0, 20, 0, 25, 0.94999999999999996, 0, -0.1611251580528193, 0.13319225093904843),
        (20, 20, 0, 25, 0.94999999999999996, -1, -1, -0.79095098118442064),
        (1, 1, 0, 1, 0.90000000000000002, -1, -1, 0.032565477580002389),
        (2500, 5000, 2600, 5000, 0.94999999999999996, 0.020000000000000018, 0.00040486172377793977, 0.039573433077078189),
        (3, 17, 9, 12, 0.98999999999999999, 0.57352941176470584, 0.095222136986579664, 0.7994094307060875),
    ]
}
