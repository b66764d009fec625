/// The standard normal distribution.
///
/// - `cdf` and `survival` use the C library's `erfc`, accurate to a few ulps in both tails.
/// - `quantile` starts from Wichura's AS 241 rational approximations (Applied Statistics 37:477, 1988;
///   the algorithm behind R's `qnorm`) and polishes with Halley steps on the exact `erfc`-based cdf,
///   so the result is correct to full double precision also far in the tails.
public enum Normal {
    /// P(Z ≤ x), as R's `pnorm(x)`.
    public static func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return 0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// P(Z > x), as R's `pnorm(x, lower.tail = FALSE)`.
    public static func survival(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        return 0.5 * erfc(x / 2.0.squareRoot())
    }

    /// Two-sided p-value for a standard normal statistic: `2 * (1 - pnorm(|z|))`, computed in the upper tail.
    public static func twoSidedP(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        return min(1, 2 * survival(abs(z)))
    }

    /// Density φ(x).
    public static func pdf(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// x such that P(Z ≤ x) = p, as R's `qnorm(p)`. Returns ±∞ at 0 and 1, NaN outside [0, 1].
    public static func quantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        var x: Double
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
            let den = (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1)
            x = q * num / den
        } else {
            // Tail: the AS 241 middle-tail approximation is a good start everywhere; Halley polishes it.
            let tail = q < 0 ? p : 1 - p
            let r = (-log(tail)).squareRoot() - 1.6
            let num = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                + 4.6303378461565452959) * r + 1.42343711074968357734)
            let den = (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                + 2.05319162663775882187) * r + 1)
            x = num / den
            if q < 0 { x = -x }
        }
        // Halley's method on F(x) - p, using the tail that keeps relative precision.
        for _ in 0..<3 {
            let error: Double
            if x < 0 {
                error = cdf(x) - p
            } else {
                error = (1 - p) - survival(x)  // = F(x) - p without cancellation when p is near 1
            }
            let density = pdf(x)
            guard density > 0, error.isFinite else { break }
            let u = error / density
            let step = u / (1 + 0.5 * x * u)
            x -= step
            if abs(step) <= 1e-16 * max(1, abs(x)) { break }
        }
        return x
    }
}
