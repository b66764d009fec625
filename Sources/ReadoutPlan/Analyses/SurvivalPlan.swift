public import ReadoutCore
import ReadoutData
import ReadoutStats
import Dispatch
import Synchronization

/// The survival work of a plan, with nothing computed twice: endpoints on the same records (dataset,
/// parameter, population, strata, landmarks) share one Kaplan-Meier / log-rank / Cox block, and
/// competing-risks endpoints with the same causes share one cumulative-incidence / Gray / Fine-Gray
/// block — RFS, the incidence of relapse and non-relapse mortality are one analysis shown three ways.
///
/// Each block is a task of its own (it binds ADTTE itself), so the tasks run concurrently with each
/// other and with the plan's other endpoints (``TrialAnalysis``).
struct SurvivalPlan: Sendable {
    /// What a survival block is computed from.
    struct Records: Hashable, Sendable {
        var dataset: String
        var parameter: String
        var population: PopulationID
        var strata: [String]
        var landmarks: [Double]
    }

    /// A block and the endpoint it is attributed to in messages.
    struct Task: Sendable {
        var records: Records
        /// Competing causes (empty for the survival block).
        var causes: [String]
        var endpoint: EndpointHeader
        var field: String
        /// The time-to-event endpoints shown from this block (they add RMST, the PH check and subgroups).
        var timeToEventEndpoints: [EndpointID] = []
    }

    enum Output: Sendable {
        /// The bound records, the block, and the subgroup analyses by index into `TrialContext.subgroups`.
        case survival(SurvivalInput, TimeToEventAnalysis.SurvivalBlock, [Int: SubgroupSummary])
        case competing(CompetingRisksSummary)
    }

    /// Survival blocks first, then competing-risks blocks.
    private(set) var tasks: [Task] = []
    /// Per endpoint index: its survival task and, for competing risks, its competing task.
    private(set) var taskOfEndpoint: [Int: (survival: Int, competing: Int?)] = [:]
    /// Tasks below this index are survival blocks.
    private(set) var survivalCount = 0

    init(_ endpoints: [Endpoint]) {
        var survivalTask: [Records: Int] = [:]
        var competingTask: [Records: [[String]: Int]] = [:]
        var survivalTasks: [Task] = [], competingTasks: [Task] = []
        var pending: [(endpoint: Int, survival: Int, competing: Int?)] = []
        var timeToEvent = Set<Int>()
        for (index, endpoint) in endpoints.enumerated() {
            let header = endpoint.header
            let field = "endpoints[\(index)]"
            let records: Records, causes: [String]
            switch endpoint {
            case .timeToEvent(let e):
                records = Records(dataset: header.dataset.lowercased(), parameter: e.parameter, population: header.population,
                                  strata: e.strata, landmarks: e.landmarks)
                causes = []
                timeToEvent.insert(index)
            case .competingRisks(let e):
                records = Records(dataset: header.dataset.lowercased(), parameter: e.parameter, population: header.population,
                                  strata: e.strata, landmarks: e.landmarks)
                causes = e.causes
            case .binary, .adverseEvents:
                continue
            }
            let s: Int
            if let known = survivalTask[records] { s = known } else {
                s = survivalTasks.count
                survivalTask[records] = s
                survivalTasks.append(Task(records: records, causes: causes, endpoint: header, field: field))
            }
            if timeToEvent.contains(index) { survivalTasks[s].timeToEventEndpoints.append(header.id) }
            var c: Int?
            if !causes.isEmpty {
                if let known = competingTask[records]?[causes] { c = known } else {
                    c = competingTasks.count
                    competingTask[records, default: [:]][causes] = competingTasks.count
                    competingTasks.append(Task(records: records, causes: causes, endpoint: header, field: field))
                }
            }
            pending.append((index, s, c))
        }
        tasks = survivalTasks + competingTasks
        survivalCount = survivalTasks.count
        for entry in pending {
            taskOfEndpoint[entry.endpoint] = (entry.survival, entry.competing.map { survivalTasks.count + $0 })
        }
    }

