/// Kaplan-Meier product-limit estimator with Greenwood variance and the Nelson-Aalen cumulative
/// hazard, as R survival's `survfitKM` / C `survfitkm` (Kaplan & Meier 1958; Greenwood 1926;
/// Nelson 1972, Aalen 1978).
///
/// At each distinct time with n at risk and d > 0 events:
/// S ← S·(n − d)/n, V ← V + d/(n(n − d)) (std.err = √V, the SE of −log S),
/// H ← H + d/n, W ← W + d/n² (std.chaz = √W).
public enum KaplanMeier {
    /// Fits one curve. `event[i]` is true for an event, false for a censoring at `time[i]`.
    /// Throws on empty input, mismatched lengths, negative or non-finite times, or a level ∉ (0, 1).
    public static func fit(
        time: [Double], event: [Bool], options: KaplanMeierOptions = .init()
    ) throws(StatsError) -> KaplanMeierCurve {
        try SurvivalInput.validate(time: time, event: event)
        try SurvivalInput.validate(level: options.level)
        let table = RiskSetTable(time: time, event: event, collapseTies: options.tieTolerance)
        let m = table.time.count
        let z = options.z

        var survival = [Double](repeating: 1, count: m)
        var standardError = [Double](repeating: 0, count: m)
        var cumulativeHazard = [Double](repeating: 0, count: m)
        var cumulativeHazardSE = [Double](repeating: 0, count: m)
        var lower = [Double?](repeating: nil, count: m)
        var upper = [Double?](repeating: nil, count: m)

        var km = 1.0, greenwood = 0.0, nelson = 0.0, nelsonVariance = 0.0
        var totalEvents = 0
        for i in 0..<m {
            let d = Double(table.events[i]), nRisk = Double(table.atRisk[i])
            if table.events[i] > 0 {
                nelson += d / nRisk
                nelsonVariance += d / (nRisk * nRisk)
                km *= (nRisk - d) / nRisk
                greenwood += d / (nRisk * (nRisk - d))  // +∞ when every subject at risk fails
                totalEvents += table.events[i]
            }
            survival[i] = km
            standardError[i] = greenwood.squareRoot()
            cumulativeHazard[i] = nelson
            cumulativeHazardSE[i] = nelsonVariance.squareRoot()
            (lower[i], upper[i]) = PointwiseConfidence.limits(
                survival: km, se: standardError[i], z: z, transform: options.transform)
        }

        return KaplanMeierCurve(
            n: time.count, events: totalEvents, time: table.time, atRisk: table.atRisk,
            eventCount: table.events, censorCount: table.censored, survival: survival,
            standardError: standardError, cumulativeHazard: cumulativeHazard,
            cumulativeHazardSE: cumulativeHazardSE, lower: lower, upper: upper, options: options)
    }
}
