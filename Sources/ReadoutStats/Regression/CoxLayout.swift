// The one sort of a Cox fit: subjects ordered by stratum, then ascending time (R `coxph.fit`:
// `order(strata, time)`), so that each risk set is a suffix of its stratum and one backward pass per
// iteration accumulates all risk-set sums (R survival src/coxfit6.c).
//
// Covariates are stored column-major in that order, centered and scaled as coxfit6 does: a column
// whose values all lie in {−1, 0, 1} is left alone (coxph's `nocenter = c(-1, 0, 1)`); any other is
// centered at its mean and multiplied by n / Σ|x − mean|. The fit is invariant to this; it only
// conditions the arithmetic and makes the Cholesky singularity test behave exactly as R's.

/// Sorted, centered data for the partial-likelihood passes.
struct CoxLayout: Sendable {
    /// Number of subjects.
    let n: Int
    /// Number of covariates.
    let p: Int
    /// Times in sorted order (after R's `timefix` when requested).
    let time: [Double]
    /// 1 for an event, 0 for a censoring, in sorted order.
    let status: [UInt8]
    /// True at the last subject of each stratum in sorted order (R's `newstrat`); the backward pass
    /// starts a new risk set there.
    let stratumEnd: [Bool]
    /// Centered, scaled covariates, column-major: column k is `x[k*n ..< (k+1)*n]`.
    let x: [Double]
    /// Mean subtracted from each column (0 for columns left alone).
    let means: [Double]
    /// Factor applied to each centered column (1 for columns left alone).
    let scales: [Double]
    /// Number of strata (1 when unstratified).
    let strataCount: Int

    init(time rawTime: [Double], event: [Bool], covariates: [[Double]], strata: [Int]?, timefix: Bool) {
        let n = rawTime.count
        let p = covariates.count
        let byTime = SortOrder.ascending(rawTime)
        var sortedTimes = byTime.map { rawTime[$0] }
        if timefix { CoxLayout.mergeNearTies(&sortedTimes) }
        var order = byTime
        var codes = [Int](repeating: 0, count: n)
        var fixedTime = sortedTimes
        var strataCount = 1
        if let strata {
            let dense = SortOrder.denseCodes(strata)
            strataCount = dense.count
            let stratumOfSorted = byTime.map { dense.codes[$0] }
            let byStratum = SortOrder.stableByCode(stratumOfSorted, codeCount: dense.count)
            order = byStratum.map { byTime[$0] }
            fixedTime = byStratum.map { sortedTimes[$0] }
            codes = byStratum.map { stratumOfSorted[$0] }
        }
        var ends = [Bool](repeating: false, count: n)
        for i in 0..<n where i == n - 1 || codes[i + 1] != codes[i] { ends[i] = true }

        var x = [Double](repeating: 0, count: n * p)
        var means = [Double](repeating: 0, count: p)
        var scales = [Double](repeating: 1, count: p)
        for k in 0..<p {
            let column = covariates[k]
            let leaveAlone = column.allSatisfy { $0 == 0 || $0 == 1 || $0 == -1 }
            var mean = 0.0
            if !leaveAlone {
                for v in column { mean += v }
                mean /= Double(n)
                var absolute = 0.0
                for v in column { absolute += abs(v - mean) }
                scales[k] = absolute > 0 ? Double(n) / absolute : 1
                means[k] = mean
            }
            let scale = scales[k]
            for (i, row) in order.enumerated() { x[k * n + i] = (column[row] - mean) * scale }
        }
        self.n = n
        self.p = p
        self.time = fixedTime
        self.status = order.map { event[$0] ? 1 : 0 }
        self.stratumEnd = ends
        self.x = x
        self.means = means
        self.scales = scales
        self.strataCount = strataCount
    }

    /// R `aeqSurv`: among the sorted distinct times, one within `sqrt(eps)` of its predecessor
    /// (absolutely, or relative to the mean distinct time) is replaced by the last time kept.
    static func mergeNearTies(_ sorted: inout [Double]) {
        guard let first = sorted.first else { return }
        var distinctCount = 0
        var sum = 0.0
        var previous = -Double.infinity
        for t in sorted where t != previous { distinctCount += 1; sum += t; previous = t }
        guard distinctCount > 1 else { return }
        let mean = sum / Double(distinctCount)
        let tol = CoxTolerance.timefix
        var lastDistinct = first
        var cut = first
        for i in sorted.indices {
            let t = sorted[i]
            if t != lastDistinct {
                let dy = t - lastDistinct
                if !(dy <= tol || dy / mean <= tol) { cut = t }
                lastDistinct = t
            }
            sorted[i] = cut
        }
    }
}
