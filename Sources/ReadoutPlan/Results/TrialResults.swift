/// Every number of a report: the content of results.json and the only source pages read from.
public struct TrialResults: Encodable, Sendable {
    public var trial: TrialMetadata
    public var report: ReportMetadata
    public var methods: ResolvedMethods
    public var timeUnit: String
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

    public func endpoint(_ id: String) -> EndpointResult? { endpoints.first { $0.endpoint == id } }
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
