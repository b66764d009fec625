import ReadoutCore
import ReadoutPlan

/// The safety page: an overview of worst grades and the SOC / preferred-term table.
enum SafetySections {
    static func sections(_ results: TrialResults) -> [PageSection] {
        results.endpoints.filter { $0.type == .adverseEvents }.flatMap { endpoint -> [PageSection] in
            guard let ae = endpoint.adverseEvents else { return [] }
            let arms = results.arms
            let n = ae.arms.map(\.n)
            func row(_ label: String, _ values: [Int], indent: Int = 0) -> [Cell] {
                [.text(label, indent: indent)] + values.indices.map { .number(ReportFormat.count(values[$0], of: n[$0])) }
            }
            let head: [[Cell]] = [[.head("")] + zip(arms, n).map { .head("\($0.label) (N = \($1))", numeric: true) }]
            let window = ae.window.map { " Window: \($0)." } ?? ""
            let overview = HTMLTable(
                id: "table-\(endpoint.endpoint)-overview",
                caption: "Overview of adverse events — \(EfficacySections.population(endpoint.population, results)) population",
                head: head,
                body: [
                    row("Any adverse event", ae.overall.anyGrade),
                    row("Worst grade 1–2", ae.overall.grade1to2, indent: 1),
                    row("Worst grade 3–4", ae.overall.grade3to4, indent: 1),
                    row("Grade 5 (fatal)", ae.overall.grade5, indent: 1),
                    row("Grade ≥ 3", ae.overall.grade3OrHigher),
                    row("Serious adverse event", ae.overall.serious),
                ],
                footnotes: ["Subjects are counted once, at their worst CTCAE v5 grade. n (%) of the safety population.\(window)"
                            + (ae.excludedOutsideWindow > 0 ? " \(ae.excludedOutsideWindow) event record(s) outside the window are not counted." : "")
                            + (ae.missingGrade > 0 ? " \(ae.missingGrade) event record(s) without a grade count under any grade only." : "")])

            var body: [[Cell]] = []
            var groups: Set<Int> = []
            for soc in ae.systemOrganClasses {
                groups.insert(body.count)
                body.append([.text(soc.systemOrganClass)] + soc.counts.anyGrade.indices.flatMap { a in
                    [Cell.number(ReportFormat.count(soc.counts.anyGrade[a], of: n[a])), .number(ReportFormat.count(soc.counts.grade3OrHigher[a], of: n[a]))]
                })
                for term in soc.terms {
                    body.append([.text(term.term, indent: 1)] + term.counts.anyGrade.indices.flatMap { a in
                        [Cell.number(ReportFormat.count(term.counts.anyGrade[a], of: n[a])), .number(ReportFormat.count(term.counts.grade3OrHigher[a], of: n[a]))]
                    })
                }
            }
            let detail = HTMLTable(
                id: "table-\(endpoint.endpoint)-terms",
                caption: "Adverse events by system organ class and preferred term",
                head: [[Cell(text: "System organ class / preferred term", header: true, rowspan: 2)] + zip(arms, n).map { Cell.head("\($0.label) (N = \($1))", colspan: 2, numeric: true) },
                       arms.flatMap { _ in [Cell.head("Any grade", numeric: true), .head("Grade ≥ 3", numeric: true)] }],
                body: body,
                footnotes: ["Rows ordered by total frequency. Subjects are counted once per row at their worst grade; n (%)."],
                groupRows: groups)
            return [
                PageSection(id: "\(endpoint.endpoint)-overview", heading: endpoint.title, html: overview.html()),
                PageSection(id: "\(endpoint.endpoint)-terms", heading: "By system organ class and preferred term", html: detail.html()),
            ]
        }
    }
}
