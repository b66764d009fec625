public import ReadoutCore
/// Log-rank test (`survdiff`, ρ = 0); `stratified` has the same shape, with the stratification
/// variables and the number of subjects left out for a missing stratum.
public struct LogRankSummary: Encodable, Sendable {
    @Nullable public var chiSquare: Double?
    public var df: Int
    @Nullable public var p: Double?
    /// Observed and expected events per arm.
    public var arms: [ObservedExpected]
    @Nullable public var strata: [String]?
    @Nullable public var excluded: Int?
    @Nullable public var stratified: LogRankSummary?
}

public struct ObservedExpected: Encodable, Sendable {
    public var arm: String
    public var observed: Double
    public var expected: Double
}

/// Cox proportional-hazards model with arm as the only covariate; `stratified` has the same shape,
/// with the stratification variables and the number of subjects left out for a missing stratum.
public struct CoxSummary: Encodable, Sendable {
    public var ties: String
    @Nullable public var logLikelihood: Double?
    public var tests: CoxTests
    public var hazardRatios: [HazardRatioJSON]
    public var converged: Bool
    public var iterations: Int
    @Nullable public var strata: [String]?
    @Nullable public var excluded: Int?
    @Nullable public var stratified: CoxSummary?
}

public struct CoxTests: Encodable, Sendable {
    public var wald: TestJSON
    public var likelihoodRatio: TestJSON
    public var score: TestJSON
}

public struct HazardRatioJSON: Encodable, Sendable {
    public var arm: String
    public var versus: String
    @Nullable public var coefficient: Double?
    @Nullable public var standardError: Double?
    @Nullable public var estimate: Double?
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?
    @Nullable public var p: Double?
    public var estimable: Bool
    /// Why a hazard ratio is not estimable (`null` when it is).
    @Nullable public var reason: String?
}

/// Competing risks: Aalen-Johansen cumulative incidence (cmprsk::cuminc), Gray's test, Fine-Gray.
public struct CompetingRisksSummary: Encodable, Sendable {
    public var causes: [String]
    @Nullable public var causeOfInterest: String?
    public var incidence: [IncidenceJSON]
    /// Cumulative incidence of each other arm minus the reference arm, per cause and landmark (Wald CI from cuminc's variances).
    public var differences: [IncidenceDifference]
    public var gray: [GrayJSON]
    @Nullable public var grayStratified: [GrayJSON]?
    public var fineGray: [FineGrayJSON]
}

public struct IncidenceJSON: Encodable, Sendable {
    public var arm: String
    public var cause: String
    public var events: Int
    public var landmarks: [IncidenceLandmark]
    /// The step function: cumulative incidence right after each time.
    @JSONRows public var curve: [IncidencePoint]
}

public struct IncidenceDifference: Encodable, Sendable {
    public var cause: String
    public var difference: LandmarkDifference
}

public struct IncidenceLandmark: Encodable, Sendable {
    public var time: Double
    @Nullable public var estimate: Double?
    @Nullable public var variance: Double?
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?
}

public struct IncidencePoint: Encodable, Sendable, SortedJSONRow {
    public var time: Double
    public var estimate: Double
    /// Pointwise CI from cuminc's variance, log-log as at the landmarks (`null` where the estimate is 0 or 1).
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?

    public static let jsonKeys = ["time", "estimate", "lower", "upper"]
    public func appendJSONValues(to row: inout SortedJSON.RowValues) {
        row.append(time); row.append(estimate); row.appendNullable(lower); row.appendNullable(upper)
    }
}

public struct GrayJSON: Encodable, Sendable {
    public var cause: String
    @Nullable public var statistic: Double?
    public var df: Int
    @Nullable public var p: Double?
}

public struct FineGrayJSON: Encodable, Sendable {
    public var cause: String
    public var arm: String
    public var versus: String
    @Nullable public var estimate: Double?
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?
    @Nullable public var p: Double?
    /// Whether crr's Newton-Raphson converged (a cause without events in one arm usually does not:
    /// the sHR then heads for 0 or ∞ and its interval is not meaningful).
    public var converged: Bool
}

/// A binary response ("Y" = responder) by arm.
public struct BinarySummary: Encodable, Sendable {
    public var variable: String
    public var arms: [BinaryArm]
    public var difference: EstimateJSON
    public var fisher: FisherJSON
}

public struct BinaryArm: Encodable, Sendable {
    public var arm: String
    public var responders: Int
    public var n: Int
    /// Subjects with a missing response (excluded from `n`).
    public var missing: Int
    @Nullable public var proportion: Double?
    public var clopperPearson: Interval
    public var wilson: Interval
}

public struct Interval: Encodable, Sendable {
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?
}

public struct FisherJSON: Encodable, Sendable {
    @Nullable public var p: Double?
    @Nullable public var oddsRatio: Double?
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?
}
