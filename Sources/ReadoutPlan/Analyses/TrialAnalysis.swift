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
        let timeUnit = plan.time.displayUnit.rawValue.uppercased()

        // Endpoints are independent: analysed concurrently, collected in plan order.
        let outcomes = Mutex<[(Result<EndpointResult, DiagnosticsError>, [Diagnostic])?]>(Array(repeating: nil, count: plan.endpoints.count))
        DispatchQueue.concurrentPerform(iterations: plan.endpoints.count) { index in
            var endpointWarnings: [Diagnostic] = []
            let result: Result<EndpointResult, DiagnosticsError>
            do throws(DiagnosticsError) {
                result = .success(try run(plan.endpoints[index], index: index, context: context, methods: methods,
                                          timeDivisor: timeDivisor, timeUnit: timeUnit, warnings: &endpointWarnings))
            } catch {
                result = .failure(error)
            }
            outcomes.withLock { $0[index] = (result, endpointWarnings) }
        }
        // A problem of a column several endpoints read (AVAL) is reported once.
        var reported = Set<Diagnostic>()
        for case let (result, endpointWarnings)? in outcomes.withLock({ $0 }) {
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

        let arms = plan.arms.levels.enumerated().map { i, level in
            ArmInfo(value: level.value, label: level.label ?? level.value, short: level.short ?? level.label ?? level.value,
                    color: level.color ?? palette[i % palette.count], reference: i == context.referenceArm)
        }
        let populations = plan.populations.map { population in
            let member = context.populations[population.id] ?? Bitset(count: context.subjects.count)
            var counts = [Int](repeating: 0, count: context.arms.count)
            for subject in member.indices where context.armOfSubject[subject] >= 0 { counts[Int(context.armOfSubject[subject])] += 1 }
            return PopulationCount(id: population.id, label: population.label, description: population.description,
                                   arms: counts, total: member.cardinality)
        }
        return TrialResults(trial: plan.trial, report: plan.report, methods: methods, timeUnit: timeUnit, arms: arms,
                            populations: populations, data: [], consort: consort!, baseline: baseline!, endpoints: endpoints)
    }

    static func run(_ endpoint: Endpoint, index: Int, context: TrialContext, methods: ResolvedMethods,
                    timeDivisor: Double, timeUnit: String, warnings: inout [Diagnostic]) throws(DiagnosticsError) -> EndpointResult {
        let field = "endpoints[\(index)]"
        let file = SourceLocation(file: context.planFile)
        func require<T>(_ value: T?, _ key: String, _ expected: String) throws(DiagnosticsError) -> T {
            guard let value else {
                throw DiagnosticsError([Diagnostic(.error, "plan.missing-key", at: file,
                                                   "endpoint '\(endpoint.id)' of type \(endpoint.type.rawValue) needs '\(key)'",
                                                   variable: "\(field).\(key)", expected: expected)])
            }
            return value
        }
        let population = try context.populationDefinition(endpoint.population, field: "\(field).population")
        let labels = TimeToEventAnalysis.Labels(endpoint: endpoint.id, title: endpoint.title, type: endpoint.type,
                                                population: endpoint.population, timeUnit: timeUnit,
                                                causeOfInterest: endpoint.causeOfInterest)
        switch endpoint.type {
        case .timeToEvent, .competingRisks:
            let parameter = try require(endpoint.parameter, "parameter", "a PARAMCD of \(endpoint.dataset.uppercased())")
            var causes: [String] = []
            if endpoint.type == .competingRisks {
                causes = try require(endpoint.causes, "causes", "the EVNTDESC values of the competing events")
                let interest = try require(endpoint.causeOfInterest, "causeOfInterest", "one of the causes")
                guard causes.contains(interest) else {
                    throw DiagnosticsError([Diagnostic(.error, "plan.invalid-value", at: file, "the cause of interest is not one of the causes",
                                                       variable: "\(field).causeOfInterest", value: interest,
                                                       expected: "one of \(causes.joined(separator: ", "))")])
                }
            }
            let adtte = try context.dataset(endpoint.dataset, field: "\(field).dataset")
            let request = SurvivalRequest(parameter: parameter, armVariable: context.plan.arms.variable, arms: context.arms,
                                          referenceArm: context.plan.arms.reference, populationFlags: population.flags,
                                          strata: endpoint.strata ?? [], causes: causes, timeDivisor: timeDivisor,
                                          landmarks: endpoint.landmarks ?? [])
            let input = try SurvivalBinding.bind(adsl: context.subjects, adtte: adtte, request: request,
                                                 subjectOfRow: try context.subjects(of: adtte, name: endpoint.dataset), warnings: &warnings)
            do {
                return try TimeToEventAnalysis.run(input, labels: labels, methods: methods)
            } catch {
                throw DiagnosticsError([Diagnostic(.error, "stats.invalid-input", at: SourceLocation(file: adtte.source),
                                                   "cannot analyse endpoint '\(endpoint.id)': \(error)")])
            }
        case .binary:
            let variable = try require(endpoint.variable, "variable", "an ADSL flag variable (\"Y\" = responder)")
            let rows = try context.armRows(endpoint.population, field: "\(field).population")
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
            return EndpointResult.make(endpoint: endpoint.id, title: endpoint.title, type: endpoint.type, population: endpoint.population,
                                  timeUnit: nil, referenceArm: context.arms[context.referenceArm], methods: methods,
                                  binary: BinaryAnalysis.run(input, variable: variable, level: methods.confidenceLevel,
                                                             convention: methods.profile))
        case .adverseEvents:
            let summary = try AdverseEventAnalysis.run(context, endpoint: endpoint)
            return EndpointResult.make(endpoint: endpoint.id, title: endpoint.title, type: endpoint.type, population: endpoint.population,
                                  timeUnit: nil, referenceArm: context.arms[context.referenceArm], methods: methods,
                                  adverseEvents: summary)
        }
    }
}
