public import ReadoutCore
import ReadoutData
import ReadoutStats

/// Baseline characteristics by arm and overall: continuous variables as n, mean (SD), median (Q1, Q3),
/// min–max (R's type-7 quantiles), with the data's precision; categorical variables as n (%) of
/// non-missing, in declared order or by descending frequency, with missing shown (last).
public enum BaselineAnalysis {
    public static func run(_ context: TrialContext) throws(DiagnosticsError) -> BaselineSummary {
        let settings = context.plan.baseline
        // A safety population is counted by actual treatment, as on the safety page.
        let (armOf, armVariable) = context.analysisArms(settings.population)
        let rows = try context.armRows(settings.population, armOfSubject: armOf, variable: armVariable)
        let adsl = context.subjects.adsl
        let groups = context.arms.indices.map { a in rows.filter { Int(armOf[$0]) == a } } + [rows]
        var log = DiagnosticLog()
        var output: [BaselineRow] = []
        for variable in settings.variables {
            switch variable.type {
            case .continuous:
                let values: NumericColumn
                do { values = try adsl.numericColumn(variable.variable) } catch { log.append(contentsOf: error.diagnostics); continue }
                let summaries = groups.map { group in ContinuousSummary(group.map { values[$0] }) }
                output.append(BaselineRow(
                    variable: variable.variable, label: variable.label, type: .continuous,
                    continuous: summaries.map {
                        ContinuousJSON(n: $0.n, mean: $0.mean, sd: $0.standardDeviation, median: $0.median,
                                       q1: $0.q1, q3: $0.q3, min: $0.min, max: $0.max)
                    },
                    levels: nil, missing: summaries.map(\.missing),
                    precision: DataPrecision.decimals(of: rows.lazy.compactMap { values[$0] }),
                    decimals: variable.decimals ?? variable.digits))
            case .categorical:
                let values: TextColumn
                do { values = try adsl.textColumn(variable.variable) } catch { log.append(contentsOf: error.diagnostics); continue }
                let declared = variable.levels
                var levels = declared?.map(\.value) ?? []
                if declared == nil {
                    // Undeclared levels: by descending frequency in the population, ties by value.
                    var frequency = [Int](repeating: 0, count: values.dictionary.count)
                    for row in rows where values.codes[row] >= 0 { frequency[Int(values.codes[row])] += 1 }
                    levels = frequency.indices.filter { frequency[$0] > 0 }
                        .sorted { (frequency[$1], values.dictionary[$0]) < (frequency[$0], values.dictionary[$1]) }
                        .map { values.dictionary[$0] }
                }
                // Level index per code (-1: not a level), resolved once per distinct value.
                let levelOfCode = values.dictionary.map { levels.firstIndex(of: $0) ?? -1 }
                var problems = ProblemDigest()
                if declared != nil {
                    for row in rows where values.codes[row] >= 0 && levelOfCode[Int(values.codes[row])] < 0 {
                        problems.append(Diagnostic(.error, "data.adsl.undeclared-level", at: adsl.location(ofRow: row),
                                                   "value is not one of the levels declared for the baseline table",
                                                   variable: variable.variable, value: values[row],
                                                   expected: "one of \(levels.joined(separator: ", "))"))
                    }
                }
                log.append(contentsOf: problems.result)
                // n per level, missing (including values outside the levels) and total, as CategoricalSummary counts.
                let summaries = groups.map { group in
                    var counts = [Int](repeating: 0, count: levels.count)
                    var missing = 0
                    for row in group {
                        let code = values.codes[row]
                        if code >= 0, levelOfCode[Int(code)] >= 0 { counts[levelOfCode[Int(code)]] += 1 } else { missing += 1 }
                    }
                    return (counts: counts, missing: missing, total: group.count)
                }
                let labels = declared.map { $0.map { $0.label ?? $0.value } } ?? levels
                output.append(BaselineRow(
                    variable: variable.variable, label: variable.label, type: .categorical, continuous: nil,
                    levels: levels.indices.map { i in
                        LevelRow(value: levels[i], label: labels[i], counts: summaries.map { $0.counts[i] },
                                 denominators: summaries.map { $0.total - $0.missing })
                    },
                    missing: summaries.map(\.missing), precision: nil, decimals: nil))
            }
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
        return BaselineSummary(population: settings.population.rawValue, armVariable: armVariable,
                               byActualTreatment: context.safetyArm.applies(to: settings.population),
                               arms: context.arms.indices.map { ArmCount(arm: context.arms[$0], n: groups[$0].count) },
                               variables: output)
    }
}
