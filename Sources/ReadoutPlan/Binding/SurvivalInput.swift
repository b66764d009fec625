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
}
