/// R survival's two rules for survival quantiles and their Brookmeyer-Crowley limits (Brookmeyer &
/// Crowley 1982), reproduced step by step. Both take the pointwise band of the curve's transform:
/// the lower limit comes from the lower band, the upper limit from the upper band. NA / NaN band
/// values are skipped. tol = √ε.
///
/// - `tableMedian`: `survmean`'s `minmin` (print.survfit, `summary(fit)$table`): the first time with
///   value < 0.5 + tol; if that value is within tol of 0.5 and a later value is strictly smaller, the
///   midpoint between the two times.
/// - `quantile`: `quantile.survfit`'s `findq` on x = (0, times), y = (0, 1 − value): duplicated y are
///   dropped (first kept), then `approx(y ± tol, index, p, "constant", f = 1)` picks the index of the
///   smallest y ± tol ≥ p; the result is the mean of the two times, and when p is within tol of the
///   last y, the mean of the first time and the last observed time. Unlike R, which returns NA for
///   every p when max(y) < min(probs), each p is treated on its own (the same as R with the default
///   probs whenever min(probs) ≤ max(y)).
enum RQuantileRules {
    static let tolerance = TiedTimes.tolerance

    static func tableMedian(curve: KaplanMeierCurve) -> Estimate {
        Estimate(
            estimate: minmin(curve.survival.map { Optional($0) }, curve.time),
            lower: minmin(curve.lower, curve.time),
            upper: minmin(curve.upper, curve.time))
    }

    static func quantile(curve: KaplanMeierCurve, p: Double) -> Estimate {
        Estimate(
            estimate: findq(curve.survival.map { Optional($0) }, curve.time, p),
            lower: findq(curve.lower, curve.time, p),
            upper: findq(curve.upper, curve.time, p))
    }

    /// `minmin(y, x)` from survival's `survmean`.
    static func minmin(_ y: [Double?], _ x: [Double]) -> Double? {
        var first: Int? = nil
        for i in y.indices {
            guard let v = y[i], !v.isNaN, v < 0.5 + tolerance else { continue }
            guard let f = first else {
                if abs(v - 0.5) >= tolerance { return x[i] }  // no plateau at 0.5
                first = i
                continue
            }
            if v < y[f]! { return (x[f] + x[i]) / 2 }  // the plateau at 0.5 ends here
        }
        return first.map { x[$0] }
    }

    /// `findq(c(0, time), c(0, 1 - value), p, tol)` from survival's `quantile.survfit`.
    static func findq(_ value: [Double?], _ time: [Double], _ p: Double) -> Double? {
        let xmax = time.last ?? 0
        let (xs, ys) = deduplicated(value, time)
        let index1 = approxConstantIndex(ys, shift: tolerance, at: p)
        var quantile: Double? = nil
        if let i1 = index1, let i2 = approxConstantIndex(ys, shift: -tolerance, at: p) {
            quantile = (xs[i1] + xs[i2]) / 2
        }
        if p == 0 { quantile = xs[0] }
        if let last = ys.last!, !last.isNaN, abs(p - last) < tolerance {
            quantile = index1.map { (xs[$0] + xmax) / 2 }
        }
        return quantile
    }

    /// x = (0, time) and y = (0, 1 − value) without duplicated y (`duplicated()` keeps the first;
    /// NA and NaN each count as one value). Monotone y, the usual case, is done in one pass; a
    /// non-monotone band falls back to a hash set.
    private static func deduplicated(_ value: [Double?], _ time: [Double]) -> (xs: [Double], ys: [Double?]) {
        deduplicated(value, time, hashing: false) ?? deduplicated(value, time, hashing: true)!
    }

    /// One deduplication pass; without hashing it gives up (nil) at the first decreasing y.
    private static func deduplicated(
        _ value: [Double?], _ time: [Double], hashing: Bool
    ) -> (xs: [Double], ys: [Double?])? {
        var xs: [Double] = [0]
        var ys: [Double?] = [0]
        var seen: Set<UInt64> = [Double(0).bitPattern]
        var seenNA = false, seenNaN = false
        var lastValue = 0.0
        for i in value.indices {
            guard let v = value[i] else {
                if !seenNA { seenNA = true; xs.append(time[i]); ys.append(nil) }
                continue
            }
            let y = 1 - v
            if y.isNaN {
                if !seenNaN { seenNaN = true; xs.append(time[i]); ys.append(.nan) }
                continue
            }
            if hashing {
                let key = (y == 0 ? Double(0) : y).bitPattern  // -0 == 0 for duplicated()
                if seen.insert(key).inserted { xs.append(time[i]); ys.append(y) }
            } else if y > lastValue {
                xs.append(time[i])
                ys.append(y)
                lastValue = y
            } else if y < lastValue {
                return nil
            }
        }
        return (xs, ys)
    }

    /// `approx(y + shift, seq_along(y), p, method = "constant", f = 1)$y`: the position of the smallest
    /// y + shift ≥ p among non-missing y, or nil when p lies outside [min, max] of y + shift.
    private static func approxConstantIndex(_ ys: [Double?], shift: Double, at p: Double) -> Int? {
        var best: Int? = nil, bestValue = Double.infinity
        var minimum = Double.infinity, maximum = -Double.infinity
        for (k, y) in ys.enumerated() {
            guard let y, !y.isNaN else { continue }
            let v = y + shift
            minimum = Swift.min(minimum, v)
            maximum = Swift.max(maximum, v)
            if v >= p, v < bestValue { best = k; bestValue = v }
        }
        guard p >= minimum, p <= maximum else { return nil }
        return best
    }
}
