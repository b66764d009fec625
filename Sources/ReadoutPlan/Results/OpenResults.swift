/// Everything an open report (`report.audience: open`, docs/audiences.md) may show: pooled results only.
/// No type reachable from here has an arm dimension — no per-arm array, no arm name, no comparison — so
/// an open bundle cannot carry a by-arm or comparative number: its pages are rendered from this value
/// and its results.json is this value encoded. Made only by `init(pooling:)`.
public struct OpenResults: Encodable, Sendable {
    public let audience = "open"
    public var trial: TrialMetadata
    public var report: ReportMetadata
    public var timeUnit: String
    public var populations: [OpenPopulation]
    public var data: [DataFile]
    public var dataLock: DataLockStatus?
    public var consort: OpenConsort
    public var baseline: OpenBaseline
    public var endpoints: [OpenEndpoint]
    @Nullable public var safety: OpenSafety?
    @Nullable public var interim: OpenInterim?

    private enum CodingKeys: String, CodingKey {
        case audience, trial, report, timeUnit, populations, data, dataLock, consort, baseline, endpoints, safety, interim
    }
}

public struct OpenPopulation: Encodable, Sendable {
    public var id: String
    public var label: String
    @Nullable public var description: String?
    public var total: Int
}

/// The CONSORT flow without the split by arm after randomization: each stage, follow-up and analysis box
/// counts all arms together.
public struct OpenConsort: Encodable, Sendable {
    public var screened: Int
    public var notRandomized: Int
    public var notRandomizedReasons: [ReasonCount]
    public var randomized: Int
    public var stages: [ConsortStageCount]
    /// Lost to follow-up and discontinued with reasons, all arms (null without `consort.followUp`).
    @Nullable public var followUp: ConsortFollowUpCount?
    /// One per `consort.analysis` box: analysed and excluded with reasons, all arms.
    public var analysis: [ConsortAnalysisCount]
}

/// Baseline characteristics of the population as a whole (the "overall" column of the closed table).
public struct OpenBaseline: Encodable, Sendable {
    public var population: String
    public var n: Int
    public var variables: [OpenBaselineRow]
}

public struct OpenBaselineRow: Encodable, Sendable {
    public var variable: String
    public var label: String
    public var type: BaselineVariableType
    @Nullable public var continuous: ContinuousJSON?
    @Nullable public var levels: [OpenLevel]?
    public var missing: Int
}

public struct OpenLevel: Encodable, Sendable {
    public var value: String
    public var label: String
    public var count: Int
    public var denominator: Int
}

/// An efficacy endpoint's enrolment and pooled events (time-to-event and competing-risks endpoints).
public struct OpenEndpoint: Encodable, Sendable {
    public var endpoint: String
    public var title: String
    public var type: EndpointType
    public var population: String
    public var subjects: Int
    /// Events of both arms together; `null` for binary endpoints.
    @Nullable public var events: Int?
}

/// Adverse events of both arms together: subjects by worst grade, per SOC and preferred term.
public struct OpenSafety: Encodable, Sendable {
    public var endpoint: String
    public var title: String
    @Nullable public var window: String?
    public var n: Int
    public var overall: OpenAECounts
    public var systemOrganClasses: [OpenSystemOrganClass]
    public var excludedOutsideWindow: Int
    public var missingGrade: Int
}

public struct OpenAECounts: Encodable, Sendable {
    public var anyGrade: Int
    public var grade1to2: Int
    public var grade3to4: Int
    public var grade5: Int
    public var grade3OrHigher: Int
    public var serious: Int
}

public struct OpenSystemOrganClass: Encodable, Sendable {
    public var systemOrganClass: String
    public var counts: OpenAECounts
    public var terms: [OpenTerm]
}

public struct OpenTerm: Encodable, Sendable {
    public var term: String
    public var counts: OpenAECounts
}

/// The design side of interim monitoring: information (pooled events) and boundaries. The observed z,
/// its p, the arm it favours, crossing and conditional power are comparative and are not here.
public struct OpenInterim: Encodable, Sendable {
    public var endpoint: String
    public var population: String
    public var plannedEvents: Int
    public var observedEvents: Int
    public var informationFraction: Double
    public var look: Int
    public var final: Bool
    public var design: InterimDesignSummary
    public var looks: [InterimLook]
}

