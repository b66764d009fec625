import Testing
@testable import ReadoutCore
import ReadoutTestSupport

@Suite struct EscapingTests {
    static let hostile = ["<img src=x onerror=alert(1)>", "\"'><script>alert(1)</script>", "javascript:alert(1)", "{{result:x}}", "&amp;", "]]>"]

    @Test func htmlTextAndAttributeEscapeTheFiveMarkupCharacters() {
        #expect(Escape.htmlText("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;")
        #expect(Escape.htmlAttribute("\"'><script>") == "&quot;&#39;&gt;&lt;script&gt;")
        #expect(Escape.htmlText("&amp;") == "&amp;amp;")
        #expect(Escape.xml("]]>") == "]]&gt;")
        #expect("Blinatumomab → allo-HSCT".htmlEscaped == "Blinatumomab → allo-HSCT")
        for value in Self.hostile {
            for escaped in [Escape.htmlText(value), Escape.htmlAttribute(value), Escape.xml(value)] {
                #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
            }
        }
    }

    @Test func controlCharactersBecomeReplacementCharacters() {
        #expect(Escape.xml("a\u{0}b\u{1B}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
        #expect(Escape.htmlText("\u{FFFF}") == "\u{FFFD}")
        #expect(Escape.documentCharacters("<p>a\u{7F}b\u{85}c\u{1}</p>\n") == "<p>a\u{FFFD}b\u{FFFD}c\u{FFFD}</p>\n")
        #expect(Escape.documentCharacters("é → ✓") == "é → ✓")
    }

    /// The byte pre-check of `documentCharacters` never misses a code point the code-point test replaces.
    @Test func bytePrecheckFindsEveryNonCharacter() {
        let pool: [Unicode.Scalar] = ["a", "<", "\t", "\n", "\r", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}",
                                      "é", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "→", "😀", "\u{10FFFF}", "\u{BF}"]
        var random = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 6) { text.unicodeScalars.append(pool[Int(random.next() % UInt64(pool.count))]) }
            let expected = text.unicodeScalars.contains { s in
                (s.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(s.value)) || (0x7F...0x9F).contains(s.value) || s.value >= 0xFFFE && s.value <= 0xFFFF
            }
            #expect(Escape.mayHoldNonCharacter(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func urlPathSegmentsKeepOnlyUnreservedCharacters() {
        #expect(Escape.urlPathSegment("javascript:alert(1)") == "javascript%3Aalert%281%29")
        #expect(Escape.urlPathSegment("ia1") == "ia1")
        #expect(Escape.urlPathSegment("v1.0_a-b~c") == "v1.0_a-b~c")
        #expect(Escape.urlPathSegment("a/b c") == "a%2Fb%20c")
        #expect(Escape.urlPathSegment("é") == "%C3%A9")
        #expect(Escape.urlPathSegment("..") == "%2E%2E")
        #expect(Escape.urlPathSegment(".") == "%2E")
        #expect(Escape.urlPath(["javascript:alert(1)", "ia1", "index.html"]) == "javascript%3Aalert%281%29/ia1/index.html")
        for value in Self.hostile {
            let encoded = Escape.urlPathSegment(value)
            #expect(!encoded.contains(":") && !encoded.contains("/") && !encoded.contains("<") && !encoded.contains("\""))
        }
    }

    @Test func safeHTMLEscapesEveryInterpolatedString() {
        let title = "<img src=x onerror=alert(1)>"
        let inner: SafeHTML = "<b>\(title)</b>"
        let html: SafeHTML = "<p title=\"\(title)\">\(inner) \(3) \(SafeHTML(escaping: "&"))</p>"
        #expect(html.markup == "<p title=\"&lt;img src=x onerror=alert(1)&gt;\"><b>&lt;img src=x onerror=alert(1)&gt;</b> 3 &amp;</p>")
        #expect(([inner, "<br>"] as [SafeHTML]).joined(separator: "\n").markup == "<b>&lt;img src=x onerror=alert(1)&gt;</b>\n<br>")
        #expect((inner + "<hr>").markup.hasSuffix("</b><hr>"))
    }

    @Test func onlyHexColoursAreColours() {
        for valid in ["#000", "#0072B2", "#d55e00", "none"] { #expect(CSSColor.isValid(valid), "\(valid)") }
        for invalid in ["", "red", "#12", "#12345", "#GGGGGG", "#0072B2\" onload=\"x", "url(#x)", "#0072B2;", "javascript:alert(1)"] {
            #expect(!CSSColor.isValid(invalid), "\(invalid)")
        }
        #expect(CSSColor.validated("expression(alert(1))") == "#000")
        #expect(CSSColor.validated("#ABC") == "#ABC")
    }
}
