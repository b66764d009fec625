/// The baseline characteristics table (CONSORT item 15): by arm and overall, no p-values.
public struct BaselineSettings: Codable, Sendable {
    public var population: String
    public var variables: [BaselineVariable]
}

public struct BaselineVariable: Codable, Sendable {
    /// ADSL variable.
    public var variable: String
    public var label: String
    public var type: BaselineVariableType
    /// Categorical: levels in display order with optional labels (`value: label`); unlisted values are an error.
    public var levels: [BaselineLevel]?
    /// Continuous: decimals for mean, SD, median, quartiles.
    public var digits: Int?
}

public struct BaselineLevel: Codable, Sendable {
    public var value: String
    public var label: String?
}

public enum BaselineVariableType: String, PlanEnum {
    case continuous, categorical
}

/// The CONSORT flow: screened → randomized → per-arm stages.
public struct ConsortSettings: Codable, Sendable {
    /// Population of everyone assessed for eligibility.
    public var screened: String
    /// ADSL variable with the reason for not being randomized.
    public var screenFailureReason: String
    /// Population of randomized subjects.
    public var randomized: String
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
