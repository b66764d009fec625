/// `adverseEvents.severity`: an ordered severity scale and the level from which an event counts in the
/// second column of the AE tables — the oncology-standard "All grades" / "Grade ≥ 3" layout, or for data
/// graded by severity only (AESEV) "Any severity" / "Severe". A subject counts once per row, in that
/// column when any of their records in the row is at `severeFrom` or worse.
public struct AdverseEventSeverity: Codable, Sendable, Equatable {
    /// ADAE variable holding the level (AESEV, AETOXGR).
    public var variable: String
    /// The levels, mildest first (e.g. MILD, MODERATE, SEVERE); a non-missing value outside them is an error.
    public var levels: [String]
    /// The mildest level that counts (one of `levels`).
    public var severeFrom: String
    /// Column and row label of the subjects counted at `severeFrom` or worse (e.g. "Severe", "Grade ≥ 3").
    public var label: String

    public init(variable: String, levels: [String], severeFrom: String, label: String) {
        self.variable = variable
        self.levels = levels
        self.severeFrom = severeFrom
        self.label = label
    }
}
