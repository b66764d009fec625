/// The whole of a trial project's `trial.yaml`: metadata, report version, datasets, arms,
/// populations, methods, endpoints, baseline table and CONSORT flow. See docs/trial-yaml.md.
public struct TrialPlan: Decodable, Sendable {
    public var trial: TrialMetadata
    public var report: ReportMetadata
    /// Dataset name (lower case: `adsl`, `adtte`, `adae`) → path relative to the project folder (CSV or XPT).
    public var data: [String: String]
    public var arms: ArmSettings
    public var populations: [Population]
    public var time: TimeSettings
    public var methods: MethodSettings?
    public var endpoints: [Endpoint]
    public var baseline: BaselineSettings
    public var consort: ConsortSettings
    /// The group-sequential design interim reports are judged against (optional; docs/trial-yaml.md).
    public var interim: InterimDesign?
    /// Subgroup analyses of the time-to-event endpoints (optional).
    public var subgroups: SubgroupSettings?
    /// Horizon of the restricted mean survival time (optional; default the last landmark).
    public var rmst: RMSTSettings?
}

/// Who and what the trial is.
public struct TrialMetadata: Codable, Sendable {
    public var title: String
    /// Short name for navigation and running headers.
    public var acronym: String
    public var registry: String?
    public var phase: String?
    public var sponsor: String?
    public var indication: String?
    /// Marks every page as synthetic data.
    public var synthetic: Bool?
}

/// Which report this build is.
public struct ReportMetadata: Codable, Sendable {
    /// Version folder name: letters, digits, `.`, `-`, `_` (e.g. `ia1`, `v1.0`).
    public var version: String
    /// Human-readable status, e.g. "Interim analysis 1".
    public var status: String
    /// Data cut-off date, ISO 8601 (YYYY-MM-DD).
    public var dataCutoff: String
    /// Replace an existing bundle of this version even when its locked data differ.
    public var draft: Bool?
    /// `closed` (default: everything, by arm) or `open` (pooled results only; docs/audiences.md).
    public var audience: Audience?

    /// The audience in force.
    public var resolvedAudience: Audience { audience ?? .closed }
}

/// Treatment arms: the ADSL variable and its levels in display order.
public struct ArmSettings: Codable, Sendable {
    /// ADSL variable holding the planned arm (e.g. TRT01P).
    public var variable: String
    /// The comparator: hazard ratios compare every other arm with it.
    public var reference: String
    public var levels: [ArmLevel]
    /// ADSL variable holding the actual treatment (e.g. TRT01A), with the same levels as `variable`:
    /// safety analyses (the populations of adverse-event endpoints) count subjects by it. Default:
    /// TRT01A when ADSL has it, else `variable` (see `SafetyArm`).
    public var actualVariable: String?
}

public struct ArmLevel: Codable, Sendable {
    /// Value as stored in the data.
    public var value: String
    /// Label on pages (defaults to `value`).
    public var label: String?
    /// Short label for table columns.
    public var short: String?
    /// CSS colour for figures, e.g. "#0072B2".
    public var color: String?
}

/// An analysis population: ADSL subjects with every listed flag equal to "Y".
public struct Population: Codable, Sendable {
    public var id: PopulationID
    public var label: String
    public var flags: [String]
    public var description: String?
}

/// Time: what AVAL is in, how results are shown, and what time is counted from.
public struct TimeSettings: Codable, Sendable {
    /// Unit of AVAL in ADTTE.
    public var dataUnit: TimeUnit
    /// Unit for curves, medians and landmarks on pages.
    public var displayUnit: TimeUnit
    /// The event time 0 is, in words (`transplant` → axis "Time since transplant (months)"); without it "Time (months)".
    public var origin: String?

    public init(dataUnit: TimeUnit, displayUnit: TimeUnit, origin: String? = nil) {
        self.dataUnit = dataUnit
        self.displayUnit = displayUnit
        self.origin = origin
    }
}

public enum TimeUnit: String, PlanEnum {
    case days, weeks, months, years

    /// The unit as results.json writes it (`timeUnit`): "MONTHS".
    public var resultsName: String { rawValue.uppercased() }

    /// Length in days (months and years as averages: 365.25 / 12 and 365.25).
    public var days: Double {
        switch self {
        case .days: 1
        case .weeks: 7
        case .months: 365.25 / 12
        case .years: 365.25
        }
    }
}
