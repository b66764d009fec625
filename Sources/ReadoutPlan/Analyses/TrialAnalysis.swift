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
            let (armOf, armVariable) = context.analysisArms(population.id)
            var counts = [Int](repeating: 0, count: context.arms.count)
            for subject in member.indices where armOf[subject] >= 0 { counts[Int(armOf[subject])] += 1 }
            return PopulationCount(id: population.id.rawValue, label: population.label, description: population.description,
                                   arms: counts, total: member.cardinality, armVariable: armVariable,
                                   byArm: counts.reduce(0, +) == member.cardinality)
        }
        return TrialResults(trial: plan.trial, report: plan.report, methods: methods, time: plan.time, arms: arms,
                            populations: populations, data: [], consort: consort!, baseline: baseline!, endpoints: endpoints)
    }

    static func run(_ endpoint: Endpoint, index: Int, context: TrialContext, methods: ResolvedMethods,
                    timeDivisor: Double, timeUnit: String, warnings: inout [Diagnostic]) throws(DiagnosticsError) -> EndpointResult {
        let header = endpoint.header
        let field = "endpoints[\(index)]"
        let referenceArm = context.arms[context.referenceArm]
        switch endpoint {
        case .timeToEvent(let e):
            return try survival(header, parameter: e.parameter, causes: [], causeOfInterest: nil, landmarks: e.landmarks, strata: e.strata,
                                type: .timeToEvent, field: field, context: context, methods: methods, timeDivisor: timeDivisor,
                                timeUnit: timeUnit, warnings: &warnings)
        case .competingRisks(let e):
            return try survival(header, parameter: e.parameter, causes: e.causes, causeOfInterest: e.causeOfInterest, landmarks: e.landmarks,
                                strata: e.strata, type: .competingRisks, field: field, context: context, methods: methods,
                                timeDivisor: timeDivisor, timeUnit: timeUnit, warnings: &warnings)
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
            let summary = try AdverseEventAnalysis.run(context, endpoint: e)
            return EndpointResult.make(endpoint: header.id.rawValue, title: header.title, type: .adverseEvents, population: header.population.rawValue,
                                  timeUnit: nil, referenceArm: referenceArm, methods: methods,
                                  adverseEvents: summary)
        }
    }

    /// A time-to-event or competing-risks endpoint: bind ADTTE, then the full survival block.
    static func survival(_ header: EndpointHeader, parameter: String, causes: [String], causeOfInterest: String?, landmarks: [Double],
                         strata: [String], type: EndpointType, field: String, context: TrialContext, methods: ResolvedMethods,
                         timeDivisor: Double, timeUnit: String, warnings: inout [Diagnostic]) throws(DiagnosticsError) -> EndpointResult {
        let labels = TimeToEventAnalysis.Labels(endpoint: header.id.rawValue, title: header.title, type: type,
                                                population: header.population.rawValue, timeUnit: timeUnit,
                                                causeOfInterest: causeOfInterest)
        let flags = context.populationDefinition(header.population)?.flags ?? []
        let adtte = try context.dataset(header.dataset, field: "\(field).dataset")
        let request = SurvivalRequest(parameter: parameter, armVariable: context.plan.arms.variable, arms: context.arms,
                                      referenceArm: .index(context.referenceArm), populationFlags: flags,
                                      strata: strata, causes: causes, timeDivisor: timeDivisor, landmarks: landmarks)
        let input = try SurvivalBinding.bind(adsl: context.subjects, adtte: adtte, request: request,
                                             subjectOfRow: try context.subjects(of: adtte, name: header.dataset), warnings: &warnings)
        do {
            return try TimeToEventAnalysis.run(input, labels: labels, methods: methods)
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "stats.invalid-input", at: SourceLocation(file: adtte.source),
                                               "cannot analyse endpoint '\(header.id)': \(error)")])
        }
    }
}
