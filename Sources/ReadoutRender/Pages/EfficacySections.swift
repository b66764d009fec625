import ReadoutCore
import ReadoutPlan
import ReadoutStats

/// The efficacy page: one section per efficacy endpoint with its figure, table and methods footnote.
enum EfficacySections {
    static func sections(_ results: TrialResults) -> [PageSection] {
        results.endpoints.compactMap { endpoint in
            switch endpoint.type {
            case .timeToEvent: timeToEvent(endpoint, results: results)
            case .competingRisks: competingRisks(endpoint, results: results)
            case .binary: binary(endpoint, results: results)
            case .adverseEvents: nil
            }
        }
    }

    static func population(_ id: String, _ results: TrialResults) -> String {
        results.populations.first { $0.id == id }?.label ?? id
    }

    static func timeToEvent(_ endpoint: EndpointResult, results: TrialResults) -> PageSection {
        let arms = results.arms
        let unit = results.time.displayUnit
        var body: [[Cell]] = [
            [.text("Subjects, n")] + endpoint.arms.map { .number("\($0.n)") },
            [.text("Events, n (%)")] + endpoint.arms.map { .number(ReportFormat.count($0.events, of: $0.n)) },
            [.text("Median (95% CI), \(unit.rawValue)")] + endpoint.arms.map { .number(ReportFormat.timeWithCI($0.median.estimate, $0.median.lower, $0.median.upper)) },
        ]
        let landmarkCount = endpoint.arms.first?.landmarks.count ?? 0
        for l in 0..<landmarkCount {
            let time = endpoint.arms[0].landmarks[l].time
            body.append([.text("At \(ReportFormat.landmark(time, unit: unit)), % (95% CI)")] + endpoint.arms.map {
                let mark = $0.landmarks[l]
                return .number(ReportFormat.percentWithCI(mark.estimate, mark.lower, mark.upper))
            })
            body.append([.text("Number at risk", indent: 1)] + endpoint.arms.map { .number($0.landmarks[l].atRisk.map(String.init) ?? NumberFormat.notEstimable) })
        }
        body.append([.text("Median follow-up (95% CI), \(unit.rawValue)")] + endpoint.arms.map { .number(ReportFormat.timeWithCI($0.followUp.median, $0.followUp.lower, $0.followUp.upper)) })
        body += ReviewerRows.restrictedMean(endpoint, unit: unit)

        var comparison: [[Cell]] = []
        let span = endpoint.arms.count
        for difference in endpoint.landmarkDifferences {
            comparison.append([.text("Difference at \(ReportFormat.landmark(difference.time, unit: unit)), \(label(difference.arm, arms)) − \(label(difference.versus, arms)), percentage points (95% CI)"),
                               Cell(text: ReportFormat.differenceWithCI(difference.estimate, difference.lower, difference.upper), numeric: true, colspan: span)])
        }
        if let cox = endpoint.cox {
            for hr in cox.hazardRatios {
                let text = hr.estimable ? ReportFormat.ratioWithCI(hr.estimate, hr.lower, hr.upper) : "NE (\(hr.reason ?? "not estimable"))"
                comparison.append([.text("Hazard ratio (95% CI), \(label(hr.arm, arms)) vs \(label(hr.versus, arms))"), Cell(text: text, numeric: true, colspan: span)])
                comparison.append([.text("Wald p", indent: 1), Cell(text: ReportFormat.p(hr.p), numeric: true, colspan: span)])
            }
            if let stratified = cox.stratified, let hr = stratified.hazardRatios.first {
                comparison.append([.text("Stratified hazard ratio (95% CI)"), Cell(text: ReportFormat.ratioWithCI(hr.estimate, hr.lower, hr.upper), numeric: true, colspan: span)])
            }
        }
        if let logRank = endpoint.logRank {
            comparison.append([.text("Log-rank test p"), Cell(text: ReportFormat.p(logRank.p), numeric: true, colspan: span)])
            if let stratified = logRank.stratified {
                comparison.append([.text("Stratified log-rank p (\((stratified.strata ?? []).joined(separator: ", ")))"), Cell(text: ReportFormat.p(stratified.p), numeric: true, colspan: span)])
            }
        }
        comparison += ReviewerRows.comparison(endpoint, arms: arms, unit: unit)
        let table = HTMLTable(
            id: "table-\(endpoint.endpoint)",
            caption: "\(endpoint.title) — \(population(endpoint.population, results)) population",
            head: [[.head("")] + arms.map { .head($0.label, numeric: true) }],
            body: body + comparison,
            footnotes: [
                "Kaplan-Meier estimates. CI, confidence interval; NE, not estimable; NR, not reached. \(ReportFormat.timeFootnote(results.time)). Median follow-up by reverse Kaplan-Meier (log-log transformed CI).",
                "Landmark differences with Wald CIs from the two arms' Greenwood standard errors.",
                "Hazard ratio from a Cox proportional-hazards model with arm as the only covariate (\(endpoint.methods.ties.rawValue.capitalized) ties); below 1 favours \(arms.first { !$0.reference }?.label ?? "the experimental arm").",
                "Methods: \(ReportFormat.methods(endpoint.methods)).",
            ] + ReviewerRows.footnotes(endpoint, unit: unit))
        let figure = SurvivalFigures.kaplanMeier(endpoint, arms: arms, time: results.time, title: endpoint.title, yLabel: "\(endpoint.title) (%)",
                                                 level: endpoint.methods.confidenceLevel)
        return PageSection(id: endpoint.endpoint, heading: endpoint.title,
                           html: "<figure class=\"figure\">\(SafeHTML(trusted: figure))<figcaption>\(endpoint.title) by arm (Kaplan-Meier), with \(transformName(endpoint.methods.confidenceInterval))-transformed pointwise \(level(endpoint.methods))% CIs (Greenwood); + marks censored observations; dashed lines mark the landmarks.</figcaption></figure>\n" + table.html()
                               + SubgroupSections.html(endpoint, results: results))
    }

