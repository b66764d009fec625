import ReadoutCore
import ReadoutPlan

/// The overview page: design, populations and the key results of every endpoint.
enum OverviewSections {
    static func sections(_ results: TrialResults) -> [PageSection] {
        [headline(results), design(results), populations(results), keyResults(results)].compactMap { $0 }
    }

    /// Cards for the first time-to-event endpoint (the primary one in the sample): its last landmark
    /// per arm and the hazard ratio.
    static func headline(_ results: TrialResults) -> PageSection? {
        guard let endpoint = results.endpoints.first(where: { $0.type == .timeToEvent }),
              let time = endpoint.arms.first?.landmarks.last?.time else { return nil }
        let when = ReportFormat.landmark(time, unit: results.time.displayUnit)
        var cards: [SafeHTML] = []
        for (arm, info) in zip(endpoint.arms, results.arms) {
            let mark = arm.landmarks.last!
            cards.append(card(label: "\(endpoint.title) at \(when) — \(info.label)",
                              value: mark.estimate.map { NumberFormat.percent($0) } ?? NumberFormat.notEstimable, unit: mark.estimate == nil ? "" : "%",
                              detail: "95% CI \(NumberFormat.percent(mark.lower))–\(NumberFormat.percent(mark.upper)); \(arm.events) events in \(arm.n)"))
        }
        if let hr = endpoint.cox?.hazardRatios.first {
            cards.append(card(label: "Hazard ratio, \(EfficacySections.label(hr.arm, results.arms)) vs \(EfficacySections.label(hr.versus, results.arms))",
                              value: NumberFormat.fixed(hr.estimate, digits: 2), unit: "",
                              detail: "95% CI \(NumberFormat.fixed(hr.lower, digits: 2))–\(NumberFormat.fixed(hr.upper, digits: 2)); log-rank p \(ReportFormat.p(endpoint.logRank?.p))"))
        }
        let html: SafeHTML = "<ul class=\"cards\">\(cards.joined())</ul>\n<p class=\"footnote\">Kaplan-Meier estimates and Cox hazard ratio; details on the <a href=\"efficacy.html#\(Escape.urlPathSegment(endpoint.endpoint))\">Efficacy</a> page.</p>\n"
        return PageSection(id: "overview-headline", heading: nil, html: html)
    }

    static func card(label: String, value: String, unit: String, detail: String) -> SafeHTML {
        let unitHTML: SafeHTML = unit.isEmpty ? "" : "<span class=\"unit\">\(unit)</span>"
        return "<li class=\"card\"><p class=\"card-label\">\(label)</p><p class=\"card-value\">\(value)\(unitHTML)</p><p class=\"card-detail\">\(detail)</p></li>"
    }

    static func design(_ results: TrialResults) -> PageSection {
        let trial = results.trial, report = results.report
        var items: [(String, String)] = [("Title", trial.title)]
        if let registry = trial.registry { items.append(("Registry", registry)) }
        if let phase = trial.phase { items.append(("Phase", phase)) }
        if let sponsor = trial.sponsor { items.append(("Sponsor", sponsor)) }
        if let indication = trial.indication { items.append(("Indication", indication)) }
        items.append(("Arms", results.arms.map { $0.label + ($0.reference ? " (reference)" : "") }.joined(separator: "; ")))
        items.append(("Report", "\(report.status), version \(report.version)"))
        items.append(("Data cut-off", report.dataCutoff))
        items.append(("Endpoints", results.endpoints.map(\.title).joined(separator: "; ")))
        let rows = items.map { item -> SafeHTML in "<div><dt>\(item.0)</dt><dd>\(item.1)</dd></div>" }
        let html: SafeHTML = "<dl class=\"meta\">\(rows.joined())</dl>\n"
        return PageSection(id: "overview-design", heading: "Design", html: html)
    }

    static func populations(_ results: TrialResults) -> PageSection {
        let table = HTMLTable(
            id: "table-populations", caption: "Analysis populations",
            head: [[.head("Population")] + results.arms.map { .head($0.label, numeric: true) } + [.head("Total", numeric: true)]],
            body: results.populations.map { p in [.text(p.label)] + p.arms.map { .number(p.byArm ? "\($0)" : "—") } + [.number("\(p.total)")] },
            footnotes: results.populations.compactMap { p in p.description.map { "\(p.label): \($0)" } } + populationNotes(results))
        return PageSection(id: "overview-populations", heading: "Populations", html: table.html())
    }

