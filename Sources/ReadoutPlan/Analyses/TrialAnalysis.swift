public import ReadoutCore
import ReadoutData
public import ReadoutStats
import Dispatch
import Synchronization

/// Runs the whole analysis plan over bound datasets and returns every result of the report.
public enum TrialAnalysis {
    /// Okabe-Ito colours: distinguishable with colour-vision deficiency, and in greyscale print.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]

    public static func run(_ context: TrialContext, warnings: inout [Diagnostic]) throws(DiagnosticsError) -> TrialResults {
        let plan = context.plan
        let methods = (plan.methods ?? MethodSettings()).resolved
        var log = DiagnosticLog()
        var endpoints: [EndpointResult] = []
        let timeDivisor = plan.time.displayUnit.days / plan.time.dataUnit.days
        let timeUnit = plan.time.displayUnit.resultsName

        // Independent work runs concurrently: one task per survival block and competing-risks block
        // (shared by the endpoints on the same records, see SurvivalPlan), one per other endpoint;
        // results are collected in plan order.
        let survival = SurvivalPlan(plan.endpoints)
        let others = plan.endpoints.indices.filter { survival.taskOfEndpoint[$0] == nil }
        let taskCount = survival.tasks.count + others.count
        let blockOutputs = Mutex<[(Result<SurvivalPlan.Output, DiagnosticsError>, [Diagnostic])?]>(Array(repeating: nil, count: survival.tasks.count))
        let otherOutputs = Mutex<[Int: (Result<EndpointResult, DiagnosticsError>, [Diagnostic])]>([:])
        DispatchQueue.concurrentPerform(iterations: taskCount) { task in
            var taskWarnings: [Diagnostic] = []
            if task < survival.tasks.count {
                let output: Result<SurvivalPlan.Output, DiagnosticsError>
                do throws(DiagnosticsError) {
                    output = .success(try survival.run(task: task, context: context, methods: methods, timeDivisor: timeDivisor,
                                                       warnings: &taskWarnings))
                } catch {
                    output = .failure(error)
                }
                blockOutputs.withLock { $0[task] = (output, taskWarnings) }
            } else {
                let index = others[task - survival.tasks.count]
                let result: Result<EndpointResult, DiagnosticsError>
                do throws(DiagnosticsError) {
                    result = .success(try run(plan.endpoints[index], index: index, context: context, methods: methods,
                                              timeUnit: timeUnit, warnings: &taskWarnings))
                } catch {
                    result = .failure(error)
                }
                otherOutputs.withLock { $0[index] = (result, taskWarnings) }
            }
        }
        let blocks = blockOutputs.withLock { $0 }.map { $0! }
        let otherResults = otherOutputs.withLock { $0 }
        var outcomes: [(Result<EndpointResult, DiagnosticsError>, [Diagnostic])] = []
        for (index, endpoint) in plan.endpoints.enumerated() {
            if let outcome = otherResults[index] { outcomes.append(outcome); continue }
            let entry = survival.taskOfEndpoint[index]!
            let labels: TimeToEventAnalysis.Labels
            if case .competingRisks(let e) = endpoint {
                labels = Self.labels(endpoint.header, type: .competingRisks, causeOfInterest: e.causeOfInterest, timeUnit: timeUnit)
            } else {
                labels = Self.labels(endpoint.header, type: .timeToEvent, causeOfInterest: nil, timeUnit: timeUnit,
                                     rmstHorizon: survival.rmstHorizon(of: index, plan: plan))
            }
            let taskWarnings = blocks[entry.survival].1 + (entry.competing.map { blocks[$0].1 } ?? [])
            let result: Result<EndpointResult, DiagnosticsError>
            do throws(DiagnosticsError) {
                result = .success(try survival.result(of: index, labels: labels, context: context, methods: methods, outputs: blocks.map(\.0)))
            } catch {
                result = .failure(error)
            }
            outcomes.append((result, taskWarnings))
        }
        // A problem of a column several endpoints read (AVAL) is reported once.
        var reported = Set<Diagnostic>()
        for (result, endpointWarnings) in outcomes {
            for warning in endpointWarnings where reported.insert(warning).inserted { warnings.append(warning) }
            switch result {
            case .success(let endpoint): endpoints.append(endpoint)
            case .failure(let error): log.append(contentsOf: error.diagnostics.filter { reported.insert($0).inserted })
            }
        }
        var consort: ConsortSummary?
        var baseline: BaselineSummary?
        do throws(DiagnosticsError) { consort = try ConsortAnalysis.run(context) } catch { log.append(contentsOf: error.diagnostics) }
        do throws(DiagnosticsError) { baseline = try BaselineAnalysis.run(context) } catch { log.append(contentsOf: error.diagnostics) }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
        let interim = try context.interim.map { design throws(DiagnosticsError) in
            try InterimAnalysis.run(design, endpoints: endpoints, arms: context.arms, referenceArm: context.referenceArm, planFile: context.planFile)
        }

        let arms = plan.arms.levels.enumerated().map { i, level in
            ArmInfo(value: level.value, label: level.label ?? level.value, short: level.short ?? level.label ?? level.value,
                    color: level.color ?? palette[i % palette.count], reference: i == context.referenceArm)
        }
        let populations = plan.populations.map { population in
            let member = context.populations[population.id] ?? Bitset(count: context.subjects.count)
            let (armOf, armVariable) = context.analysisArms(population.id)
            var counts = [Int](repeating: 0, count: context.arms.count)
            for subject in member.indices where armOf[subject] >= 0 { counts[Int(armOf[subject])] += 1 }
            return PopulationCount(id: population.id.rawValue, label: population.label, description: population.description,
                                   arms: counts, total: member.cardinality, armVariable: armVariable,
                                   byArm: counts.reduce(0, +) == member.cardinality)
        }
        return TrialResults(trial: plan.trial, report: plan.report, methods: methods, time: plan.time, arms: arms,
                            populations: populations, data: [], consort: consort!, baseline: baseline!, endpoints: endpoints,
                            interim: interim)
    }

