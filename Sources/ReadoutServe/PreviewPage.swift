import Foundation
import ReadoutCore

/// What the preview adds to an HTML response: the reload script (and its hash in the page's CSP, with
/// `connect-src 'self'` for the event stream), and the page shown while a build fails.
enum PreviewPage {
    /// Reloads the page when the server announces a new build.
    static let reloadScript = #"(function(){var s=new EventSource("/__readout/events");s.addEventListener("reload",function(){location.reload();});})();"#
    /// `sha256-<base64>` of `reloadScript` (checked by PreviewServerTests).
    static let reloadHash = "sha256-jwJp4KBmj2zqQ8wCHsLgOzNUCIdptvnD1cLorX9B/ik="

    /// `html` with the reload script before `</body>` and the CSP widened for exactly that script.
    static func inject(_ html: String) -> String {
        var page = html
        let csp = "default-src 'none';"
        if let range = page.range(of: csp) {
            var added = " connect-src 'self';"
            if let script = page.range(of: "script-src '", range: range.upperBound..<page.endIndex) {
                page.replaceSubrange(script, with: "script-src '\(reloadHash)' '")
            } else {
                added = " script-src '\(reloadHash)';" + added
            }
            let at = page.range(of: csp)!.upperBound
            page.insert(contentsOf: added, at: at)
        }
        let tag = "<script>\(reloadScript)</script>\n"
        if let body = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: tag, at: body.lowerBound)
        } else {
            page += tag
        }
        return page
    }

    /// The page every URL shows while the project does not build: its diagnostics.
    static func failure(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { "<li><pre>\(Escape.htmlText($0.description))</pre></li>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">
        <title>Build failed — Readout preview</title></head>
        <body><h1>The preview does not build</h1><p>Fix the problems below; the page reloads when the project builds.</p>
        <ul>
        \(items)
        </ul>
        </body></html>
        """
    }

    static func contentType(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? "index.html"
        let ext = name.contains(".") ? String(name.split(separator: ".").last ?? "") : "html"
        switch ext.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "js": return "text/javascript; charset=utf-8"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}
