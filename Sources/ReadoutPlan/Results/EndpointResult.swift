public import ReadoutCore
public import ReadoutStats

/// Everything computed for one endpoint: the JSON contract of `readout estimate --json` and of each
/// endpoint in results.json (docs/results-json.md).
public struct EndpointResult: Encodable, Sendable {
    public var endpoint: String
    public var title: String
    public var type: EndpointType
    public var population: String
    @Nullable public var timeUnit: String?
    public var referenceArm: String
    public var methods: ResolvedMethods
    public var arms: [ArmSurvival]
    /// Median follow-up by reverse Kaplan-Meier over all arms (`null` for binary and AE endpoints).
    @Nullable public var followUp: FollowUpJSON?
    /// S(t) of each other arm minus the reference arm at each landmark, with a Wald CI.
    public var landmarkDifferences: [LandmarkDifference]
    @Nullable public var logRank: LogRankSummary?
    @Nullable public var cox: CoxSummary?
    @Nullable public var competingRisks: CompetingRisksSummary?
    @Nullable public var binary: BinarySummary?
    @Nullable public var adverseEvents: AdverseEventSummary?
    /// Time-to-event endpoints: RMST at τ per arm and the differences (absent without a horizon).
    public var restrictedMean: RestrictedMeanSummary?
    /// Time-to-event endpoints: the Grambsch–Therneau test of proportional hazards.
    public var proportionalHazards: ProportionalHazardsSummary?
    /// Time-to-event endpoints with `subgroups:`: one block per subgrouping variable.
    public var subgroups: [SubgroupSummary]?

    /// Builds an endpoint result; only the blocks that apply are given.
    public static func make(endpoint: String, title: String, type: EndpointType, population: String, timeUnit: String?,
                            referenceArm: String, methods: ResolvedMethods, arms: [ArmSurvival] = [],
                            followUp: FollowUpJSON? = nil, landmarkDifferences: [LandmarkDifference] = [],
                            logRank: LogRankSummary? = nil, cox: CoxSummary? = nil, competingRisks: CompetingRisksSummary? = nil,
                            binary: BinarySummary? = nil, adverseEvents: AdverseEventSummary? = nil) -> EndpointResult {
        EndpointResult(endpoint: endpoint, title: title, type: type, population: population, timeUnit: timeUnit,
                       referenceArm: referenceArm, methods: methods, arms: arms, followUp: followUp,
                       landmarkDifferences: landmarkDifferences,
                       logRank: logRank, cox: cox, competingRisks: competingRisks, binary: binary, adverseEvents: adverseEvents)
    }
}

/// A point estimate with interval, each part `null` when not estimable.
public struct EstimateJSON: Encodable, Sendable, Equatable {
    @Nullable public var estimate: Double?
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?

    public init(_ estimate: Estimate) {
        _estimate = Nullable(wrappedValue: estimate.estimate)
        _lower = Nullable(wrappedValue: estimate.lower)
        _upper = Nullable(wrappedValue: estimate.upper)
    }
}

/// Median follow-up by reverse Kaplan-Meier.
public struct FollowUpJSON: Encodable, Sendable {
    @Nullable public var median: Double?
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?

    public init(_ estimate: Estimate) {
        _median = Nullable(wrappedValue: estimate.estimate)
        _lower = Nullable(wrappedValue: estimate.lower)
        _upper = Nullable(wrappedValue: estimate.upper)
    }
}

/// Kaplan-Meier results for one arm.
public struct ArmSurvival: Encodable, Sendable {
    public var arm: String
    public var n: Int
    public var events: Int
    public var median: EstimateJSON
    public var landmarks: [LandmarkJSON]
    public var followUp: FollowUpJSON
    @JSONRows public var curve: [CurveRow]
}

/// S(t) at a landmark time; `atRisk` counts subjects with time ≥ t.
public struct LandmarkJSON: Encodable, Sendable {
    public var time: Double
    @Nullable public var atRisk: Int?
    @Nullable public var estimate: Double?
    @Nullable public var standardError: Double?
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?
}

/// One row of the Kaplan-Meier table: one distinct time (event or censoring).
public struct CurveRow: Encodable, Sendable, SortedJSONRow {
    public var time: Double
    public var atRisk: Int
    public var events: Int
    public var censored: Int
    public var estimate: Double
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?

    public static let jsonKeys = ["time", "atRisk", "events", "censored", "estimate", "lower", "upper"]
    public func appendJSONValues(to row: inout SortedJSON.RowValues) {
        row.append(time); row.append(atRisk); row.append(events); row.append(censored); row.append(estimate)
        row.appendNullable(lower); row.appendNullable(upper)
    }
}

/// A test statistic with df and p.
public struct TestJSON: Encodable, Sendable {
    @Nullable public var statistic: Double?
    public var df: Int
    @Nullable public var p: Double?

    public init(_ test: TestStatistic) {
        _statistic = Nullable(wrappedValue: test.statistic)
        df = test.df
        _p = Nullable(wrappedValue: test.p)
    }
}

/// A between-arm difference at a landmark time (other arm minus reference), Wald CI from the two
/// independent standard errors (`WaldDifference`).
public struct LandmarkDifference: Encodable, Sendable {
    public var time: Double
    public var arm: String
    public var versus: String
    @Nullable public var estimate: Double?
    @Nullable public var standardError: Double?
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?

    /// The difference of `arm` minus `versus` at `time`.
    public static func make(time: Double, arm: String, versus: String, _ result: WaldDifference.Result) -> LandmarkDifference {
        LandmarkDifference(time: time, arm: arm, versus: versus, estimate: result.estimate, standardError: result.standardError,
                           lower: result.lower, upper: result.upper)
    }
}
