/// Adverse events by system organ class and preferred term; each subject counted once per row at
/// their worst CTCAE grade (chevron `aet04` convention). Percentages use `arms[].n`.
public struct AdverseEventSummary: Encodable, Sendable {
    @Nullable public var window: String?
    public var arms: [ArmCount]
    /// Subjects with any event, and by worst grade group.
    public var overall: AECounts
    public var systemOrganClasses: [SystemOrganClassRows]
    /// Events excluded because they are outside the analysis window.
    public var excludedOutsideWindow: Int
    /// Events with a missing or invalid grade (counted in "any grade" only).
    public var missingGrade: Int
}

public struct ArmCount: Encodable, Sendable {
    public var arm: String
    public var n: Int
}

/// Subjects per arm (same order as `arms`): any grade, worst grade 1–2, 3–4, 5, and grade ≥ 3.
public struct AECounts: Encodable, Sendable {
    public var anyGrade: [Int]
    public var grade1to2: [Int]
    public var grade3to4: [Int]
    public var grade5: [Int]
    public var grade3OrHigher: [Int]
    public var serious: [Int]
}

public struct SystemOrganClassRows: Encodable, Sendable {
    public var systemOrganClass: String
    public var counts: AECounts
    public var terms: [TermRow]
}

public struct TermRow: Encodable, Sendable {
    public var term: String
    public var counts: AECounts
}

/// Baseline characteristics by arm and overall (no significance tests, CONSORT item 15).
public struct BaselineSummary: Encodable, Sendable {
    public var population: String
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
