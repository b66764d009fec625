import ReadoutCore
import ReadoutPlan

/// Baseline characteristics by arm and overall (no p-values, CONSORT item 15).
enum BaselineSections {
    static func sections(_ results: TrialResults) -> [PageSection] {
        let baseline = results.baseline
        let n = baseline.arms.map(\.n) + [baseline.arms.map(\.n).reduce(0, +)]
        let head: [[Cell]] = [[.head("Characteristic")] + zip(results.arms, baseline.arms).map { .head("\($0.label) (N = \($1.n))", numeric: true) }
                              + [.head("Total (N = \(n.last!))", numeric: true)]]
        var body: [[Cell]] = []
        var groups: Set<Int> = []
        for variable in baseline.variables {
            groups.insert(body.count)
            body.append([.text(variable.label)] + n.map { _ in Cell.text("") })
            if let summaries = variable.continuous {
                // The data's precision for min and max; one more decimal for mean, median and quartiles
                // (or the plan's `decimals`), one more again for the SD.
                let data = variable.precision ?? 1
                let digits = variable.decimals ?? min(data + 1, 6)
                body.append([.text("Median (Q1, Q3)", indent: 1)] + summaries.map {
                    .number("\(NumberFormat.fixed($0.median, digits: digits)) (\(NumberFormat.fixed($0.q1, digits: digits)), \(NumberFormat.fixed($0.q3, digits: digits)))")
                })
                body.append([.text("Mean (SD)", indent: 1)] + summaries.map {
                    .number("\(NumberFormat.fixed($0.mean, digits: digits)) (\(NumberFormat.fixed($0.sd, digits: min(digits + 1, 7))))")
                })
                body.append([.text("Min, max", indent: 1)] + summaries.map {
                    .number("\(NumberFormat.fixed($0.min, digits: data)), \(NumberFormat.fixed($0.max, digits: data))")
                })
            }
            for level in variable.levels ?? [] {
                body.append([.text(level.label, indent: 1)] + level.counts.indices.map { .number(ReportFormat.count(level.counts[$0], of: level.denominators[$0])) })
            }
            if variable.missing.contains(where: { $0 > 0 }) {
                body.append([.text("Missing", indent: 1)] + variable.missing.map { .number("\($0)") })
            }
        }
        let table = HTMLTable(
            id: "table-baseline", caption: "Baseline characteristics — \(EfficacySections.population(baseline.population, results)) population",
            head: head, body: body,
            footnotes: ["n (%) of subjects with a non-missing value; Q1, Q3: quartiles (R type 7 definition); SD: standard deviation. As CONSORT recommends, no significance tests of baseline differences are shown."]
                + (baseline.byActualTreatment ? ["Subjects are counted in the arm of the treatment they actually received (\(baseline.armVariable))."] : []),
            groupRows: groups)
        return [PageSection(id: "baseline", heading: nil, html: table.html())]
    }
}
