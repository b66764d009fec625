// The one sort of a Cox fit: subjects ordered by stratum, then ascending time (R `coxph.fit`:
// `order(strata, time)`), so that each risk set is a suffix of its stratum and one backward pass per
// iteration accumulates all risk-set sums (R survival src/coxfit6.c).
//
// Covariates are stored column-major in that order, centered and scaled as coxfit6 does: a column
// whose values all lie in {−1, 0, 1} is left alone (coxph's `nocenter = c(-1, 0, 1)`); any other is
// centered at its mean and multiplied by n / Σ|x − mean|. The fit is invariant to this; it only
// conditions the arithmetic and makes the Cholesky singularity test behave exactly as R's.
//
// Collapsing tied rows (identical stratum, time, status and covariates) into counted rows is exact:
// each sum of coxfit6 over subjects becomes a sum over rows of count × term, and Efron's slices
// still number the expanded tied deaths (Efron 1977; R survival coxfit6.c with unit weights).

/// Sorted, centered data for the partial-likelihood passes.
///
/// Collapsed rows: when every covariate takes few distinct values (arm and level dummies), subjects
/// with the same (stratum, time after timefix, status, covariate pattern) are stored as one row with
/// an integer `count`. The passes then weight each row's sums by its count, but Efron's tie loop still
/// runs over the expanded number of tied deaths, each of weight 1 — this is the per-subject fit
/// (R `coxph` on the expanded rows, coxfit6.c with unit weights), not R's case-weighted fit.
struct CoxLayout: Sendable {
    /// Number of stored rows (subjects, or collapsed rows when `collapsed`).
    let n: Int
    /// Number of subjects (Σ count).
    let subjects: Int
    /// Number of covariates.
    let p: Int
    /// Times in sorted order (after R's `timefix` when requested).
    let time: [Double]
    /// 1 for an event, 0 for a censoring, in sorted order.
    let status: [UInt8]
    /// Subjects each row stands for (all 1 unless `collapsed`).
    let count: [Double]
    /// Whether rows were collapsed.
    let collapsed: Bool
    /// True at the last row of each stratum in sorted order (R's `newstrat`); the backward pass
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

    /// `count`, when given, is the number of subjects each input row stands for (rows the caller
    /// collapsed already); otherwise every row is one subject.
    init(time rawTime: [Double], event: [Bool], covariates: [[Double]], strata: [Int]?, timefix: Bool,
         collapse: CoxCollapse = .automatic, count inputCount: [Double]? = nil) {
        let inputRows = rawTime.count
        let subjects = inputCount.map { Int($0.reduce(0, +)) } ?? inputRows
        let p = covariates.count
        let byTime = SortOrder.ascending(rawTime)
        var sortedTimes = byTime.map { rawTime[$0] }
        if timefix { CoxLayout.mergeNearTies(&sortedTimes) }
        var order = byTime
        var codes = [Int](repeating: 0, count: inputRows)
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

        // Rows kept: sorted position → subject, and how many subjects each stands for.
        var rowSubject = order
        var rowTime = fixedTime
        var rowCode = codes
        var rowCount: [Double]? = inputCount.map { c in order.map { c[$0] } }
        if collapse != .never, let patterns = CoxLayout.patternCodes(covariates, n: inputRows) {
            let runs = CoxLayout.collapseRuns(order: order, time: fixedTime, stratum: codes, event: event,
                                              pattern: patterns.codes, patternCount: patterns.count, weight: inputCount)
            if collapse == .always || 2 * runs.position.count <= inputRows {
                rowSubject = runs.position.map { order[$0] }
                rowTime = runs.position.map { fixedTime[$0] }
                rowCode = runs.position.map { codes[$0] }
                rowCount = runs.count
            }
        }
        let n = rowSubject.count
        let count = rowCount ?? [Double](repeating: 1, count: n)

        var ends = [Bool](repeating: false, count: n)
        for i in 0..<n where i == n - 1 || rowCode[i + 1] != rowCode[i] { ends[i] = true }

        // Means and absolute deviations over all subjects (Σ count · …), as coxfit6 over the expanded rows.
        var x = [Double](repeating: 0, count: n * p)
        var means = [Double](repeating: 0, count: p)
        var scales = [Double](repeating: 1, count: p)
        for k in 0..<p {
            let column = covariates[k]
            // The kept rows hold every value of the column (collapsed rows: one subject per pattern).
            let leaveAlone = rowSubject.allSatisfy { let v = column[$0]; return v == 0 || v == 1 || v == -1 }
            var mean = 0.0
            if !leaveAlone {
                if rowCount == nil {
                    for v in column { mean += v }
                    mean /= Double(subjects)
                    var absolute = 0.0
                    for v in column { absolute += abs(v - mean) }
                    scales[k] = absolute > 0 ? Double(subjects) / absolute : 1
                } else {
                    for i in 0..<n { mean += count[i] * column[rowSubject[i]] }
                    mean /= Double(subjects)
                    var absolute = 0.0
                    for i in 0..<n { absolute += count[i] * abs(column[rowSubject[i]] - mean) }
                    scales[k] = absolute > 0 ? Double(subjects) / absolute : 1
                }
                means[k] = mean
            }
            let scale = scales[k]
            for (i, row) in rowSubject.enumerated() { x[k * n + i] = (column[row] - mean) * scale }
        }
        self.n = n
        self.subjects = subjects
        self.p = p
        self.time = rowTime
        self.status = rowSubject.map { event[$0] ? 1 : 0 }
        self.count = count
        self.collapsed = n < subjects
        self.stratumEnd = ends
        self.x = x
        self.means = means
        self.scales = scales
        self.strataCount = strataCount
    }

