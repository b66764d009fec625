public import ReadoutCore

/// Every internal link of a version's pages resolves: each `href`/`src` without a scheme must name a file of the
/// bundle (a folder: its index.html), and each `#anchor` an `id` (or `name`) on the page it points to. Links
/// with a scheme (`https:`, `mailto:`, `data:`) are left alone: the bundle is checked offline. Run after
/// rendering, before publishing: a broken link fails the build, named by page and line of the generated page,
/// and — when the link is written in a narrative page — by the line of the Markdown source too (best effort:
/// the first line of the Markdown that holds the link's text).
public enum LinkCheck {
    public struct BrokenLink: Sendable, Equatable {
        /// Page of the bundle, relative path.
        public var page: String
        public var line: Int
        public var url: String
        public var reason: String
    }

    public static func brokenLinks(in files: [RenderedFile]) -> [BrokenLink] {
        let paths = Set(files.map(\.path))
        // Each page scanned on its own, on both cores.
        let html = files.filter { $0.path.hasSuffix(".html") }
        let scanned = parallelMap(html.count) { k in
            html[k].bytes.withUnsafeBufferPointer { HTMLAttributeScanner.attributes(in: $0, keep: isLinkOrAnchor) }
        }
        var pages: [String: [HTMLAttributeScanner.Attribute]] = [:]
        for (file, attributes) in zip(html, scanned) { pages[file.path] = attributes }
        var anchors: [String: Set<String>] = [:]
        for (page, attributes) in pages {
            anchors[page] = Set(attributes.filter { $0.name == "id" || ($0.name == "name" && $0.tag == "a") }.map(\.value))
        }
        var broken: [BrokenLink] = []
        for page in pages.keys.sorted() {
            for attribute in pages[page] ?? [] where ["href", "src", "xlink:href"].contains(attribute.name) {
                if let reason = problem(attribute.value, on: page, paths: paths, anchors: anchors) {
                    broken.append(BrokenLink(page: page, line: attribute.line, url: attribute.value, reason: reason))
                }
            }
        }
        return broken
    }

    /// The attributes the check reads: anchors (`id`, `name`) and links (`href`, `src`, `xlink:href`).
    static func isLinkOrAnchor(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        switch name.count {
        case 2: return name.elementsEqual("id".utf8)
        case 3: return name.elementsEqual("src".utf8)
        case 4: return name.elementsEqual("href".utf8) || name.elementsEqual("name".utf8)
        case 10: return name.elementsEqual("xlink:href".utf8)
        default: return false
        }
    }

    /// Why `url` on `page` does not resolve, or nil when it does (or is not ours to check).
    static func problem(_ url: String, on page: String, paths: Set<String>, anchors: [String: Set<String>]) -> String? {
        if hasScheme(url) || url.hasPrefix("//") { return nil }
        var rest = Substring(url)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        var target = page
        if !rest.isEmpty {
            guard !rest.hasPrefix("/") else { return "an absolute path does not work from file:// or another folder" }
            guard let decoded = percentDecoded(String(rest)), let resolved = resolve(decoded, from: page) else {
                return "leads out of this version's bundle"
            }
            if paths.contains(resolved) {
                target = resolved
            } else if paths.contains(resolved.isEmpty ? "index.html" : resolved + (resolved.hasSuffix("/") ? "" : "/") + "index.html") {
                target = resolved.isEmpty ? "index.html" : resolved + (resolved.hasSuffix("/") ? "" : "/") + "index.html"
            } else {
                return "no file \(resolved) in the bundle"
            }
        }
        guard let fragment, !fragment.isEmpty else { return nil }
        guard let ids = anchors[target] else { return nil }  // an anchor into a non-HTML file is the file's business
        // As browsers do: the fragment as written, then percent-decoded.
        let id = percentDecoded(fragment) ?? fragment
        return ids.contains(fragment) || ids.contains(id) ? nil : "no element with id \"\(id)\" on \(target)"
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return scheme.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }
    }

    /// `relative` against the folder of `page`, normalised; nil when `..` climbs out of the bundle.
    static func resolve(_ relative: String, from page: String) -> String? {
        var parts = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let pieces = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            case "" where index < pieces.count - 1: continue
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }

    static func percentDecoded(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The broken links as diagnostics (`build.broken-link`) at `<bundle>/<page>:<line>`; a link written in a
    /// narrative page also names the Markdown file and line it comes from.
    public static func diagnostics(_ broken: [BrokenLink], bundle: String, narrative: [NarrativePage]) -> [Diagnostic] {
        broken.map { link in
            var notes: [String] = []
            for page in narrative where link.page == page.slug + ".html" || link.page == "report.html" {
                if let offset = page.markdown.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex(where: { $0.contains(link.url) }) {
                    notes.append("the link is written in \(page.file):\(page.bodyStartLine + offset)")
                }
            }
            return Diagnostic(.error, "build.broken-link", at: SourceLocation(file: bundle + "/" + link.page, line: link.line),
                              "a link of the generated page does not resolve: \(link.reason)", variable: "href", value: link.url,
                              expected: "a file of this version's bundle and an id on that page", notes: notes)
        }
    }
}
