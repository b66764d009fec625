import Testing
@testable import ReadoutRender

/// The byte path of `SearchText.plain` (`ByteSearchText`) gives exactly what the grapheme-by-grapheme reference
/// gives, hostile and non-ASCII markup included: combining marks on delimiters, a prepended mark before `<`,
/// "\r\n" (one Character), emoji sequences, non-ASCII tag names.
@Suite struct ByteSearchTextTests {
    static let cases = [
        "",
        "plain text",
        "<p>Median <b>12.5</b> months</p>",
        "  lead\t\tand trail \n",
        "a\r\nb", "a\r \nb", "\r\n", "x\r", "\ry", "a \r\n b", "<p>a</p>\r\n<p>b</p>",
        "<svg viewBox=\"0 0 1 1\"><text>hidden</text></svg>after",
        "<SVG><text>upper</text></svg>tail", "<SVG>x</SVG>kept?",
        "<script>if (a < b) { x(\"</p>\") }</script>after", "<style>p > a { }</style>styled",
        "<svg>never closed", "</svg no close bracket", "unclosed <tag", "<svgx>not skipped</svgx>",
        "<h2 id=\"a\">Head</h2>body", "<>empty<>tags", "a<b>b<i>c", "<p>&amp;&lt;&#13;\n&#x41;</p>",
        "<script>x</script", "<style>", "<svg1>digits</svg1>", "<p\r\n>crlf in tag</p>",
        // Non-ASCII.
        "<p>Median 12.5 months – χ² 3.1 · HR 0.8 (95% CI 0.6–1.0)</p>",
        "<p>\u{301}accent after a tag</p>", "a <\u{301}b> c", "a<b>\u{301} c", "x \u{301}y", "x\u{A0}y z",
        "\u{600}<b>prepended</b>", "<svg\u{301}>kept</svg>", "<svg…>dropped</svg>after", "<svgé>kept</svgé>",
        "<svg>x</svg\u{301}>y</svg>z", "<é>letters</é>", "👩‍👩‍👧 <b>family</b>\t🇩🇪\n", "\u{600} x", "a\u{200D} b",
        "<p>Ä  &amp;\té</p><svg>ü</svg>", "\r\u{301}\n", "\u{301}<x>", "<x>\u{301}",
    ]

    static func reference(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    @Test(arguments: cases) func bytePathMatchesGraphemeReference(_ html: String) {
        #expect(ByteSearchText.tagsRemoved(html) == SearchText.tagsRemoved(html))
        #expect(ByteSearchText.whiteSpaceCollapsed(html) == Self.reference(html))
    }

    @Test func plainDecodesAndCollapses() {
        #expect(SearchText.plain("<p>Ä  &amp;\té</p><svg>ü</svg>") == "Ä & é")
        #expect(SearchText.plain("<p>caf&#233;  x</p>") == "café x")
    }
}

/// `SearchIndex.string` (on bytes) against the scalar-by-scalar escaping it replaced.
@Suite struct SearchIndexStringTests {
    static func reference(_ text: String) -> String {
        func escape(_ value: UInt32) -> String {
            let hex = String(value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{7F}": out += escape(scalar.value)
            default: if scalar.value < 0x20 { out += escape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    @Test(arguments: [
        "", "plain", "</script><script>alert(1)</script><!-- & \u{2028} \"q\" \\ \u{1}", "\u{2028}\u{2029}\u{2027}\u{202A}",
        "– χ² ‰ € \u{2000}\u{20AC}", "\u{E2}\u{80}", "ends in \u{2028}", "\u{2029}", "\u{0}\u{1F}\u{7F}\u{80}\u{9F}", "a\r\nb\tc",
        "👩‍👩‍👧 \u{200D}\u{2060}", "\u{FEFF}bom",
    ])
    func bytesMatchScalars(_ text: String) {
        #expect(SearchIndex.string(text) == Self.reference(text))
    }
}

/// `SearchText.splitAtHeadings` (headings found on bytes) against its earlier grapheme-by-grapheme search.
@Suite struct SplitAtHeadingsTests {
    static func reference(_ html: String) -> [SearchText.Part] {
        var parts: [SearchText.Part] = []
        var current = SearchText.Part(id: nil, heading: nil, html: "")
        var rest = Substring(html)
        while let open = rest.firstRange(of: "<h") {
            let tail = rest[open.upperBound...]
            guard let level = tail.first, level == "2" || level == "3", let close = tail.firstIndex(of: ">"),
                  let end = tail.firstRange(of: "</h\(level)>") else {
                current.html += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            guard let id = HTMLAttributeScanner.attributes("<h\(tail[..<close])>").first(where: { $0.name == "id" })?.value else {
                current.html += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            current.html += rest[..<open.lowerBound]
            if current.id != nil || !SearchText.plain(current.html).isEmpty { parts.append(current) }
            current = SearchText.Part(id: id, heading: SearchText.plain(String(tail[tail.index(after: close)..<end.lowerBound])), html: "")
            rest = tail[end.upperBound...]
        }
        current.html += rest
        parts.append(current)
        return parts
    }

    @Test(arguments: [
        "", "<p>no heading</p>", "<h2 id=\"a\">A</h2><p>x</p><h3 id=\"b\">B – χ²</h3><p>y</p>", "<p>lead</p><h2>no id</h2><h2 id=\"c\">C</h2>",
        "<hr><head><h4 id=\"d\">four</h4><h2 id=\"e\">E</h2>", "<h2 id=\"f\">unclosed", "é<h2 id=\"g\">G</h2>", "<h\u{301}2 id=\"h\">H</h2>z",
        "\u{600}<h2 id=\"i\">I</h2>", "<h2 id=\"j\">J</h2>\u{301}after", "<svg><text>&lt;h2</text></svg><h3 id=\"k\">K</h3>", "<h", "x<h",
    ])
    func bytesMatchGraphemes(_ html: String) {
        #expect(SearchText.splitAtHeadings(html) == Self.reference(html))
    }
}
