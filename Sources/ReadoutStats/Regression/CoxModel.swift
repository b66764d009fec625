// Cox (1972) proportional hazards regression for right-censored data, optionally stratified, with
// Efron or Breslow ties, reproducing R survival's `coxph` (coxph.fit + src/coxfit6.c) and, on
// request, the convergence rule of SAS PROC PHREG. See docs/methods/cox.md.

/// Cox proportional hazards regression.
public enum CoxModel {
    /// Fits h(t | x) = h₀ₛ(t) exp(x′β) with a separate baseline hazard per stratum s.
    ///
    /// `covariates` holds p columns of n values (an arm indicator, age, dummies of a factor …);
    /// `strata` gives each subject's stratum label, `names` the covariates' names for reasons and
    /// warnings. Subjects are sorted once (and, with categorical covariates, tied subjects collapsed
    /// into counted rows: `options.collapse`); each Newton–Raphson iteration is one O(rows · p²) pass. Throws
    /// for inconsistent lengths, negative or non-finite times, non-finite covariates, no subjects or
    /// no covariates; numerical trouble (infinite or redundant coefficients, non-convergence) is
    /// reported in the fit instead.
    public static func fit(
        time: [Double], event: [Bool], covariates: [[Double]], strata: [Int]? = nil, names: [String]? = nil,
        options: CoxOptions = .init()
    ) throws(StatsError) -> CoxFit {
        try fit(time: time, event: event, count: nil, covariates: covariates, strata: strata, names: names, options: options)
    }

    /// The same fit on rows that stand for `count` subjects each (tied subjects the caller collapsed
    /// already, SubgroupCox); the result is the fit to the expanded subjects.
    static func fit(
        time: [Double], event: [Bool], count: [Double]?, covariates: [[Double]], strata: [Int]? = nil, names: [String]? = nil,
        options: CoxOptions = .init()
    ) throws(StatsError) -> CoxFit {
        try validate(time: time, event: event, covariates: covariates, strata: strata, names: names, options: options)
        if let count {
            guard count.count == time.count else { throw .lengthMismatch(expected: time.count, found: count.count, argument: "count") }
            if let i = count.firstIndex(where: { !($0 >= 1 && $0 == $0.rounded()) }) {
                throw .invalidValue(argument: "count", index: i, value: count[i], expected: "a whole number ≥ 1")
            }
        }
        let p = covariates.count
        let names = names ?? (1...p).map { "covariate \($0)" }
        let layout = CoxLayout(time: time, event: event, covariates: covariates, strata: strata, timefix: options.timefix,
                                collapse: options.collapse, count: count)
        let iteration = layout.newtonRaphson(options: options)

        // Back to original units: β = β̃·s, U = Ũ/s, V = Ṽ·sᵢsⱼ.
        let s = layout.scales
        var beta = (0..<p).map { iteration.beta[$0] * s[$0] }
        let score = (0..<p).map { iteration.score[$0] / s[$0] }
        let covariance = (0..<p).map { i in (0..<p).map { j in iteration.covariance[i * p + j] * s[i] * s[j] } }
        let rankDeficient = iteration.rank < p || !iteration.nonNegativeDefinite
        let singular = (0..<p).map { rankDeficient && covariance[$0][$0] == 0 }
        if options.maxIterations > 0 { for k in 0..<p where singular[k] { beta[k] = .nan } }

        let kept = (0..<p).filter { !beta[$0].isNaN }
        let df = kept.count
        let keptCovariance = kept.flatMap { i in kept.map { j in covariance[i][j] } }
        let waldStatistic = kept.isEmpty ? .nan : SymmetricCholesky(keptCovariance, size: df, tolerance: CoxTolerance.cholesky)
            .quadraticForm(kept.map { beta[$0] })
        let lrt = 2 * (iteration.logLikelihood - iteration.logLikelihoodNull)

        let flags = layout.estimability(
            names: names, beta: beta, score: score, covariance: covariance, singular: singular,
            iteration: iteration, maxIterations: options.maxIterations, stepRule: options.convention == .r)
        return CoxFit(
            n: layout.subjects, rows: layout.n, events: layout.events, strataCount: layout.strataCount, names: names, coefficients: beta,
            covariance: covariance, logLikelihoodNull: iteration.logLikelihoodNull,
            logLikelihood: iteration.logLikelihood, wald: globalTest(waldStatistic, df: df),
            likelihoodRatio: globalTest(lrt, df: df), score: globalTest(iteration.scoreTest, df: df),
            iterations: iteration.iterations, converged: iteration.converged,
            convergenceCriterion: iteration.criterion, estimable: flags.estimable,
            notEstimableReasons: flags.reasons, warnings: flags.warnings, options: options)
    }

    /// A global test as summary.coxph reports it. With every coefficient NA (df = 0) R has no Wald
    /// test (`numeric(0)`, here NaN) and refers the others to χ² with 0 df, a point mass at 0:
    /// `pchisq(x, 0, lower.tail = FALSE)` is 1 for x ≤ 0 and 0 above.
    private static func globalTest(_ statistic: Double, df: Int) -> TestStatistic {
        guard df == 0 else { return .chiSquare(statistic, df: df) }
        return TestStatistic(statistic: statistic, df: 0, p: statistic.isNaN ? .nan : (statistic <= 0 ? 1 : 0))
    }

    private static func validate(
        time: [Double], event: [Bool], covariates: [[Double]], strata: [Int]?, names: [String]?, options: CoxOptions
    ) throws(StatsError) {
        let n = time.count
        guard n > 0 else { throw .empty(argument: "time") }
        guard !covariates.isEmpty else { throw .empty(argument: "covariates") }
        guard event.count == n else { throw .lengthMismatch(expected: n, found: event.count, argument: "event") }
        for (k, column) in covariates.enumerated() {
            guard column.count == n else {
                throw .lengthMismatch(expected: n, found: column.count, argument: "covariates[\(k)]")
            }
            if let i = column.firstIndex(where: { !$0.isFinite }) {
                throw .invalidValue(argument: "covariates[\(k)]", index: i, value: column[i], expected: "a finite number")
            }
        }
        if let strata, strata.count != n { throw .lengthMismatch(expected: n, found: strata.count, argument: "strata") }
        if let names, names.count != covariates.count {
            throw .lengthMismatch(expected: covariates.count, found: names.count, argument: "names")
        }
        if let i = time.firstIndex(where: { !$0.isFinite || $0 < 0 }) { throw .invalidTime(index: i, value: time[i]) }
        guard options.level > 0 && options.level < 1 else {
            throw .invalidValue(argument: "level", index: 0, value: options.level, expected: "a probability in (0, 1)")
        }
        guard options.maxIterations >= 0 else {
            throw .invalidValue(argument: "maxIterations", index: 0, value: Double(options.maxIterations), expected: "≥ 0")
        }
    }
}

extension CoxLayout {
    /// Number of events.
    var events: Int {
        var total = 0
        for i in 0..<n where status[i] == 1 { total += Int(count[i]) }
        return total
    }
}
