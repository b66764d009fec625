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