    static func competingRisks(_ endpoint: EndpointResult, results: TrialResults) -> PageSection {
        let arms = results.arms
        let unit = results.time.displayUnit
        guard let competing = endpoint.competingRisks, let cause = competing.causeOfInterest else {
            return PageSection(id: endpoint.endpoint, heading: endpoint.title, html: "")
        }
        let curves = competing.incidence.filter { $0.cause == cause }
        var body: [[Cell]] = [
            [.text("Subjects, n")] + endpoint.arms.map { .number("\($0.n)") },
            [.text("Events: \(cause.lowercased()), n (%)")] + zip(curves, endpoint.arms).map { .number(ReportFormat.count($0.events, of: $1.n)) },
        ]
        for other in competing.causes where other != cause {
            let rows = competing.incidence.filter { $0.cause == other }
            body.append([.text("Competing events: \(other.lowercased()), n")] + rows.map { .number("\($0.events)") })
        }
        for (l, mark) in (curves.first?.landmarks ?? []).enumerated() {
            body.append([.text("Cumulative incidence at \(ReportFormat.landmark(mark.time, unit: unit)), % (95% CI)")] + curves.map {
                let m = $0.landmarks[l]
                return .number(ReportFormat.percentWithCI(m.estimate, m.lower, m.upper))
            })
        }
        let span = arms.count
        for item in competing.differences where item.cause == cause {
            let d = item.difference
            body.append([.text("Difference at \(ReportFormat.landmark(d.time, unit: unit)), \(label(d.arm, arms)) − \(label(d.versus, arms)), percentage points (95% CI)"),
                         Cell(text: ReportFormat.differenceWithCI(d.estimate, d.lower, d.upper), numeric: true, colspan: span)])
        }
        if let gray = competing.gray.first(where: { $0.cause == cause }) {
            body.append([.text("Gray's test p"), Cell(text: ReportFormat.p(gray.p), numeric: true, colspan: span)])
        }
        if let gray = competing.grayStratified?.first(where: { $0.cause == cause }) {
            body.append([.text("Stratified Gray's test p"), Cell(text: ReportFormat.p(gray.p), numeric: true, colspan: span)])
        }
        for fg in competing.fineGray where fg.cause == cause {
            body.append([.text("Subdistribution hazard ratio (95% CI), \(label(fg.arm, arms)) vs \(label(fg.versus, arms))"),
                         Cell(text: fg.converged ? ReportFormat.ratioWithCI(fg.estimate, fg.lower, fg.upper) : "NE (did not converge)",
                              numeric: true, colspan: span)])
            body.append([.text("p", indent: 1), Cell(text: ReportFormat.p(fg.p), numeric: true, colspan: span)])
        }
        let table = HTMLTable(
            id: "table-\(endpoint.endpoint)",
            caption: "\(endpoint.title) — \(population(endpoint.population, results)) population",
            head: [[.head("")] + arms.map { .head($0.label, numeric: true) }],
            body: body,
            footnotes: [
                "Aalen-Johansen cumulative incidence with \(competing.causes.filter { $0 != cause }.map { $0.lowercased() }.joined(separator: ", ")) as competing event(s); variance by Aalen's method (as cmprsk::cuminc); log-log transformed 95% CIs.",
                "Gray's test (ρ = 0); Fine-Gray subdistribution hazard ratio (as cmprsk::crr). \(ReportFormat.timeFootnote(results.time)).",
            ])
        let figure = SurvivalFigures.incidence(endpoint, cause: cause, arms: arms, time: results.time, title: endpoint.title,
                                              level: endpoint.methods.confidenceLevel)
        return PageSection(id: endpoint.endpoint, heading: endpoint.title,
                           html: "<figure class=\"figure\">\(SafeHTML(trusted: figure))<figcaption>\(endpoint.title) by arm (Aalen-Johansen, with \(competing.causes.filter { $0 != cause }.map { $0.lowercased() }.joined(separator: ", ")) as competing event); dashed lines mark the landmarks.</figcaption></figure>\n" + table.html())
    }

