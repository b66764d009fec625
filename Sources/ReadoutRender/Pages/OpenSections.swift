import ReadoutCore
import ReadoutPlan

/// The pages of an open report (docs/audiences.md), from `OpenResults` only: nothing here can see an
/// arm. Overview, CONSORT flow without the split after randomization, pooled baseline, enrolment and
/// pooled events with the interim design's boundaries, pooled adverse events.
enum OpenSections {
    static let notice: SafeHTML = "<p class=\"footnote\">Open report: results of all randomized arms pooled. By-arm and comparative results are in the closed report for the data monitoring committee.</p>\n"

    static func overview(_ open: OpenResults) -> [PageSection] {
        let trial = open.trial, report = open.report
        var design: [[Cell]] = [[.text("Title"), .text(trial.title)]]
        if let registry = trial.registry { design.append([.text("Registry"), .text(registry)]) }
        if let phase = trial.phase { design.append([.text("Phase"), .text(phase)]) }
        if let sponsor = trial.sponsor { design.append([.text("Sponsor"), .text(sponsor)]) }
        if let indication = trial.indication { design.append([.text("Indication"), .text(indication)]) }
        design.append([.text("Report"), .text("\(report.status) (data cut-off \(report.dataCutoff))")])
        let about = HTMLTable(id: "table-open-design", caption: "Trial and report", head: [[.head(""), .head("")]], body: design)
        let populations = HTMLTable(
            id: "table-open-populations", caption: "Analysis populations (all arms)",
            head: [[.head("Population"), .head("Subjects, n", numeric: true)]],
            body: open.populations.map { [.text($0.label), .number("\($0.total)")] },
            footnotes: open.populations.compactMap { p in p.description.map { "\(p.label): \($0)" } })
        return [PageSection(id: "overview-open", heading: nil, html: notice + about.html()),
                PageSection(id: "overview-populations", heading: "Populations", html: populations.html())]
    }

    static func consort(_ open: OpenResults) -> [PageSection] {
        let c = open.consort
        var body: [[Cell]] = [[.text("Assessed for eligibility"), .number("\(c.screened)")],
                              [.text("Not randomized"), .number("\(c.notRandomized)")]]
        body += c.notRandomizedReasons.map { [.text($0.reason, indent: 1), .number("\($0.count)")] }
        body.append([.text("Randomized (all arms)"), .number("\(c.randomized)")])
        for stage in c.stages {
            body.append([.text(stage.lostLabel), .number("\(stage.lost)")])
            body += stage.reasons.map { [.text($0.reason, indent: 1), .number("\($0.count)")] }
            body.append([.text(stage.label), .number("\(stage.count)")])
        }
        if let followUp = c.followUp {
            body.append([.text("Lost to follow-up"), .number("\(followUp.lost)")])
            body.append([.text("Discontinued"), .number("\(followUp.discontinued)")])
            body += followUp.reasons.map { [.text($0.reason, indent: 1), .number("\($0.count)")] }
        }
        for box in c.analysis {
            body.append([.text(box.label), .number("\(box.analysed)")])
            body.append([.text("Excluded from analysis", indent: 1), .number("\(box.excluded)")])
            body += box.reasons.map { [.text($0.reason, indent: 2), .number("\($0.count)")] }
        }
        let table = HTMLTable(id: "table-open-consort", caption: "Participant flow, all arms together",
                              head: [[.head("Stage"), .head("Subjects, n", numeric: true)]], body: body,
                              footnotes: ["Counts after randomization are for all arms together (open report); a stage of some arms only is left out, and the subjects lost before it are counted among those lost before the next stage."])
        let figure = ConsortFigure.svg(c)
        return [PageSection(id: "consort-open", heading: nil,
                            html: notice + "<figure class=\"figure narrow figure-consort\">\(SafeHTML(trusted: figure))<figcaption>CONSORT 2010 flow diagram, all arms together.</figcaption></figure>\n" + table.html())]
    }

