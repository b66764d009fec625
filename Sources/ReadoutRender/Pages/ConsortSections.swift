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
        /// One row per reason, "0" where an arm has none and "—" where the box is not of that arm.
        func reasonRows(_ prefix: String, _ reasons: [[ReasonCount]?]) {
            let all = Array(Set(reasons.flatMap { ($0 ?? []).map(\.reason) })).sorted()
            for reason in all {
                body.append([.text("\(prefix): \(reason)", indent: 1)] + reasons.map { list in
                    .number(list.map { "\($0.first { $0.reason == reason }?.count ?? 0)" } ?? "—")
                })
            }
        }
        let stageCount = consort.arms.first?.stages.count ?? 0
        for s in 0..<stageCount {
            let stages = consort.arms.map { $0.stages[s] }
            body.append([.text(stages[0].label)] + stages.map { .number($0.applies ? "\($0.count)" : "—") })
            if stages.contains(where: { $0.applies && $0.lost > 0 }) {
                body.append([.text(stages[0].lostLabel, indent: 1)] + stages.map { .number($0.applies ? "\($0.lost)" : "—") })
            }
            reasonRows(stages[0].lostLabel, stages.map { $0.applies ? $0.reasons : nil })
        }
        if consort.arms.contains(where: { $0.followUp != nil }) {
            body.append([.text("Lost to follow-up")] + consort.arms.map { .number($0.followUp.map { "\($0.lost)" } ?? "—") })
            body.append([.text("Discontinued")] + consort.arms.map { .number($0.followUp.map { "\($0.discontinued)" } ?? "—") })
            reasonRows("Discontinued", consort.arms.map { $0.followUp?.reasons })
        }
        let boxCount = consort.arms.first?.analysis.count ?? 0
        for b in 0..<boxCount {
            let boxes = consort.arms.map { $0.analysis[b] }
            body.append([.text(boxes[0].label)] + boxes.map { .number("\($0.analysed)") })
            body.append([.text("Excluded from analysis", indent: 1)] + boxes.map { .number("\($0.excluded)") })
            reasonRows("Excluded", boxes.map(\.reasons))
        }
        let table = HTMLTable(id: "table-consort", caption: "Participant flow",
                              head: [[.head("")] + results.arms.map { .head($0.label, numeric: true) }], body: body,
                              footnotes: ["Counts from ADSL population flags and reason variables, as declared in trial.yaml; by randomized arm. Every box reconciles with the box above it (the build checks it)."]
                                  + (consort.arms.contains { $0.stages.contains { !$0.applies } } ? ["—: a stage of the other arm(s) only."] : []))
        return [PageSection(id: "consort-diagram", heading: nil, html: "<figure class=\"figure figure-consort\">\(SafeHTML(trusted: figure))<figcaption>CONSORT 2010 flow diagram.</figcaption></figure>\n" + table.html())]
    }
}