    static func binary(_ endpoint: EndpointResult, results: TrialResults) -> PageSection {
        let arms = results.arms
        guard let binary = endpoint.binary else { return PageSection(id: endpoint.endpoint, heading: endpoint.title, html: "") }
        let span = arms.count
        var body: [[Cell]] = [
            [.text("Subjects, n")] + binary.arms.map { .number("\($0.n)") },
            [.text("Responders, n (%)")] + binary.arms.map { .number(ReportFormat.count($0.responders, of: $0.n)) },
            [.text("95% CI (Clopper-Pearson), %")] + binary.arms.map { .number("\(NumberFormat.percent($0.clopperPearson.lower))–\(NumberFormat.percent($0.clopperPearson.upper))") },
            [.text("95% CI (Wilson), %")] + binary.arms.map { .number("\(NumberFormat.percent($0.wilson.lower))–\(NumberFormat.percent($0.wilson.upper))") },
            [.text("Not assessed, n")] + binary.arms.map { .number("\($0.missing)") },
        ]
        let other = arms.first { !$0.reference }?.label ?? ""
        let reference = arms.first { $0.reference }?.label ?? ""
        body.append([.text("Difference, \(other) − \(reference), percentage points (95% CI)"),
                     Cell(text: ReportFormat.differenceWithCI(binary.difference.estimate, binary.difference.lower, binary.difference.upper), numeric: true, colspan: span)])
        body.append([.text("Odds ratio (95% CI), conditional MLE"),
                     Cell(text: ReportFormat.ratioWithCI(binary.fisher.oddsRatio, binary.fisher.lower, binary.fisher.upper), numeric: true, colspan: span)])
        body.append([.text("Fisher's exact test p"), Cell(text: ReportFormat.p(binary.fisher.p), numeric: true, colspan: span)])
        let table = HTMLTable(
            id: "table-\(endpoint.endpoint)",
            caption: "\(endpoint.title) — \(population(endpoint.population, results)) population",
            head: [[.head("")] + arms.map { .head($0.label, numeric: true) }],
            body: body,
            footnotes: [
                "Responder: \(binary.variable) = \"Y\". Subjects not assessed count as non-responders (all subjects of the population are in the denominator).",
                "Difference with Newcombe's hybrid-score interval (method 10); Fisher's exact test, two-sided, with the conditional maximum-likelihood odds ratio and exact CI.",
            ])
        return PageSection(id: endpoint.endpoint, heading: endpoint.title, html: table.html())
    }

    static func transformName(_ transform: ReadoutStats.ConfidenceTransform) -> String {
        switch transform {
        case .plain: "linear"
        case .log: "log"
        case .logLog: "log-log"
        }
    }

    static func level(_ methods: ResolvedMethods) -> String { NumberFormat.fixed(methods.confidenceLevel * 100, digits: 0) }

    static func label(_ value: String, _ arms: [ArmInfo]) -> String {
        arms.first { $0.value == value }?.label ?? value
    }
}
