import ReadoutCore
import ReadoutPlan

/// The CONSORT page: flow diagram and the same counts as a table.
enum ConsortSections {
    static func sections(_ results: TrialResults) -> [PageSection] {
        let consort = results.consort
        let figure = ConsortFigure.svg(consort, arms: results.arms)
        var body: [[Cell]] = [
            [.text("Assessed for eligibility"), Cell(text: "\(consort.screened)", numeric: true, colspan: results.arms.count)],
            [.text("Not randomized"), Cell(text: "\(consort.notRandomized)", numeric: true, colspan: results.arms.count)],
        ]
        for reason in consort.notRandomizedReasons {
            body.append([.text(reason.reason, indent: 1), Cell(text: "\(reason.count)", numeric: true, colspan: results.arms.count)])
        }
        body.append([.text("Randomized"), Cell(text: "\(consort.randomized)", numeric: true, colspan: results.arms.count)])
        body.append([.text("Allocated")] + consort.arms.map { .number("\($0.allocated)") })
        let stageCount = consort.arms.first?.stages.count ?? 0
        for s in 0..<stageCount {
            body.append([.text(consort.arms[0].stages[s].label)] + consort.arms.map { .number("\($0.stages[s].count)") })
            let reasons = Array(Set(consort.arms.flatMap { $0.stages[s].reasons.map(\.reason) })).sorted()
            for reason in reasons {
                body.append([.text("\(consort.arms[0].stages[s].lostLabel): \(reason)", indent: 1)] + consort.arms.map { arm in
                    .number("\(arm.stages[s].reasons.first { $0.reason == reason }?.count ?? 0)")
                })
            }
        }
        let table = HTMLTable(id: "table-consort", caption: "Participant flow",
                              head: [[.head("")] + results.arms.map { .head($0.label, numeric: true) }], body: body,
                              footnotes: ["Counts from ADSL population flags and reason variables, as declared in trial.yaml."])
        return [PageSection(id: "consort-diagram", heading: nil, html: "<figure class=\"figure figure-consort\">\(SafeHTML(trusted: figure))<figcaption>CONSORT 2010 flow diagram.</figcaption></figure>\n" + table.html())]
    }
}
