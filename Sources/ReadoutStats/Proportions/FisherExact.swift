/// Result of Fisher's exact test on a 2×2 table: two-sided p-value and the conditional maximum-likelihood
/// odds ratio with its exact confidence interval (`nil` bounds when the level is not in (0, 1)).
public struct FisherExactResult: Sendable, Equatable {
    /// Two-sided p-value: the probability of all tables no more likely than the observed one.
    public let p: Double
    /// Conditional MLE of the odds ratio (a·d)/(b·c): 0 when a is at its smallest possible value, +∞ at its largest.
    public let oddsRatio: Double?
    /// Lower exact confidence limit (0 when a is at its smallest possible value).
    public let lower: Double?
    /// Upper exact confidence limit (+∞ when a is at its largest possible value).
    public let upper: Double?

    public init(p: Double, oddsRatio: Double?, lower: Double?, upper: Double?) {
        self.p = p
        self.oddsRatio = oddsRatio
        self.lower = lower
        self.upper = upper
    }
}

/// Fisher's exact test for a 2×2 table, as R's `fisher.test(matrix(c(a, c, b, d), 2))` (two-sided).
///
/// The table has rows (a, b) and (c, d); conditioning on all margins, a follows the noncentral
/// hypergeometric distribution with odds ratio ψ (see `NoncentralHypergeometric`). The p-value sums
/// the null probabilities P(a′) ≤ P(a)·(1 + 1e-7), R's relative tolerance for ties. The odds-ratio
/// estimate is the conditional MLE (E_ψ[a] = a) and the interval inverts the two one-sided tests at
/// (1 − level)/2 each (Cornfield's exact limits). Under the `.sas` convention all three are solved to
/// full precision; under `.r` they are R's own `uniroot` results (absolute tolerance about 1.2e-4 on
/// the odds-ratio scale, see `FisherExact+R.swift`), which is what R prints. With rows (reference
/// arm, other arm) and columns (failure, success), ψ is the odds of success in the other arm
/// relative to the reference arm.
public enum FisherExact {
    /// Two-sided Fisher test of `table` (rows (a, b) and (c, d)); NaN p and `nil` estimates for
    /// negative counts. `convention` chooses full-precision estimates (`.sas`) or R's (`.r`).
    public static func test(_ table: (a: Int, b: Int, c: Int, d: Int), level: Double = 0.95,
                            convention: Convention = .sas) -> FisherExactResult {
        let (a, b, c, d) = table
        guard a >= 0, b >= 0, c >= 0, d >= 0 else {
            return FisherExactResult(p: .nan, oddsRatio: nil, lower: nil, upper: nil)
        }
        let distribution = NoncentralHypergeometric(columnTotals: a + c, b + d, rowTotal: a + b)
        let p = twoSidedP(a, distribution)
        let r = convention == .r
        let estimate = r ? rConditionalMLE(a, distribution) : conditionalMLE(a, distribution)
        guard level > 0, level < 1 else {
            return FisherExactResult(p: p, oddsRatio: estimate, lower: nil, upper: nil)
        }
        let alpha = (1 - level) / 2
        return FisherExactResult(p: p, oddsRatio: estimate,
                                 lower: r ? rLowerLimit(a, alpha, distribution) : lowerLimit(a, alpha, distribution),
                                 upper: r ? rUpperLimit(a, alpha, distribution) : upperLimit(a, alpha, distribution))
    }

    private static func twoSidedP(_ x: Int, _ distribution: NoncentralHypergeometric) -> Double {
        let d = distribution.probabilities(logOddsRatio: 0)
        let cutoff = d[x - distribution.lo] * (1 + 1e-7)
        var p = 0.0
        for probability in d where probability <= cutoff { p += probability }
        return min(1, p)
    }

    private static func conditionalMLE(_ x: Int, _ distribution: NoncentralHypergeometric) -> Double {
        if x == distribution.lo { return 0 }
        if x == distribution.hi { return .infinity }
        let theta = MonotoneRoot.solve(start: 0, maxStep: 4) { distribution.meanMinus(x, logOddsRatio: $0) }
        return exp(theta)
    }

    /// ψ with P_ψ(A ≥ x) = α (R's `ncp.L`).
    private static func lowerLimit(_ x: Int, _ alpha: Double, _ distribution: NoncentralHypergeometric) -> Double {
        if x == distribution.lo { return 0 }
        let theta = MonotoneRoot.solve(start: 0, maxStep: 4) { theta in
            let tail = distribution.tail(x, upper: true, logOddsRatio: theta)
            return (tail.value - alpha, tail.slope)
        }
        return exp(theta)
    }

    /// ψ with P_ψ(A ≤ x) = α (R's `ncp.U`).
    private static func upperLimit(_ x: Int, _ alpha: Double, _ distribution: NoncentralHypergeometric) -> Double {
        if x == distribution.hi { return .infinity }
        let theta = MonotoneRoot.solve(start: 0, maxStep: 4) { theta in
            let tail = distribution.tail(x, upper: false, logOddsRatio: theta)
            return (alpha - tail.value, -tail.slope)
        }
        return exp(theta)
    }
}
