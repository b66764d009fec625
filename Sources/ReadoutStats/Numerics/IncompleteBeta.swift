/// Regularized incomplete beta function I_x(a, b) and its complement, each with full relative precision.
///
/// Continued fraction of Abramowitz & Stegun 26.5.8 evaluated by the modified Lentz method
/// (Numerical Recipes 3rd ed. §6.4, `betacf`), used for I_x(a, b) when x < (a+1)/(a+b+2) and for
/// I_{1−x}(b, a) = 1 − I_x(a, b) otherwise, where it converges in O(√max(a, b)) terms. The front
/// factor x^a (1−x)^b / B(a, b) is Loader's saddle-point binomial density
/// (ab/(a+b)) · dbinom_raw(a; a+b, x, 1−x) (see `Saddlepoint`, as R's `dbeta`), so it neither
/// overflows nor cancels for large or extreme a and b. The tail that the fraction yields is exact to
/// a few ulps; the other is one minus it. Agrees with R's `pbeta` (TOMS 708) to about 1e-13.
enum IncompleteBeta {
    /// I_x(a, b), 1 − I_x(a, b), and the front factor x^a(1−x)^b/B(a, b) (= x(1−x)·density).
    static func evaluate(_ x: Double, _ a: Double, _ b: Double) -> (lower: Double, upper: Double, front: Double) {
        if x <= 0 { return (0, 1, 0) }
        if x >= 1 { return (1, 0, 0) }
        let y = 1 - x
        if x < (a + 1) / (a + b + 2) {
            let front = frontFactor(x, y, a, b)
            let lower = min(1, front * continuedFraction(x, a, b) / a)
            return (lower, 1 - lower, front)
        }
        let front = frontFactor(y, x, b, a)
        let upper = min(1, front * continuedFraction(y, b, a) / b)
        return (1 - upper, upper, front)
    }

    /// x^a y^b / B(a, b) with y = 1 − x, as (ab/(a+b))·exp(log dbinom_raw(a; a+b, x, y)).
    static func frontFactor(_ x: Double, _ y: Double, _ a: Double, _ b: Double) -> Double {
        let n = a + b
        return a * (b / n) * Saddlepoint.logBinomialDensity(a, n, x, y).exponential
    }

    /// 1/(1+ d₁/(1+ d₂/(1+ …))) with d₂ₘ₊₁ = −(a+m)(a+b+m)x/((a+2m)(a+2m+1)), d₂ₘ = m(b−m)x/((a+2m−1)(a+2m)).
    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
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
