public import ReadoutCore
import ReadoutStats

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

        for (index, endpoint) in plan.endpoints.enumerated() {
            do throws(DiagnosticsError) {
                endpoints.append(try run(endpoint, index: index, context: context, methods: methods,
                                         timeDivisor: timeDivisor, timeUnit: timeUnit, warnings: &warnings))
            } catch {
                log.append(contentsOf: error.diagnostics)
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
            let member = context.population(population.id)
            let counts = context.arms.indices.map { a in member.indices.lazy.filter { member[$0] && context.armOfRow[$0] == a }.count }
            return PopulationCount(id: population.id.rawValue, label: population.label, description: population.description,
                                   arms: counts, total: member.lazy.filter { $0 }.count)
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
            var log = DiagnosticLog()
            for row in rows {
                if let v = values[row], v != "Y", v != "N" {
                    log.append(Diagnostic(.error, "data.adsl.flag-value", at: context.subjects.adsl.location(ofRow: row),
                                          "a flag must be Y, N or empty", variable: variable, value: v, expected: "Y, N or empty"))
                }
            }
            if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
            let input = BinaryAnalysis.Input(arms: context.arms, referenceArm: context.referenceArm,
                                             arm: rows.map { context.armOfRow[$0]! },
                                             response: rows.map { values[$0].map { $0 == "Y" } })
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
        let input = try SurvivalBinding.bind(adsl: context.subjects, adtte: adtte, request: request, warnings: &warnings)
        do {
            return try TimeToEventAnalysis.run(input, labels: labels, methods: methods)
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "stats.invalid-input", at: SourceLocation(file: adtte.source),
                                               "cannot analyse endpoint '\(header.id)': \(error)")])
        }
    }
}
