import ReadoutCore
import ReadoutFigures
import ReadoutPlan

/// The subgroup part of a time-to-event section: per comparison a forest plot (log axis, squares with
/// area ∝ inverse variance, reference line at 1, "Favours …" on each side, the overall row as a
/// diamond) and a table of the same numbers with the interaction tests.
enum SubgroupSections {
    static func html(_ endpoint: EndpointResult, results: TrialResults) -> SafeHTML {
        guard let subgroups = endpoint.subgroups, !subgroups.isEmpty else { return "" }
        let arms = results.arms
        let armIndex = Dictionary(uniqueKeysWithValues: endpoint.arms.enumerated().map { ($1.arm, $0) })
        var out: SafeHTML = "<h3 id=\"\(endpoint.endpoint)-subgroups\">Subgroup analyses</h3>\n"
        let comparisons = endpoint.cox?.hazardRatios ?? []
        for (k, overall) in comparisons.enumerated() {
            let armLabel = EfficacySections.label(overall.arm, arms)
            let versusLabel = EfficacySections.label(overall.versus, arms)
            let columns = [overall.arm, overall.versus]
            func counts(_ n: [Int], _ events: [Int]) -> [String] {
                columns.map { value in armIndex[value].map { "\(events[$0])/\(n[$0])" } ?? "" }
            }
            var rows: [ForestRow] = [ForestRow(
                label: "All subjects", estimate: overall.estimate, lower: overall.lower, upper: overall.upper,
                text: hrText(overall), cells: counts(endpoint.arms.map(\.n), endpoint.arms.map(\.events)), isSummary: true)]
            var body: [[Cell]] = [[.text("All subjects")] + counts(endpoint.arms.map(\.n), endpoint.arms.map(\.events)).map(Cell.number)
                                  + [.number(hrText(overall)), .number("")]]
            var groupRows: Set<Int> = []
            for subgroup in subgroups {
                let interaction = interactionText(subgroup.interaction)
                rows.append(ForestRow(label: subgroup.label, text: "Interaction p = \(interactionP(subgroup.interaction))", isHeader: true))
                groupRows.insert(body.count)
                body.append([.text(subgroup.label), Cell(text: "", colspan: columns.count + 1), .number(interaction)])
                for level in subgroup.levels {
                    let hr = level.hazardRatios[k]
                    let weight = hr.standardError.map { 1 / ($0 * $0) }
                    rows.append(ForestRow(label: level.label, estimate: hr.estimate, lower: hr.lower, upper: hr.upper,
                                          text: hrText(hr), cells: counts(level.n, level.events), indent: 1, weight: weight))
                    body.append([.text(level.label, indent: 1)] + counts(level.n, level.events).map(Cell.number)
                                + [.number(hrText(hr)), .number("")])
                }
                if subgroup.missing > 0 {
                    body.append([.text("Missing (not analysed)", indent: 1), Cell(text: "\(subgroup.missing)", numeric: true, colspan: columns.count),
                                 .number(""), .number("")])
                }
            }
            let short = { (value: String) in arms.first { $0.value == value }?.short ?? value }
            let level = EfficacySections.level(endpoint.methods)
            let title = "\(endpoint.title): hazard ratio by subgroup, \(armLabel) vs \(versusLabel)"
            let plot = ForestPlot(
                title: title, rows: rows, leftLabel: "Favours \(armLabel)", rightLabel: "Favours \(versusLabel)",
                cellHeaders: columns.map { "\(short($0)) events/n" }, textHeader: "Hazard ratio (\(level)% CI)",
                xLabel: "Hazard ratio (log scale)", color: arms.first { $0.value == overall.arm }?.color ?? "#000000",
                showsTitle: false, id: "forest-\(endpoint.endpoint)-\(k)")
            out += "<figure class=\"figure\">\(SafeHTML(trusted: plot.svg()))<figcaption>\(title). Squares: hazard ratio within the subgroup, area proportional to the inverse variance of its log; lines: \(level)% CIs; diamond: all subjects; vertical line: no difference (1).</figcaption></figure>\n"
            let table = HTMLTable(
                id: "table-\(endpoint.endpoint)-subgroups-\(k)",
                caption: "\(endpoint.title) by subgroup — \(armLabel) vs \(versusLabel)",
                head: [[.head("Subgroup")] + columns.map { .head("\(EfficacySections.label($0, arms)), events/n", numeric: true) }
                       + [.head("Hazard ratio (\(level)% CI)", numeric: true), .head("Interaction p (LRT; Wald)", numeric: true)]],
                body: body,
                footnotes: [
                    "Hazard ratios from an unstratified Cox model with arm as the only covariate, fitted within each subgroup (\(endpoint.methods.ties.rawValue.capitalized) ties, Wald CIs); below 1 favours \(armLabel). NE, not estimable, with the reason.",
                    "Interaction: likelihood-ratio test of Cox models with and without the arm × subgroup terms (as R anova(coxph(arm + subgroup), coxph(arm * subgroup))), and the Wald test of the interaction coefficients. Subjects with a missing subgroup value are left out of that subgroup's analyses. Subgroup results are exploratory.",
                ],
                groupRows: groupRows)
            out += table.html()
        }
        return out
    }

    static func hrText(_ hr: HazardRatioJSON) -> String {
        hr.estimable ? ReportFormat.ratioWithCI(hr.estimate, hr.lower, hr.upper) : "NE (\(hr.reason ?? "not estimable"))"
    }

    static func interactionP(_ interaction: InteractionJSON) -> String {
        interaction.likelihoodRatio.map { ReportFormat.p($0.p) } ?? NumberFormat.notEstimable
    }

    static func interactionText(_ interaction: InteractionJSON) -> String {
        guard let lrt = interaction.likelihoodRatio else { return NumberFormat.notEstimable }
        return "\(ReportFormat.p(lrt.p)); \(interaction.wald.map { ReportFormat.p($0.p) } ?? NumberFormat.notEstimable)"
    }
}
