/// The interim monitoring block of results.json (`interim`, docs/results-json.md): the design, its
/// boundaries at this and every earlier look, and the observed statistic judged against them.
public struct InterimResult: Encodable, Sendable {
    public var endpoint: String
    public var population: String
    public var plannedEvents: Int
    /// Events of the endpoint in its population, both arms together.
    public var observedEvents: Int
    /// observedEvents / plannedEvents (may exceed 1 when the trial over-runs its plan).
    public var informationFraction: Double
    /// 0-based index of this look in `looks`.
    public var look: Int
    /// This look is the final analysis (observed events at or beyond the planned number).
    public var final: Bool
    public var design: InterimDesignSummary
    /// This and every earlier look, in order; the last entry is the final analysis when this is an interim.
    public var looks: [InterimLook]
    public var observed: InterimObserved
    /// The observed z is on or beyond the efficacy boundary of this look.
    public var efficacyCrossed: Bool
    /// The observed z is on or below the (non-binding) futility boundary of this look; `null` without futility.
    @Nullable public var futilityCrossed: Bool?
    /// Conditional power of crossing a later efficacy boundary; `null` at the final analysis.
    @Nullable public var conditionalPower: ConditionalPowerSummary?
    /// The observed z of earlier published versions of this trial (filled in by the build from their results.json).
    public var history: [InterimHistoryPoint] = []
}

public struct InterimDesignSummary: Encodable, Sendable {
    public var hazardRatio: Double
    public var alpha: Double
    public var sided: Int
    public var power: Double
    public var efficacy: SpendingSummary
    @Nullable public var futility: SpendingSummary?
    /// Mean of Z at full information giving power 1 − β (rpact's √shift).
    public var drift: Double
    /// Mean of Z at full information under the design hazard ratio and the planned events.
    public var driftAtHazardRatio: Double
}

public struct SpendingSummary: Encodable, Sendable {
    public var family: String
    @Nullable public var gamma: Double?
}

/// One look of the design: boundaries on the z scale and their nominal p values.
public struct InterimLook: Encodable, Sendable {
    public var look: Int
    public var informationFraction: Double
    /// `earlier`, `current`, `planned` (a later interim) or `final` (the planned final analysis after an interim).
    public var kind: String
    public var efficacyZ: Double
    /// Nominal p of the efficacy boundary (one-sided for a one-sided design, two-sided for a two-sided one).
    public var efficacyP: Double
    /// Cumulative α spent by this look.
    public var alphaSpent: Double
    @Nullable public var futilityZ: Double?
    @Nullable public var futilityP: Double?
    @Nullable public var betaSpent: Double?
}

/// The observed stratified (else unstratified) log-rank statistic as a signed z.
public struct InterimObserved: Encodable, Sendable {
    /// Positive favours the experimental arm (fewer events than expected under no difference).
    public var z: Double
    /// Nominal p of z in the design's sidedness (one-sided: P(Z ≥ z); two-sided: P(|Z| ≥ |z|)).
    public var p: Double
    /// The arm z favours; `null` when z is 0.
    @Nullable public var favours: String?
    public var stratified: Bool
}

public struct ConditionalPowerSummary: Encodable, Sendable {
    /// Under the current trend (drift z/√t).
    public var currentTrend: Double
    /// Under the design hazard ratio (drift −ln(HR)·√(D·r(1−r)), r the experimental arm's share).
    public var designHazardRatio: Double
}

/// An earlier version's look: its information fraction and observed z, from its results.json.
public struct InterimHistoryPoint: Encodable, Sendable, Equatable {
    public var version: String
    public var dataCutoff: String
    public var informationFraction: Double
    public var z: Double

    public init(version: String, dataCutoff: String, informationFraction: Double, z: Double) {
        self.version = version
        self.dataCutoff = dataCutoff
        self.informationFraction = informationFraction
        self.z = z
    }
}
