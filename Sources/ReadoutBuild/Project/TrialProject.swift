import Foundation
public import ReadoutCore
public import ReadoutPlan
public import ReadoutRender
import ReadoutMarkdown

/// A trial project on disk, loaded and checked: plan, locked datasets and narrative pages.
public struct TrialProject: Sendable {
    /// Folder path as the user gave it (used in diagnostics), e.g. `content/blinatumomab-mrd`.
    public var display: String
    public var directory: String
    /// Folder name: the trial's id in `output/<trial>/`.
    public var slug: String
    public var plan: TrialPlan
    public var datasets: [String: LoadedDataset]
    public var narrative: [NarrativePage]

    public var planFile: String { display + "/trial.yaml" }
}

/// Narrative front matter: the keys a page may have.
struct PageFrontMatter: Decodable {
    var title: String
    var order: Int
    /// `introduction` (before the results in report.html, the default) or `discussion` (after them).
    var part: String?
}

public enum ProjectLoader {
    /// Loads `trial.yaml`, every dataset it names and `pages/*.md`, collecting all problems before failing.
    public static func load(directory: String, display: String) throws(DiagnosticsError) -> TrialProject {
        let planFile = display + "/trial.yaml"
        let text = try FileSystem.readText(directory + "/trial.yaml", display: planFile)
        let plan = try StrictYAMLDecoder().decode(TrialPlan.self, from: text, file: planFile)
        try PlanValidator.validate(plan, file: planFile, yaml: text)

        var log = DiagnosticLog()
        var datasets: [String: LoadedDataset] = [:]
        for (name, relative) in plan.data.sorted(by: { $0.key < $1.key }) {
            do throws(DiagnosticsError) {
                datasets[name.lowercased()] = try DatasetLoader.load(path: directory + "/" + relative,
                                                                     display: display + "/" + relative, name: name)
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        BuildTimings.begin("narrative pages")
        var narrative: [NarrativePage] = []
        let pagesDirectory = directory + "/pages"
        for file in FileSystem.list(pagesDirectory) where file.hasSuffix(".md") {
            do throws(DiagnosticsError) {
                narrative.append(try loadPage(path: pagesDirectory + "/" + file, display: display + "/pages/" + file))
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
        let slug = (directory as NSString).lastPathComponent
        return TrialProject(display: display, directory: directory, slug: slug, plan: plan, datasets: datasets, narrative: narrative)
    }

    static func loadPage(path: String, display: String) throws(DiagnosticsError) -> NarrativePage {
        let text = try FileSystem.readText(path, display: display)
        let page: MarkdownPage
        do { page = try FrontMatterSplitter.split(text, file: display) } catch { throw DiagnosticsError([error.diagnostic]) }
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
        let name = (display as NSString).lastPathComponent
        let stem = String(name.dropLast(3))
        let slug = "page-" + stem.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return NarrativePage(slug: slug, title: meta.title, order: meta.order, part: part, markdown: page.body,
                             file: display, bodyStartLine: page.bodyStartLine)
    }
}
