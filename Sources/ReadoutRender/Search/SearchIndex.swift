public import ReadoutCore

/// One searchable section: where it is (`href`, relative to the page holding the index), the page title, the
/// section heading and the section's text without markup.
public struct SearchEntry: Sendable, Equatable, Codable {
    public var href: String
    public var title: String
    public var section: String
    public var text: String

    public init(href: String, title: String, section: String, text: String) {
        self.href = href
        self.title = title
        self.section = section
        self.text = text
    }
}

/// The offline search index of a version (inlined in its `search.html`, and stored as `search-index.json` in the
/// bundle for the site home's search across versions) and the HTML of a search section.
public enum SearchIndex {
    /// Text kept per section: enough to find a section by its words, small enough to inline.
    static let maximumText = 4000

    /// Entries for a page's sections; a narrative section is split at its headings that carry an id.
    static func entries(file: String, title: String, sections: [PageSection]) -> [SearchEntry] {
        var entries: [SearchEntry] = []
        for section in sections {
            let parts = SearchText.splitAtHeadings(section.html.markup)
            for part in parts {
                let anchor = part.id ?? section.id
                let heading = part.heading ?? section.heading ?? title
                let text = SearchText.plain(part.html)
                if text.isEmpty && part.heading == nil && section.heading == nil { continue }
                entries.append(SearchEntry(href: file + "#" + Escape.urlPathSegment(anchor), title: title, section: heading,
                                           text: String(text.prefix(maximumText))))
            }
        }
        return entries
    }

    /// The entries as JSON that is safe inside `<script type="application/json">`: `<`, `>` and `&` are written
    /// `\u003C`, `\u003E`, `\u0026`, so no text can close the element or open a comment; control characters and
    /// U+2028/U+2029 are escaped too. Keys in a fixed order (byte-stable bundles).
    public static func json(_ entries: [SearchEntry]) -> String {
        var out = "["
        for (index, entry) in entries.enumerated() {
            if index > 0 { out += ",\n" }
            out += "{\"href\":\(string(entry.href)),\"title\":\(string(entry.title)),\"section\":\(string(entry.section)),\"text\":\(string(entry.text))}"
        }
        return out + "]"
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{7F}":
                out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += unicodeEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The search section: the box (hidden until the script shows it), the plain list of every section (the
    /// whole page without JavaScript), the inlined index and the script.
    public static func section(_ entries: [SearchEntry], label: String) -> SafeHTML {
        var list = ""
        for entry in entries {
            let name = entry.section == entry.title ? entry.title : entry.title + " — " + entry.section
            list += "<li><a href=\"\(Escape.htmlAttribute(entry.href))\">\(Escape.htmlText(name))</a></li>\n"
        }
        return SafeHTML(trusted: """
        <div class="search-box" id="search-box" hidden>
        <label for="search-input">\(Escape.htmlText(label))</label>
        <input type="search" id="search-input" autocomplete="off" spellcheck="false">
        <p class="search-status" id="search-status" aria-live="polite"></p>
        <ol class="search-results" id="search-results"></ol>
        </div>
        <ul class="search-all" id="search-all">
        \(list)</ul>
        <script type="application/json" id="search-index">\(json(entries))</script>
        <script>\(SearchScript.source)</script>

        """)
    }
}
