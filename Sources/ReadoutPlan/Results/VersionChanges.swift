/// `results.json` `changes`: what changed since the trial's previous published version (the one with
/// the latest data cut-off before this one), filled in by the build when such a version exists.
public struct VersionChanges: Encodable, Sendable {
    /// A count in both versions (subjects per population, events per time-to-event endpoint).
    public struct Count: Encodable, Sendable {
        public var id: String
        public var label: String
        /// Nil when the population or endpoint did not exist in the previous version.
        @Nullable public var previous: Int?
        public var current: Int
        public var added: Int

        public init(id: String, label: String, previous: Int?, current: Int) {
            self.id = id
            self.label = label
            self.previous = previous
            self.current = current
            self.added = current - (previous ?? 0)
        }
    }

    /// An endpoint's headline estimate (first subdistribution hazard ratio, else first hazard ratio, else difference in proportions).
    public struct Estimate: Encodable, Sendable {
        public var endpoint: String
        public var label: String
        public var measure: String
        @Nullable public var previous: Double?
        @Nullable public var current: Double?

        public init(endpoint: String, label: String, measure: String, previous: Double?, current: Double?) {
            self.endpoint = endpoint
            self.label = label
            self.measure = measure
            self.previous = previous
            self.current = current
        }
    }

    public var previousVersion: String
    public var previousDataCutoff: String
    /// Lock id of the previous version's data (nil if it was an unlocked draft).
    @Nullable public var previousDataLock: String?
    public var subjects: [Count]
    public var events: [Count]
    public var estimates: [Estimate]
    /// Readable input changes, e.g. `changed dataset data/adtte.csv`, `changed plan trial.yaml`.
    public var inputs: [String]

    public init(previousVersion: String, previousDataCutoff: String, previousDataLock: String?, subjects: [Count],
                events: [Count], estimates: [Estimate], inputs: [String]) {
        self.previousVersion = previousVersion
        self.previousDataCutoff = previousDataCutoff
        self.previousDataLock = previousDataLock
        self.subjects = subjects
        self.events = events
        self.estimates = estimates
        self.inputs = inputs
    }
}
