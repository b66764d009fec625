/// Subgroup analysis of one time-to-event endpoint by one ADSL variable (`subgroups` in results.json).
public struct SubgroupSummary: Encodable, Sendable {
    public var variable: String
    public var label: String
    /// Subjects of the endpoint left out because the variable is missing for them.
    public var missing: Int
    public var levels: [SubgroupLevelResult]
    /// Treatment-by-subgroup interaction.
    public var interaction: InteractionJSON
}

/// One level: counts per arm (plan order) and the hazard ratio of each other arm against the reference.
public struct SubgroupLevelResult: Encodable, Sendable {
    public var value: String
    public var label: String
    public var n: [Int]
    public var events: [Int]
    public var hazardRatios: [HazardRatioJSON]
}

/// Likelihood-ratio (`anova(arm + g, arm * g)`) and Wald tests of the arm × subgroup interaction;
/// `null` when fewer than two levels have subjects, or (Wald) when an interaction coefficient is infinite.
public struct InteractionJSON: Encodable, Sendable {
    @Nullable public var likelihoodRatio: TestJSON?
    @Nullable public var wald: TestJSON?
    /// Why a test is missing (`null` when both are there).
    @Nullable public var reason: String?
}

/// Restricted mean survival time up to `horizon` per arm, and each other arm minus the reference.
public struct RestrictedMeanSummary: Encodable, Sendable {
    /// τ in the display unit.
    public var horizon: Double
    /// Whether τ is later than the last observed time of some arm (its curve is extended flat to τ).
    public var extrapolated: Bool
    public var arms: [RestrictedMeanArm]
    public var differences: [RestrictedMeanDifference]
}

public struct RestrictedMeanArm: Encodable, Sendable {
    public var arm: String
    public var estimate: Double
    public var standardError: Double
    public var lower: Double
    public var upper: Double
}

public struct RestrictedMeanDifference: Encodable, Sendable {
    public var arm: String
    public var versus: String
    @Nullable public var estimate: Double?
    @Nullable public var standardError: Double?
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?
}

/// Grambsch–Therneau test of proportional hazards of the endpoint's Cox model(s), as
/// `cox.zph(fit, transform = "km", terms = TRUE)`: the arm term and GLOBAL.
public struct ProportionalHazardsSummary: Encodable, Sendable {
    public var transform: String
    public var arm: TestJSON
    public var global: TestJSON
    /// The same for the stratified Cox model (absent without strata).
    public var stratified: StratifiedProportionalHazards?
}

public struct StratifiedProportionalHazards: Encodable, Sendable {
    public var arm: TestJSON
    public var global: TestJSON
    public var strata: [String]
}