    /// A binary or adverse-events endpoint (survival endpoints come from ``SurvivalPlan``).
    static func run(_ endpoint: Endpoint, index: Int, context: TrialContext, methods: ResolvedMethods,
                    timeUnit: String, warnings: inout [Diagnostic]) throws(DiagnosticsError) -> EndpointResult {
        let header = endpoint.header
        let referenceArm = context.arms[context.referenceArm]
        switch endpoint {
        case .timeToEvent, .competingRisks:
            preconditionFailure("survival endpoints are analysed through SurvivalPlan")
        case .binary(let e):
            let variable = e.variable
            let rows = try context.armRows(header.population)
            let values = try context.subjects.adsl.textColumn(variable)
            // Per flag code: true = "Y", false = "N", nil = anything else (an error below).
            let meaning: [Bool?] = values.dictionary.map { $0 == "Y" ? true : $0 == "N" ? false : nil }
            var problems = ProblemDigest()
            for row in rows {
                let code = values.codes[row]
                if code >= 0, meaning[Int(code)] == nil {
                    problems.append(Diagnostic(.error, "data.adsl.flag-value", at: context.subjects.adsl.location(ofRow: row),
                                               "a flag must be Y, N or empty", variable: variable, value: values[row], expected: "Y, N or empty"))
                }
            }
            if !problems.isEmpty { throw DiagnosticsError(problems.result) }
            let input = BinaryAnalysis.Input(arms: context.arms, referenceArm: context.referenceArm,
                                             arm: rows.map { Int(context.armOfSubject[$0]) },
                                             response: rows.map { values.codes[$0] < 0 ? nil : meaning[Int(values.codes[$0])] })
            return EndpointResult.make(endpoint: header.id.rawValue, title: header.title, type: .binary, population: header.population.rawValue,
                                  timeUnit: nil, referenceArm: referenceArm, methods: methods,
                                  binary: BinaryAnalysis.run(input, variable: variable, level: methods.confidenceLevel,
                                                             convention: methods.profile))
        case .adverseEvents(let e):
            let summary = try AdverseEventAnalysis.run(context, endpoint: e, warnings: &warnings)
            return EndpointResult.make(endpoint: header.id.rawValue, title: header.title, type: .adverseEvents, population: header.population.rawValue,
                                  timeUnit: nil, referenceArm: referenceArm, methods: methods,
                                  adverseEvents: summary)
        }
    }

    static func labels(_ header: EndpointHeader, type: EndpointType, causeOfInterest: String?, timeUnit: String,
                       rmstHorizon: Double? = nil) -> TimeToEventAnalysis.Labels {
        TimeToEventAnalysis.Labels(endpoint: header.id.rawValue, title: header.title, type: type,
                                   population: header.population.rawValue, timeUnit: timeUnit, causeOfInterest: causeOfInterest,
                                   rmstHorizon: rmstHorizon)
    }
}
