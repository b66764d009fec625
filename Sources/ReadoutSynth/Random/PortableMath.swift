// Natural logarithm and exponential from IEEE-754 basic operations only (+, −, ×, ÷, exact scaling by
// powers of two), so every platform computes the same bits: the system libm (glibc, Apple, musl)
// may differ in the last place, which could move a sampled time across a day boundary.
// log: x = m·2^e with m in [√½, √2), log m = 2·atanh(s), s = (m − 1)/(m + 1), odd series to s^25
// (|s| ≤ 0.1716, truncation < 1e-20); e·ln 2 added with fdlibm's split ln2_hi + ln2_lo.
// exp: x = k·ln 2 + r, |r| ≤ ½ ln 2, Taylor series to r^17/17! (truncation < 1e-19), scaled by 2^k.
// Accurate to a few units in the last place, which is ample for simulation.

/// Deterministic `log`, `exp` and `pow` for the samplers, independent of the platform's libm.
enum PortableMath {
    private static let ln2High = 6.93147180369123816490e-01
    private static let ln2Low = 1.90821492927058770002e-10
    private static let inverseLn2 = 1.44269504088896338700e+00
    private static let sqrt2 = 1.41421356237309514547e+00

    /// Natural logarithm; `-infinity` at 0, NaN below 0, `+infinity` at `+infinity`.
    static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return .infinity }
        var m = x.significand          // exact, in [1, 2)
        var e = Double(x.exponent)
        if m > sqrt2 { m /= 2; e += 1 }  // exact
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var series = 1.0 / 25.0
        var k = 23.0
        while k >= 1 {
            series = series * s2 + 1.0 / k
            k -= 2
        }
        return e * ln2High + (2 * s * series + e * ln2Low)
    }

    /// Exponential; 0 below −745.2, `+infinity` above 709.8.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        let k = (x * inverseLn2).rounded(.toNearestOrEven)
        let r = (x - k * ln2High) - k * ln2Low
        var series = 1.0
        var n = 17.0
        while n >= 1 {
            series = 1 + series * r / n
            n -= 1
        }
        // 2^k scaling in two steps keeps the intermediate finite for k near the subnormal range.
        let half = (k / 2).rounded(.towardZero)
        return series * Double(sign: .plus, exponent: Int(half), significand: 1)
            * Double(sign: .plus, exponent: Int(k - half), significand: 1)
    }

    /// `x^y` for `x ≥ 0` as `exp(y · log x)`; `0^y` is 0 for `y > 0` and 1 for `y == 0`.
    static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 { return 1 }
        if x == 0 { return y > 0 ? 0 : .infinity }
        return exp(y * log(x))
    }
}
