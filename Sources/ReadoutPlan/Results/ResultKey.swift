import ReadoutCore

/// A number a narrative page may quote as `{{result:KEY}}` (docs/narrative.md). Keys are made only
/// here: `LiveNumbers` fills the values of a `TrialResults` under these keys, and `produced(by:)` lists
/// the keys a plan's results will have, so narrative references are checked against the plan when the
/// project is loaded, before any analysis runs.
public struct ResultKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
    public static func < (lhs: ResultKey, rhs: ResultKey) -> Bool { lhs.rawValue < rhs.rawValue }

    // Trial-wide
    public static let consortScreened = ResultKey("consort.screened")
    public static let consortRandomized = ResultKey("consort.randomized")
    public static let dataCutoff = ResultKey("report.dataCutoff")
    public static let status = ResultKey("report.status")
    public static func populationCount(_ population: String) -> ResultKey { ResultKey("population.\(population).n") }

    // Per endpoint. `arm` is the 0-based arm index; keys number arms from 1 in trial.yaml order.
    /// `rfs.arm1.n`, `rfs.arm1.median`, `ae.arm2.grade5` …
    public static func arm(_ endpoint: String, _ arm: Int, _ field: String) -> ResultKey { ResultKey("\(endpoint).arm\(arm + 1).\(field)") }
    /// `rfs.arm1.landmark24`: survival at a landmark.
    public static func armLandmark(_ endpoint: String, _ arm: Int, _ time: Double) -> ResultKey { Self.arm(endpoint, arm, "landmark\(timeText(time))") }
    /// `cir.arm1.incidence24`: cumulative incidence of the cause of interest at a landmark.
    public static func armIncidence(_ endpoint: String, _ arm: Int, _ time: Double) -> ResultKey { Self.arm(endpoint, arm, "incidence\(timeText(time))") }
    /// `rfs.landmark24.difference`: first other arm minus the reference arm at a landmark.
    public static func landmarkDifference(_ endpoint: String, _ time: Double) -> ResultKey { ResultKey("\(endpoint).landmark\(timeText(time)).difference") }
    /// `rfs.hr`, `rfs.logrank.p`, `mrd.fisher.p` …
    public static func endpoint(_ endpoint: String, _ field: String) -> ResultKey { ResultKey("\(endpoint).\(field)") }

    /// Interim monitoring (`interim:` in trial.yaml): `interim.fraction`, `interim.z`, `interim.cp.trend` …
    public static func interim(_ field: String) -> ResultKey { ResultKey("interim.\(field)") }
    /// Every interim key: the design's (`events` … `futility.z`) and the comparative ones (`z` …).
    public static let interimFields = ["events", "plannedEvents", "fraction", "efficacy.z", "efficacy.p", "alphaSpent", "futility.z",
                                       "z", "p", "favours", "decision", "cp.trend", "cp.design"]

    /// The interim keys an open report has (design and information, pooled): the rest are comparative.
    public static let interimOpenFields: Set<String> = ["events", "plannedEvents", "fraction", "efficacy.z", "efficacy.p", "alphaSpent", "futility.z"]

    /// Every key an open report's results have (docs/audiences.md): trial-wide counts and the design side
    /// of interim monitoring; no by-arm and no comparative key.
    public static func producedOpen(by validated: ValidatedPlan) -> Set<ResultKey> {
        var keys: Set<ResultKey> = [.consortScreened, .consortRandomized, .dataCutoff, .status]
        for population in validated.plan.populations { keys.insert(.populationCount(population.id.rawValue)) }
        if let interim = validated.interim {
            for field in interimFields where interimOpenFields.contains(field) && (field != "futility.z" || interim.futility != nil) {
                keys.insert(.interim(field))
            }
        }
        return keys
    }

    /// A time as keys and headings write it: "24", "2.5" (one decimal unless whole).
    public static func timeText(_ t: Double) -> String {
        guard t == t.rounded(), let whole = Int(exactly: t) else { return NumberFormat.fixed(t, digits: 1) }
        return String(whole)
    }

    /// RMST, proportional-hazards and subgroup keys of a time-to-event endpoint: `rfs.arm1.rmst`,
    /// `rfs.rmst.difference`, `rfs.ph.p`, `rfs.subgroup.AGEGR1.interaction.p`.
    static func reviewerKeys(_ keys: inout Set<ResultKey>, id: String, arms: Int, hasHorizon: Bool, subgroups: [String]) {
        if hasHorizon {
            for a in 0..<arms { keys.insert(.arm(id, a, "rmst")) }
            if arms > 1 { keys.insert(.endpoint(id, "rmst.difference")) }
        }
        if arms > 1 { keys.insert(.endpoint(id, "ph.p")) }
        for variable in subgroups { keys.insert(.endpoint(id, "subgroup.\(variable).interaction.p")) }
    }

    /// Every key the results of `plan` have.
    public static func produced(by validated: ValidatedPlan) -> Set<ResultKey> {
        let plan = validated.plan
        var keys: Set<ResultKey> = [.consortScreened, .consortRandomized, .dataCutoff, .status]
        for population in plan.populations { keys.insert(.populationCount(population.id.rawValue)) }
        let arms = plan.arms.levels.indices
        for endpoint in plan.endpoints {
            let id = endpoint.id.rawValue
            func survival(landmarks: [Double], strata: [String]) {
                for a in arms {
                    for field in ["n", "events", "median", "followUp"] { keys.insert(.arm(id, a, field)) }
                    for t in landmarks { keys.insert(.armLandmark(id, a, t)) }
                }
                for field in ["hr", "hr.p", "logrank.p"] { keys.insert(.endpoint(id, field)) }
                if !strata.isEmpty { keys.insert(.endpoint(id, "logrank.stratified.p")) }
                if arms.count > 1 { for t in landmarks { keys.insert(.landmarkDifference(id, t)) } }
            }
            switch endpoint {
            case .timeToEvent(let e):
                survival(landmarks: e.landmarks, strata: e.strata)
                reviewerKeys(&keys, id: id, arms: arms.count, hasHorizon: plan.rmst != nil || !e.landmarks.isEmpty,
                             subgroups: validated.subgroups.filter { $0.endpoints.contains(endpoint.id) }.map(\.variable))
            case .competingRisks(let e):
                survival(landmarks: e.landmarks, strata: e.strata)
                for a in arms { for t in e.landmarks { keys.insert(.armIncidence(id, a, t)) } }
                keys.insert(.endpoint(id, "gray.p"))
                keys.insert(.endpoint(id, "shr"))
            case .binary:
                for a in arms { keys.insert(.arm(id, a, "responders")) }
                keys.insert(.endpoint(id, "difference"))
                keys.insert(.endpoint(id, "fisher.p"))
            case .adverseEvents(let e):
                let fields = e.adverseEvents.grade == nil ? ["any"] : ["any", "grade3plus", "grade5"]
                for a in arms { for field in fields { keys.insert(.arm(id, a, field)) } }
            }
        }
        if let interim = validated.interim {
            for field in interimFields where field != "futility.z" || interim.futility != nil { keys.insert(.interim(field)) }
        }
        return keys
    }
}