extension OpenResults {
    /// The pooled projection of a build's results: sums over arms, the overall baseline column, the
    /// design side of interim monitoring.
    public init(pooling results: TrialResults) {
        trial = results.trial
        report = results.report
        timeUnit = results.timeUnit
        populations = results.populations.map { OpenPopulation(id: $0.id, label: $0.label, description: $0.description, total: $0.total) }
        data = results.data
        dataLock = results.dataLock
        consort = OpenConsort(pooling: results.consort)
        let b = results.baseline
        baseline = OpenBaseline(
            population: b.population, n: b.arms.map(\.n).reduce(0, +),
            variables: b.variables.map { row in
                OpenBaselineRow(variable: row.variable, label: row.label, type: row.type, continuous: row.continuous?.last,
                                levels: row.levels?.map { OpenLevel(value: $0.value, label: $0.label, count: $0.counts.last ?? 0,
                                                                    denominator: $0.denominators.last ?? 0) },
                                missing: row.missing.last ?? 0)
            })
        endpoints = results.endpoints.filter { $0.type != .adverseEvents }.map { e in
            let survival = e.type == .timeToEvent || e.type == .competingRisks
            return OpenEndpoint(endpoint: e.endpoint, title: e.title, type: e.type, population: e.population,
                                subjects: e.binary.map { $0.arms.map(\.n).reduce(0, +) } ?? e.arms.map(\.n).reduce(0, +),
                                events: survival ? e.arms.map(\.events).reduce(0, +) : nil)
        }
        safety = results.endpoints.first { $0.adverseEvents != nil }.map { e in
            let ae = e.adverseEvents!
            return OpenSafety(endpoint: e.endpoint, title: e.title, window: ae.window, n: ae.arms.map(\.n).reduce(0, +),
                              overall: OpenAECounts(pooling: ae.overall),
                              systemOrganClasses: ae.systemOrganClasses.map { soc in
                                  OpenSystemOrganClass(systemOrganClass: soc.systemOrganClass, counts: OpenAECounts(pooling: soc.counts),
                                                       terms: soc.terms.map { OpenTerm(term: $0.term, counts: OpenAECounts(pooling: $0.counts)) })
                              },
                              excludedOutsideWindow: ae.excludedOutsideWindow, missingGrade: ae.missingGrade)
        }
        interim = results.interim.map {
            OpenInterim(endpoint: $0.endpoint, population: $0.population, plannedEvents: $0.plannedEvents, observedEvents: $0.observedEvents,
                        informationFraction: $0.informationFraction, look: $0.look, final: $0.final, design: $0.design, looks: $0.looks)
        }
    }
}

extension OpenConsort {
    /// The flow of all arms together. A stage declared for some arms only (`arms:`) names an arm's
    /// treatment and is left out; the subjects one narrowing such stage lost are counted (with their
    /// reasons) among those lost before the next pooled stage — and among those a pooled stage drawn
    /// inside the box above (`narrows: false`) did not reach, as they left that box's flow — so each
    /// pooled box is the one above it less its side box.
    init(pooling c: ConsortSummary) {
        let stageCount = c.arms.map(\.stages.count).min() ?? 0
        var pooled: [ConsortStageCount] = []
        var carried: [[ReasonCount]] = []
        var carriedLost = 0
        for s in 0..<stageCount {
            let stages = c.arms.map { $0.stages[s] }
            guard stages.allSatisfy(\.applies) else {
                for stage in stages where stage.applies && stage.narrows {
                    carriedLost += stage.lost
                    carried.append(stage.reasons)
                }
                continue
            }
            let narrows = stages[0].narrows
            pooled.append(ConsortStageCount(label: stages[0].label, applies: true, narrows: narrows, lostLabel: stages[0].lostLabel,
                                            count: stages.map(\.count).reduce(0, +),
                                            lost: stages.map(\.lost).reduce(0, +) + carriedLost,
                                            reasons: Self.pool(stages.map(\.reasons) + carried)))
            if narrows { carried = []; carriedLost = 0 }
        }
        let followUps = c.arms.compactMap(\.followUp)
        let boxCount = c.arms.map(\.analysis.count).min() ?? 0
        self.init(screened: c.screened, notRandomized: c.notRandomized, notRandomizedReasons: c.notRandomizedReasons,
                  randomized: c.randomized, stages: pooled,
                  followUp: followUps.isEmpty ? nil
                      : ConsortFollowUpCount(lost: followUps.map(\.lost).reduce(0, +), discontinued: followUps.map(\.discontinued).reduce(0, +),
                                             reasons: Self.pool(followUps.map(\.reasons))),
                  analysis: (0..<boxCount).map { b in
                      let boxes = c.arms.map { $0.analysis[b] }
                      return ConsortAnalysisCount(population: boxes[0].population, label: boxes[0].label,
                                                  analysed: boxes.map(\.analysed).reduce(0, +), excluded: boxes.map(\.excluded).reduce(0, +),
                                                  reasons: Self.pool(boxes.map(\.reasons)))
                  })
    }

    /// Reason counts of several arms added up by reason, in CONSORT's order (most frequent first, then
    /// alphabetical) — not in the order of any arm's list.
    static func pool(_ lists: [[ReasonCount]]) -> [ReasonCount] {
        var counts: [String: Int] = [:]
        for reason in lists.joined() { counts[reason.reason, default: 0] += reason.count }
        return counts.map { ReasonCount(reason: $0.key, count: $0.value) }.sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
    }
}

extension OpenAECounts {
    /// Subjects of all arms: each subject is in one arm, so the per-arm counts add up.
    init(pooling counts: AECounts) {
        anyGrade = counts.anyGrade.reduce(0, +)
        grade1to2 = counts.grade1to2.reduce(0, +)
        grade3to4 = counts.grade3to4.reduce(0, +)
        grade5 = counts.grade5.reduce(0, +)
        grade3OrHigher = counts.grade3OrHigher.reduce(0, +)
        serious = counts.serious.reduce(0, +)
    }
}
