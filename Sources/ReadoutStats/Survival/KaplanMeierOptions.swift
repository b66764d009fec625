/// Settings of a Kaplan-Meier fit: the pointwise confidence transform and level, whose edge rules
/// (R or SAS) the quantiles and landmarks follow, and whether near-equal times count as ties.
///
/// The defaults are the SAS LIFETEST defaults (log-log band, 95%, SAS rules). R's `survfit` default
/// band is `.log`; pass `transform: .log, convention: .r` to reproduce `survfit()` as called bare.
public struct KaplanMeierOptions: Sendable, Equatable {
    /// Transform of the pointwise confidence band (and of the quantile CIs, which invert that band).
    public var transform: ConfidenceTransform = .logLog
    /// Two-sided confidence level, strictly between 0 and 1.
    public var level: Double = 0.95
    /// Whose rule applies to quantiles on a plateau and to landmarks after the last observation.
    public var convention: Convention = .sas
    /// R's `timefix = TRUE` (`aeqSurv`): times that differ by at most √ε, absolutely or relative to the
    /// mean distinct time, are one time. See ``TiedTimes``.
    public var tieTolerance: Bool = true

    /// Options with the given settings; every argument has the SAS LIFETEST default.
    public init(
        transform: ConfidenceTransform = .logLog, level: Double = 0.95, convention: Convention = .sas,
        tieTolerance: Bool = true
    ) {
        self.transform = transform
        self.level = level
        self.convention = convention
        self.tieTolerance = tieTolerance
    }

    /// The normal quantile z with P(|Z| ≤ z) = level, as R's `qnorm(1 - (1 - conf.int) / 2)`.
    var z: Double { Normal.quantile(1 - (1 - level) / 2) }
}
