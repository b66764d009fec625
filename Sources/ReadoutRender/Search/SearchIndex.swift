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

    /// One JSON string, escaped as `json` describes. On UTF-8 bytes: everything not escaped is copied as it is, so
    /// U+2028/U+2029 are found as their three bytes.
    static func string(_ text: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        var pending = 0  // bytes of a possible E2 80 A8/A9 sequence already seen
        for byte in text.utf8 {
            if pending == 1 {
                if byte == 0x80 { pending = 2; continue }
                out.append(0xE2); pending = 0
            } else if pending == 2 {
                pending = 0
                if byte == 0xA8 || byte == 0xA9 { appendUnicodeEscape(byte == 0xA8 ? 0x2028 : 0x2029, to: &out); continue }
                out += [0xE2, 0x80]
            }
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x7F, 0x00..<0x20: appendUnicodeEscape(UInt32(byte), to: &out)
            case 0xE2: pending = 1
            default: out.append(byte)
            }
        }
        if pending == 1 { out.append(0xE2) } else if pending == 2 { out += [0xE2, 0x80] }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// `\uXXXX` with four upper-case hex digits.
    static func appendUnicodeEscape(_ value: UInt32, to out: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), digits[Int(value >> 12 & 0xF)], digits[Int(value >> 8 & 0xF)],
                digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]]
    }

    /// The search section: the box (hidden until the script shows it), the plain list of every section (the
    /// whole page without JavaScript), the inlined index and the script.
    public static func section(_ entries: [SearchEntry], label: String) -> SafeHTML {
        section(entries, label: label, json: json(entries))
    }

    /// The same, with `json`, which must be `json(entries)`, encoded once by a caller that also writes it to a file.
    static func section(_ entries: [SearchEntry], label: String, json: String) -> SafeHTML {
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
        <script type="application/json" id="search-index">\(json)</script>
        <script>\(SearchScript.source)</script>

        """)
    }
}
