import Foundation
public import ReadoutCore
public import ReadoutPlan
public import ReadoutRender
import ReadoutData
import ReadoutMarkdown

/// A trial project on disk, loaded and checked: plan, locked datasets and narrative pages.
public struct TrialProject: Sendable {
    /// Folder path as the user gave it (used in diagnostics), e.g. `content/blinatumomab-mrd`.
    public var display: String
    public var directory: String
    /// Folder name: the trial's id in `output/<trial>/`.
    public var slug: String
    /// The plan, decoded and validated once (`PlanValidation`).
    public var plan: ValidatedPlan
    public var datasets: [String: LoadedDataset]
    public var narrative: [NarrativePage]
    /// Where each value of trial.yaml is, for diagnostics raised after loading (e.g. `report.version`).
    public var sources: SourceMap

    public var planFile: String { display + "/trial.yaml" }
}

/// Narrative front matter: the keys a page may have.
struct PageFrontMatter: Decodable {
    var title: String
    var order: Int
    /// `introduction` (before the results in report.html, the default) or `discussion` (after them).
    var part: String?
    /// `closed`: the page is left out of open reports (docs/audiences.md).
    var audience: String?
}

public enum ProjectLoader {
    /// Loads `trial.yaml`, every dataset it names and `pages/*.md`, collecting all problems before failing.
    public static func load(directory: String, display: String) throws(DiagnosticsError) -> TrialProject {
        var root = try ProjectRoot.resolve(directory)
        root.display = display
        // The narrative pages do not depend on the plan: they are read and parsed on the other core while the
        // plan and the datasets load. Problems are reported in the same order as before: the plan's (which
        // stop the load), the datasets', then the pages'.
        let pagesRoot = root
        let (pages, loaded) = try Concurrently.run(
            background: { () -> (pages: [NarrativePage], problems: [Diagnostic]) in loadPages(pagesRoot) },
            foreground: { () throws(DiagnosticsError) in try loadPlanAndData(root, display: display) })
        let (plan, decoded, datasets) = (loaded.plan, loaded.decoded, loaded.datasets)
        var log = loaded.log
        BuildTimings.begin("narrative pages")
        var narrative = pages.pages
        log.append(contentsOf: pages.problems)
        log.append(contentsOf: SiteRenderer.checkReferences(narrative, plan: plan))
        if plan.report.resolvedAudience == .open {
            narrative.removeAll(where: \.closedOnly)
            log.append(contentsOf: SiteRenderer.checkOpenReferences(narrative, plan: plan))
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
        return TrialProject(display: display, directory: root.real, slug: root.slug, plan: plan, datasets: datasets, narrative: narrative,
                            sources: decoded.sources)
    }

    /// `trial.yaml` decoded and validated, then every dataset it names (the datasets' problems in `log`).
    private static func loadPlanAndData(_ root: ProjectRoot, display: String) throws(DiagnosticsError)
        -> (plan: ValidatedPlan, decoded: (value: TrialPlan, sources: SourceMap), datasets: [String: LoadedDataset], log: DiagnosticLog) {
        let planFile = display + "/trial.yaml"
        let text = try FileSystem.readText(try root.planFile(), display: planFile)
        let decoded = try StrictYAMLDecoder().decodeWithSources(TrialPlan.self, from: text, file: planFile)
        let plan = try PlanValidation.validate(decoded.value, sources: decoded.sources)

        var log = DiagnosticLog()
        var datasets: [String: LoadedDataset] = [:]
        // ADSL first: the other datasets' USUBJID is then read against its identifiers (`CSVReader`
        // `keys:`), so that each row's subject is known without a dictionary of its own. Problems are
        // reported in the order of the names, as before.
        let names = plan.data.sorted(by: { $0.key < $1.key })
        let order = names.filter { $0.key.lowercased() == "adsl" } + names.filter { $0.key.lowercased() != "adsl" }
        var problems: [String: [Diagnostic]] = [:]
        for (name, relative) in order {
            var keys: [String: TextColumn] = [:]
            if name.lowercased() != "adsl", case .text(let ids)? = datasets["adsl"]?.dataset.column("USUBJID")?.values {
                keys["USUBJID"] = ids
            }
            do throws(DiagnosticsError) {
                let path = try root.planPath(relative, key: "data.\(name)", at: decoded.sources.location("data.\(name)"))
                datasets[name.lowercased()] = try DatasetLoader.load(path: path.real, display: path.display, name: name,
                                                                     variables: plan.variablesRead(from: name), keys: keys)
            } catch {
                problems[name] = error.diagnostics
            }
        }
        for (name, _) in names { log.append(contentsOf: problems[name] ?? []) }
        return (plan, decoded, datasets, log)
    }

    /// Every `pages/*.md`, parsed, and the problems of those that could not be.
    private static func loadPages(_ root: ProjectRoot) -> (pages: [NarrativePage], problems: [Diagnostic]) {
        var narrative: [NarrativePage] = []
        var problems: [Diagnostic] = []
        do throws(DiagnosticsError) {
            for page in try root.pages() {
                do throws(DiagnosticsError) {
                    narrative.append(try loadPage(path: page.real, display: page.display))
                } catch {
                    problems.append(contentsOf: error.diagnostics)
                }
            }
        } catch {
            problems.append(contentsOf: error.diagnostics)
        }
        return (narrative, problems)
    }

    static func loadPage(path: String, display: String) throws(DiagnosticsError) -> NarrativePage {
        try page(text: FileSystem.readText(path, display: display), display: display)
    }

    /// A narrative page from its text: front matter split and decoded, body kept for rendering.
    static func page(text: String, display: String) throws(DiagnosticsError) -> NarrativePage {
        let page: MarkdownPage
        do { page = try FrontMatterSplitter.split(text, file: display) } catch { throw DiagnosticsError([error]) }
        guard let front = page.frontMatter else {
            throw DiagnosticsError([Diagnostic(.error, "narrative.missing-front-matter", at: SourceLocation(file: display, line: 1),
                                               "a narrative page must start with YAML front matter", expected: "---, title: …, order: …, ---")])
        }
        let meta = try StrictYAMLDecoder().decode(PageFrontMatter.self, from: front.yaml, file: display, lineOffset: 1)
        var part = NarrativePage.Part.introduction
        if let raw = meta.part {
            guard let value = NarrativePage.Part(rawValue: raw) else {
                throw DiagnosticsError([Diagnostic(.error, "narrative.invalid-part", at: SourceLocation(file: display, line: 1),
                                                   "unknown page part", variable: "part", value: raw,
                                                   expected: NarrativePage.Part.allCases.map(\.rawValue).joined(separator: " or "))])
            }
            part = value
        }
        if let audience = meta.audience, audience != Audience.closed.rawValue {
            throw DiagnosticsError([Diagnostic(.error, "narrative.invalid-audience", at: SourceLocation(file: display, line: 1),
                                               "a page can only be restricted to the closed report", variable: "audience", value: audience,
                                               expected: "closed, or no audience (the page is in both reports)")])
        }
        let name = (display as NSString).lastPathComponent
        let stem = String(name.dropLast(3))
        let slug = "page-" + stem.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        var narrativePage = NarrativePage(slug: slug, title: meta.title, order: meta.order, part: part, markdown: page.body,
                                          file: display, bodyStartLine: page.bodyStartLine)
        narrativePage.closedOnly = meta.audience == Audience.closed.rawValue
        return narrativePage
    }
}