    /// A code per subject for its covariate pattern (mixed radix over each column's distinct values),
    /// or `nil` when a column has more than 32 distinct values or there are more than 4096 patterns.
    static func patternCodes(_ covariates: [[Double]], n: Int) -> (codes: [Int], count: Int)? {
        var codes = [Int](repeating: 0, count: n)
        var local = [Int32](repeating: 0, count: n)
        var total = 1
        for column in covariates {
            // Index of each value among the column's distinct values (in order of appearance).
            var values: [Double] = []
            values.reserveCapacity(33)
            let fits: Bool = column.withUnsafeBufferPointer { column in
                local.withUnsafeMutableBufferPointer { local in
                    var last = Double.nan, lastCode: Int32 = 0
                    for i in 0..<n {
                        let v = column[i]
                        if v != last {
                            var j = 0
                            while j < values.count && values[j] != v { j += 1 }
                            if j == values.count {
                                if j == 32 { return false }
                                values.append(v)
                            }
                            last = v
                            lastCode = Int32(j)
                        }
                        local[i] = lastCode
                    }
                    return true
                }
            }
            guard fits else { return nil }
            let k = values.count
            total *= k
            if total > 4096 { return nil }
            if k == 1 { continue }
            codes.withUnsafeMutableBufferPointer { codes in
                local.withUnsafeBufferPointer { local in
                    for i in 0..<n { codes[i] = codes[i] &* k &+ Int(local[i]) }
                }
            }
        }
        return (codes, total)
    }

    /// Collapses each run of equal (stratum, time) in sorted order into one row per (pattern, status)
    /// present, in order of first appearance: the sorted position of the row's first subject and the
    /// number of subjects.
    static func collapseRuns(
        order: [Int], time: [Double], stratum: [Int], event: [Bool], pattern: [Int], patternCount: Int, weight: [Double]?
    ) -> (position: [Int], count: [Double]) {
        var position: [Int] = [], count: [Double] = []
        var slot = [Int](repeating: -1, count: 2 * patternCount)
        var touched: [Int] = []
        let n = order.count
        var s = 0
        while s < n {
            let t = time[s], code = stratum[s]
            var e = s
            while e < n && time[e] == t && stratum[e] == code {
                let subject = order[e]
                let key = 2 &* pattern[subject] &+ (event[subject] ? 1 : 0)
                if slot[key] < 0 {
                    slot[key] = position.count
                    touched.append(key)
                    position.append(e)
                    count.append(0)
                }
                count[slot[key]] += weight?[subject] ?? 1
                e += 1
            }
            for key in touched { slot[key] = -1 }
            touched.removeAll(keepingCapacity: true)
            s = e
        }
        return (position, count)
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
