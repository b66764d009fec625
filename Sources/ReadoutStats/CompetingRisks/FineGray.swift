// Fine & Gray (1999) proportional subdistribution hazards regression, as cmprsk::crr (2.2-11)
// fits it without `cengroup` or time-varying covariates: one censoring Kaplan–Meier, start at
// β = 0 and Newton–Raphson on −log L with crr's controls:
//   stop when max_k |score_k|·max(|β_k|, 1) < max(|−log L|, 1)·gtol (gtol = 1e-6), checked
//   before each step; at most `maxiter` = 10 steps; each step −H⁻¹·score is halved (up to 20
//   times) until −log L(β + step) ≤ −log L(β) + 1e-4·stepᵀscore, else the fit is not converged.
// Reproducing the iteration, not just the optimum, is what makes β agree with crr to ~1e-12.

/// Fine–Gray competing-risks regression (cmprsk::crr).
public enum FineGray {
    /// Fits the subdistribution hazard of `causeOfInterest` on `covariates` (p columns, each with
    /// one value per subject). `cause` is 0 for censored, any other positive code a failure cause.
    /// Standard errors are crr's robust sandwich estimate. Invalid input throws; numerical trouble
    /// (a singular information matrix, failed step-halving) gives `converged == false`; a singular
    /// information at the estimate gives NaN standard errors. `maxIterations` and
    /// `gradientTolerance` are crr's `maxiter` and `gtol`.
    public static func fit(
        time: [Double], cause: [Int], causeOfInterest: Int, covariates: [[Double]],
        maxIterations: Int = 10, gradientTolerance: Double = 1e-6
    ) throws(StatsError) -> FineGrayFit {
        try CompetingRisksInput.validate(time: time, cause: cause, causeCount: nil)
        let n = time.count
        guard causeOfInterest > 0 else {
            throw .invalidValue(argument: "causeOfInterest", index: 0, value: Double(causeOfInterest), expected: "≥ 1")
        }
        guard maxIterations >= 0 else {
            throw .invalidValue(argument: "maxIterations", index: 0, value: Double(maxIterations), expected: "≥ 0")
        }
        guard gradientTolerance > 0, gradientTolerance.isFinite else {
            throw .invalidValue(argument: "gradientTolerance", index: 0, value: gradientTolerance, expected: "a positive number")
        }
        guard !covariates.isEmpty else { throw .empty(argument: "covariates") }
        for (j, column) in covariates.enumerated() {
            guard column.count == n else {
                throw .lengthMismatch(expected: n, found: column.count, argument: "covariates[\(j)]")
            }
            if let i = column.firstIndex(where: { !$0.isFinite }) {
                throw .invalidValue(argument: "covariates[\(j)]", index: i, value: column[i], expected: "a finite number")
            }
        }
        guard cause.contains(causeOfInterest) else { throw .empty(argument: "failures of cause \(causeOfInterest)") }

        let data = FineGrayData(time: time, cause: cause, causeOfInterest: causeOfInterest, covariates: covariates)
        let p = data.p
        var beta = [Double](repeating: 0, count: p)
        var current = data.evaluate(beta)
        var converged = false
        var iterations = 0
        for step in 0...maxIterations {
            iterations = step
            var gradient = 0.0
            for j in 0..<p { gradient = max(gradient, abs(current.score[j]) * max(abs(beta[j]), 1)) }
            if gradient < max(abs(current.negativeLogLikelihood), 1) * gradientTolerance {
                converged = true
                break
            }
            if step == maxIterations { break }
            guard var change = CompetingRisksMatrix.solve(current.information, size: p, current.score) else { break }
            for j in 0..<p { change[j] = -change[j] }
            var slope = 0.0
            for j in 0..<p { slope += change[j] * current.score[j] }
            var candidate = zip(beta, change).map { $0 + $1 }
            var value = data.negativeLogLikelihood(candidate)
            var halvings = 0
            while !(value <= current.negativeLogLikelihood + 1e-4 * slope) {
                halvings += 1
                for j in 0..<p { change[j] *= 0.5 }
                candidate = zip(beta, change).map { $0 + $1 }
                value = data.negativeLogLikelihood(candidate)
                if halvings > 20 { break }
            }
            if halvings > 20 { break }
            beta = candidate
            current = data.evaluate(beta)
        }

        let (information, middle) = data.sandwichTerms(beta)
        var covariance = [[Double]](repeating: [Double](repeating: .nan, count: p), count: p)
        if let inverse = CompetingRisksMatrix.inverse(information, size: p) {
            for i in 0..<p {
                for j in 0..<p {
                    var sum = 0.0
                    for k in 0..<p { for l in 0..<p { sum += inverse[i * p + k] * middle[k * p + l] * inverse[j * p + l] } }
                    covariance[i][j] = sum
                }
            }
        }
        let nullValue = data.negativeLogLikelihood([Double](repeating: 0, count: p))
        return FineGrayFit(
            cause: causeOfInterest, coefficients: beta,
            standardErrors: (0..<p).map { covariance[$0][$0].squareRoot() }, covariance: covariance,
            logLikelihood: -current.negativeLogLikelihood, logLikelihoodNull: -nullValue,
            converged: converged, iterations: iterations, n: n, eventCount: data.eventCount)
    }
}
