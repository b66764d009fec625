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
}

public struct ConsortStageCount: Encodable, Sendable {
    public var label: String
    /// Heading for the subjects who did not reach this stage.
    public var lostLabel: String
    public var count: Int
    /// Subjects of the previous stage who did not reach this one, with reasons.
    public var lost: Int
    public var reasons: [ReasonCount]
}
