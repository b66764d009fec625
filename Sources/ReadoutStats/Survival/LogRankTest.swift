/// The result of a (stratified) log-rank test: the chi-square test with per-group observed and
/// expected event counts and the variance matrix of O − E, summed over strata.
public struct LogRankResult: Sendable {
    /// Chi-square statistic (O − E)ᵀ V⁻ (O − E) on (groups with expected > 0) − 1 degrees of freedom.
    public let test: TestStatistic
    /// Observed events per group.
    public let observed: [Double]
    /// Expected events per group under the null hypothesis.
    public let expected: [Double]
    /// Variance-covariance matrix of O − E (`groupCount` × `groupCount`), survdiff's `var`.
    public let variance: [[Double]]
    /// Number of subjects per group.
    public let groupSizes: [Int]
}

/// The log-rank test (Mantel 1966; Peto & Peto 1972), R survival's `survdiff(rho = 0)` and its C
/// kernel `survdiff2`, optionally stratified (O − E and V summed over strata).
///
/// Near-equal times are first collapsed over the whole input as `survdiff(timefix = TRUE)` does
/// (``TiedTimes``). Within a stratum, at each distinct time with d deaths among n at risk (n_k in
/// group k): E_k += d·n_k/n and, when n > 1, V_jk += d·n_j·(n − d)/(n(n − 1))·(δ_jk − n_k/n).
/// The statistic solves the system of the groups with E > 0 after dropping the first of them; with
/// fewer than two such groups it is 0. df = (groups with E > 0) − 1; p = P(χ²_df > statistic), with
/// R's conventions p = 1 when df = 0 and NaN when df < 0. A singular variance matrix gives NaN.
public enum LogRankTest {
    /// Tests equality of the survival curves of groups `0..<groupCount`. `stratum` (any integers)
    /// stratifies the test; leave out subjects with a missing stratum before calling.
    public static func test(
        time: [Double], event: [Bool], group: [Int], groupCount: Int, stratum: [Int]? = nil
    ) throws(StatsError) -> LogRankResult {
        try SurvivalInput.validate(time: time, event: event)
        let n = time.count
        guard group.count == n else { throw .lengthMismatch(expected: n, found: group.count, argument: "group") }
        if let stratum, stratum.count != n {
            throw .lengthMismatch(expected: n, found: stratum.count, argument: "stratum")
        }
        guard groupCount >= 1 else {
            throw .invalidValue(argument: "groupCount", index: 0, value: Double(groupCount), expected: "≥ 1")
        }
        var groupSizes = [Int](repeating: 0, count: groupCount)
        for (i, g) in group.enumerated() {
            guard g >= 0, g < groupCount else {
                throw .invalidValue(argument: "group", index: i, value: Double(g), expected: "0..<\(groupCount)")
            }
            groupSizes[g] += 1
        }
        guard groupSizes.filter({ $0 > 0 }).count >= 2 else {
            throw .invalidValue(argument: "group", index: 0, value: Double(group[0]),
                                expected: "at least two groups with subjects")
        }

        // One sort by time serves the tie collapse (aeqSurv over all rows) and the risk sets.
        var order = Array(0..<n)
        order.sort { time[$0] < time[$1] }
        let fixedTime = TiedTimes.collapse(time, sortedBy: order)
        if let stratum {
            order.sort { (stratum[$0], fixedTime[$0]) < (stratum[$1], fixedTime[$1]) }
        }

        let k = groupCount
        var observed = [Double](repeating: 0, count: k)
        var expected = [Double](repeating: 0, count: k)
        var variance = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var risk = [Double](repeating: 0, count: k)

        var blockEnd = n  // one past the last row of the current stratum
        while blockEnd > 0 {
            // The stratum block is order[blockStart..<blockEnd]; walk it from the latest time back.
            var blockStart = blockEnd - 1
            if let stratum {
                let s = stratum[order[blockEnd - 1]]
                while blockStart > 0 && stratum[order[blockStart - 1]] == s { blockStart -= 1 }
            } else {
                blockStart = 0
            }
            for g in 0..<k { risk[g] = 0 }
            var i = blockEnd - 1
            while i >= blockStart {
                let t = fixedTime[order[i]]
                var deaths = 0.0
                var j = i
                while j >= blockStart && fixedTime[order[j]] == t {
                    let subject = order[j]
                    risk[group[subject]] += 1
                    if event[subject] {
                        deaths += 1
                        observed[group[subject]] += 1
                    }
                    j -= 1
                }
                let nRisk = Double(blockEnd - (j + 1))
                if deaths > 0 {
                    for g in 0..<k { expected[g] += deaths * risk[g] / nRisk }
                    if nRisk > 1 {
                        for a in 0..<k {
                            let tmp = deaths * risk[a] * (nRisk - deaths) / (nRisk * (nRisk - 1))
                            variance[a][a] += tmp
                            for b in 0..<k { variance[a][b] -= tmp * risk[b] / nRisk }
                        }
                    }
                }
                i = j
            }
            blockEnd = blockStart
        }

        let test = chiSquare(observed: observed, expected: expected, variance: variance)
        return LogRankResult(test: test, observed: observed, expected: expected, variance: variance,
                             groupSizes: groupSizes)
    }

    /// survdiff's statistic and df from O, E and V.
    static func chiSquare(observed: [Double], expected: [Double], variance: [[Double]]) -> TestStatistic {
        let used = expected.indices.filter { expected[$0] > 0 }
        let df = used.count - 1
        var statistic = 0.0
        if used.count >= 2 {
            let kept = Array(used.dropFirst())
            let difference = kept.map { observed[$0] - expected[$0] }
            let matrix = kept.map { a in kept.map { b in variance[a][b] } }
            if let solution = LinearSystem.solve(matrix, difference) {
                statistic = zip(solution, difference).reduce(0) { $0 + $1.0 * $1.1 }
            } else {
                statistic = .nan
            }
        }
        let p: Double
        if df < 0 || statistic.isNaN { p = .nan } else if df == 0 { p = 1 } else {
            p = ChiSquared.survival(statistic, df: Double(df))
        }
        return TestStatistic(statistic: statistic, df: df, p: p)
    }
}