    /// Why a row shows "—" per arm, and which populations count subjects by actual treatment.
    static func populationNotes(_ results: TrialResults) -> [String] {
        var notes: [String] = []
        let unarmed = results.populations.filter { !$0.byArm }.map(\.label)
        if !unarmed.isEmpty { notes.append("—: \(unarmed.joined(separator: ", ")) include subjects never randomized, so no count per arm.") }
        let actual = Set(results.endpoints.filter { $0.adverseEvents?.byActualTreatment == true }.map(\.population))
        for p in results.populations where p.byArm && actual.contains(p.id) {
            notes.append("\(p.label): by actual treatment (\(p.armVariable)).")
        }
        return notes
    }

    static func keyResults(_ results: TrialResults) -> PageSection {
        let arms = results.arms
        var body: [[Cell]] = []
        for endpoint in results.endpoints {
            switch endpoint.type {
            case .timeToEvent:
                guard let mark = endpoint.arms.first?.landmarks.last else {
                    body.append([.text("\(endpoint.title), median (95% CI)")] + endpoint.arms.map { .number(ReportFormat.timeWithCI($0.median.estimate, $0.median.lower, $0.median.upper)) } + [.number(hrText(endpoint))])
                    continue
                }
                body.append([.text("\(endpoint.title) at \(ReportFormat.landmark(mark.time, unit: results.time.displayUnit)), % (95% CI)")]
                            + endpoint.arms.map { a in let m = a.landmarks.last!; return .number(ReportFormat.percentWithCI(m.estimate, m.lower, m.upper)) }
                            + [.number(hrText(endpoint))])
            case .competingRisks:
                guard let cr = endpoint.competingRisks, let cause = cr.causeOfInterest else { continue }
                let curves = cr.incidence.filter { $0.cause == cause }
                guard let mark = curves.first?.landmarks.last else { continue }
                let gray = cr.gray.first { $0.cause == cause }
                body.append([.text("\(endpoint.title) at \(ReportFormat.landmark(mark.time, unit: results.time.displayUnit)), % (95% CI)")]
                            + curves.map { c in let m = c.landmarks.last!; return .number(ReportFormat.percentWithCI(m.estimate, m.lower, m.upper)) }
                            + [.number("Gray p \(ReportFormat.p(gray?.p))")])
            case .binary:
                guard let binary = endpoint.binary else { continue }
                body.append([.text("\(endpoint.title), n (%)")] + binary.arms.map { .number(ReportFormat.count($0.responders, of: $0.n)) }
                            + [.number("Δ \(ReportFormat.differenceWithCI(binary.difference.estimate, binary.difference.lower, binary.difference.upper)); Fisher p \(ReportFormat.p(binary.fisher.p))")])
            case .adverseEvents:
                guard let ae = endpoint.adverseEvents else { continue }
                guard ae.gradeVariable != nil else {
                    body.append([.text("Any adverse event, n (%)")] + ae.arms.indices.map { .number(ReportFormat.count(ae.overall.anyGrade[$0], of: ae.arms[$0].n)) } + [.text("")])
                    continue
                }
                body.append([.text("Grade ≥ 3 adverse event, n (%)")] + ae.arms.indices.map { .number(ReportFormat.count(ae.overall.grade3OrHigher[$0], of: ae.arms[$0].n)) } + [.text("")])
                body.append([.text("Grade 5 adverse event, n (%)")] + ae.arms.indices.map { .number(ReportFormat.count(ae.overall.grade5[$0], of: ae.arms[$0].n)) } + [.text("")])
            }
        }
        let table = HTMLTable(
            id: "table-key-results", caption: "Key results",
            head: [[.head("Endpoint")] + arms.map { .head($0.label, numeric: true) } + [.head("Comparison", numeric: true)]],
            body: body,
            footnotes: ["Details, figures and methods on the Efficacy and Safety pages. Methods: \(ReportFormat.methods(results.methods))."])
        return PageSection(id: "overview-key-results", heading: "Key results", html: table.html())
    }

    static func hrText(_ endpoint: EndpointResult) -> String {
        guard let hr = endpoint.cox?.hazardRatios.first else { return "" }
        guard hr.estimable else { return "HR NE" }
        return "HR \(ReportFormat.ratioWithCI(hr.estimate, hr.lower, hr.upper)); p \(ReportFormat.p(endpoint.logRank?.p))"
    }
}