    /// Runs task `index`: binds its records and computes its block.
    func run(task index: Int, context: TrialContext, methods: ResolvedMethods, timeDivisor: Double,
             warnings: inout [Diagnostic]) throws(DiagnosticsError) -> Output {
        let task = tasks[index]
        let competing = index >= survivalCount
        let flags = context.populationDefinition(task.records.population)?.flags ?? []
        let adtte = try context.dataset(task.endpoint.dataset, field: "\(task.field).dataset")
        let request = SurvivalRequest(parameter: task.records.parameter, armVariable: context.plan.arms.variable, arms: context.arms,
                                      referenceArm: .index(context.referenceArm), populationFlags: flags,
                                      strata: task.records.strata, causes: competing ? task.causes : [],
                                      timeDivisor: timeDivisor, landmarks: task.records.landmarks)
        let input = try SurvivalBinding.bind(adsl: context.subjects, adtte: adtte, request: request,
                                             subjectOfRow: try context.subjects(of: adtte, name: task.endpoint.dataset),
                                             warnings: &warnings)
        do {
            if competing, let cause = input.cause {
                return .competing(try CompetingRisksAnalysis.run(input, cause: cause, methods: methods))
            }
            let block = try TimeToEventAnalysis.survivalBlock(input, methods: methods, reviewers: !task.timeToEventEndpoints.isEmpty,
                                                              rmstHorizon: rmstHorizon(task.records, plan: context.plan))
            return .survival(input, block, try subgroups(of: task, input: input, context: context, methods: methods, warnings: &warnings))
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "stats.invalid-input", at: SourceLocation(file: adtte.source),
                                               "cannot analyse endpoint '\(task.endpoint.id)': \(error)")])
        }
    }

    /// Subgroup analyses (`subgroups:`) of the time-to-event endpoints shown from a survival block.
    private func subgroups(of task: Task, input: SurvivalInput, context: TrialContext, methods: ResolvedMethods,
                           warnings: inout [Diagnostic]) throws(DiagnosticsError) -> [Int: SubgroupSummary] {
        let specs = context.subgroups.indices.filter { context.subgroups[$0].endpoints.contains(where: task.timeToEventEndpoints.contains) }
        guard !specs.isEmpty else { return [:] }
        // The variables are independent: analysed concurrently, their warnings and errors kept in plan order.
        let time = TiedTimes.collapse(input.time)
        let outputs = Mutex<[Int: (Result<SubgroupSummary, DiagnosticsError>, [Diagnostic])]>([:])
        DispatchQueue.concurrentPerform(iterations: specs.count) { k in
            var specWarnings: [Diagnostic] = []
            let result: Result<SubgroupSummary, DiagnosticsError>
            do throws(DiagnosticsError) {
                result = .success(try SubgroupAnalysis.run(input, spec: context.subgroups[specs[k]], context: context, methods: methods,
                                                           collapsedTime: time, warnings: &specWarnings))
            } catch {
                result = .failure(error)
            }
            outputs.withLock { $0[k] = (result, specWarnings) }
        }
        var summaries: [Int: SubgroupSummary] = [:]
        for (k, i) in specs.enumerated() {
            guard let (result, specWarnings) = outputs.withLock({ $0[k] }) else { continue }
            warnings += specWarnings
            summaries[i] = try result.get()
        }
        return summaries
    }

    /// The RMST horizon τ: `rmst.tau`, else the last landmark.
    private func rmstHorizon(_ records: Records, plan: TrialPlan) -> Double? {
        plan.rmst?.tau ?? records.landmarks.last
    }

    /// The RMST horizon of survival endpoint `index`.
    func rmstHorizon(of index: Int, plan: TrialPlan) -> Double? {
        taskOfEndpoint[index].flatMap { rmstHorizon(tasks[$0.survival].records, plan: plan) }
    }

    /// Endpoint `index`'s result from the outputs of its tasks.
    func result(of index: Int, labels: TimeToEventAnalysis.Labels, context: TrialContext, methods: ResolvedMethods,
                outputs: [Result<Output, DiagnosticsError>]) throws(DiagnosticsError) -> EndpointResult {
        guard let entry = taskOfEndpoint[index] else { preconditionFailure("not a survival endpoint") }
        guard case .survival(let input, let block, let subgroups) = try outputs[entry.survival].get() else {
            preconditionFailure("a survival task computes a survival block")
        }
        var competing: CompetingRisksSummary?
        if let c = entry.competing {
            guard case .competing(let summary) = try outputs[c].get() else {
                preconditionFailure("a competing-risks task computes a competing-risks block")
            }
            competing = summary
        }
        var result = TimeToEventAnalysis.result(labels: labels, input: input, methods: methods, block: block, competing: competing)
        if labels.type == .timeToEvent {
            let mine = context.subgroups.indices.filter { context.subgroups[$0].endpoints.contains { $0.rawValue == labels.endpoint } }
            if !mine.isEmpty { result.subgroups = mine.compactMap { subgroups[$0] } }
        }
        return result
    }
}
