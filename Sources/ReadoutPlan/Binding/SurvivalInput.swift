import ReadoutStats

/// Time-to-event data of one endpoint as columns, ready for the estimators.
public struct SurvivalInput: Sendable {
    /// Arm names; `arm` indexes into this.
    public var arms: [String]
    /// Index of the reference arm in `arms`.
    public var referenceArm: Int
    public var time: [Double]
    public var event: [Bool]
    public var arm: [Int]
    /// Stratum index per subject, `nil` where a stratification variable is missing; `nil` array when unstratified.
    public var stratum: [Int?]?
    /// Names of the stratification variables.
    public var strataVariables: [String]
    /// Cause code per subject (0 censored, k = causes[k-1]); `nil` without competing risks.
    public var cause: [Int]?
    public var causes: [String]
    /// Landmark times in the analysis time unit.
    public var landmarks: [Double]
    /// ADSL row of each subject (empty when the input was not bound from ADSL).
    public var subjects: [Int]

    public init(arms: [String], referenceArm: Int, time: [Double], event: [Bool], arm: [Int],
                stratum: [Int?]? = nil, strataVariables: [String] = [], cause: [Int]? = nil, causes: [String] = [],
                landmarks: [Double] = [], subjects: [Int] = []) {
        self.arms = arms
        self.referenceArm = referenceArm
        self.time = time
        self.event = event
        self.arm = arm
        self.stratum = stratum
        self.strataVariables = strataVariables
        self.cause = cause
        self.causes = causes
        self.landmarks = landmarks
        self.subjects = subjects
    }

    public var count: Int { time.count }

    /// The same records in ascending time, ties in input order (a stable radix sort, O(n)).
    ///
    /// Every estimator sorts by time; on sorted input those sorts (adaptive merge sorts, which find
    /// runs) cost one linear pass, so the records are sorted once here for all of them. No result
    /// depends on the order of the records: R's estimators sort too (stably, by time).
    public func sortedByTime() -> SurvivalInput {
        guard zip(time, time.dropFirst()).contains(where: { $0 > $1 }) else { return self }
        let order = SortOrder.ascending(time)
        var sorted = self
        sorted.time = order.map { time[$0] }
        sorted.event = order.map { event[$0] }
        sorted.arm = order.map { arm[$0] }
        sorted.stratum = stratum.map { values in order.map { values[$0] } }
        sorted.cause = cause.map { values in order.map { values[$0] } }
        sorted.subjects = subjects.isEmpty ? [] : order.map { subjects[$0] }
        return sorted
    }
}
