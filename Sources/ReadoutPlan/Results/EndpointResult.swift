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
    /// S(t) of each other arm minus the reference arm at each landmark, with a Wald CI.
    public var landmarkDifferences: [LandmarkDifference]
    @Nullable public var logRank: LogRankSummary?
    @Nullable public var cox: CoxSummary?
    @Nullable public var competingRisks: CompetingRisksSummary?
    @Nullable public var binary: BinarySummary?
    @Nullable public var adverseEvents: AdverseEventSummary?

    public init(endpoint: String, title: String, type: EndpointType, population: String, timeUnit: String?,
                referenceArm: String, methods: ResolvedMethods, arms: [ArmSurvival] = [],
                logRank: LogRankSummary? = nil, cox: CoxSummary? = nil, competingRisks: CompetingRisksSummary? = nil,
                binary: BinarySummary? = nil, adverseEvents: AdverseEventSummary? = nil) {
        self.endpoint = endpoint
        self.title = title
        self.type = type
        self.population = population
        self.timeUnit = timeUnit
        self.referenceArm = referenceArm
        self.methods = methods
        self.arms = arms
        self.landmarkDifferences = []
        self.logRank = logRank
        self.cox = cox
        self.competingRisks = competingRisks
        self.binary = binary
        self.adverseEvents = adverseEvents
    }
}

/// A point estimate with interval, each part `null` when not estimable.
public struct EstimateJSON: Encodable, Sendable, Equatable {
    @Nullable public var estimate: Double?
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?

    public init(_ estimate: Estimate) {
        self.estimate = estimate.estimate
        self.lower = estimate.lower
        self.upper = estimate.upper
    }
}

/// Median follow-up by reverse Kaplan-Meier.
public struct FollowUpJSON: Encodable, Sendable {
    @Nullable public var median: Double?
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?

    public init(_ estimate: Estimate) {
        median = estimate.estimate
        lower = estimate.lower
        upper = estimate.upper
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
    public var curve: [CurveRow]
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
public struct CurveRow: Encodable, Sendable {
    public var time: Double
    public var atRisk: Int
    public var events: Int
    public var censored: Int
    public var estimate: Double
    @Nullable public var lower: Double?
    @Nullable public var upper: Double?
}

/// A test statistic with df and p.
public struct TestJSON: Encodable, Sendable {
    @Nullable public var statistic: Double?
    public var df: Int
    @Nullable public var p: Double?

    public init(_ test: TestStatistic) {
        statistic = test.statistic
        df = test.df
        p = test.p
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

    public init(time: Double, arm: String, versus: String, _ result: WaldDifference.Result) {
        self.time = time
        self.arm = arm
        self.versus = versus
        estimate = result.estimate
        standardError = result.standardError
        lower = result.lower
        upper = result.upper
    }
}
