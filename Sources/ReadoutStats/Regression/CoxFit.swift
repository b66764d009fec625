// Result of a Cox proportional hazards fit, laid out like R's `summary(coxph(...))`.

/// A fitted Cox model: coefficients on the log-hazard scale with model-based (inverse information)
/// standard errors, the three global tests, iteration diagnostics and, per coefficient, whether it is
/// estimable at all (a coefficient that is infinite or redundant is kept as R reports it but flagged,
/// and its hazard ratio, CI and p-value are withheld).
public struct CoxFit: Sendable {
    /// Number of subjects used.
    public let n: Int
    /// Rows the likelihood passes ran on: `n`, or fewer when tied subjects were collapsed.
    public let rows: Int
    /// Number of events among them.
    public let events: Int
    /// Number of strata (1 when unstratified).
    public let strataCount: Int
    /// Covariate names as given (or "covariate 1", …), used in reasons and warnings.
    public let names: [String]
    /// Estimated log hazard ratios as R reports them (NaN where R gives NA: a redundant covariate).
    public let coefficients: [Double]
    /// Standard errors sqrt(diag(covariance)) (NaN where the coefficient is NA).
    public let standardErrors: [Double]
    /// Inverse of the information matrix at the estimate (zero rows/columns for redundant covariates).
    public let covariance: [[Double]]
    /// Log partial likelihood at β = 0 (R `fit$loglik[1]`).
    public let logLikelihoodNull: Double
    /// Log partial likelihood at the estimate (R `fit$loglik[2]`).
    public let logLikelihood: Double
    /// Wald test of β = 0 over the non-redundant coefficients (R `fit$wald.test`).
    public let wald: TestStatistic
    /// Likelihood-ratio test 2(ℓ(β̂) − ℓ(0)).
    public let likelihoodRatio: TestStatistic
    /// Score (log-rank) test U(0)′I(0)⁻¹U(0) (R `fit$score`).
    public let score: TestStatistic
    /// Newton–Raphson iterations as R (`fit$iter`) or SAS counts them; see `CoxOptions`.
    public let iterations: Int
    /// Whether the convention's convergence criterion was met within `maxIterations`.
    public let converged: Bool
    /// The final value of the convergence criterion: R's |1 − ℓₖ₋₁/ℓₖ| or SAS's GCONV of the last step.
    public let convergenceCriterion: Double
    /// Per coefficient: false when it is infinite (monotone likelihood) or redundant (singular X).
    public let estimable: [Bool]
    /// Per coefficient: why it is not estimable, `nil` when it is.
    public let notEstimableReasons: [String?]
    /// Warnings in R's words ("Loglik converged before variable 1; coefficient may be infinite." …).
    public let warnings: [String]
    /// Options the model was fitted with (ties, convention, confidence level).
    public let options: CoxOptions

    /// Builds a fit from its parts; `CoxModel.fit` is the way to obtain one.
    init(
        n: Int, rows: Int, events: Int, strataCount: Int, names: [String], coefficients: [Double],
        covariance: [[Double]], logLikelihoodNull: Double, logLikelihood: Double, wald: TestStatistic,
        likelihoodRatio: TestStatistic, score: TestStatistic, iterations: Int, converged: Bool,
        convergenceCriterion: Double, estimable: [Bool], notEstimableReasons: [String?], warnings: [String],
        options: CoxOptions
    ) {
        self.n = n
        self.rows = rows
        self.events = events
        self.strataCount = strataCount
        self.names = names
        self.coefficients = coefficients
        self.standardErrors = coefficients.indices.map { coefficients[$0].isNaN ? .nan : covariance[$0][$0].squareRoot() }
        self.covariance = covariance
        self.logLikelihoodNull = logLikelihoodNull
        self.logLikelihood = logLikelihood
        self.wald = wald
        self.likelihoodRatio = likelihoodRatio
        self.score = score
        self.iterations = iterations
        self.converged = converged
        self.convergenceCriterion = convergenceCriterion
        self.estimable = estimable
        self.notEstimableReasons = notEstimableReasons
        self.warnings = warnings
        self.options = options
    }

    /// Wald z = coef / se for coefficient `i` as R prints it (even when not estimable; NaN for NA).
    public func z(_ i: Int) -> Double {
        coefficients[i] / standardErrors[i]
    }

    /// exp(coef) with its Wald interval exp(coef ± z₍₁₊level₎/₂ · se) at `options.level`; every part is
    /// `nil` when the coefficient is not estimable.
    public func hazardRatio(_ i: Int) -> Estimate {
        guard estimable[i] else { return Estimate(estimate: nil, lower: nil, upper: nil) }
        let b = coefficients[i], se = standardErrors[i]
        let q = Normal.quantile((1 + options.level) / 2)
        return Estimate(estimate: exp(b), lower: exp(b - q * se), upper: exp(b + q * se))
    }

    /// Two-sided Wald p-value of coefficient `i`, `pchisq(z², 1, lower.tail = FALSE)` as in
    /// summary.coxph; `nil` when the coefficient is not estimable.
    public func waldP(_ i: Int) -> Double? {
        guard estimable[i] else { return nil }
        let zi = z(i)
        return ChiSquared.survival(zi * zi, df: 1)
    }
}
