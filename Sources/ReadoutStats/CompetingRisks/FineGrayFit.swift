// The result of a Fine–Gray fit and the summaries cmprsk's `summary.crr` prints: subdistribution
// hazard ratio exp(β) with Wald limits exp(β ± z·se), the two-sided p-value 2·(1 − Φ(|β/se|))
// (computed in the upper tail), and the pseudo likelihood-ratio test 2·(log L − log L₀) on p df.

/// A Fine–Gray proportional subdistribution hazards fit (cmprsk::crr): coefficients in covariate
/// order, robust (sandwich) standard errors and covariance, the log pseudo-likelihood at the
/// estimate and at β = 0, and the Newton–Raphson outcome.
public struct FineGrayFit: Sendable, Equatable {
    /// The cause code modelled (crr's `failcode`).
    public let cause: Int
    /// β, one per covariate column.
    public let coefficients: [Double]
    /// Robust standard errors, sqrt(diag(covariance)) (crr's `sqrt(diag(fit$var))`).
    public let standardErrors: [Double]
    /// Robust covariance matrix I⁻¹·V·I⁻¹ (crr's `var`), `covariance[i][j]`.
    public let covariance: [[Double]]
    /// Log pseudo-likelihood at β (crr's `loglik`).
    public let logLikelihood: Double
    /// Log pseudo-likelihood at β = 0 (crr's `loglik.null`).
    public let logLikelihoodNull: Double
    /// Whether crr's gradient criterion was met within the iteration limit without failed step-halving.
    public let converged: Bool
    /// Newton–Raphson steps taken.
    public let iterations: Int
    /// Number of observations.
    public let n: Int
    /// Number of failures from the cause of interest.
    public let eventCount: Int

    /// Creates a fit from its parts (as `FineGray.fit` does).
    public init(cause: Int, coefficients: [Double], standardErrors: [Double], covariance: [[Double]],
                logLikelihood: Double, logLikelihoodNull: Double, converged: Bool, iterations: Int,
                n: Int, eventCount: Int) {
        self.cause = cause
        self.coefficients = coefficients
        self.standardErrors = standardErrors
        self.covariance = covariance
        self.logLikelihood = logLikelihood
        self.logLikelihoodNull = logLikelihoodNull
        self.converged = converged
        self.iterations = iterations
        self.n = n
        self.eventCount = eventCount
    }

    /// Wald statistic β_i / se_i.
    public func z(_ i: Int) -> Double { coefficients[i] / standardErrors[i] }

    /// Two-sided Wald p-value 2·(1 − Φ(|z|)), as the unrounded value of summary.crr's `p-value`.
    public func p(_ i: Int) -> Double { Normal.twoSidedP(z(i)) }

    /// Subdistribution hazard ratio exp(β_i) with the Wald interval exp(β_i ± z·se_i) at `level`.
    public func subdistributionHazardRatio(_ i: Int, level: Double = 0.95) -> Estimate {
        let z = Normal.quantile(1 - (1 - level) / 2)
        let b = coefficients[i], se = standardErrors[i]
        return Estimate(estimate: exp(b), lower: exp(b - z * se), upper: exp(b + z * se))
    }

    /// Pseudo likelihood-ratio test 2·(log L − log L₀) on p degrees of freedom (summary.crr's `logtest`).
    public var likelihoodRatioTest: TestStatistic {
        .chiSquare(2 * (logLikelihood - logLikelihoodNull), df: coefficients.count)
    }
}
