/// One endpoint of the analysis plan: one payload per type, so a key of another type cannot be given
/// (decoding rejects it at its line) and a required key cannot be missing.
public enum Endpoint: Sendable {
    case timeToEvent(TimeToEventEndpoint)
    case competingRisks(CompetingRisksEndpoint)
    case binary(BinaryEndpoint)
    case adverseEvents(AdverseEventsEndpoint)

    /// What every endpoint has: id, title, role, description, population and dataset.
    public var header: EndpointHeader {
        switch self {
        case .timeToEvent(let e): e.header
        case .competingRisks(let e): e.header
        case .binary(let e): e.header
        case .adverseEvents(let e): e.header
        }
    }

    public var type: EndpointType {
        switch self {
        case .timeToEvent: .timeToEvent
        case .competingRisks: .competingRisks
        case .binary: .binary
        case .adverseEvents: .adverseEvents
        }
    }

    public var id: EndpointID { header.id }
    public var title: String { header.title }
    public var population: PopulationID { header.population }
    public var dataset: String { header.dataset }

    /// Landmark times of the time-to-event and competing-risks endpoints (none for the others).
    public var landmarks: [Double] {
        switch self {
        case .timeToEvent(let e): e.landmarks
        case .competingRisks(let e): e.landmarks
        case .binary, .adverseEvents: []
        }
    }
}

public enum EndpointType: String, PlanEnum {
    case timeToEvent = "time-to-event"
    case competingRisks = "competing-risks"
    case binary
    case adverseEvents = "adverse-events"

    /// Its keys besides the common ones, in documentation order.
    var ownKeys: [EndpointKey] {
        switch self {
        case .timeToEvent: [.parameter, .landmarks, .strata]
        case .competingRisks: [.parameter, .causes, .causeOfInterest, .landmarks, .strata]
        case .binary: [.variable]
        case .adverseEvents: [.adverseEvents]
        }
    }
}

/// The keys every endpoint has.
public struct EndpointHeader: Sendable {
    /// Identifier used in results.json, anchors and narrative references (`rfs`).
    public var id: EndpointID
    public var title: String
    /// Primary, key secondary … (free text shown as a badge).
    public var role: String?
    public var description: String?
    public var population: PopulationID
    /// Dataset name (key of `data`).
    public var dataset: String

    public init(id: EndpointID, title: String, role: String? = nil, description: String? = nil, population: PopulationID, dataset: String) {
        self.id = id
        self.title = title
        self.role = role
        self.description = description
        self.population = population
        self.dataset = dataset
    }
}

/// Kaplan-Meier, log-rank and Cox of one ADTTE parameter.
public struct TimeToEventEndpoint: Sendable {
    public var header: EndpointHeader
    /// PARAMCD.
    public var parameter: String
    /// Landmark times in the display unit (e.g. [12, 24] months).
    public var landmarks: [Double]
    /// ADSL stratification variables for stratified log-rank and Cox.
    public var strata: [String]
}

/// Cumulative incidence, Gray's test and Fine-Gray of one cause of an ADTTE parameter.
public struct CompetingRisksEndpoint: Sendable {
    public var header: EndpointHeader
    public var parameter: String
    /// EVNTDESC values of the competing events, in order.
    public var causes: [String]
    /// The cause this endpoint reports (one of `causes`, checked by `PlanValidation`).
    public var causeOfInterest: String
    public var landmarks: [Double]
    public var strata: [String]
}

/// Response proportions by arm from an ADSL flag.
public struct BinaryEndpoint: Sendable {
    public var header: EndpointHeader
    /// ADSL flag variable, "Y" = responder.
    public var variable: String
}

/// Adverse events from ADAE.
public struct AdverseEventsEndpoint: Sendable {
    public var header: EndpointHeader
    public var adverseEvents: AdverseEventVariables
}

/// ADAE variables for the adverse-event endpoint.
public struct AdverseEventVariables: Codable, Sendable {
    /// Preferred term (AEDECOD).
    public var term: String
    /// System organ class (AEBODSYS).
    public var systemOrganClass: String
    /// CTCAE grade 1–5 (AETOXGR). Without it (data graded by severity only, e.g. the CDISC pilot's
    /// AESEV) events are counted without grades: tables show subjects with any event.
    public var grade: String?
    /// Flag selecting events in the analysis window ("Y"), e.g. TRTEMFL.
    public var windowFlag: String?
    /// Serious flag (AESER).
    public var serious: String?
    /// Text describing the window, shown in footnotes.
    public var windowDescription: String?
    /// Action taken with study treatment (default AEACN when ADAE has it): "DRUG WITHDRAWN" counts
    /// an event as leading to discontinuation.
    public var actionTaken: String?
    /// Causality (default AEREL, else AREL, when ADAE has it): any non-missing value other than
    /// `notRelatedValues` counts an event as related.
    public var relationship: String?
    /// Values of `relationship` that mean "not related" (compared without regard to case; default
    /// `AdverseEventVariables.defaultNotRelated`).
    public var notRelatedValues: [String]?
    /// The severity scale of the tables' second column (see `AdverseEventSeverity`); without it, graded
    /// data show "Grade ≥ 3" from `grade`, ungraded data no second column.
    public var severity: AdverseEventSeverity?

    /// Causality values read as "not related" unless the plan says otherwise.
    public static let defaultNotRelated = ["NONE", "NOT RELATED", "UNRELATED", "N", "NO", "NOT APPLICABLE"]
}
