/// Regularized incomplete beta function I_x(a, b) and its complement, each with full relative precision.
///
/// Continued fraction of Abramowitz & Stegun 26.5.8 evaluated by the modified Lentz method
/// (Numerical Recipes 3rd ed. §6.4, `betacf`): for I_x(a, b) when x < (a+1)/(a+b+2) and for
/// I_{1−x}(b, a) = 1 − I_x(a, b) otherwise, where it converges in O(√max(a, b)) terms. The front
/// factor x^a (1−x)^b / B(a, b) is Loader's saddle-point binomial density
/// (ab/(a+b)) · dbinom_raw(a; a+b, x, 1−x) (see `Saddlepoint`, as R's `dbeta`), with 1 − x carried as
/// a double-double, so it neither overflows nor cancels for large or extreme a and b.
/// When the fraction's argument z is within 1/k of 1 (k the other shape), its denominators cancel and
/// cost about ε/(1 − z); for integer shapes (Clopper–Pearson's qbeta(α, x, n−x+1)) the tail is then the
/// finite binomial sum P(Bin(a+b−1, x) ≤ a−1) or P(… ≥ a) of at most k positive terms instead.
/// Agrees with R's `pbeta` (TOMS 708) to about 1e-13 relative; for non-integer a ≪ 1 with b ≳ 1e4 just
/// past the switch point the fraction's cancellation remains and agreement drops to about 1e-11.
enum IncompleteBeta {
    /// I_x(a, b), 1 − I_x(a, b), and the front factor x^a(1−x)^b/B(a, b) (= x(1−x)·density).
    static func evaluate(_ x: Double, _ a: Double, _ b: Double) -> (lower: Double, upper: Double, front: Double) {
        if x <= 0 { return (0, 1, 0) }
        if x >= 1 { return (1, 0, 0) }
        let y = DoubleDouble.twoSum(1, -x)  // 1 − x = y.hi + y.lo exactly
        if x < (a + 1) / (a + b + 2) {
            let front = frontFactor(x, y.hi, a, b, yLo: y.lo)
            let lower = binomialTailApplies(argument: x, terms: b, other: a)
                ? binomialUpperSum(x, y, a, b)
                : Swift.min(1, front * continuedFraction(x, a, b) / a)
            return (lower, 1 - lower, front)
        }
        let front = frontFactor(y.hi, x, b, a, xLo: y.lo)
        let upper = binomialTailApplies(argument: y.hi, terms: a, other: b)
            ? binomialLowerSum(x, y, a, b)
            : Swift.min(1, front * continuedFraction(y.hi, b, a, xLo: y.lo) / b)
        return (1 - upper, upper, front)
    }

    /// Whether the fraction's argument is so close to 1 that its cancelling denominators (relative error
    /// about ε/(1 − argument)) would do worse than the finite binomial sum of `terms` positive terms,
    /// which exists for integer shapes.
    private static func binomialTailApplies(argument: Double, terms: Double, other: Double) -> Bool {
        (1 - argument) * terms < 1 && terms <= 10_000
            && terms == terms.rounded() && other == other.rounded()
    }

    /// For integer a, b: 1 − I_x(a, b) = P(Bin(a+b−1, x) ≤ a − 1), summed down from j = a − 1 (the largest
    /// term when x is past the mean) with the ratio P(j−1)/P(j) = j/(n−j+1) · (1−x)/x.
    private static func binomialLowerSum(_ x: Double, _ y: DoubleDouble, _ a: Double, _ b: Double) -> Double {
        let n = a + b - 1
        let yOverX = (y.hi / x) * (1 + y.lo / y.hi)
        var j = a - 1
        var term = Saddlepoint.logBinomialDensity(j, n, x, y.hi, qLo: y.lo, rest: b).exponential
        var sum = term
        while j > 0 && term > sum * 1e-18 {
            term *= j / (n - j + 1) * yOverX
            sum += term
            j -= 1
        }
        return Swift.min(1, sum)
    }

    /// For integer a, b: I_x(a, b) = P(Bin(a+b−1, x) ≥ a), summed up from j = a (the largest term when x is
    /// below the mean) with the ratio P(j+1)/P(j) = (n−j)/(j+1) · x/(1−x).
    private static func binomialUpperSum(_ x: Double, _ y: DoubleDouble, _ a: Double, _ b: Double) -> Double {
        let n = a + b - 1
        let xOverY = (x / y.hi) * (1 - y.lo / y.hi)
        var j = a
        var term = Saddlepoint.logBinomialDensity(j, n, x, y.hi, qLo: y.lo, rest: b - 1).exponential
        var sum = term
        while j < n && term > sum * 1e-18 {
            term *= (n - j) / (j + 1) * xOverY
            sum += term
            j += 1
        }
        return Swift.min(1, sum)
    }

    /// x^a y^b / B(a, b) with y = 1 − x, as (ab/(a+b))·exp(log dbinom_raw(a; a+b, x, y)); `xLo`, `yLo` are
    /// low-order parts of x and y (so y^b stays exact for large b even though 1 − x rounds).
    static func frontFactor(_ x: Double, _ y: Double, _ a: Double, _ b: Double,
                            xLo: Double = 0, yLo: Double = 0) -> Double {
        let n = a + b
        return a * (b / n) * Saddlepoint.logBinomialDensity(a, n, x, y, pLo: xLo, qLo: yLo, rest: b).exponential
    }

    /// 1/(1+ d₁/(1+ d₂/(1+ …))) with d₂ₘ₊₁ = −(a+m)(a+b+m)x/((a+2m)(a+2m+1)), d₂ₘ = m(b−m)x/((a+2m−1)(a+2m)),
    /// where x = x + xLo exactly. The first denominator ((a+1) − (a+b)x)/(a+1) nears 0 at the switch point; it is
    /// formed with one fused rounding so the fraction does not inherit ε/(that denominator) of error.
    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double, xLo: Double = 0) -> Double {
        let tiny = 1e-300
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = (qap.addingProduct(-qab, x) - qab * xLo) / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1.0
        while m < 1_000_000 {
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= Double.ulpOfOne { break }
            m += 1
        }
        return h
    }
}
