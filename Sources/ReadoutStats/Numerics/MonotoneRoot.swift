/// Root of an increasing function to full double precision: Newton steps inside a bracket.
///
/// The bracket starts as (lowerLimit, upperLimit) and shrinks with every evaluation's sign. A Newton
/// step that leaves it (or has no usable slope) is replaced by bisection when the bracket is finite,
/// and by a step that doubles each time while one end is still infinite. Newton's quadratic
/// convergence then gives the last digits; iteration stops when a step or the bracket is within
/// `relative`·|t| + `absolute`. Newton steps longer than `maxStep` are shortened to it. Used where R calls `uniroot` at its default 1e-4 tolerance
/// (Fisher's conditional odds ratio) and for `qbeta`.
enum MonotoneRoot {
    static func solve(
        start: Double,
        lowerLimit: Double = -.infinity,
        upperLimit: Double = .infinity,
        relative: Double = 4 * Double.ulpOfOne,
        absolute: Double = 4 * Double.ulpOfOne,
        maxStep: Double = .infinity,
        maxEvaluations: Int = 500,
        _ f: (Double) -> (value: Double, slope: Double)
    ) -> Double {
        var lo = lowerLimit, hi = upperLimit
        var t = start
        var width = 1.0
        for _ in 0..<maxEvaluations {
            let (value, slope) = f(t)
            if value == 0 { return t }
            if value.isNaN { break }
            if value < 0 { lo = t } else { hi = t }
            var step = slope > 0 && slope.isFinite ? value / slope : .nan
            if abs(step) > maxStep { step = step > 0 ? maxStep : -maxStep }
            var next = t - step
            if !(next > lo && next < hi) {
                if lo.isFinite && hi.isFinite {
                    next = lo + (hi - lo) / 2
                } else if lo.isFinite {
                    next = lo + width
                    width *= 2
                } else {
                    next = hi - width
                    width *= 2
                }
            }
            let tolerance = relative * abs(next) + absolute
            if abs(next - t) <= tolerance { return next }
            if hi - lo <= tolerance { return lo + (hi - lo) / 2 }
            t = next
        }
        return t
    }
}
