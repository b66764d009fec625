// Gray's (1988) test comparing the cumulative incidence of each cause among groups, as
// cmprsk::cuminc computes it (`crstm`/`crst`): the score of the first g − 1 non-empty groups and
// its covariance are summed over strata, and the statistic sᵀV⁻¹s is referred to χ² with g − 1 df.
// Groups without subjects are dropped (cuminc drops empty factor levels). One sort by
// (stratum, time); per cause O(n + T·g³).

/// Gray's k-sample test for cumulative incidence functions (cmprsk::cuminc's `Tests`).
public enum GrayTest {
    /// One test per cause 1...causeCount, in cause order: statistic, df = (non-empty groups) − 1,
    /// and the upper-tail χ² p-value. `group` holds 0..<groupCount; `stratum` (any integer codes)
    /// stratifies like `cuminc(strata =)`; `rho` is cuminc's weight power (0, the default, is the
    /// log-rank-like weight). The statistic is NaN when the score covariance is rank-deficient by
    /// R's `qr()` rule (cuminc prints −1 then; a cause with no events anywhere, which cuminc omits).
    public static func test(
        time: [Double], cause: [Int], causeCount: Int, group: [Int], groupCount: Int, stratum: [Int]? = nil,
        rho: Double = 0
    ) throws(StatsError) -> [TestStatistic] {
        try CompetingRisksInput.validate(time: time, cause: cause, causeCount: causeCount)
        let n = time.count
        guard group.count == n else { throw .lengthMismatch(expected: n, found: group.count, argument: "group") }
        if let stratum, stratum.count != n {
            throw .lengthMismatch(expected: n, found: stratum.count, argument: "stratum")
        }
        guard rho.isFinite else { throw .invalidValue(argument: "rho", index: 0, value: rho, expected: "a finite number") }
        var size = [Int](repeating: 0, count: max(groupCount, 0))
        for i in 0..<n {
            guard group[i] >= 0, group[i] < groupCount else {
                throw .invalidValue(argument: "group", index: i, value: Double(group[i]), expected: "0..<\(groupCount)")
            }
            size[group[i]] += 1
        }
        // Non-empty groups, renumbered in order.
        var code = [Int](repeating: -1, count: groupCount)
        var ng = 0
        for g in 0..<groupCount where size[g] > 0 { code[g] = ng; ng += 1 }
        guard ng >= 2 else {
            throw .invalidValue(argument: "group", index: 0, value: Double(ng), expected: "at least two non-empty groups")
        }
        let compactGroup = group.map { code[$0] }

        // Strata as 0..<strataCount in ascending code order; rows sorted by (stratum, time).
        let strataCodes = stratum.map { Array(Set($0)).sorted() } ?? [0]
        let stratumIndex: [Int]
        if let stratum {
            var lookup: [Int: Int] = [:]
            for (i, s) in strataCodes.enumerated() { lookup[s] = i }
            stratumIndex = stratum.map { lookup[$0]! }
        } else {
            stratumIndex = [Int](repeating: 0, count: n)
        }
        let rows = Array(0..<n).sorted { a, b in
            if stratumIndex[a] != stratumIndex[b] { return stratumIndex[a] < stratumIndex[b] }
            return time[a] < time[b] || (time[a] == time[b] && a < b)
        }
        var bounds: [Int] = [0]
        for j in 1..<n where stratumIndex[rows[j]] != stratumIndex[rows[j - 1]] { bounds.append(j) }
        bounds.append(n)

        let df = ng - 1
        return (1...causeCount).map { k in
            var score = [Double](repeating: 0, count: df)
            var covariance = [Double](repeating: 0, count: df * (df + 1) / 2)
            for b in 0..<(bounds.count - 1) {
                GrayScore.accumulate(
                    time: time, cause: cause, group: compactGroup, rows: rows[bounds[b]..<bounds[b + 1]],
                    causeOfInterest: k, groupCount: ng, rho: rho, score: &score, covariance: &covariance)
            }
            var full = [Double](repeating: 0, count: df * df)
            for i in 0..<df {
                for j in 0...i {
                    full[i * df + j] = covariance[i * (i + 1) / 2 + j]
                    full[j * df + i] = covariance[i * (i + 1) / 2 + j]
                }
            }
            guard let statistic = CompetingRisksMatrix.quadraticFormInverse(full, size: df, score) else {
                return TestStatistic(statistic: .nan, df: df, p: .nan)
            }
            return .chiSquare(statistic, df: df)
        }
    }
}
