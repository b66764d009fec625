/// Inverse of the regularized incomplete beta function (R's `qbeta`), to full double precision.
///
/// Starting point: Numerical Recipes 3rd ed. §6.14 (`invbetai`): for a, b ≥ 1 the normal-based
/// approximation of Abramowitz & Stegun 26.5.22, otherwise the two power-law tails x^a/(aB) and
/// (1−x)^b/(bB). Newton's method then runs in u = log x on log T(x) − log target, where T is the
/// tail whose target is the smaller (so a target like 1e-300 keeps its precision, and the power-law
/// tails are nearly linear in u), with the bracket safeguard of `MonotoneRoot`. The slope is
/// d log I/du = x·f(x)/I = front/((1−x)·I).
enum BetaQuantile {
    /// x with I_x(a, b) = `lower` and 1 − I_x(a, b) = `upper` (one of them exact: the smaller if `smallIsLower`).
    static func solve(lower: Double, upper: Double, a: Double, b: Double, smallIsLower: Bool) -> Double {
        let target = smallIsLower ? lower : upper
        let logTarget = log(target)
        let x0 = initialGuess(lower: lower, upper: upper, a: a, b: b)
        let logTargetValue = { (x: Double) -> (value: Double, slope: Double) in
            // log T(x) − log target (or its negative for the upper tail) and its derivative in log x.
            let tails = IncompleteBeta.evaluate(x, a, b)
            let tail = smallIsLower ? tails.lower : tails.upper
            let value = smallIsLower ? log(tail) - logTarget : logTarget - log(tail)
            return (value, tails.front / ((1 - x) * tail))
        }
        let u = MonotoneRoot.solve(start: log(x0), upperLimit: 0) { u in
            let x = exp(u)
            if x >= 1 { return (.infinity, 0) }
            if x == 0 { return (-.infinity, 0) }
            return logTargetValue(x)
        }
        // u carries only |u|·ε absolute precision, so x = e^u is polished by Newton steps in x itself.
        var x = exp(u)
        for _ in 0..<3 where x > 0 && x < 1 {
            let (value, slope) = logTargetValue(x)
            guard value.isFinite, slope > 0, slope.isFinite else { break }
            let step = value / slope * x
            let next = x - step
            guard next > 0, next < 1 else { break }
            x = next
            if abs(step) <= Double.ulpOfOne * x { break }
        }
        return x
    }

    private static func initialGuess(lower p: Double, upper q: Double, a: Double, b: Double) -> Double {
        var x: Double
        if a >= 1 && b >= 1 {
            // A&S 26.5.22 with the upper-tail normal deviate w0 = −Φ⁻¹(p), from the smaller tail.
            let w0 = p < 0.5 ? -Normal.quantile(p) : Normal.quantile(q)
            let al = (w0 * w0 - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = w0 * (al + h).squareRoot() / h
                - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h))
            x = a / (a + b * exp(2 * w))
            // Deep in a tail the power law is the better start.
            if p < 1e-8 { x = min(x, powerLawLower(p, a, b)) }
            if q < 1e-8 { x = max(x, 1 - powerLawUpper(q, a, b)) }
        } else {
            let lna = log(a / (a + b)), lnb = log(b / (a + b))
            let t = exp(a * lna) / a, v = exp(b * lnb) / b
            let w = t + v
            x = p < t / w ? exp(log(a * w * p) / a) : 1 - exp(log(b * w * q) / b)
        }
        if !(x > 0) || x.isNaN { x = Double.leastNormalMagnitude }
        if x >= 1 { x = 1 - Double.ulpOfOne }
        return x
    }

    /// x solving x^a/(a·B(a, b)) ≈ p, the lower tail's leading term.
    private static func powerLawLower(_ p: Double, _ a: Double, _ b: Double) -> Double {
        exp((log(p) + log(a) + lgamma(a) + lgamma(b) - lgamma(a + b)) / a)
    }

    /// 1 − x solving (1−x)^b/(b·B(a, b)) ≈ q, the upper tail's leading term.
    private static func powerLawUpper(_ q: Double, _ a: Double, _ b: Double) -> Double {
        exp((log(q) + log(b) + lgamma(a) + lgamma(b) - lgamma(a + b)) / b)
    }
}
