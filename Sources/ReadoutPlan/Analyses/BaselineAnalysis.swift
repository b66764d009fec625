public import ReadoutCore
import ReadoutStats

/// Baseline characteristics by arm and overall: continuous variables as n, mean (SD), median (Q1, Q3),
/// min–max (R's type-7 quantiles); categorical variables as n (%) of non-missing, with missing shown.
public enum BaselineAnalysis {
    public static func run(_ context: TrialContext) throws(DiagnosticsError) -> BaselineSummary {
        let settings = context.plan.baseline
        let rows = try context.armRows(settings.population)
        let adsl = context.subjects.adsl
        let groups = context.arms.indices.map { a in rows.filter { context.armOfRow[$0] == a } } + [rows]
        var log = DiagnosticLog()
        var output: [BaselineRow] = []
        for variable in settings.variables {
            switch variable.type {
            case .continuous:
                let values: [Double?]
                do { values = try adsl.numbers(variable.variable) } catch { log.append(error.diagnostic); continue }
                let summaries = groups.map { group in ContinuousSummary(group.map { values[$0] }) }
                output.append(BaselineRow(
                    variable: variable.variable, label: variable.label, type: .continuous,
                    continuous: summaries.map {
                        ContinuousJSON(n: $0.n, mean: $0.mean, sd: $0.standardDeviation, median: $0.median,
                                       q1: $0.q1, q3: $0.q3, min: $0.min, max: $0.max)
                    },
                    levels: nil, missing: summaries.map(\.missing)))
            case .categorical:
                let values: [String?]
                do { values = try adsl.strings(variable.variable) } catch { log.append(error.diagnostic); continue }
                let declared = variable.levels
                var levels = declared?.map(\.value) ?? []
                if declared == nil {
                    levels = Array(Set(rows.compactMap { values[$0] })).sorted()
                } else {
                    for row in rows {
                        if let v = values[row], !levels.contains(v) {
                            log.append(Diagnostic(.error, "data.adsl.undeclared-level", at: adsl.location(ofRow: row),
                                                  "value is not one of the levels declared for the baseline table",
                                                  variable: variable.variable, value: v,
                                                  expected: "one of \(levels.joined(separator: ", "))"))
                        }
                    }
                }
                let summaries = groups.map { group in CategoricalSummary(group.map { values[$0] }, levels: levels) }
                let labels = declared.map { $0.map { $0.label ?? $0.value } } ?? levels
                output.append(BaselineRow(
                    variable: variable.variable, label: variable.label, type: .categorical, continuous: nil,
                    levels: levels.indices.map { i in
                        LevelRow(value: levels[i], label: labels[i], counts: summaries.map { $0.counts[i] },
                                 denominators: summaries.map { $0.total - $0.missing })
                    },
                    missing: summaries.map(\.missing)))
            }
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
        return BaselineSummary(population: settings.population.rawValue,
                               arms: context.arms.indices.map { ArmCount(arm: context.arms[$0], n: groups[$0].count) },
                               variables: output)
    }
}
