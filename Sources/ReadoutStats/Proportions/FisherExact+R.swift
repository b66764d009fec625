// Fisher's conditional-MLE odds ratio and its exact limits exactly as R's `fisher.test` (stats,
// R 4.2) finds them: `mle`, `ncp.L` and `ncp.U` solve on the odds-ratio scale t ∈ [0, 1] (or on 1/t
// when the root lies above 1) with `uniroot` at its default absolute tolerance of about 1.2e-4,
// using `mnhyper(t)` (the mean) and `pnhyper(x, t)` (a tail) with their special values at t = 0, 1
// and ∞. Near 0 on either scale that leaves few significant digits (a limit of 0.004 can be 30% off
// the exact root), so matching R needs R's steps (`RUniroot`), not a more precise root.

extension FisherExact {
    /// `fisher.test`'s `mle(x)`.
    static func rConditionalMLE(_ x: Int, _ distribution: NoncentralHypergeometric) -> Double {
        if x == distribution.lo { return 0 }
        if x == distribution.hi { return .infinity }
        let mean = { (t: Double) -> Double in rMean(t, distribution) - Double(x) }
        let mu = mean(1)
        if mu > 0 { return RUniroot.root(lower: 0, upper: 1, mean) }
        if mu < 0 { return 1 / RUniroot.root(lower: Double.ulpOfOne, upper: 1) { mean(1 / $0) } }
        return 1
    }

    /// `fisher.test`'s `ncp.L(x, alpha)`.
    static func rLowerLimit(_ x: Int, _ alpha: Double, _ distribution: NoncentralHypergeometric) -> Double {
        if x == distribution.lo { return 0 }
        let tail = { (t: Double) -> Double in rTail(x, t, upper: true, distribution) - alpha }
        let p = tail(1)
        if p > 0 { return RUniroot.root(lower: 0, upper: 1, tail) }
        if p < 0 { return 1 / RUniroot.root(lower: Double.ulpOfOne, upper: 1) { tail(1 / $0) } }
        return 1
    }

    /// `fisher.test`'s `ncp.U(x, alpha)`.
    static func rUpperLimit(_ x: Int, _ alpha: Double, _ distribution: NoncentralHypergeometric) -> Double {
        if x == distribution.hi { return .infinity }
        let tail = { (t: Double) -> Double in rTail(x, t, upper: false, distribution) - alpha }
        let p = tail(1)
        if p < 0 { return RUniroot.root(lower: 0, upper: 1, tail) }
        if p > 0 { return 1 / RUniroot.root(lower: Double.ulpOfOne, upper: 1) { tail(1 / $0) } }
        return 1
    }

    /// `mnhyper(t)`: lo at t = 0, hi at t = ∞.
    private static func rMean(_ t: Double, _ distribution: NoncentralHypergeometric) -> Double {
        if t == 0 { return Double(distribution.lo) }
        if t == .infinity { return Double(distribution.hi) }
        return distribution.meanMinus(0, logOddsRatio: log(t)).value
    }

    /// `pnhyper(x, t, upper.tail)`: a step at lo (t = 0) or hi (t = ∞).
    private static func rTail(_ x: Int, _ t: Double, upper: Bool, _ distribution: NoncentralHypergeometric) -> Double {
        if t == 0 { return (upper ? x <= distribution.lo : x >= distribution.lo) ? 1 : 0 }
        if t == .infinity { return (upper ? x <= distribution.hi : x >= distribution.hi) ? 1 : 0 }
        return distribution.tail(x, upper: upper, logOddsRatio: t == 1 ? 0 : log(t)).value
    }
}
