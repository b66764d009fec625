// The Fine–Gray data layout shared by the likelihood and the sandwich variance, as cmprsk::crr
// prepares it: rows in ascending time (ties in input order), status 1 = cause of interest,
// 2 = another cause, 0 = censored, covariates centred at their means (the partial likelihood,
// score, information and robust variance are all invariant to centring; it keeps exp(x·β) in
// range), and the censoring weight of each row.
//
// Censoring weight (crr, "censoring dist km at ftime−"): G is the Kaplan–Meier of the censoring
// distribution (censorings as events, `survfit(Surv(ftime, cenind) ~ 1)`), and a row with time T
// gets G at the last distinct time ≤ T·(1 − 100·ε) (R's `approx(..., method = "constant", f = 0)`
// on knots (−10ε, 1), (u_j, G(u_j))): G(T−) for T > 0, G(0) after censorings at 0 for T = 0.
// crr's survfit call keeps survival's default timefix = TRUE, so G and its knots u_j are those of
// the aeqSurv-collapsed times (``TiedTimes``), while the risk sets use the times as given.

struct FineGrayData {
    let n: Int
    let p: Int
    /// Ascending times.
    let time: [Double]
    /// 0 censored, 1 cause of interest, 2 competing cause.
    let status: [Int8]
    /// n × p row-major, centred.
    let x: [Double]
    /// Censoring Kaplan–Meier just before each row's time (crr's `uuu`).
    let weight: [Double]
    /// Start row of each run of equal times, followed by n.
    let runStart: [Int]
    /// Runs that hold at least one failure of the cause of interest, ascending.
    let failureRun: [Int]
    /// Failures of the cause of interest in each entry of `failureRun`.
    let failureCount: [Double]
    /// For each run, how many failure runs have index ≤ it (so the last failure run at or before
    /// run r is `failureRun[failureRunsThrough[r] − 1]`).
    let failureRunsThrough: [Int]
    /// Number of failures of the cause of interest.
    let eventCount: Int

    init(time rawTime: [Double], cause: [Int], causeOfInterest: Int, covariates: [[Double]]) {
        let order = CompetingRisksInput.timeOrder(rawTime)
        n = rawTime.count
        p = covariates.count
        time = order.map { rawTime[$0] }
        status = order.map { cause[$0] == 0 ? 0 : (cause[$0] == causeOfInterest ? 1 : 2) }
        var x = [Double](repeating: 0, count: n * p)
        for j in 0..<p {
            let column = covariates[j]
            var mean = 0.0
            for value in column { mean += value }
            mean /= Double(n)
            for (i, row) in order.enumerated() { x[i * p + j] = column[row] - mean }
        }
        self.x = x
        runStart = CompetingRisksInput.runStarts(time)
        let runs = runStart.count - 1

        var failureRun: [Int] = [], failureCount: [Double] = []
        var through = [Int](repeating: 0, count: runs)
        var events = 0
        for r in 0..<runs {
            var failures = 0
            for i in runStart[r]..<runStart[r + 1] where status[i] == 1 { failures += 1 }
            if failures > 0 { failureRun.append(r); failureCount.append(Double(failures)); events += failures }
            through[r] = failureRun.count
        }

        // Censoring Kaplan–Meier on the collapsed times (the sort order is unchanged), then each
        // run's weight by crr's approx rule.
        var knotTime = time
        TiedTimes.collapseSorted(&knotTime)
        let knotStart = CompetingRisksInput.runStarts(knotTime)
        let knots = knotStart.count - 1
        var censoringKM = [Double](repeating: 1, count: knots)
        var g = 1.0
        for k in 0..<knots {
            var censored = 0
            for i in knotStart[k]..<knotStart[k + 1] where status[i] == 0 { censored += 1 }
            let atRisk = Double(n - knotStart[k])
            if censored > 0 { g *= (atRisk - Double(censored)) / atRisk }
            censoringKM[k] = g
        }
        var weight = [Double](repeating: 1, count: n)
        var knot = -1  // last knot with time ≤ T·(1 − 100ε); −1 is the knot at −10ε with value 1
        let shrink = 1 - 100 * Double.ulpOfOne
        for r in 0..<runs {
            let threshold = time[runStart[r]] * shrink
            while knot + 1 < knots && knotTime[knotStart[knot + 1]] <= threshold { knot += 1 }
            let w = knot >= 0 ? censoringKM[knot] : 1
            for i in runStart[r]..<runStart[r + 1] { weight[i] = w }
        }
        self.weight = weight
        self.failureRun = failureRun
        self.failureCount = failureCount
        self.failureRunsThrough = through
        self.eventCount = events
    }

    /// Linear predictors x·β and relative risks exp(x·β) per row.
    func relativeRisk(_ beta: [Double]) -> (eta: [Double], risk: [Double]) {
        var eta = [Double](repeating: 0, count: n), risk = eta
        for i in 0..<n {
            var e = 0.0
            for j in 0..<p { e += x[i * p + j] * beta[j] }
            eta[i] = e
            risk[i] = exp(e)
        }
        return (eta, risk)
    }

    /// S0 and S1 (p per failure run) of the weighted risk set at each failure run: rows with
    /// T ≥ t at weight exp(x·β), plus rows of a competing cause with T < t at exp(x·β)·G(t−)/G(T−).
    func riskSums(risk: [Double]) -> (s0: [Double], s1: [Double]) {
        let runs = runStart.count - 1
        let d = failureRun.count
        var s0 = [Double](repeating: 0, count: d), s1 = [Double](repeating: 0, count: d * p)
        var a0 = 0.0, a1 = [Double](repeating: 0, count: p)
        var f = d - 1
        for r in stride(from: runs - 1, through: 0, by: -1) {
            for i in runStart[r]..<runStart[r + 1] {
                a0 += risk[i]
                for j in 0..<p { a1[j] += risk[i] * x[i * p + j] }
            }
            if f >= 0 && failureRun[f] == r {
                s0[f] = a0
                for j in 0..<p { s1[f * p + j] = a1[j] }
                f -= 1
            }
        }
        var c0 = 0.0, c1 = [Double](repeating: 0, count: p)
        f = 0
        for r in 0..<runs {
            if f < d && failureRun[f] == r {
                let g = weight[runStart[r]]
                s0[f] += g * c0
                for j in 0..<p { s1[f * p + j] += g * c1[j] }
                f += 1
            }
            for i in runStart[r]..<runStart[r + 1] where status[i] == 2 {
                let w = risk[i] / weight[i]
                c0 += w
                for j in 0..<p { c1[j] += w * x[i * p + j] }
            }
        }
        return (s0, s1)
    }
}
