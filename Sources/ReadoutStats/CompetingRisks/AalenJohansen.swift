// Aalen–Johansen cumulative incidence with cmprsk::cuminc's variance.
//
// At each distinct time t with at-risk count Y, d_k events of cause k and d = Σ d_k, and S the
// all-cause Kaplan–Meier just before t:  F_k(t) = F_k(t−) + S·d_k/Y,  S(t) = S·(Y − d)/Y.
// The variance is Aalen's (1978) delta-method estimate as coded in cmprsk's Fortran `cinc`
// (Gray 1988, cmprsk 2.2-11): three running sums v1, v2, v3 take, for the events of other causes
// (d₂ = d − d_k, only while S(t) > 0) and then for those of cause k, the increments
//   t6 = S²·(1 − (m−1)/(Y−1))·m/Y²  (m = d₂ or d_k; the ratio term only when m > 1),
//   other causes: t3 = 1/S(t), t4 = F_k(t)·t3;   cause k: t3 = 1/S(t) (0 if S(t) = 0), t4 = 1 + t3·F_k(t),
//   v1 += t4²·t6, v2 += t3·t4·t6, v3 += t3²·t6,
// and at each time with d_k > 0 the variance becomes v1 + F_k²·v3 − 2·F_k·v2. Times with only
// other-cause events leave that expression unchanged, so the value is carried forward as cuminc does.
// One sort, then O(n + T·K) for T distinct times and K causes.

/// Aalen–Johansen cumulative incidence functions for competing risks (cmprsk::cuminc for one group).
public enum AalenJohansen {
    /// The cumulative incidence of each cause 1...causeCount, in cause order, from times and cause
    /// codes (0 = censored). Censorings at an event time stay in that time's risk set.
    public static func estimate(time: [Double], cause: [Int], causeCount: Int) throws(StatsError) -> [CumulativeIncidence] {
        try CompetingRisksInput.validate(time: time, cause: cause, causeCount: causeCount)
        let n = time.count
        let order = CompetingRisksInput.timeOrder(time)
        let sortedTime = order.map { time[$0] }
        let starts = CompetingRisksInput.runStarts(sortedTime)

        var eventTimes: [Double] = []
        var estimates = [[Double]](repeating: [], count: causeCount)
        var variances = [[Double]](repeating: [], count: causeCount)
        var f = [Double](repeating: 0, count: causeCount)
        var v = [Double](repeating: 0, count: causeCount)
        var v1 = f, v2 = f, v3 = f
        var d = [Int](repeating: 0, count: causeCount)
        var fk = 1.0  // all-cause Kaplan–Meier just before the current time

        for run in 0..<(starts.count - 1) {
            let lower = starts[run], upper = starts[run + 1]
            for k in 0..<causeCount { d[k] = 0 }
            var nd = 0
            for j in lower..<upper {
                let c = cause[order[j]]
                if c > 0 { d[c - 1] += 1; nd += 1 }
            }
            guard nd > 0 else { continue }
            let rs = Double(n - lower)
            let fkn = fk * (rs - Double(nd)) / rs
            for k in 0..<causeCount {
                let nd1 = d[k], nd2 = nd - nd1
                if nd1 > 0 { f[k] += fk * Double(nd1) / rs }
                if nd2 > 0 && fkn > 0 {
                    let t5 = nd2 > 1 ? 1 - (Double(nd2) - 1) / (rs - 1) : 1
                    let t6 = fk * fk * t5 * Double(nd2) / (rs * rs)
                    let t3 = 1 / fkn
                    let t4 = f[k] / fkn
                    v1[k] += t4 * t4 * t6
                    v2[k] += t3 * t4 * t6
                    v3[k] += t3 * t3 * t6
                }
                if nd1 > 0 {
                    let t5 = nd1 > 1 ? 1 - (Double(nd1) - 1) / (rs - 1) : 1
                    let t6 = fk * fk * t5 * Double(nd1) / (rs * rs)
                    let t3 = fkn > 0 ? 1 / fkn : 0
                    let t4 = 1 + t3 * f[k]
                    v1[k] += t4 * t4 * t6
                    v2[k] += t3 * t4 * t6
                    v3[k] += t3 * t3 * t6
                    v[k] = v1[k] + f[k] * f[k] * v3[k] - 2 * f[k] * v2[k]
                }
                estimates[k].append(f[k])
                variances[k].append(v[k])
            }
            eventTimes.append(sortedTime[lower])
            fk = fkn
        }
        let lastTime = sortedTime[n - 1]
        return (0..<causeCount).map { k in
            CumulativeIncidence(cause: k + 1, time: eventTimes, estimate: estimates[k], variance: variances[k],
                                lastTime: lastTime)
        }
    }
}
