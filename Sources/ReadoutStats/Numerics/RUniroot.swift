// R's `uniroot` (stats, R 4.2): Brent's (1973) zeroin as R codes it in src/library/stats/src/zeroin.c
// (`R_zeroin2`, given f at both ends), at uniroot's default tol = .Machine$double.eps^0.25 and
// maxiter = 1000. Each step is inverse quadratic (or secant) interpolation when it falls inside
// the bracket and shrinks fast enough, else bisection; it stops when half the bracket is within
// tol_act = 2·ε·|b| + tol/2. The tolerance is absolute, so a root near 0 keeps few significant
// digits: reproducing the steps, not just the root, is what makes a result agree with R's.

/// R's `uniroot(f, c(lower, upper))$root` at its default tolerance, step for step.
enum RUniroot {
    /// uniroot's default `tol`, `.Machine$double.eps^0.25`.
    static let defaultTolerance: Double = Double.ulpOfOne.squareRoot().squareRoot()

    /// The root R's `uniroot` returns for `f` on [lower, upper]; `f(lower)` and `f(upper)` must not
    /// have the same sign (R stops with an error then; here the end with the smaller |f| is returned).
    /// A non-finite value of f is replaced by ±greatestFiniteMagnitude, as R's `zeroin2` does.
    static func root(lower: Double, upper: Double, tolerance: Double = defaultTolerance, maxIterations: Int = 1000,
                            _ f: (Double) -> Double) -> Double {
        func value(_ x: Double) -> Double {
            let y = f(x)
            if y.isFinite { return y }
            return y == -.infinity ? -.greatestFiniteMagnitude : .greatestFiniteMagnitude
        }
        var a = lower, b = upper
        var fa = value(a), fb = value(b)
        if fa == 0 { return a }
        if fb == 0 { return b }
        guard (fa < 0) != (fb < 0) else { return abs(fa) < abs(fb) ? a : b }
        var c = a, fc = fa
        for _ in 0...maxIterations {
            let previousStep = b - a
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tolAct = 2 * Double.ulpOfOne * abs(b) + tolerance / 2
            var newStep = (c - b) / 2
            if abs(newStep) <= tolAct || fb == 0 { return b }
            if abs(previousStep) >= tolAct && abs(fa) > abs(fb) {
                var p: Double, q: Double
                let cb = c - b
                if a == c {
                    let t1 = fb / fa
                    p = cb * t1
                    q = 1 - t1
                } else {
                    let qa = fa / fc, t1 = fb / fc, t2 = fb / fa
                    p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1))
                    q = (qa - 1) * (t1 - 1) * (t2 - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if p < 0.75 * cb * q - abs(tolAct * q) / 2 && p < abs(previousStep * q / 2) {
                    newStep = p / q
                }
            }
            if abs(newStep) < tolAct { newStep = newStep > 0 ? tolAct : -tolAct }
            a = b; fa = fb
            b += newStep
            fb = value(b)
            if (fb > 0 && fc > 0) || (fb < 0 && fc < 0) {
                c = a; fc = fa
            }
        }
        return b
    }
}
