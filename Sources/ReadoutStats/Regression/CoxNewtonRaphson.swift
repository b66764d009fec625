// Newton–Raphson maximization of the Cox partial likelihood from β = 0, in the layout's centered and
// scaled coordinates (Newton steps are invariant to that affine change).
//
// R convention (survival src/coxfit6.c): evaluate β₁ = β₀ + I⁻¹U; at each new point, converged when
// |1 − ℓ_best/ℓ_new| ≤ 1e-9 (checked first, so a final tiny decrease is accepted); otherwise, if ℓ
// decreased or anything is non-finite, step back with R's "halving" β_new ← (β_new + h β)/(h + 1),
// h = 1, 2, … consecutive failures; else take the next Newton step. The iteration count is R's `iter`.
// SAS convention (PROC PHREG, Newton–Raphson method): at βⱼ take the step I⁻¹U, halved while the
// log-likelihood decreases, to βⱼ₊₁; stop when the step's normalized predicted reduction
// GCONV = U′I⁻¹U / |ℓ| (at βⱼ) is below 1e-8, and report βⱼ₊₁ (PHREG's documentation takes the
// point after the last step as the estimate). The iteration count is the number of steps taken.

/// The outcome of the iterations, still in scaled coordinates.
struct CoxIterationResult {
    var beta: [Double]
    /// ℓ at β = 0 and at the final β.
    var logLikelihoodNull: Double
    var logLikelihood: Double
    /// Score at the final β.
    var score: [Double]
    /// Generalized inverse of the information at the final β (row-major, full).
    var covariance: [Double]
    /// Rank flag of the final Cholesky factorization.
    var rank: Int
    var nonNegativeDefinite: Bool
    /// Score test U′I⁻¹U at β = 0.
    var scoreTest: Double
    var iterations: Int
    var converged: Bool
    /// R: the relative change in ℓ at the last iteration; SAS: GCONV of the last step.
    var criterion: Double
}

extension CoxLayout {
    /// Runs the Newton–Raphson iterations of `options.convention`.
    func newtonRaphson(options: CoxOptions) -> CoxIterationResult {
        let efron = options.ties == .efron
        let zero = [Double](repeating: 0, count: p)
        let start = evaluate(beta: zero, efron: efron)
        let startChol = SymmetricCholesky(start.information, size: p, tolerance: CoxTolerance.cholesky)
        let scoreTest = startChol.quadraticForm(start.score)
        var result = CoxIterationResult(
            beta: zero, logLikelihoodNull: start.logLikelihood, logLikelihood: start.logLikelihood,
            score: start.score, covariance: startChol.inverse(), rank: startChol.rank,
            nonNegativeDefinite: startChol.isNonNegativeDefinite, scoreTest: scoreTest,
            iterations: 0, converged: false, criterion: .nan)
        if options.maxIterations <= 0 || !start.logLikelihood.isFinite { return result }
        switch options.convention {
        case .r: iterateR(from: start, chol: startChol, efron: efron, maxIterations: options.maxIterations, into: &result)
        case .sas: iterateSAS(from: start, chol: startChol, efron: efron, maxIterations: options.maxIterations, into: &result)
        }
        return result
    }

    private func iterateR(
        from start: CoxEvaluation, chol startChol: SymmetricCholesky, efron: Bool, maxIterations: Int,
        into result: inout CoxIterationResult
    ) {
        var beta = [Double](repeating: 0, count: p)
        var best = start.logLikelihood
        let firstStep = startChol.solve(start.score)
        var newBeta = (0..<p).map { beta[$0] + firstStep[$0] }
        var halving = 0.0
        for iteration in 1...maxIterations {
            let trial = evaluate(beta: newBeta, efron: efron)
            let chol = SymmetricCholesky(trial.information, size: p, tolerance: CoxTolerance.cholesky)
            let finite = trial.isFinite
            let change = abs(1 - best / trial.logLikelihood)
            if finite && change <= CoxTolerance.rEps {
                result.beta = newBeta
                result.logLikelihood = trial.logLikelihood
                result.score = trial.score
                result.covariance = chol.inverse()
                result.rank = chol.rank
                result.nonNegativeDefinite = chol.isNonNegativeDefinite
                result.iterations = iteration
                result.converged = true
                result.criterion = change
                return
            }
            if !finite || trial.logLikelihood < best {
                halving += 1
                for i in 0..<p { newBeta[i] = (newBeta[i] + halving * beta[i]) / (halving + 1) }
            } else {
                halving = 0
                best = trial.logLikelihood
                let step = chol.solve(trial.score)
                beta = newBeta
                for i in 0..<p { newBeta[i] += step[i] }
            }
            result.criterion = change
        }
        // Out of iterations: report the last accepted β (R's loop leaves iter = iter.max + 1).
        finish(at: beta, efron: efron, into: &result)
        result.iterations = maxIterations + 1
        result.converged = false
    }

    private func iterateSAS(
        from start: CoxEvaluation, chol startChol: SymmetricCholesky, efron: Bool, maxIterations: Int,
        into result: inout CoxIterationResult
    ) {
        var beta = [Double](repeating: 0, count: p)
        var current = start
        var chol = startChol
        var iterations = 0
        // PHREG reports the first iterate βⱼ whose own criterion GCONV = g′H⁻¹g / |ℓ(βⱼ)| is below 1e-8
        // (checked against published PHREG listings: docs/methods/sas-validation.md).
        while true {
            let step = chol.solve(current.score)
            var predicted = 0.0
            for i in 0..<p { predicted += current.score[i] * step[i] }
            let l = abs(current.logLikelihood)
            let gconv = l == 0 ? (predicted == 0 ? 0 : .infinity) : predicted / l
            result.criterion = gconv
            if gconv < CoxTolerance.sasGconv {
                result.converged = true
                break
            }
            guard iterations < maxIterations else { break }
            iterations += 1
            var fraction = 1.0
            var accepted: CoxEvaluation? = nil
            var candidate = beta
            for _ in 0...CoxTolerance.sasMaxHalvings {
                candidate = (0..<p).map { beta[$0] + fraction * step[$0] }
                let trial = evaluate(beta: candidate, efron: efron)
                if trial.isFinite && trial.logLikelihood >= current.logLikelihood { accepted = trial; break }
                fraction /= 2
            }
            guard let next = accepted else { break }
            beta = candidate
            current = next
            chol = SymmetricCholesky(next.information, size: p, tolerance: CoxTolerance.cholesky)
        }
        result.beta = beta
        result.logLikelihood = current.logLikelihood
        result.score = current.score
        result.covariance = chol.inverse()
        result.rank = chol.rank
        result.nonNegativeDefinite = chol.isNonNegativeDefinite
        result.iterations = iterations
    }

    /// Re-evaluates ℓ, U and the inverse information at `beta` (used when iterations run out).
    private func finish(at beta: [Double], efron: Bool, into result: inout CoxIterationResult) {
        let last = evaluate(beta: beta, efron: efron)
        let chol = SymmetricCholesky(last.information, size: p, tolerance: CoxTolerance.cholesky)
        result.beta = beta
        result.logLikelihood = last.logLikelihood
        result.score = last.score
        result.covariance = chol.inverse()
        result.rank = chol.rank
        result.nonNegativeDefinite = chol.isNonNegativeDefinite
    }
}
