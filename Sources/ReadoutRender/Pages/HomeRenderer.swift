public import ReadoutCore
internal import Mustache

/// One trial on the site's home page, with its versions (newest first).
public struct HomeEntry: Sendable {
    public struct Version: Sendable {
        public var version: String
        public var status: String
        public var dataCutoff: String
        /// The bundle's index page relative to the output root, unencoded (`<trial>/<version>/index.html`);
        /// each segment is percent-encoded when the home page is rendered.
        public var href: String

        public init(version: String, status: String, dataCutoff: String, href: String) {
            self.version = version
            self.status = status
            self.dataCutoff = dataCutoff
            self.href = href
        }
    }

    public var title: String
    public var description: String
    public var synthetic: Bool
    public var versions: [Version]
    /// The trial's acronym (`trial.acronym`); empty when unknown (bundles made before it was recorded).
    public var acronym: String

    public init(title: String, description: String, synthetic: Bool, versions: [Version], acronym: String = "") {
        self.title = title
        self.description = description
        self.synthetic = synthetic
        self.versions = versions
        self.acronym = acronym
    }
}

extension SiteRenderer {
    /// The home page listing trials (at the output root) with its assets.
    /// `search`: entries of every version (hrefs relative to the output root) for the search across versions.
    public func renderHome(title: String, subtitle: String, entries: [HomeEntry],
                           search: [SearchEntry] = []) throws(DiagnosticsError) -> [RenderedFile] {
        let library = try theme.library()
        var context: [String: Any] = [
            "generator": generator, "root": "", "title": title, "subtitle": subtitle,
            "entries": entries.map { entry in
                var card: [String: Any] = [
                    "title": entry.title, "description": entry.description, "synthetic": entry.synthetic,
                    "versions": entry.versions.map { ["version": $0.version, "status": $0.status, "dataCutoff": $0.dataCutoff, "href": Self.relativeHref($0.href)] },
                ]
                if !entry.acronym.isEmpty { card["acronym"] = entry.acronym }  // Mustache treats "" as present
                return card
            },
        ]
        if !search.isEmpty {
            context["hasSearch"] = true
            context["search"] = SearchIndex.section(search, label: "Search every report version").markup
            context["scriptHash"] = SearchScript.hash
        }
        guard let html = library.render(TemplateContext.sanitized(context), withTemplate: "home") else {
            throw DiagnosticsError([Diagnostic(.error, "theme.missing-template", at: SourceLocation(file: "\(theme.source)/home.mustache"), "cannot render the 'home' template")])
        }
        return [RenderedFile(path: "index.html", text: html)]
            + theme.assets.sorted(by: { $0.key < $1.key }).map { RenderedFile(path: "assets/\($0.key)", bytes: $0.value) }
    }

    /// A home-page link from a bundle path (`<trial>/<version>/index.html`): each segment percent-encoded,
    /// so a name can only ever be a relative path below the output root (`javascript:alert(1)/…` becomes
    /// `javascript%3Aalert%281%29/…`, never a scheme). Mustache then escapes it for the attribute.
    static func relativeHref(_ path: String) -> String {
        Escape.urlPath(path.split(separator: "/", omittingEmptySubsequences: true).map(String.init))
    }
}
