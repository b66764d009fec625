/// The baseline characteristics table (CONSORT item 15): by arm and overall, no p-values.
public struct BaselineSettings: Codable, Sendable {
    public var population: PopulationID
    public var variables: [BaselineVariable]
}

public struct BaselineVariable: Codable, Sendable {
    /// ADSL variable.
    public var variable: String
    public var label: String
    public var type: BaselineVariableType
    /// Categorical: levels in display order with optional labels (`value: label`); unlisted values are an error.
    public var levels: [BaselineLevel]?
    /// Continuous: decimals for mean, median and quartiles (SD one more); default one more than the data's.
    public var decimals: Int?
    /// Older name of `decimals` (used when `decimals` is absent).
    public var digits: Int?
}

public struct BaselineLevel: Codable, Sendable {
    public var value: String
    public var label: String?
}

public enum BaselineVariableType: String, PlanEnum {
    case continuous, categorical
}
