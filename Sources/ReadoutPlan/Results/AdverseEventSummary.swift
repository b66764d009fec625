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
    /// Events with a missing grade (counted in "any grade" only).
    public var missingGrade: Int
    /// ADSL variable the arms (and `arms[].n`) are taken from: the actual treatment (TRT01A) unless
    /// the data have none.
    public var armVariable: String
    /// False when ADSL has no actual-treatment variable and the randomized arm is used instead.
    public var byActualTreatment: Bool
    /// ADAE records in all; `counted` + the `notCounted` counts = `records`.
    public var records: Int
    public var counted: Int
    /// Records not counted, by reason (only reasons that occur, in a fixed order).
    public var notCounted: [AERecordExclusion]
    /// The CTCAE grade variable (AETOXGR); null when events are not graded (then every grade count is 0
    /// and pages show subjects with any event only).
    @Nullable public var gradeVariable: String?
    /// The window flag variable (TRTEMFL), if any.
    @Nullable public var windowFlag: String?
    /// ADAE variable of the action taken with study treatment (AEACN), if any.
    @Nullable public var actionVariable: String?
    /// Subjects per arm with an event leading to discontinuation (action "DRUG WITHDRAWN").
    @Nullable public var leadingToDiscontinuation: [Int]?
    /// ADAE causality variable (AEREL or AREL), if any.
    @Nullable public var relationshipVariable: String?
    /// Subjects per arm with a related event.
    @Nullable public var related: [Int]?
    /// The plan's severity scale (`adverseEvents.severity`), when it declares one (absent otherwise);
    /// `counts.severe` then holds the subjects at `severeFrom` or worse.
    public var severity: AESeverityScale? = nil
}

/// The severity scale behind `AECounts.severe`, and the counted records without a severity.
public struct AESeverityScale: Encodable, Sendable, Equatable {
    public var variable: String
    /// Levels, mildest first.
    public var levels: [String]
    public var severeFrom: String
    public var label: String
    /// Counted records with a missing severity (counted under any severity only).
    public var missing: Int
}

/// ADAE records left out of the counts, by reason.
public struct AERecordExclusion: Encodable, Sendable, Equatable {
    public enum Reason: String, Encodable, Sendable {
        /// The subject is not in the endpoint's population (e.g. never treated).
        case outsidePopulation = "outside-population"
        /// The window flag is not "Y".
        case outsideWindow = "outside-window"
        /// USUBJID is missing.
        case missingSubject = "missing-subject"
        /// USUBJID is not in ADSL (a reconciliation finding, also reported as a warning).
        case unknownSubject = "unknown-subject"
    }
    public var reason: Reason
    public var count: Int
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
    /// Subjects per arm with an event at the severity scale's `severeFrom` or worse (absent without a scale).
    public var severe: [Int]? = nil
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
