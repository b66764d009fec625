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
            // Ungraded data (no grade variable) show subjects with any event only.
            let graded = ae.gradeVariable != nil
            var overviewRows = [row("Any adverse event", ae.overall.anyGrade)]
            if graded {
                overviewRows += [
                    row("Worst grade 1–2", ae.overall.grade1to2, indent: 1),
                    row("Worst grade 3–4", ae.overall.grade3to4, indent: 1),
                    row("Grade 5 (fatal)", ae.overall.grade5, indent: 1),
                    row("Grade ≥ 3", ae.overall.grade3OrHigher),
                ]
            }
            // A severity scale (adverseEvents.severity) of ungraded data gives its own row; graded data show grade ≥ 3 above.
            if let scale = ae.severity, !graded, let severe = ae.overall.severe { overviewRows.append(row(scale.label, severe)) }
            overviewRows.append(row("Serious adverse event", ae.overall.serious))
            if let related = ae.related { overviewRows.append(row("Related adverse event", related)) }
            if let discontinued = ae.leadingToDiscontinuation { overviewRows.append(row("Adverse event leading to discontinuation", discontinued)) }
            let overview = HTMLTable(
                id: "table-\(endpoint.endpoint)-overview",
                caption: "Overview of adverse events — \(EfficacySections.population(endpoint.population, results)) population",
                head: head,
                body: overviewRows,
                footnotes: [(graded ? "Subjects are counted once, at their worst CTCAE v5 grade." : "Subjects are counted once; the data have no CTCAE grade.")
                            + " n (%) of the safety population.\(window)"
                            + (ae.missingGrade > 0 ? " \(ae.missingGrade) event record(s) without a grade count under any grade only." : "")
                            + (ae.severity.map(severityFootnote) ?? ""),
                            armFootnote(ae), recordFootnote(ae, population: EfficacySections.population(endpoint.population, results))]
                    + variableFootnote(ae))

            var body: [[Cell]] = []
            var groups: Set<Int> = []
            // Per arm: any event, then the severity scale's column (adverseEvents.severity), else grade ≥ 3 when graded.
            let anyLabel = graded ? "Any grade" : "Any severity"
            let secondLabel = ae.severity?.label ?? (graded ? "Grade ≥ 3" : nil)
            func cells(_ counts: AECounts) -> [Cell] {
                let second = ae.severity == nil ? counts.grade3OrHigher : counts.severe ?? []
                return counts.anyGrade.indices.flatMap { a in
                    [Cell.number(ReportFormat.count(counts.anyGrade[a], of: n[a]))]
                        + (secondLabel == nil ? [] : [Cell.number(ReportFormat.count(second[a], of: n[a]))])
                }
            }
            for soc in ae.systemOrganClasses {
                groups.insert(body.count)
                body.append([.text(soc.systemOrganClass)] + cells(soc.counts))
                for term in soc.terms { body.append([.text(term.term, indent: 1)] + cells(term.counts)) }
            }
            let detail = HTMLTable(
                id: "table-\(endpoint.endpoint)-terms",
                caption: "Adverse events by system organ class and preferred term",
                head: secondLabel.map { second in
                    [[Cell(text: "System organ class / preferred term", header: true, rowspan: 2)] + zip(arms, n).map { Cell.head("\($0.label) (N = \($1))", colspan: 2, numeric: true) },
                     arms.flatMap { _ in [Cell.head(anyLabel, numeric: true), .head(second, numeric: true)] }]
                } ?? [[Cell.head("System organ class / preferred term")] + zip(arms, n).map { Cell.head("\($0.label) (N = \($1))", numeric: true) }],
                body: body,
                footnotes: [ae.severity.map { "Rows ordered by total frequency. Subjects are counted once per row, under \($0.label) if any of their events in the row is; n (%)." + severityFootnote($0) }
                            ?? (graded ? "Rows ordered by total frequency. Subjects are counted once per row at their worst grade; n (%)."
                                       : "Rows ordered by total frequency. Subjects are counted once per row; n (%)."), armFootnote(ae)],
                groupRows: groups)
            return [
                PageSection(id: "\(endpoint.endpoint)-overview", heading: endpoint.title, html: overview.html()),
                PageSection(id: "\(endpoint.endpoint)-terms", heading: "By system organ class and preferred term", html: detail.html()),
            ]
        }
    }

    /// The severity scale behind the severity column and row, and the records without a severity.
    static func severityFootnote(_ scale: AESeverityScale) -> String {
        let worse = scale.levels.drop { $0 != scale.severeFrom }
        let levels = worse.count == 1 ? "\(scale.variable) \(scale.severeFrom)" : "\(scale.variable) \(worse.joined(separator: ", "))"
        return " \(scale.label): \(levels) (scale \(scale.levels.joined(separator: " < ")))."
            + (scale.missing > 0 ? " \(scale.missing) event record(s) without \(scale.variable) count under any event only." : "")
    }

    /// Which arm subjects are counted in.
    static func armFootnote(_ ae: AdverseEventSummary) -> String {
        ae.byActualTreatment
            ? "Subjects are counted in the arm of the treatment they actually received (\(ae.armVariable)), which may differ from the randomized arm."
            : "Subjects are counted in their randomized arm (\(ae.armVariable)): the data have no actual-treatment variable (TRT01A)."
    }

    /// Every ADAE record: counted, or not counted by reason.
    static func recordFootnote(_ ae: AdverseEventSummary, population: String) -> String {
        let window = ae.windowFlag.map { "outside the analysis window (\($0) not Y)" } ?? "outside the analysis window"
        let reasons = ae.notCounted.map { item -> String in
            switch item.reason {
            case .outsidePopulation: "\(item.count) of subjects outside the \(population) population"
            case .outsideWindow: "\(item.count) \(window)"
            case .missingSubject: "\(item.count) without a subject identifier (USUBJID)"
            case .unknownSubject: "\(item.count) of subjects not in ADSL"
            }
        }
        let tail = reasons.isEmpty ? "all are counted." : "\(ae.counted) are counted; not counted: \(reasons.joined(separator: "; "))."
        return "ADAE holds \(ae.records) event record(s): \(tail)"
    }

    /// The ADAE variables behind the optional overview rows.
    static func variableFootnote(_ ae: AdverseEventSummary) -> [String] {
        var notes: [String] = []
        if let variable = ae.relationshipVariable { notes.append("Related: \(variable) not a \"not related\" value.") }
        if let variable = ae.actionVariable { notes.append("Leading to discontinuation: \(variable) = DRUG WITHDRAWN.") }
        return notes
    }
}
