// Options of the Cox proportional hazards fit (R `coxph` / `coxph.control`, SAS PROC PHREG).

/// How `CoxModel.fit` handles ties and decides convergence.
///
/// `.r` reproduces `coxph` with `coxph.control()` defaults: start at β = 0, Newton–Raphson with R's
/// step-halving, stop when |1 − ℓₖ₋₁/ℓₖ| ≤ 1e-9, at most `iter.max = 20` iterations, Cholesky pivots
/// below `.Machine$double.eps^0.75` declared zero, `toler.inf = sqrt(1e-9)` for flagging infinite
/// coefficients, and `timefix = TRUE` (times within `sqrt(.Machine$double.eps)` are ties). `.sas`
/// follows PROC PHREG: start at β = 0, Newton–Raphson with the step halved while the log-likelihood
/// decreases, stop after the first step whose GCONV = g′H⁻¹g / |ℓ| (at the point it started from) is
/// below 1e-8, reporting the point that step reached.
public struct CoxOptions: Sendable, Equatable {
    /// Tie handling: Efron (R default) or Breslow (SAS PHREG default).
    public var ties: TieMethod = .efron
    /// Convergence rule: R `coxph` or SAS PHREG (see the type's documentation).
    public var convention: Convention = .r
    /// Most Newton–Raphson iterations (R `iter.max = 20`; PHREG's own default MAXITER is 25).
    public var maxIterations: Int = 20
    /// Confidence level of the Wald intervals of the hazard ratios.
    public var level: Double = 0.95
    /// Treat times that differ by less than `sqrt(.Machine$double.eps)` (absolutely or relative to the
    /// mean distinct time) as tied, as R's `coxph.control(timefix = TRUE)` does via `aeqSurv`.
    public var timefix: Bool = true
    /// Whether the likelihood passes run on collapsed rows (tied subjects with the same stratum,
    /// status and covariates counted once); the fit is the per-subject one either way.
    public var collapse: CoxCollapse = .automatic

    /// Options with R's defaults unless given.
    public init(
        ties: TieMethod = .efron, convention: Convention = .r, maxIterations: Int = 20,
        level: Double = 0.95, timefix: Bool = true, collapse: CoxCollapse = .automatic
    ) {
        self.ties = ties
        self.convention = convention
        self.maxIterations = maxIterations
        self.level = level
        self.timefix = timefix
        self.collapse = collapse
    }
}

/// When `CoxModel.fit` collapses tied subjects into counted rows. Only covariates with few distinct
/// values (at most 32 per column, 4096 patterns) can be collapsed; otherwise every choice fits per subject.
public enum CoxCollapse: Sendable, Equatable {
    /// Collapse when that at least halves the rows.
    case automatic
    /// Collapse whenever the covariates allow it.
    case always
    /// One row per subject.
    case never
}

/// Numerical constants of the two conventions.
enum CoxTolerance {
    /// R `coxph.control(eps)`: relative change in the log-likelihood at convergence.
    static let rEps = 1e-9
    /// R `coxph.control(toler.inf) = sqrt(eps)`: an infinite coefficient is suspected when the next
    /// Newton step exceeds this fraction of the coefficient.
    static let rTolerInf = rEps.squareRoot()
    /// R `coxph.control(toler.chol) = .Machine$double.eps^0.75`.
    static let cholesky = SymmetricCholesky.defaultTolerance
    /// SAS PHREG default `GCONV=1E-8`.
    static let sasGconv = 1e-8
    /// Most step halvings per SAS iteration before giving up.
    static let sasMaxHalvings = 30
    /// R `aeqSurv` tolerance `sqrt(.Machine$double.eps)`.
    static let timefix = Double.ulpOfOne.squareRoot()
}
