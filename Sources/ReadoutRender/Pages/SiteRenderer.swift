public import ReadoutCore
public import ReadoutPlan
import ReadoutMarkdown
internal import Mustache

/// A file of the rendered site: path relative to the bundle root, and its bytes.
public struct RenderedFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Renders one trial version's bundle from its results, narrative and theme. Pure: returns files.
public struct SiteRenderer: Sendable {
    public var theme: Theme
    /// "Readout 0.1.0", shown in footers and `<meta name="generator">`.
    public var generator: String

    public init(theme: Theme, generator: String) {
        self.theme = theme
        self.generator = generator
    }

    /// Every page of the bundle (HTML and assets; results.json is written by the build).
    public func renderVersion(_ results: TrialResults, narrative: [NarrativePage], dataHash: String) throws(DiagnosticsError) -> [RenderedFile] {
        let library = try theme.library()
        // The narrative and the sections of each result page are independent: built on both cores, the
        // heaviest (efficacy: figures, subgroups) first.
        enum Part { case sections([PageSection]), narrative([String: String]) }
        let parts = try parallelMap(6) { k -> Part in
            switch k {
            case 0: .sections(EfficacySections.sections(results) + InterimSections.sections(results))
            case 1: .sections(ConsortSections.sections(results))
            case 2: .narrative(renderNarrative(narrative, results: results))
            case 3: .sections(SafetySections.sections(results))
            case 4: .sections(BaselineSections.sections(results))
            default: .sections(OverviewSections.sections(results))
            }
        }
        func sections(_ k: Int) -> [PageSection] { if case .sections(let s) = parts[k] { s } else { [] } }
        let narrativeHTML: [String: String] = if case .narrative(let html) = parts[2] { html } else { [:] }
        let overview = SitePage(kind: .overview, file: "index.html", title: "Overview", subtitle: results.trial.title,
                                sections: sections(5))
        let resultPages: [SitePage] = [
            SitePage(kind: .consort, file: "consort.html", title: "Participant flow (CONSORT)", sections: sections(1)),
            SitePage(kind: .baseline, file: "baseline.html", title: "Baseline characteristics", sections: sections(4)),
            SitePage(kind: .efficacy, file: "efficacy.html", title: "Efficacy", sections: sections(0)),
            SitePage(kind: .safety, file: "safety.html", title: "Safety", sections: sections(3)),
        ]
        return try renderSite(overview: overview, results: resultPages, narrative: narrative, narrativeHTML: narrativeHTML,
                              base: baseContext(results, dataHash: dataHash), library: library)
    }

