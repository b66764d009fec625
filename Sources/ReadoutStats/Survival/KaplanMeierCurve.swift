/// A fitted Kaplan-Meier curve: R `survfit`'s table for one group, one entry per distinct time
/// (event or censoring), with Greenwood and Nelson-Aalen standard errors and pointwise limits.
///
/// Quantiles, the median and landmark estimates are derived from these arrays by the rules of
/// `options.convention` (see ``quantile(_:)``, ``median`` and ``landmark(_:)``).
public struct KaplanMeierCurve: Sendable {
    /// Number of subjects.
    public let n: Int
    /// Number of events.
    public let events: Int
    /// Distinct times (after the tie collapse of `options.tieTolerance`), ascending.
    public let time: [Double]
    /// Subjects with time ≥ `time[i]`.
    public let atRisk: [Int]
    /// Events at `time[i]`.
    public let eventCount: [Int]
    /// Censorings at `time[i]`.
    public let censorCount: [Int]
    /// Kaplan-Meier estimate S(t) = ∏ (1 − d/n), right-continuous (events at t included).
    public let survival: [Double]
    /// survfit's `std.err`: the SE of −log S, Greenwood sqrt(Σ d/(n(n−d))); +∞ once S reaches 0.
    public let standardError: [Double]
    /// Nelson-Aalen cumulative hazard Σ d/n (survfit's `cumhaz`).
    public let cumulativeHazard: [Double]
    /// SE of the Nelson-Aalen estimate, sqrt(Σ d/n²) (survfit's `std.chaz`).
    public let cumulativeHazardSE: [Double]
    /// Lower pointwise limit under `options.transform`; `nil` where R gives NA, NaN where R gives NaN.
    public let lower: [Double?]
    /// Upper pointwise limit under `options.transform`; `nil` where R gives NA, NaN where R gives NaN.
    public let upper: [Double?]
    /// The options the curve was fitted with.
    public let options: KaplanMeierOptions

    init(
        n: Int, events: Int, time: [Double], atRisk: [Int], eventCount: [Int], censorCount: [Int],
        survival: [Double], standardError: [Double], cumulativeHazard: [Double], cumulativeHazardSE: [Double],
        lower: [Double?], upper: [Double?], options: KaplanMeierOptions
    ) {
        self.n = n
        self.events = events
        self.time = time
        self.atRisk = atRisk
        self.eventCount = eventCount
        self.censorCount = censorCount
        self.survival = survival
        self.standardError = standardError
        self.cumulativeHazard = cumulativeHazard
        self.cumulativeHazardSE = cumulativeHazardSE
        self.lower = lower
        self.upper = upper
        self.options = options
    }

    /// The p-quantile of the survival time (time by which a fraction p has had the event) with its
    /// Brookmeyer-Crowley CI, found by inverting the pointwise band of `options.transform`.
    ///
    /// `.r`: R's `quantile.survfit` (its `findq` rule: midpoint on a plateau at exactly 1 − p, up to the
    /// last observed time when the plateau never ends). `.sas`: SAS LIFETEST's documented rule
    /// (smallest event time with S < 1 − p; midpoint of a plateau at 1 − p; the CI is the span of event
    /// times whose band contains 1 − p, upper limit open). `nil` marks what cannot be estimated.
    public func quantile(_ p: Double) -> Estimate {
        guard p >= 0, p <= 1, !time.isEmpty else { return Estimate(estimate: nil, lower: nil, upper: nil) }
        switch options.convention {
        case .r: return RQuantileRules.quantile(curve: self, p: p)
        case .sas: return SASQuantileRules.quantile(curve: self, p: p)
        }
    }

    /// The median survival time with its CI. `.r`: the `print.survfit` / `summary(fit)$table` rule
    /// (which differs from `quantile(0.5)` only when S stays at exactly 0.5 until the last observation:
    /// the table then gives the plateau's start). `.sas`: `quantile(0.5)`.
    public var median: Estimate {
        switch options.convention {
        case .r: return RQuantileRules.tableMedian(curve: self)
        case .sas: return quantile(0.5)
        }
    }
}
