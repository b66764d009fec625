public import ReadoutCore
import ReadoutPlan
internal import Mustache

extension SiteRenderer {
    /// The version's search page; the index also goes into the bundle as `search-index.json`, which the site
    /// home reads to search across versions.
    public static let searchPage = "search.html"
    public static let searchIndexFile = "search-index.json"

    /// `search.html` (through the theme's `page` template, whose CSP admits `SearchScript` by `scriptHash`) and
    /// `search-index.json`.
    /// `base`: the version's page context (closed or open report).
    func renderSearch(_ pages: [SitePage], base: [String: Any],
                      library: MustacheLibrary) throws(DiagnosticsError) -> [RenderedFile] {
        let entries = pages.flatMap { SearchIndex.entries(file: $0.file, title: $0.title, sections: $0.sections) }
        let json = SearchIndex.json(entries)
        let page = SitePage(kind: .search, file: Self.searchPage, title: "Search",
                            subtitle: "Every page and section of this version; type to search them (works offline).",
                            sections: [PageSection(id: "search", heading: nil, html: SearchIndex.section(entries, label: "Search this version", json: json))])
        var context = base
        context["kind"] = page.kind.rawValue
        context["title"] = page.title
        context["subtitle"] = page.subtitle
        context["nav"] = nav(pages, current: page.file)
        context["sections"] = page.sections.map(sectionContext)
        context["scriptHash"] = SearchScript.hash
        guard let html = library.render(TemplateContext.sanitized(context), withTemplate: "page") else {
            throw DiagnosticsError([Diagnostic(.error, "theme.missing-template", at: SourceLocation(file: "\(theme.source)/page.mustache"), "cannot render the 'page' template")])
        }
        return [RenderedFile(path: page.file, text: html), RenderedFile(path: Self.searchIndexFile, text: json + "\n")]
    }
}