    /// The bundle of a version, closed or open: the overview, the introduction pages, the result pages,
    /// the discussion pages (in that navigation order), `report.html`, the search page and the assets.
    func renderSite(overview: SitePage, results: [SitePage], narrative: [NarrativePage], narrativeHTML: [String: String],
                    base: [String: Any], library: MustacheLibrary) throws(DiagnosticsError) -> [RenderedFile] {
        let sorted = narrative.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
        let narrativePages = sorted.map { page in
            SitePage(kind: .narrative, file: "\(page.slug).html", title: page.title,
                     sections: [PageSection(id: "narrative-\(page.slug)", heading: nil, html: SafeHTML(trusted: narrativeHTML[page.slug] ?? ""))])
        }
        let introduction = zip(sorted, narrativePages).filter { $0.0.part == .introduction }.map(\.1)
        let discussion = zip(sorted, narrativePages).filter { $0.0.part == .discussion }.map(\.1)
        let pages = [overview] + introduction + results + discussion

        // Each page, then the full report, then the search page, each from its own context, on both cores.
        let shared = SharedContext(value: base)
        let rendered = try parallelMap(pages.count + 2) { (k) throws(DiagnosticsError) -> [RenderedFile] in
            let base = shared.value
            if k == pages.count + 1 { return try renderSearch(pages, base: base, library: library) }
            if k == pages.count {
                var context = base
                context["nav"] = nav(pages, current: "report.html")
                context["chapters"] = pages.map { page in
                    ["id": "chapter-\(page.file.replacingSuffix(".html"))", "title": page.title, "sections": page.sections.map(sectionContext)] as [String: Any]
                }
                guard let report = library.render(TemplateContext.sanitized(context), withTemplate: "report") else {
                    throw DiagnosticsError([Diagnostic(.error, "theme.missing-template", at: SourceLocation(file: "\(theme.source)/report.mustache"), "cannot render the 'report' template")])
                }
                return [RenderedFile(path: "report.html", text: report)]
            }
            let page = pages[k]
            var context = base
            context["kind"] = page.kind.rawValue
            context["title"] = page.title
            if let subtitle = page.subtitle { context["subtitle"] = subtitle }
            context["nav"] = nav(pages, current: page.file)
            context["sections"] = page.sections.map(sectionContext)
            guard let html = library.render(TemplateContext.sanitized(context), withTemplate: "page") else {
                throw DiagnosticsError([Diagnostic(.error, "theme.missing-template", at: SourceLocation(file: "\(theme.source)/page.mustache"), "cannot render the 'page' template")])
            }
            return [RenderedFile(path: page.file, text: html)]
        }
        var files = rendered.flatMap { $0 }
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(RenderedFile(path: "assets/\(path)", bytes: bytes))
        }
        return files
    }

    func baseContext(_ results: TrialResults, dataHash: String) -> [String: Any] {
        pageContext(trial: results.trial, status: results.report.status, report: results.report, dataLock: results.dataLock,
                    methodsSummary: ReportFormat.methods(results.methods), dataHash: dataHash)
    }

    /// What every page of a version shows in its header and footer.
    func pageContext(trial metadata: TrialMetadata, status: String, report: ReportMetadata, dataLock: DataLockStatus?,
                     methodsSummary: String, dataHash: String) -> [String: Any] {
        var trial: [String: Any] = ["title": metadata.title, "acronym": metadata.acronym]
        if let v = metadata.registry { trial["registry"] = v }
        if let v = metadata.phase { trial["phase"] = v }
        if let v = metadata.sponsor { trial["sponsor"] = v }
        var context: [String: Any] = [
            "generator": generator,
            "root": "",
            "trial": trial,
            "report": ["status": status, "version": report.version, "dataCutoff": report.dataCutoff],
            "synthetic": metadata.synthetic ?? false,
            "dataHash": String(dataHash.prefix(16)),
            // The data lock the build checked (nil outside a build): an unlocked build is stamped DRAFT on every page.
            "unlocked": dataLock.map { !$0.isLocked } ?? false,
            "methodsSummary": methodsSummary,
        ]
        if let id = dataLock?.id { context["dataLockID"] = id }
        return context
    }

    func nav(_ pages: [SitePage], current: String) -> [[String: Any]] {
        pages.map { ["title": $0.title, "href": $0.file, "current": $0.file == current] }
            + [["title": "Full report", "href": "report.html", "current": current == "report.html"],
               ["title": "results.json", "href": "results.json", "current": false],
               ["title": "Search", "href": SiteRenderer.searchPage, "current": current == SiteRenderer.searchPage]]
    }

    func sectionContext(_ section: PageSection) -> [String: Any] {
        var context: [String: Any] = ["id": section.id, "html": section.html.markup]
        if let heading = section.heading { context["heading"] = heading }
        return context
    }

    /// Narrative HTML (rendered once, when the page was loaded) with its live numbers filled in.
    func renderNarrative(_ pages: [NarrativePage], results: TrialResults) -> [String: String] {
        let table = LiveNumbers.table(results)
        var html: [String: String] = [:]
        for page in pages {
            html[page.slug] = LiveNumbers.substitute(page.rendered.html, table: table)
        }
        return html
    }

    /// Live references that name no result of `plan` (docs/narrative.md), as errors at their page lines.
    /// Run when the project is loaded, before any analysis.
    public static func checkReferences(_ pages: [NarrativePage], plan: ValidatedPlan) -> [Diagnostic] {
        let keys = ResultKey.produced(by: plan)
        var log = DiagnosticLog()
        for page in pages {
            for reference in page.rendered.references where !keys.contains(ResultKey(reference.key)) {
                let hint = NearestKey.nearest(to: reference.key, in: keys).map { "; did you mean '\($0.rawValue)'?" } ?? ""
                log.append(Diagnostic(.error, "narrative.unknown-result", at: SourceLocation(file: page.file, line: page.bodyStartLine + reference.line - 1),
                                      "unknown result key\(hint)", variable: "{{result:…}}", value: reference.key,
                                      expected: "a key listed in docs/narrative.md, e.g. \(keys.sorted().prefix(3).map(\.rawValue).joined(separator: ", "))"))
            }
        }
        return log.diagnostics
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
