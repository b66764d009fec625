// Test of proportional hazards of a fitted Cox model (Grambsch & Therneau 1994, Biometrika 81:515–26),
// reproducing R survival ≥ 3.0's `cox.zph(fit, transform = "km", terms = TRUE)` (survival 3.5:
// R/cox.zph.R and src/zph1.c): a score test of γ = 0 in the model with covariates x and g(t)·x, taken
// at (β̂, γ = 0).
//   g(t) = 1 − Ŝ(t−), Ŝ the Kaplan-Meier estimate over all subjects (ignoring strata), centred at its
//   mean over the events; one backward pass per stratum over the data sorted by (stratum, time)
//   accumulates, with Efron or Breslow ties as the fit, the score U₂ = Σ_deaths g(t)(x − x̄(t)) and
//   the 2p × 2p information [[I, I_g], [I_g, I_gg]] (the I blocks weighted by 1, g and g²).
// Per term (the columns of one factor together) the statistic is u′A⁻¹u over the block of the p
// columns and the term's g-columns, with u = (0, U₂ of the term); GLOBAL uses all 2p columns. Each
// is referred to χ² with the term's number of columns. Coefficients R reports as NA are left out.

/// Grambsch–Therneau test of proportional hazards, as R `cox.zph(transform = "km", terms = TRUE)`.
public enum ProportionalHazardsTest {
    /// One row of `cox.zph`'s table.
    public struct Row: Sendable, Equatable {
        /// Term name, or "GLOBAL".
        public var term: String
        public var test: TestStatistic
    }

    /// The table: one row per term, then GLOBAL (R prints GLOBAL even with one term).
    public struct Result: Sendable, Equatable {
        public var terms: [Row]
        public var global: Row
    }

    /// Tests the proportional-hazards assumption of `fit`, fitted to exactly these `time`, `event`,
    /// `covariates` and `strata`. `terms` groups covariate columns into terms (default: one term per
    /// column) named `termNames`. Throws for inconsistent input; returns `nil` when no coefficient is
    /// estimable or there are no events.
    public static func test(
        time: [Double], event: [Bool], covariates: [[Double]], strata: [Int]? = nil, fit: CoxFit,
        terms: [[Int]]? = nil, termNames: [String]? = nil
    ) throws(StatsError) -> Result? {
        let n = time.count
        guard n > 0 else { throw .empty(argument: "time") }
        guard event.count == n else { throw .lengthMismatch(expected: n, found: event.count, argument: "event") }
        guard covariates.count == fit.coefficients.count else {
            throw .lengthMismatch(expected: fit.coefficients.count, found: covariates.count, argument: "covariates")
        }
        for (k, column) in covariates.enumerated() where column.count != n {
            throw .lengthMismatch(expected: n, found: column.count, argument: "covariates[\(k)]")
        }
        if let strata, strata.count != n { throw .lengthMismatch(expected: n, found: strata.count, argument: "strata") }
        if let i = time.firstIndex(where: { !$0.isFinite || $0 < 0 }) { throw .invalidTime(index: i, value: time[i]) }
        let terms = terms ?? covariates.indices.map { [$0] }
        let termNames = termNames ?? terms.indices.map { "term \($0 + 1)" }
        guard termNames.count == terms.count else {
            throw .lengthMismatch(expected: terms.count, found: termNames.count, argument: "termNames")
        }
        guard event.contains(true) else { return nil }

        // Coefficients R reports as NA are dropped, with their columns and from their terms.
        let kept = fit.coefficients.indices.filter { !fit.coefficients[$0].isNaN }
        guard !kept.isEmpty else { return nil }
        let p = kept.count
        let newIndex = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        var keptTerms: [(name: String, columns: [Int])] = []
        for (t, columns) in terms.enumerated() {
            let mapped = columns.compactMap { newIndex[$0] }
            if !mapped.isEmpty { keptTerms.append((termNames[t], mapped)) }
        }
        let beta = kept.map { fit.coefficients[$0] }
        let x = kept.map { covariates[$0] }
        let fixedTime = fit.options.timefix ? TiedTimes.collapse(time) : time

        let g = kmTransform(time: fixedTime, event: event)
        let pass = ScorePass(time: fixedTime, event: event, x: x, beta: beta, strata: strata, g: g,
                             efron: fit.options.ties == .efron)

        func statistic(_ columns: [Int]) -> TestStatistic {
            let index = Array(0..<p) + columns.map { $0 + p }
            let m = index.count
            var block = [Double](repeating: 0, count: m * m)
            for (a, i) in index.enumerated() { for (b, j) in index.enumerated() { block[a * m + b] = pass.information[i * 2 * p + j] } }
            let u = [Double](repeating: 0, count: p) + columns.map { pass.score[$0 + p] }
            let chol = SymmetricCholesky(block, size: m, tolerance: CoxTolerance.cholesky)
            return .chiSquare(chol.quadraticForm(u), df: columns.count)
        }
        let rows = keptTerms.map { Row(term: $0.name, test: statistic($0.columns)) }
        return Result(terms: rows, global: Row(term: "GLOBAL", test: statistic(Array(0..<p))))
    }

