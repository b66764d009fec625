import Foundation
import ReadoutCore
import ReadoutRender

/// The search across versions on the site home: each published version's `search-index.json`, its links made
/// relative to the output root (`<trial>/<version>/` + the page's link, path segments percent-encoded, so an
/// entry can only ever point inside that version's folder) and its titles prefixed with trial and version.
/// A version without an index (built before search existed) or with an unreadable one is left out.
enum SiteSearch {
    static func entries(outputRoot: String, trial: String, manifest: Manifest) -> [SearchEntry] {
        let path = "\(outputRoot)/\(trial)/\(manifest.version)/\(SiteRenderer.searchIndexFile)"
        guard let data = FileManager.default.contents(atPath: path),
              let entries = try? JSONDecoder().decode([SearchEntry].self, from: data) else { return [] }
        let base = Escape.urlPath([trial, manifest.version]) + "/"
        return entries.filter { !$0.href.hasPrefix("/") && !$0.href.split(separator: "/").contains("..") }.map { entry in
            SearchEntry(href: base + entry.href, title: "\(manifest.title) · \(manifest.version) · \(entry.title)",
                        section: entry.section, text: entry.text)
        }
    }
}
