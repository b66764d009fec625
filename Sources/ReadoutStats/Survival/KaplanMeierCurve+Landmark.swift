/// Landmark (fixed-time) survival from a fitted curve.
///
/// `.r` reproduces `summary(fit, times = t, extend = FALSE)`: R first adds a row at time 0 with
/// S = 1, SE 0 and limits 1 (`survfit0`), takes the last row with time ≤ t, the number at risk of
/// the first row with time ≥ t, and drops t when it lies after the last observed time.
/// `.sas` follows LIFETEST's TIMELIST: the same values up to the last observed time; after it, NE
/// when the curve ends above 0 (last observation censored), and S = 0 when the curve has reached 0.
/// Where S = 0, `.sas` reports SE 0 and limits (0, 0) for the plain band and NE for log and log-log
/// (g(0) is undefined); `.r` keeps R's NaN SE and NA/NaN limits.
extension KaplanMeierCurve {
    /// S(t) with its SE and CI at landmark time `t` under `options.convention`.
    public func landmark(_ t: Double) -> LandmarkEstimate {
        guard t.isFinite, let lastTime = time.last else { return .unavailable(t) }
        if t > lastTime {
            guard options.convention == .sas, survival.last == 0 else { return .unavailable(t) }
            return sasZeroSurvival(at: t, atRisk: 0)
        }
        // Rows of survfit0: a time-0 row with S = 1 unless the first time is 0.
        let prepended = time[0] != 0
        let rowsAtOrBefore = countTimes(notAfter: t) + (prepended ? 1 : 0)  // findInterval(t, time)
        let row = Swift.max(rowsAtOrBefore, 1) - 1
        let riskRow = countTimes(before: t) + (prepended && t > 0 ? 1 : 0)  // first row with time ≥ t
        let curveRisk = prepended ? riskRow - 1 : riskRow
        let nRisk = atRisk[Swift.max(curveRisk, 0)]

        if prepended && row == 0 {
            return LandmarkEstimate(time: t, available: true, atRisk: nRisk, survival: 1, standardError: 0,
                                    lower: 1, upper: 1)
        }
        let i = prepended ? row - 1 : row
        if options.convention == .sas && survival[i] == 0 {
            return sasZeroSurvival(at: t, atRisk: nRisk)
        }
        return LandmarkEstimate(
            time: t, available: true, atRisk: nRisk, survival: survival[i],
            standardError: standardError[i] * survival[i], lower: lower[i], upper: upper[i])
    }

    private func sasZeroSurvival(at t: Double, atRisk: Int) -> LandmarkEstimate {
        let limit: Double? = options.transform == .plain ? 0 : nil
        return LandmarkEstimate(time: t, available: true, atRisk: atRisk, survival: 0, standardError: 0,
                                lower: limit, upper: limit)
    }

    /// Number of distinct times ≤ t (binary search).
    func countTimes(notAfter t: Double) -> Int {
        var lo = 0, hi = time.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if time[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Number of distinct times < t (binary search).
    func countTimes(before t: Double) -> Int {
        var lo = 0, hi = time.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if time[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