    /// g(tᵢ) = 1 − Ŝ(tᵢ−) with Ŝ the Kaplan-Meier estimate of all subjects, centred at its mean over
    /// the events (R: `survfitKM`, `findInterval(left.open = TRUE)`, `ttimes - mean(ttimes[event])`).
    static func kmTransform(time: [Double], event: [Bool]) -> [Double] {
        let order = SortOrder.ascending(time)
        var before: [Double: Double] = [:]   // distinct time → Ŝ just before it
        var s = 1.0
        var k = 0
        var atRisk = time.count
        while k < order.count {
            let t = time[order[k]]
            var deaths = 0, count = 0
            while k < order.count && time[order[k]] == t {
                if event[order[k]] { deaths += 1 }
                count += 1
                k += 1
            }
            before[t] = s
            if deaths > 0 { s *= Double(atRisk - deaths) / Double(atRisk) }
            atRisk -= count
        }
        let raw = time.map { 1 - before[$0]! }
        var sum = 0.0, events = 0
        for i in raw.indices where event[i] { sum += raw[i]; events += 1 }
        let mean = sum / Double(events)
        return raw.map { $0 - mean }
    }
}

/// The one backward pass of R's zph1.c: score of the g(t)·x terms and the 2p × 2p information, at β̂.
private struct ScorePass {
    /// U, length 2p (the first p, the score at β̂, is not used by the test).
    var score: [Double]
    /// Full symmetric 2p × 2p information, row-major.
    var information: [Double]

    init(time: [Double], event: [Bool], x rawX: [[Double]], beta: [Double], strata: [Int]?, g: [Double], efron: Bool) {
        let n = time.count, p = rawX.count, q = 2 * p
        // Covariates recentred at their means (zph1.c); the risk scores use the same centring.
        let x = rawX.map { column -> [Double] in
            var mean = 0.0
            for v in column { mean += v }
            mean /= Double(n)
            return column.map { $0 - mean }
        }
        let eta = (0..<n).map { i in (0..<p).reduce(0.0) { $0 + beta[$1] * x[$1][i] } }
        let stratum = strata ?? [Int](repeating: 0, count: n)
        let byTime = SortOrder.ascending(time)
        let order = byTime.enumerated().sorted { a, b in
            stratum[a.element] != stratum[b.element] ? stratum[a.element] < stratum[b.element] : a.offset < b.offset
        }.map(\.element)

        var u = [Double](repeating: 0, count: q)
        var imat = [Double](repeating: 0, count: q * q)
        var a = [Double](repeating: 0, count: p), a2 = a
        var cmat = [Double](repeating: 0, count: p * p), cmat2 = cmat
        var denom = 0.0
        var current = Int.min
        var ip = n - 1
        while ip >= 0 {
            var person = order[ip]
            if stratum[person] != current {
                current = stratum[person]
                denom = 0
                for i in 0..<p { a[i] = 0 }
                for i in 0..<(p * p) { cmat[i] = 0 }
            }
            let dtime = time[person]
            let w = g[person]
            var ndead = 0
            var denom2 = 0.0
            while ip >= 0 {
                person = order[ip]
                if time[person] != dtime || stratum[person] != current { break }
                let risk = exp(eta[person])
                if !event[person] {
                    denom += risk
                    for i in 0..<p {
                        a[i] += risk * x[i][person]
                        for j in 0...i { cmat[i * p + j] += risk * x[i][person] * x[j][person] }
                    }
                } else {
                    ndead += 1
                    denom2 += risk
                    for i in 0..<p {
                        u[i] += x[i][person]
                        u[i + p] += w * x[i][person]
                        a2[i] += risk * x[i][person]
                        for j in 0...i { cmat2[i * p + j] += risk * x[i][person] * x[j][person] }
                    }
                }
                ip -= 1
            }
            guard ndead > 0 else { continue }
            func add(_ weight: Double) {
                for i in 0..<p {
                    let mean = a[i] / denom
                    u[i] -= weight * mean
                    u[i + p] -= w * weight * mean
                    for j in 0...i {
                        let t = weight * (cmat[i * p + j] - mean * a[j]) / denom
                        imat[j * q + i] += t
                        imat[j * q + i + p] += t * w
                        imat[(j + p) * q + i + p] += t * w * w
                    }
                }
            }
            let d = Double(ndead)
            if !efron {
                denom += denom2
                for i in 0..<p {
                    a[i] += a2[i]
                    for j in 0...i { cmat[i * p + j] += cmat2[i * p + j] }
                }
                add(d)
            } else {
                for _ in 0..<ndead {
                    denom += denom2 / d
                    for i in 0..<p {
                        a[i] += a2[i] / d
                        for j in 0...i { cmat[i * p + j] += cmat2[i * p + j] / d }
                    }
                    add(1)
                }
            }
            for i in 0..<p { a2[i] = 0 }
            for i in 0..<(p * p) { cmat2[i] = 0 }
        }
        // Fill in the symmetric parts as zph1.c does.
        for i in 0..<p {
            for j in 0..<i {
                imat[i * q + j] = imat[j * q + i]
                imat[i * q + j + p] = imat[j * q + i + p]
                imat[(i + p) * q + j + p] = imat[(j + p) * q + i + p]
            }
        }
        for i in 0..<p { for j in 0..<p { imat[(i + p) * q + j] = imat[j * q + i + p] } }
        score = u
        information = imat
    }
}
