/// The CONSORT flow: screened → randomized → per-arm stages.
public struct ConsortSettings: Codable, Sendable {
    /// Population of everyone assessed for eligibility.
    public var screened: PopulationID
    /// ADSL variable with the reason for not being randomized.
    public var screenFailureReason: String
    /// Population of randomized subjects.
    public var randomized: PopulationID
    /// Per-arm stages after allocation, in order.
    public var stages: [ConsortStage]
}

public struct ConsortStage: Codable, Sendable {
    public var label: String
    /// Subjects counted at this stage: ADSL flags that must all be "Y".
    public var flags: [String]
    /// ADSL variable with the reason for not reaching this stage.
    public var reason: String?
    /// Heading of the box for subjects who did not reach this stage (default "Did not reach: <label>").
    public var lostLabel: String?
}
