/// SAS LIFETEST's documented percentile rule and its Brookmeyer-Crowley confidence interval
/// (SAS/STAT User's Guide, "The LIFETEST Procedure: Computational Formulas"; Brookmeyer & Crowley
/// 1982; Klein & Moeschberger 1997 for the g-transformed generalisation). Only distinct event times
/// t₁ < … < t_D enter, as in the documentation.
///
/// - Estimate: q_p = min{ t_j : S(t_j) < 1 − p }; if S(t_j) = 1 − p exactly (within √ε) from t_j to
///   t_{j+1}, q_p = (t_j + t_{j+1}) / 2. A plateau at 1 − p that never ends, or S never below 1 − p,
///   gives NE (`nil`).
/// - CI: the event times with |g(S(t_j)) − g(1 − p)| ≤ z·|g′(S(t_j))|·σ̂(S(t_j)), σ̂ the Greenwood SE of
///   S and g the band's transform (identity, log, log(−log)). The lower limit is the first such time;
///   the upper limit is the event time after the last such time (SAS prints the interval as
///   [lower, upper)), NE when the last such time is t_D. Times where S = 0 (g undefined, σ̂ = 0) are
///   not in the set. For the log and log-log bands, where g(0) is undefined, such a time cannot end
///   the set either: when the event time after the last such time has S = 0, the upper limit is NE
///   (SAS output published by PSI AIMS CAMIS, `Comp/r-sas_survival.qmd`: events at 54…87 and 118,
///   S(87) = 0.5, S(118) = 0, gives [54, NE) for the 25th and 50th and [87, NE) for the 75th percentile;
///   see docs/methods/sas-validation.md).
enum SASQuantileRules {
    static func quantile(curve: KaplanMeierCurve, p: Double) -> Estimate {
        let target = 1 - p
        let tolerance = TiedTimes.tolerance
        let z = curve.options.z
        var estimate: Double? = nil
        var plateauStart: Double? = nil
        var firstInBand: Int? = nil, lastInBand: Int? = nil
        var eventRows: [Int] = []
        for i in curve.time.indices where curve.eventCount[i] > 0 {
            eventRows.append(i)
            let s = curve.survival[i]
            if estimate == nil {
                if let start = plateauStart {
                    estimate = (start + curve.time[i]) / 2
                } else if abs(s - target) <= tolerance {
                    plateauStart = curve.time[i]
                } else if s < target {
                    estimate = curve.time[i]
                }
            }
            if bandContains(survival: s, se: curve.standardError[i], target: target, z: z,
                            transform: curve.options.transform) {
                if firstInBand == nil { firstInBand = eventRows.count - 1 }
                lastInBand = eventRows.count - 1
            }
        }
        let lower = firstInBand.map { curve.time[eventRows[$0]] }
        let upper = lastInBand.flatMap { last -> Double? in
            guard last + 1 < eventRows.count else { return nil }
            let next = eventRows[last + 1]
            if curve.survival[next] == 0 && curve.options.transform != .plain { return nil }
            return curve.time[next]
        }
        return Estimate(estimate: estimate, lower: lower, upper: upper)
    }

    /// |g(S) − g(target)| ≤ z·|g′(S)|·σ̂(S), with σ̂(S) = S·se and se the SE of −log S.
    static func bandContains(
        survival s: Double, se: Double, target: Double, z: Double, transform: ConfidenceTransform
    ) -> Bool {
        guard s > 0, s < 1, se.isFinite, target > 0 else { return false }
        switch transform {
        case .plain:
            return abs(s - target) <= z * s * se
        case .log:
            return abs(log(s) - log(target)) <= z * se
        case .logLog:
            return abs(log(-log(s)) - log(-log(target))) <= z * se / abs(log(s))
        }
    }
}
