/// The beta distribution with shape parameters a > 0 and b > 0.
///
/// `cdf` and `survival` are the regularized incomplete beta function I_x(a, b) and its complement
/// (see `IncompleteBeta`: continued fraction with a saddle-point front factor), each with full relative
/// precision in its small tail, as R's `pbeta(x, a, b)` and `pbeta(x, a, b, lower.tail = FALSE)`.
/// `quantile` inverts them to full precision (see `BetaQuantile`), as R's `qbeta`; it gives the
/// Clopper–Pearson limits of `binom.test`.
public enum Beta {
    /// P(X ≤ x) = I_x(a, b), as R's `pbeta(x, a, b)`. NaN for a ≤ 0, b ≤ 0 or NaN input.
    public static func cdf(_ x: Double, a: Double, b: Double) -> Double {
        guard valid(a, b), !x.isNaN else { return .nan }
        return IncompleteBeta.evaluate(x, a, b).lower
    }

    /// P(X > x) = 1 − I_x(a, b), computed directly in the upper tail, as R's `pbeta(x, a, b, lower.tail = FALSE)`.
    public static func survival(_ x: Double, a: Double, b: Double) -> Double {
        guard valid(a, b), !x.isNaN else { return .nan }
        return IncompleteBeta.evaluate(x, a, b).upper
    }

    /// Density x^(a−1) (1−x)^(b−1) / B(a, b) for 0 < x < 1, as R's `dbeta(x, a, b)` (0 outside [0, 1]).
    public static func pdf(_ x: Double, a: Double, b: Double) -> Double {
        guard valid(a, b), !x.isNaN else { return .nan }
        if x < 0 || x > 1 { return 0 }
        if x == 0 { return a < 1 ? .infinity : (a == 1 ? b : 0) }
        if x == 1 { return b < 1 ? .infinity : (b == 1 ? a : 0) }
        let y = DoubleDouble.twoSum(1, -x)
        return IncompleteBeta.frontFactor(x, y.hi, a, b, yLo: y.lo) / (x * y.hi)
    }

    /// x with P(X ≤ x) = p (or P(X > x) = p when `lowerTail` is false), as R's `qbeta(p, a, b, lower.tail)`.
    /// Returns 0 and 1 at the ends and NaN for p outside [0, 1].
    public static func quantile(_ p: Double, a: Double, b: Double, lowerTail: Bool = true) -> Double {
        guard valid(a, b), !p.isNaN, p >= 0, p <= 1 else { return .nan }
        if lowerTail {
            if p == 0 { return 0 }
            if p == 1 { return 1 }
            return BetaQuantile.solve(lower: p, upper: 1 - p, a: a, b: b, smallIsLower: p <= 0.5)
        } else {
            if p == 0 { return 1 }
            if p == 1 { return 0 }
            return BetaQuantile.solve(lower: 1 - p, upper: p, a: a, b: b, smallIsLower: p > 0.5)
        }
    }

    private static func valid(_ a: Double, _ b: Double) -> Bool {
        a > 0 && b > 0 && a.isFinite && b.isFinite
    }
}
