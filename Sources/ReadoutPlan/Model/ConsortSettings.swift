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
    /// Follow-up boxes (lost to follow-up, discontinued with reasons), per arm.
    public var followUp: ConsortFollowUp?
    /// Analysis boxes, per arm: analysed per population, excluded with reasons.
    public var analysis: [ConsortAnalysisBox]?
}

/// CONSORT 2010 follow-up: subjects allocated to an arm who were lost to follow-up or discontinued.
public struct ConsortFollowUp: Codable, Sendable {
    /// ADSL variable with the reason for discontinuation (DCSREAS).
    public var reason: String
    /// ADSL end-of-study status (EOSSTT): a subject discontinued when it equals `discontinuedValue`;
    /// without it, when `reason` is not missing.
    public var endOfStudyStatus: String?
    /// Value of `endOfStudyStatus` meaning discontinued (default "DISCONTINUED").
    public var discontinuedValue: String?
    /// Value of `reason` meaning lost to follow-up (default "LOST TO FOLLOW-UP").
    public var lostValue: String?
}

/// CONSORT 2010 analysis: subjects allocated to an arm who are in an analysis population.
public struct ConsortAnalysisBox: Codable, Sendable {
    public var population: PopulationID
    /// Heading (default "Analysed: <population label>").
    public var label: String?
    /// ADSL variable with the reason a subject is excluded; without it, the first population flag not "Y".
    public var reason: String?
}

public struct ConsortStage: Codable, Sendable {
    public var label: String
    /// Subjects counted at this stage: ADSL flags that must all be "Y".
    public var flags: [String]
    /// ADSL variable with the reason for not reaching this stage.
    public var reason: String?
    /// Heading of the box for subjects who did not reach this stage (default "Did not reach: <label>").
    public var lostLabel: String?
    /// Arm values the stage belongs to (e.g. "received blinatumomab" for one arm); default every arm.
    public var arms: [String]?
    /// False for a stage that details its box without narrowing the flow (CONSORT's "received allocated
    /// intervention" inside the allocation box): the next stage counts from the same subjects. Default true.
    public var narrows: Bool?
}
