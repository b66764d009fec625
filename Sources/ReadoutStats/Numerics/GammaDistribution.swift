/// Regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x).
///
/// Series for x < a + 1, Lentz's continued fraction otherwise (Numerical Recipes 3rd ed. §6.2;
/// Abramowitz & Stegun 6.5.29 and 6.5.31). Q is computed directly in the upper tail, so tiny
/// p-values keep their relative precision.
enum IncompleteGamma {
    static func lowerRegularized(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x < a + 1 { return series(a, x) }
        return 1 - continuedFraction(a, x)
    }

    static func upperRegularized(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 1 }
        if x < a + 1 { return 1 - series(a, x) }
        return continuedFraction(a, x)
    }

    private static func prefactor(_ a: Double, _ x: Double) -> Double {
        exp(-x + a * log(x) - lgamma(a))
    }

    private static func series(_ a: Double, _ x: Double) -> Double {
        var ap = a
        var term = 1 / a
        var sum = term
        for _ in 0..<10_000 {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * prefactor(a, x)
    }

    private static func continuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 10_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-17 { break }
            i += 1
        }
        return prefactor(a, x) * h
    }
}
