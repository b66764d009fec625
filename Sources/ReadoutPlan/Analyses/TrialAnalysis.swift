public import ReadoutCore
public import ReadoutStats

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
            let member = context.populations[population.id]!
            let counts = context.arms.indices.map { a in member.indices.lazy.filter { member[$0] && context.armOfRow[$0] == a }.count }
            return PopulationCount(id: population.id, label: population.label, description: population.description,
                                   arms: counts, total: member.lazy.filter { $0 }.count)
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
            let input = try SurvivalBinding.bind(adsl: context.subjects, adtte: adtte, request: request, warnings: &warnings)
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
