public import ReadoutCore
public import ReadoutPlan
internal import Mustache

/// The open report of a trial version (docs/audiences.md): the same site and templates as the closed
/// one, rendered from `OpenResults`, which cannot hold a by-arm or comparative number.
extension SiteRenderer {
    public func renderOpenVersion(_ open: OpenResults, narrative: [NarrativePage], dataHash: String) throws(DiagnosticsError) -> [RenderedFile] {
        let library = try theme.library()
        let table = OpenNumbers.table(open)
        var narrativeHTML: [String: String] = [:]
        for page in narrative { narrativeHTML[page.slug] = LiveNumbers.substitute(page.rendered.html, table: table) }
        let results: [SitePage] = [
            SitePage(kind: .consort, file: "consort.html", title: "Participant flow (CONSORT)", sections: OpenSections.consort(open)),
            SitePage(kind: .baseline, file: "baseline.html", title: "Baseline characteristics", sections: OpenSections.baseline(open)),
            SitePage(kind: .efficacy, file: "efficacy.html", title: "Efficacy", sections: OpenSections.efficacy(open)),
            SitePage(kind: .safety, file: "safety.html", title: "Safety", sections: OpenSections.safety(open)),
        ]
        let overview = SitePage(kind: .overview, file: "index.html", title: "Overview", subtitle: open.trial.title, sections: OpenSections.overview(open))
        let base = pageContext(trial: open.trial, status: open.report.status + " — open report", report: open.report,
                               dataLock: open.dataLock, methodsSummary: "open report, all arms pooled; no by-arm or comparative results",
                               dataHash: dataHash)
        return try renderSite(overview: overview, results: results, narrative: narrative, narrativeHTML: narrativeHTML,
                              base: base, library: library)
    }

    /// Live references of an open build's pages that name a by-arm or comparative result (a key the plan
    /// produces that an open report does not have), as errors at their page lines.
    public static func checkOpenReferences(_ pages: [NarrativePage], plan: ValidatedPlan) -> [Diagnostic] {
        let all = ResultKey.produced(by: plan), open = ResultKey.producedOpen(by: plan)
        var log = DiagnosticLog()
        for page in pages {
            for reference in page.rendered.references where all.contains(ResultKey(reference.key)) && !open.contains(ResultKey(reference.key)) {
                log.append(Diagnostic(.error, "narrative.closed-result", at: SourceLocation(file: page.file, line: page.bodyStartLine + reference.line - 1),
                                      "a by-arm or comparative result cannot appear in an open report", variable: "{{result:…}}", value: reference.key,
                                      expected: "a pooled key (docs/audiences.md), or 'audience: closed' in the page's front matter"))
            }
        }
        return log.diagnostics
    }
}

/// The live numbers of an open report: trial-wide counts and the design side of interim monitoring.
enum OpenNumbers {
    static func table(_ open: OpenResults) -> [ResultKey: String] {
        var table: [ResultKey: String] = [
            .consortScreened: "\(open.consort.screened)",
            .consortRandomized: "\(open.consort.randomized)",
            .dataCutoff: open.report.dataCutoff,
            .status: open.report.status,
        ]
        for population in open.populations { table[.populationCount(population.id)] = "\(population.total)" }
        if let interim = open.interim {
            let current = interim.looks[interim.look]
            table[.interim("events")] = "\(interim.observedEvents)"
            table[.interim("plannedEvents")] = "\(interim.plannedEvents)"
            table[.interim("fraction")] = ReportFormat.fraction(interim.informationFraction)
            table[.interim("efficacy.z")] = ReportFormat.z(current.efficacyZ)
            table[.interim("efficacy.p")] = ReportFormat.smallP(current.efficacyP)
            table[.interim("alphaSpent")] = ReportFormat.smallP(current.alphaSpent)
            if let futility = current.futilityZ { table[.interim("futility.z")] = ReportFormat.z(futility) }
        }
        return table
    }
}
