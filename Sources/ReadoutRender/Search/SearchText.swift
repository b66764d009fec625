/// Plain text of our own section HTML, for the search index.
enum SearchText {
    struct Part: Equatable {
        var id: String?
        var heading: String?
        var html: String
    }

    private static let headingOpen = Array("<h".utf8)

    /// `html` cut before each `<h2 id=…>` / `<h3 id=…>`: the part before the first one, then one part per heading.
    static func splitAtHeadings(_ html: String) -> [Part] {
        var parts: [Part] = []
        var current = Part(id: nil, heading: nil, html: "")
        var rest = Substring(html)
        let scan = ByteSearchText(html)
        let utf8 = html.utf8
        // `rest.firstRange(of: "<h")`, found on bytes (`rest` always runs to the end of `html`).
        func nextOpen() -> Range<String.Index>? {
            guard let p = scan.find(headingOpen, from: utf8.distance(from: utf8.startIndex, to: rest.startIndex)) else { return nil }
            let lower = utf8.index(utf8.startIndex, offsetBy: p)
            return lower..<utf8.index(lower, offsetBy: 2)
        }
        while let open = nextOpen() {
            let tail = rest[open.upperBound...]
            guard let level = tail.first, level == "2" || level == "3",
                  let close = tail.firstIndex(of: ">"),
                  let end = tail.firstRange(of: "</h\(level)>") else {
                current.html += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            let attributes = HTMLAttributeScanner.attributes("<h\(tail[..<close])>")
            guard let id = attributes.first(where: { $0.name == "id" })?.value else {
                current.html += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            current.html += rest[..<open.lowerBound]
            if current.id != nil || !plain(current.html).isEmpty { parts.append(current) }
            current = Part(id: id, heading: plain(String(tail[tail.index(after: close)..<end.lowerBound])), html: "")
            rest = tail[end.upperBound...]
        }
        current.html += rest
        parts.append(current)
        return parts
    }

    /// Text without tags (and without the content of `svg`, `script` and `style`), entities decoded, white space
    /// collapsed.
    static func plain(_ html: String) -> String {
        // On bytes (`ByteSearchText`), with the result of `tagsRemoved` and a `split` on Characters, faster.
        ByteSearchText.whiteSpaceCollapsed(HTMLAttributeScanner.decodeEntities(ByteSearchText.tagsRemoved(html)))
    }

    /// Tags replaced by a space; the content of `svg`, `script` and `style` dropped; grapheme by grapheme. The
    /// reference that `ByteSearchText.tagsRemoved` is tested against.
    static func tagsRemoved(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        var skipping: String?
        while !rest.isEmpty {
            if let tag = skipping {
                guard let end = rest.firstRange(of: "</\(tag)") else { break }
                rest = rest[end.upperBound...]
                if let close = rest.firstIndex(of: ">") { rest = rest[rest.index(after: close)...] }
                skipping = nil
                continue
            }
            guard let open = rest.firstIndex(of: "<") else { out += rest; break }
            out += rest[..<open]
            let tail = rest[rest.index(after: open)...]
            guard let close = tail.firstIndex(of: ">") else { break }
            let name = tail.prefix { $0.isLetter || $0.isNumber }.lowercased()
            if ["svg", "script", "style"].contains(name) { skipping = name }
            out += " "
            rest = tail[tail.index(after: close)...]
        }
        return out
    }
}
