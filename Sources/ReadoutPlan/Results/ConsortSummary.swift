/// The CONSORT flow counts.
public struct ConsortSummary: Encodable, Sendable {
    public var screened: Int
    public var notRandomized: Int
    public var notRandomizedReasons: [ReasonCount]
    public var randomized: Int
    public var arms: [ConsortArm]
}

public struct ReasonCount: Encodable, Sendable {
    public var reason: String
    public var count: Int
}

public struct ConsortArm: Encodable, Sendable {
    public var arm: String
    public var allocated: Int
    public var stages: [ConsortStageCount]
    /// Lost to follow-up and discontinued, among the allocated (null without `consort.followUp`).
    @Nullable public var followUp: ConsortFollowUpCount?
    /// One per `consort.analysis` box: analysed and excluded, among the allocated.
    public var analysis: [ConsortAnalysisCount]
}

public struct ConsortFollowUpCount: Encodable, Sendable {
    public var lost: Int
    /// Discontinued for a reason other than lost to follow-up.
    public var discontinued: Int
    public var reasons: [ReasonCount]
}

public struct ConsortAnalysisCount: Encodable, Sendable {
    public var population: String
    public var label: String
    public var analysed: Int
    public var excluded: Int
    public var reasons: [ReasonCount]
}

public struct ConsortStageCount: Encodable, Sendable {
    public var label: String
    /// False when the stage is declared for other arms only (then `count` is the previous box's and `lost` 0).
    public var applies: Bool
    /// False for a stage that details the box above without narrowing the flow (drawn inside that box).
    public var narrows: Bool
    /// Heading for the subjects who did not reach this stage.
    public var lostLabel: String
    public var count: Int
    /// Subjects of the previous stage who did not reach this one, with reasons.
    public var lost: Int
    public var reasons: [ReasonCount]
}
