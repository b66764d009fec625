// One cause's cumulative incidence function as a right-continuous step function.
//
// Values follow cmprsk::cuminc (Gray 1988; Fortran `cinc`); `at` reproduces cmprsk::timepoints
// (Fortran `tpoi`); `interval` gives the pointwise CI on the plain, log or log-log scale, the
// last being Pintilie's (2006, §4.2.2) and SAS LIFETEST's CIF default.

/// The Aalen–Johansen cumulative incidence of one cause in one group with cmprsk::cuminc's variance:
/// parallel `time`/`estimate`/`variance` arrays hold the value right after each event time (of any
/// cause), and the curve is 0 before the first of them; `lastTime` is the last observed time (any
/// status), after which the curve is not estimated.
public struct CumulativeIncidence: Sendable, Equatable {
    /// The cause code, 1-based as in the input.
    public let cause: Int
    /// Distinct event times of any cause, ascending.
    public let time: [Double]
    /// The Aalen–Johansen estimate right after each time.
    public let estimate: [Double]
    /// cmprsk::cuminc's Aalen-type variance right after each time (it changes only at this cause's
    /// event times).
    public let variance: [Double]
    /// The last observed time of the group, event or censoring; `at` returns nil beyond it.
    public let lastTime: Double

    /// Creates a curve from parallel arrays (as `AalenJohansen.estimate` does).
    public init(cause: Int, time: [Double], estimate: [Double], variance: [Double], lastTime: Double) {
        precondition(time.count == estimate.count && time.count == variance.count, "parallel arrays")
        self.cause = cause
        self.time = time
        self.estimate = estimate
        self.variance = variance
        self.lastTime = lastTime
    }

    /// The estimate and variance at `t` with cmprsk::timepoints semantics: the value right after
    /// the last event time ≤ t (0 and 0 before the first), and nil for t < 0 or t > `lastTime`.
    public func at(_ t: Double) -> (estimate: Double, variance: Double)? {
        guard t >= 0, t <= lastTime else { return nil }  // also nil for NaN
        // Number of times ≤ t (binary search for the upper bound).
        var low = 0, high = time.count
        while low < high {
            let mid = (low + high) / 2
            if time[mid] <= t { low = mid + 1 } else { high = mid }
        }
        if low == 0 { return (0, 0) }
        return (estimate[low - 1], variance[low - 1])
    }

    /// The estimate at `t` (see `at`) with a pointwise confidence interval at `level`.
    ///
    /// - `logLog`: est^exp(±z·se/(est·log est)) (Pintilie; SAS LIFETEST `CONFTYPE=LOGLOG` for CIFs);
    ///   limits are nil where est is 0 or 1.
    /// - `log`: est·exp(±z·se/est), upper limit capped at 1; nil limits where est is 0.
    /// - `plain`: est ± z·se clipped to [0, 1].
    /// Returns nil where `at` does.
    public func interval(at t: Double, transform: ConfidenceTransform = .logLog, level: Double = 0.95) -> Estimate? {
        guard let value = at(t) else { return nil }
        let limits = CumulativeIncidence.confidenceLimits(
            estimate: value.estimate, variance: value.variance, transform: transform, level: level)
        return Estimate(estimate: value.estimate, lower: limits.lower, upper: limits.upper)
    }

    /// Pointwise limits for a probability `estimate` with `variance` by the rules of
    /// `interval(at:transform:level:)`; with `.log` these are also survfit's multi-state limits.
    public static func confidenceLimits(estimate: Double, variance: Double, transform: ConfidenceTransform, level: Double)
        -> (lower: Double?, upper: Double?)
    {
        let z = Normal.quantile(1 - (1 - level) / 2)
        let se = variance.squareRoot()
        switch transform {
        case .plain:
            return (max(0, estimate - z * se), min(1, estimate + z * se))
        case .log:
            guard estimate > 0 else { return (nil, nil) }
            let half = z * se / estimate
            return (estimate * exp(-half), min(1, estimate * exp(half)))
        case .logLog:
            guard estimate > 0, estimate < 1 else { return (nil, nil) }
            // a = z·se/(est·log est) ≤ 0 and est^exp(a) falls as a rises: est^exp(a) is the upper limit.
            let a = z * se / (estimate * log(estimate))
            return (pow(estimate, exp(-a)), pow(estimate, exp(a)))
        }
    }
}
