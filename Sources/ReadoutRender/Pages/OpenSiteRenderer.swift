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
        let sorted = narrative.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
        let results: [SitePage] = [
            SitePage(kind: .consort, file: "consort.html", title: "Participant flow (CONSORT)", sections: OpenSections.consort(open)),
            SitePage(kind: .baseline, file: "baseline.html", title: "Baseline characteristics", sections: OpenSections.baseline(open)),
            SitePage(kind: .efficacy, file: "efficacy.html", title: "Efficacy", sections: OpenSections.efficacy(open)),
            SitePage(kind: .safety, file: "safety.html", title: "Safety", sections: OpenSections.safety(open)),
        ]
        let narrativePages = sorted.map { page in
            SitePage(kind: .narrative, file: "\(page.slug).html", title: page.title,
                     sections: [PageSection(id: "narrative-\(page.slug)", heading: nil, html: SafeHTML(trusted: narrativeHTML[page.slug] ?? ""))])
        }
        let introduction = zip(sorted, narrativePages).filter { $0.0.part == .introduction }.map(\.1)
        let discussion = zip(sorted, narrativePages).filter { $0.0.part == .discussion }.map(\.1)
        let overview = SitePage(kind: .overview, file: "index.html", title: "Overview", subtitle: open.trial.title, sections: OpenSections.overview(open))
        let pages = [overview] + introduction + results + discussion

        let base = openContext(open, dataHash: dataHash)
        var files: [RenderedFile] = []
        for page in pages {
            var context = base
            context["kind"] = page.kind.rawValue
            context["title"] = page.title
            if let subtitle = page.subtitle { context["subtitle"] = subtitle }
            context["nav"] = nav(pages, current: page.file)
            context["sections"] = page.sections.map(sectionContext)
            guard let html = library.render(TemplateContext.sanitized(context), withTemplate: "page") else {
                throw DiagnosticsError([Diagnostic(.error, "theme.missing-template", at: SourceLocation(file: "\(theme.source)/page.mustache"), "cannot render the 'page' template")])
            }
            files.append(RenderedFile(path: page.file, text: html))
        }
        var context = base
        context["nav"] = nav(pages, current: "report.html")
        context["chapters"] = pages.map { page in
            ["id": "chapter-\(page.file.replacingSuffix(".html"))", "title": page.title, "sections": page.sections.map(sectionContext)] as [String: Any]
        }
        guard let report = library.render(TemplateContext.sanitized(context), withTemplate: "report") else {
            throw DiagnosticsError([Diagnostic(.error, "theme.missing-template", at: SourceLocation(file: "\(theme.source)/report.mustache"), "cannot render the 'report' template")])
        }
        files.append(RenderedFile(path: "report.html", text: report))
        files += try renderSearch(pages, base: base, library: library)
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(RenderedFile(path: "assets/\(path)", bytes: bytes))
        }
        return files
    }

    func openContext(_ open: OpenResults, dataHash: String) -> [String: Any] {
        var trial: [String: Any] = ["title": open.trial.title, "acronym": open.trial.acronym]
        if let v = open.trial.registry { trial["registry"] = v }
        if let v = open.trial.phase { trial["phase"] = v }
        if let v = open.trial.sponsor { trial["sponsor"] = v }
        var context: [String: Any] = [
            "generator": generator,
            "root": "",
            "trial": trial,
            "report": ["status": open.report.status + " — open report", "version": open.report.version, "dataCutoff": open.report.dataCutoff],
            "synthetic": open.trial.synthetic ?? false,
            "dataHash": String(dataHash.prefix(16)),
            "unlocked": open.dataLock.map { !$0.isLocked } ?? false,
            "methodsSummary": "open report, all arms pooled; no by-arm or comparative results",
        ]
        if let id = open.dataLock?.id { context["dataLockID"] = id }
        return context
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
