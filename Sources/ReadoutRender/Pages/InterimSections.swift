import ReadoutCore
import ReadoutPlan

/// The interim monitoring section of the efficacy page: the design, the boundaries at each look, the
/// observed statistic judged against them, conditional power, and the boundary plot with the path of
/// the observed z across versions.
enum InterimSections {
    static func sections(_ results: TrialResults) -> [PageSection] {
        guard let interim = results.interim else { return [] }
        return [section(interim, results: results)]
    }

    static func section(_ interim: InterimResult, results: TrialResults) -> PageSection {
        let arms = results.arms
        let title = results.endpoint(interim.endpoint)?.title ?? interim.endpoint
        let design = interim.design
        let sidedText = design.sided == 2 ? "two-sided" : "one-sided"

        let hasFutility = interim.looks.contains { $0.futilityZ != nil }
        let boundaries = boundaryTable(looks: interim.looks, design: design, plannedEvents: interim.plannedEvents, final: interim.final, title: title)

        let favours = interim.observed.favours.map { value in arms.first { $0.value == value }?.label ?? value } ?? "neither arm"
        var summary: [[Cell]] = [
            [.text("Events observed / planned"), .number("\(interim.observedEvents) / \(interim.plannedEvents)")],
            [.text("Information fraction"), .number(ReportFormat.fraction(interim.informationFraction))],
            [.text("\(interim.observed.stratified ? "Stratified log-rank" : "Log-rank") z"), .number(ReportFormat.z(interim.observed.z))],
            [.text("Favours", indent: 1), .text(favours)],
            [.text("Nominal p (\(sidedText))", indent: 1), .number(ReportFormat.p(interim.observed.p))],
            [.text("Efficacy boundary at this look, z"), .number(ReportFormat.z(interim.looks[interim.look].efficacyZ))],
        ]
        if let futility = interim.looks[interim.look].futilityZ {
            summary.append([.text("Futility boundary at this look, z"), .number(ReportFormat.z(futility))])
        }
        summary.append([.text("Boundary crossed"), .text(ReportFormat.interimDecision(interim))])
        if let cp = interim.conditionalPower {
            summary.append([.text("Conditional power, current trend"), .number(NumberFormat.percent(cp.currentTrend) + "%")])
            summary.append([.text("Conditional power, design hazard ratio \(NumberFormat.fixed(design.hazardRatio, digits: 2))"),
                            .number(NumberFormat.percent(cp.designHazardRatio) + "%")])
        }
        let observed = HTMLTable(
            id: "table-interim-observed",
            caption: "Interim monitoring at this report — \(title)",
            head: [[.head(""), .head("Value", numeric: true)]], body: summary,
            footnotes: [
                "z is the signed square root of the \(interim.observed.stratified ? "stratified " : "")log-rank χ²: positive when \(arms.first { !$0.reference }?.label ?? "the experimental arm") has fewer events than expected.",
                "Conditional power: the probability of crossing a later efficacy boundary given this z, ignoring the non-binding futility boundary, under the current trend (drift z/√t) or under the design hazard ratio (drift −ln HR·√(D·r(1−r)), D planned events, r the experimental arm's share).",
            ])

        var pathRows: [[Cell]] = interim.history.map {
            [.text("\($0.version) (cut-off \($0.dataCutoff))"), .number(ReportFormat.fraction($0.informationFraction)), .number(ReportFormat.z($0.z))]
        }
        pathRows.append([.text("\(results.report.version) (cut-off \(results.report.dataCutoff), this report)"),
                         .number(ReportFormat.fraction(interim.informationFraction)), .number(ReportFormat.z(interim.observed.z))])
        let path = HTMLTable(
            id: "table-interim-path", caption: "Observed z by report version",
            head: [[.head("Version"), .head("Information fraction", numeric: true), .head("z", numeric: true)]], body: pathRows,
            footnotes: ["Earlier versions as published in this output folder (their results.json)."])

        let figure = BoundaryFigure.svg(interim, arms: arms, endpointTitle: title)
        let html: SafeHTML = "<figure class=\"figure\">\(SafeHTML(trusted: figure))<figcaption>Stratified log-rank z of \(title) against the information fraction, with the efficacy\(hasFutility ? " and non-binding futility" : "") boundaries of the design; the observed path joins this and earlier report versions (table below).</figcaption></figure>\n"
        return PageSection(id: "interim", heading: "Interim monitoring — \(title)",
                           html: html + observed.html() + boundaries.html() + path.html())
    }

    /// The boundaries of every look (shared by closed and open reports: design and information only).
    static func boundaryTable(looks: [InterimLook], design: InterimDesignSummary, plannedEvents: Int, final: Bool, title: String) -> HTMLTable {
        let sidedText = design.sided == 2 ? "two-sided" : "one-sided"
        let hasFutility = looks.contains { $0.futilityZ != nil }
        var head: [Cell] = [.head("Look"), .head("Information fraction", numeric: true), .head("Efficacy boundary z", numeric: true),
                            .head("Nominal p (\(sidedText))", numeric: true), .head("Cumulative α spent", numeric: true)]
        if hasFutility { head += [.head("Futility boundary z", numeric: true), .head("Cumulative β spent", numeric: true)] }
        let body: [[Cell]] = looks.map { look in
            let name = switch look.kind {
            case "current": final ? "Final (this report)" : "Interim \(look.look + 1) (this report)"
            case "final": "Final (planned)"
            case "planned": "Interim \(look.look + 1) (planned)"
            default: "Interim \(look.look + 1)"
            }
            var row: [Cell] = [.text(name), .number(ReportFormat.fraction(look.informationFraction)), .number(ReportFormat.z(look.efficacyZ)),
                               .number(ReportFormat.smallP(look.efficacyP)), .number(ReportFormat.smallP(look.alphaSpent))]
            if hasFutility {
                row += [.number(look.futilityZ.map { ReportFormat.z($0) } ?? "—"), .number(look.betaSpent.map { ReportFormat.smallP($0) } ?? "—")]
            }
            return row
        }
        return HTMLTable(
            id: "table-interim-boundaries",
            caption: "Group-sequential boundaries — \(title)",
            head: [head], body: body,
            footnotes: [
                "Design: \(plannedEvents) planned events, powered (\(NumberFormat.percent(design.power, digits: 0))%) for a hazard ratio of \(NumberFormat.fixed(design.hazardRatio, digits: 2)); overall α \(NumberFormat.fixed(design.alpha, digits: 3)) \(sidedText).",
                "Efficacy boundary by α-spending: \(ReportFormat.spending(design.efficacy))."
                    + (design.futility.map { " Non-binding futility boundary by β-spending: \(ReportFormat.spending($0))." } ?? ""),
                "Information fraction: observed over planned events. Earlier looks as declared in trial.yaml; boundaries by recursive numerical integration (Armitage, McPherson & Rowe 1969; Jennison & Turnbull 2000, ch. 19), validated against rpact.",
            ])
    }
}
