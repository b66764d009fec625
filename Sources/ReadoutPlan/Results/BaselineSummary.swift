/// Baseline characteristics by arm and overall (no significance tests, CONSORT item 15).
public struct BaselineSummary: Encodable, Sendable {
    public var population: String
    /// ADSL variable the arms are taken from (the actual treatment for a safety population).
    public var armVariable: String
    /// True when the population is a safety population counted by actual treatment.
    public var byActualTreatment: Bool
    public var arms: [ArmCount]
    public var variables: [BaselineRow]
}

public struct BaselineRow: Encodable, Sendable {
    public var variable: String
    public var label: String
    public var type: BaselineVariableType
    /// Continuous: one summary per arm, then overall.
    @Nullable public var continuous: [ContinuousJSON]?
    /// Categorical: one row per level.
    @Nullable public var levels: [LevelRow]?
    /// Missing counts per arm, then overall.
    public var missing: [Int]
    /// Continuous: decimals the data are recorded with (0 for integers, at most 6); min and max print so.
    @Nullable public var precision: Int?
    /// Continuous: decimals asked for in the plan (`decimals`) for mean, median and quartiles (SD one more).
    @Nullable public var decimals: Int?
}

public struct ContinuousJSON: Encodable, Sendable {
    public var n: Int
    @Nullable public var mean: Double?
    @Nullable public var sd: Double?
    @Nullable public var median: Double?
    @Nullable public var q1: Double?
    @Nullable public var q3: Double?
    @Nullable public var min: Double?
    @Nullable public var max: Double?
}

public struct LevelRow: Encodable, Sendable {
    public var value: String
    public var label: String
    /// Counts per arm, then overall.
    public var counts: [Int]
    /// Denominators (non-missing) per arm, then overall.
    public var denominators: [Int]
}