    static func baseline(_ open: OpenResults) -> [PageSection] {
        let b = open.baseline
        var body: [[Cell]] = []
        var groups: Set<Int> = []
        for row in b.variables {
            if let summary = row.continuous {
                groups.insert(body.count)
                body.append([.text(row.label), .number("")])
                body.append([.text("Mean (SD)", indent: 1), .number("\(NumberFormat.fixed(summary.mean, digits: 1)) (\(NumberFormat.fixed(summary.sd, digits: 1)))")])
                body.append([.text("Median (Q1–Q3)", indent: 1),
                             .number("\(NumberFormat.fixed(summary.median, digits: 1)) (\(NumberFormat.fixed(summary.q1, digits: 1))–\(NumberFormat.fixed(summary.q3, digits: 1)))")])
                body.append([.text("Min–max", indent: 1), .number("\(NumberFormat.fixed(summary.min, digits: 1))–\(NumberFormat.fixed(summary.max, digits: 1))")])
            } else if let levels = row.levels {
                groups.insert(body.count)
                body.append([.text(row.label + ", n (%)"), .number("")])
                body += levels.map { [.text($0.label, indent: 1), .number(ReportFormat.count($0.count, of: $0.denominator))] }
            }
            if row.missing > 0 { body.append([.text("Missing", indent: 1), .number("\(row.missing)")]) }
        }
        let population = open.populations.first { $0.id == b.population }?.label ?? b.population
        let table = HTMLTable(id: "table-open-baseline", caption: "Baseline characteristics — \(population) population, all arms",
                              head: [[.head(""), .head("All subjects (N = \(b.n))", numeric: true)]], body: body,
                              footnotes: ["All randomized arms together (open report)."], groupRows: groups)
        return [PageSection(id: "baseline-open", heading: nil, html: notice + table.html())]
    }

    static func efficacy(_ open: OpenResults) -> [PageSection] {
        let table = HTMLTable(
            id: "table-open-endpoints", caption: "Enrolment and events, all arms together",
            head: [[.head("Endpoint"), .head("Population"), .head("Subjects, n", numeric: true), .head("Events, n", numeric: true)]],
            body: open.endpoints.map { e in
                [.text(e.title), .text(open.populations.first { $0.id == e.population }?.label ?? e.population), .number("\(e.subjects)"),
                 .number(e.events.map(String.init) ?? "—")]
            },
            footnotes: ["Pooled over arms (open report); no estimate by arm or comparison between arms is shown."])
        var sections = [PageSection(id: "efficacy-open", heading: nil, html: notice + table.html())]
        if let interim = open.interim {
            let title = open.endpoints.first { $0.endpoint == interim.endpoint }?.title ?? interim.endpoint
            let summary = HTMLTable(
                id: "table-interim-information", caption: "Information at this report — \(title)",
                head: [[.head(""), .head("Value", numeric: true)]],
                body: [[.text("Events observed / planned (all arms)"), .number("\(interim.observedEvents) / \(interim.plannedEvents)")],
                       [.text("Information fraction"), .number(ReportFormat.fraction(interim.informationFraction))]])
            let boundaries = InterimSections.boundaryTable(looks: interim.looks, design: interim.design, plannedEvents: interim.plannedEvents,
                                                           final: interim.final, title: title)
            let figure = BoundaryFigure.svg(looks: interim.looks, sided: interim.design.sided, path: [], endpoint: interim.endpoint,
                                            endpointTitle: title, positive: "positive z favours the experimental arm",
                                            yLabel: "z (positive favours the experimental arm)")
            let html: SafeHTML = "<figure class=\"figure\">\(SafeHTML(trusted: figure))<figcaption>The design's boundaries for \(title) on the z scale against the information fraction. The observed statistic is for the data monitoring committee only.</figcaption></figure>\n"
            sections.append(PageSection(id: "interim", heading: "Interim monitoring — \(title)", html: html + summary.html() + boundaries.html()))
        }
        return sections
    }

    static func safety(_ open: OpenResults) -> [PageSection] {
        guard let s = open.safety else { return [PageSection(id: "safety-open", heading: nil, html: notice)] }
        func row(_ label: String, _ counts: OpenAECounts, indent: Int = 0) -> [Cell] {
            [.text(label, indent: indent)] + [counts.anyGrade, counts.grade1to2, counts.grade3to4, counts.grade5, counts.serious]
                .map { .number(ReportFormat.count($0, of: s.n)) }
        }
        var body: [[Cell]] = [row("Any adverse event", s.overall)]
        var groups: Set<Int> = []
        for soc in s.systemOrganClasses {
            groups.insert(body.count)
            body.append(row(soc.systemOrganClass, soc.counts))
            body += soc.terms.map { row($0.term, $0.counts, indent: 1) }
        }
        let table = HTMLTable(
            id: "table-open-ae", caption: "\(s.title) — all arms together (N = \(s.n))",
            head: [[.head("System organ class / preferred term"), .head("Any grade", numeric: true), .head("Grade 1–2", numeric: true),
                    .head("Grade 3–4", numeric: true), .head("Grade 5", numeric: true), .head("Serious", numeric: true)]],
            body: body,
            footnotes: ["Subjects, n (%), counted once per row at their worst grade" + (s.window.map { "; events \($0)" } ?? "") + ". All arms together (open report)."],
            groupRows: groups)
        return [PageSection(id: "safety-open", heading: nil, html: notice + table.html())]
    }
}
