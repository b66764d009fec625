import Testing
import ReadoutStats
import ReadoutTestSupport

/// The ball_synth `binomial` block of Tests/Fixtures/reference/ball_synth/expected.json: MRDNEGFL = "Y" by arm,
/// reference arm first. Everything at Tolerance.closedForm except the Fisher odds ratio and its limits, which
/// R found with `uniroot` (≈ 5 digits) and are compared at Tolerance.uniroot.
@Suite struct BallSynthBinomialTests {
    let binomial: [String: Any]

    init() throws {
        let root = try Fixtures.referenceJSON("ball_synth")
        binomial = try #require(JSONPath.value(root, "binomial") as? [String: Any])
    }

    private func number(_ path: String...) -> Double? {
        var node: Any? = binomial
        for key in path { node = JSONPath.value(node, key) }
        return JSONPath.number(node)
    }

    private func arm(_ name: String) throws -> (successes: Int, trials: Int) {
        let x = try #require(number("by_arm", name, "x"))
        let n = try #require(number("by_arm", name, "n"))
        return (Int(x), Int(n))
    }

    @Test func perArmIntervals() throws {
        let arms = try #require(binomial["arms"] as? [String])
        #expect(arms.count == 2)
        for name in arms {
            let (x, n) = try arm(name)
            let proportion = BinomialProportion(successes: x, trials: n)
            expectClose(proportion.proportion, number("by_arm", name, "proportion"), relative: Tolerance.closedForm, "\(name) proportion")
            let exact = BinomialInterval.clopperPearson(successes: x, trials: n)
            expectClose(exact.lower, number("by_arm", name, "clopper_pearson", "lower"), relative: Tolerance.closedForm, "\(name) CP lower")
            expectClose(exact.upper, number("by_arm", name, "clopper_pearson", "upper"), relative: Tolerance.closedForm, "\(name) CP upper")
            let score = BinomialInterval.wilson(successes: x, trials: n)
            expectClose(score.lower, number("by_arm", name, "wilson", "lower"), relative: Tolerance.closedForm, "\(name) Wilson lower")
            expectClose(score.upper, number("by_arm", name, "wilson", "upper"), relative: Tolerance.closedForm, "\(name) Wilson upper")
        }
    }

    @Test func newcombeDifferenceBothWays() throws {
        let arms = try #require(binomial["arms"] as? [String])
        #expect(binomial["reference_arm"] as? String == arms[0])
        let reference = try arm(arms[0]), other = try arm(arms[1])
        let d = ProportionDifference.newcombe(reference: reference, other: other)
        expectClose(d.estimate, number("difference", "estimate"), relative: Tolerance.closedForm, "difference")
        expectClose(d.lower, number("difference", "lower"), relative: Tolerance.closedForm, "difference lower")
        expectClose(d.upper, number("difference", "upper"), relative: Tolerance.closedForm, "difference upper")
        let reversed = ProportionDifference.newcombe(reference: other, other: reference)
        expectClose(reversed.estimate, number("difference_reversed", "estimate"), relative: Tolerance.closedForm, "reversed")
        expectClose(reversed.lower, number("difference_reversed", "lower"), relative: Tolerance.closedForm, "reversed lower")
        expectClose(reversed.upper, number("difference_reversed", "upper"), relative: Tolerance.closedForm, "reversed upper")
    }

    @Test func fisherOnTheArmByResponseTable() throws {
        // Rows: arms (reference first); columns: N, Y. The odds ratio is the odds of Y in the other arm
        // relative to the reference arm, a·d/(b·c) for rows (a, b), (c, d).
        let counts = try #require(JSONPath.value(binomial, "fisher", "table", "counts") as? [[Int]])
        let columns = try #require(JSONPath.value(binomial, "fisher", "table", "columns") as? [String])
        #expect(columns == ["N", "Y"])
        let arms = try #require(binomial["arms"] as? [String])
        let reference = try arm(arms[0]), other = try arm(arms[1])
        #expect(counts[0] == [reference.trials - reference.successes, reference.successes])
        #expect(counts[1] == [other.trials - other.successes, other.successes])
        let r = FisherExact.test((counts[0][0], counts[0][1], counts[1][0], counts[1][1]))
        expectClose(r.p, number("fisher", "p"), relative: Tolerance.closedForm, "fisher p")
        expectClose(r.oddsRatio, number("fisher", "odds_ratio_conditional_mle"), relative: Tolerance.uniroot, "odds ratio")
        expectClose(r.lower, number("fisher", "odds_ratio_lower_95"), relative: Tolerance.uniroot, "odds ratio lower")
        expectClose(r.upper, number("fisher", "odds_ratio_upper_95"), relative: Tolerance.uniroot, "odds ratio upper")
        // The reference README: solved to 1e-14, the MLE is 0.389402540 (fisher.test: 0.389402030).
        expectClose(r.oddsRatio, 0.38940254003366809, relative: Tolerance.closedForm, "full-precision MLE")
    }
}
