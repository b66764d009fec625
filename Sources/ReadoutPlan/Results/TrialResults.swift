/// Every number of a report: the content of results.json and the only source pages read from.
public struct TrialResults: Encodable, Sendable {
    public var trial: TrialMetadata
    public var report: ReportMetadata
    public var methods: ResolvedMethods
    /// The plan's time settings: units for pages, the origin for axis titles. Written to results.json
    /// only as `timeUnit` (the display unit, upper case: "MONTHS").
    public var time: TimeSettings
    public var arms: [ArmInfo]
    public var populations: [PopulationCount]
    /// Locked input files with their SHA-256 (filled in by the build).
    public var data: [DataFile]
    /// The data lock the build checked the datasets against (filled in by the build; absent outside a build).
    public var dataLock: DataLockStatus? = nil
    /// Changes since the trial's previous published version (filled in by the build; absent without one).
    public var changes: VersionChanges? = nil
    public var consort: ConsortSummary
    public var baseline: BaselineSummary
    public var endpoints: [EndpointResult]
    /// Interim monitoring of the plan's `interim:` design (absent without one).
    public var interim: InterimResult? = nil

    public func endpoint(_ id: String) -> EndpointResult? { endpoints.first { $0.endpoint == id } }

    /// results.json's `timeUnit`.
    public var timeUnit: String { time.displayUnit.resultsName }

    private enum CodingKeys: String, CodingKey {
        case trial, report, methods, timeUnit, arms, populations, data, dataLock, changes, consort, baseline, endpoints, interim
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(trial, forKey: .trial)
        try c.encode(report, forKey: .report)
        try c.encode(methods, forKey: .methods)
        try c.encode(timeUnit, forKey: .timeUnit)
        try c.encode(arms, forKey: .arms)
        try c.encode(populations, forKey: .populations)
        try c.encode(data, forKey: .data)
        try c.encodeIfPresent(dataLock, forKey: .dataLock)
        try c.encodeIfPresent(changes, forKey: .changes)
        try c.encode(consort, forKey: .consort)
        try c.encode(baseline, forKey: .baseline)
        try c.encode(endpoints, forKey: .endpoints)
        try c.encodeIfPresent(interim, forKey: .interim)
    }
}

public struct ArmInfo: Encodable, Sendable {
    public var value: String
    public var label: String
    public var short: String
    public var color: String
    public var reference: Bool
}

public struct PopulationCount: Encodable, Sendable {
    public var id: String
    public var label: String
    @Nullable public var description: String?
    /// Subjects per arm (plan order); screen failures have no arm and count only in `total`.
    public var arms: [Int]
    public var total: Int
    /// ADSL variable the arms are taken from: the actual treatment for safety populations (`SafetyArm`).
    public var armVariable: String
    /// False for a population with subjects outside every arm (defined before randomization, e.g.
    /// screened): pages show "—" per arm, as its arm counts do not add up to the total.
    public var byArm: Bool
}

public struct DataFile: Encodable, Sendable {
    public var name: String
    public var file: String
    public var sha256: String
    public var rows: Int

    public init(name: String, file: String, sha256: String, rows: Int) {
        self.name = name
        self.file = file
        self.sha256 = sha256
        self.rows = rows
    }
}
