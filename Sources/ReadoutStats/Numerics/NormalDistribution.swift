/// The standard normal distribution.
///
/// - `cdf` and `survival` use the C library's `erfc` for |x| ≤ 3. Beyond, the small tail is
///   φ(x)·R(x), with Mills' ratio R(x) = 1/(x+1/(x+2/(x+3/(x+…)))) by Lentz's continued fraction
///   (Abramowitz & Stegun 26.2.14) and φ(x) from x² split into an exactly squared high part and a
///   small low part (Cody's trick, ACM TOMS 715), so the far tails keep full relative precision
///   where `erfc(x/√2)` would lose x²·ε to the rounded argument. Matches R's `pnorm` to about 1e-15.
/// - `quantile` starts from Wichura's AS 241 rational approximations (Applied Statistics 37:477, 1988;
///   the algorithm behind R's `qnorm`) and polishes with Halley steps on the cdf above, so the result
///   is correct to full double precision also far in the tails.
public enum Normal {
    private static let inverseSqrt2Pi = 0.398942280401432677939946059934
    private static let inverseSqrt2 = 0.707106781186547524400844362105

    /// P(Z ≤ x), as R's `pnorm(x)`.
    public static func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x < -3 { return smallTail(-x) }
        if x <= 3 { return 0.5 * erfc(-x * inverseSqrt2) }
        return 1 - smallTail(x)
    }

    /// P(Z > x), as R's `pnorm(x, lower.tail = FALSE)`.
    public static func survival(_ x: Double) -> Double {
        cdf(-x)
    }

    /// Two-sided p-value for a standard normal statistic: `2 * (1 - pnorm(|z|))`, computed in the upper tail.
    public static func twoSidedP(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        return min(1, 2 * survival(abs(z)))
    }

    /// Density φ(x) = exp(−x²/2)/√(2π), with x² formed without rounding error in the exponent.
    public static func pdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let t = abs(x)
        if t > 40 { return 0 }
        let high = (t * 16).rounded(.towardZero) / 16  // few bits: high² is exact
        let low = t - high
        return inverseSqrt2Pi * exp(-0.5 * high * high) * exp(-0.5 * low * (t + high))
    }

    /// Q(t) = P(Z > t) for t > 3, as φ(t) times Mills' ratio.
    private static func smallTail(_ t: Double) -> Double {
        if t == .infinity { return 0 }
        let tiny = 1e-300
        // Lentz: f = t + 1/(t + 2/(t + 3/(t + …))), R = 1/f.
        var f = t
        var c = t
        var d = 0.0
        var n = 1.0
        while n < 10_000 {
            d = t + n * d
            if abs(d) < tiny { d = tiny }
            d = 1 / d
            c = t + n / c
            if abs(c) < tiny { c = tiny }
            let delta = c * d
            f *= delta
            if abs(delta - 1) <= Double.ulpOfOne { break }
            n += 1
        }
        return pdf(t) / f
    }

    /// x such that P(Z ≤ x) = p, as R's `qnorm(p)`. Returns ±∞ at 0 and 1, NaN outside [0, 1].
    public static func quantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        var x = initialQuantile(p)
        // Halley's method on F(x) − p, in the tail that keeps relative precision.
        for _ in 0..<4 {
            let error = x < 0 ? cdf(x) - p : (1 - p) - survival(x)  // 1 − p is exact for p ≥ ½
            let density = pdf(x)
            guard density > 0, error.isFinite, error != 0 else { break }
            let u = error / density
            let step = u / (1 + 0.5 * x * u)
            x -= step
            if abs(step) <= 1e-16 * abs(x) { break }
        }
        return x
    }

    /// Wichura's AS 241 (PPND16), accurate to about 1e-16 before polishing.
    private static func initialQuantile(_ p: Double) -> Double {
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
            let den = (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1)
            return q * num / den
        }
        let tail = q < 0 ? p : 1 - p
        var r = (-log(tail)).squareRoot()
        let x: Double
        if r <= 5 {
            r -= 1.6
            let num = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                + 4.6303378461565452959) * r + 1.42343711074968357734)
            let den = (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                + 2.05319162663775882187) * r + 1)
            x = num / den
        } else {
            r -= 5
            let num = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                + 5.4637849111641143699) * r + 6.6579046435011037772)
            let den = (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                + 0.59983220655588793769) * r + 1)
            x = num / den
        }
        return q < 0 ? -x : x
    }
}
