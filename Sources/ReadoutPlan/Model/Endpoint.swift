/// One endpoint of the analysis plan.
public struct Endpoint: Codable, Sendable {
    /// Identifier used in results.json, anchors and narrative references (`rfs`).
    public var id: String
    public var title: String
    public var type: EndpointType
    /// Primary, key secondary … (free text shown as a badge).
    public var role: String?
    public var description: String?
    /// Population id.
    public var population: String
    /// Dataset name (key of `data`).
    public var dataset: String
    /// PARAMCD for time-to-event and competing-risks endpoints.
    public var parameter: String?
    /// Landmark times in the display unit (e.g. [12, 24] months).
    public var landmarks: [Double]?
    /// ADSL stratification variables for stratified log-rank and Cox.
    public var strata: [String]?
    /// Competing risks: EVNTDESC values, in order; the others are ignored as censored only if listed nowhere.
    public var causes: [String]?
    /// Competing risks: the cause this endpoint reports.
    public var causeOfInterest: String?
    /// Binary: ADSL flag variable, "Y" = responder.
    public var variable: String?
    /// Adverse events: variable names.
    public var adverseEvents: AdverseEventVariables?
}

public enum EndpointType: String, PlanEnum {
    case timeToEvent = "time-to-event"
    case competingRisks = "competing-risks"
    case binary
    case adverseEvents = "adverse-events"
}

/// ADAE variables for the adverse-event endpoint.
public struct AdverseEventVariables: Codable, Sendable {
    /// Preferred term (AEDECOD).
    public var term: String
    /// System organ class (AEBODSYS).
    public var systemOrganClass: String
    /// CTCAE grade 1–5 (AETOXGR).
    public var grade: String
    /// Flag selecting events in the analysis window ("Y"), e.g. TRTEMFL.
    public var windowFlag: String?
    /// Serious flag (AESER).
    public var serious: String?
    /// Text describing the window, shown in footnotes.
    public var windowDescription: String?
}
