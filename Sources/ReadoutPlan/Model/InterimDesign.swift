/// `interim:` in trial.yaml — the group-sequential design of the primary endpoint that interim reports
/// are judged against (docs/trial-yaml.md): planned events, the hazard ratio the trial is powered for,
/// overall α and sidedness, the efficacy α-spending function, optional non-binding futility by
/// β-spending, and the information fractions of the looks already taken before this one.
public struct InterimDesign: Codable, Sendable {
    /// The time-to-event endpoint monitored (its id).
    public var endpoint: EndpointID
    /// Total events planned at the final analysis.
    public var plannedEvents: Int
    /// The hazard ratio (experimental arm vs the reference arm) the trial is powered for, in (0, 1).
    public var hazardRatio: Double
    /// Overall type I error, in (0, 0.5); for two-sided designs the two tails together.
    public var alpha: Double
    /// 1 or 2 (default 1).
    public var sided: Int?
    /// Power at `hazardRatio` (default 0.8); β = 1 − power is spent by the futility boundary.
    public var power: Double?
    /// The efficacy boundary's α-spending function.
    public var efficacy: SpendingSettings
    /// A non-binding futility boundary by β-spending (one-sided designs only).
    public var futility: SpendingSettings?
    /// Information fractions of the interim looks taken before this report, increasing, in (0, 1).
    public var earlierLooks: [Double]?
    /// Information fractions of the interim looks planned after this one, increasing, in (0, 1). A planned
    /// look at or before this report's fraction is dropped (this look took its place).
    public var plannedLooks: [Double]?

    public init(endpoint: EndpointID, plannedEvents: Int, hazardRatio: Double, alpha: Double, sided: Int? = nil,
                power: Double? = nil, efficacy: SpendingSettings, futility: SpendingSettings? = nil, earlierLooks: [Double]? = nil,
                plannedLooks: [Double]? = nil) {
        self.endpoint = endpoint
        self.plannedEvents = plannedEvents
        self.hazardRatio = hazardRatio
        self.alpha = alpha
        self.sided = sided
        self.power = power
        self.efficacy = efficacy
        self.futility = futility
        self.earlierLooks = earlierLooks
        self.plannedLooks = plannedLooks
    }

    public var resolvedSided: Int { sided ?? 1 }
    public var resolvedPower: Double { power ?? 0.8 }
}

/// An error-spending function as trial.yaml names it: `family` (`obrien-fleming`, `pocock`,
/// `hwang-shih-decani`) and, for Hwang–Shih–DeCani, `gamma`.
public struct SpendingSettings: Codable, Sendable {
    /// Checked by `InterimDesignValidation` against `SpendingFamily` (with a "did you mean").
    public var family: String
    public var gamma: Double?

    public init(family: String, gamma: Double? = nil) {
        self.family = family
        self.gamma = gamma
    }
}

/// The spending families trial.yaml knows, as Lan & DeMets and Hwang, Shih & DeCani define them.
public enum SpendingFamily: String, CaseIterable, Sendable {
    case obrienFleming = "obrien-fleming"
    case pocock
    case hwangShihDeCani = "hwang-shih-decani"

    /// How pages name the family.
    public var label: String {
        switch self {
        case .obrienFleming: "Lan–DeMets O'Brien–Fleming type"
        case .pocock: "Lan–DeMets Pocock type"
        case .hwangShihDeCani: "Hwang–Shih–DeCani"
        }
    }
}
