import Testing
import ReadoutCore
@testable import ReadoutRender

/// The link check of every build: internal links and anchors resolve, external ones are left alone.
@Suite struct LinkCheckTests {
    static func file(_ path: String, _ text: String) -> RenderedFile { RenderedFile(path: path, bytes: Array(text.utf8)) }

    static let site = [
        file("index.html", """
        <!DOCTYPE html>
        <html><head><link rel="stylesheet" href="assets/readout.css"></head>
        <body><a href="#main">skip</a><main id="main">
        <a href="efficacy.html#rfs">RFS</a> <a href='efficacy.html'>E</a> <a href="https://example.org/x">ext</a>
        <a href="mailto:a@b.c">m</a><img src="data:image/png;base64,AAAA"><a href="./efficacy.html?x=1&amp;y=2#os">OS</a>
        <!-- <a href="gone.html"> in a comment --><script>var s = '<a href="gone.html">';</script>
        </main></body></html>
        """),
        file("efficacy.html", """
        <section id="rfs"></section><section id=os></section><h2 id="café"></h2><h3 id="a%20b"></h3><a href="#a%20b">raw</a><a href="index.html#main">home</a>
        <a href="#caf%C3%A9">c</a><a href="assets/">folder</a>
        """),
        file("assets/readout.css", "body{}"),
        file("assets/index.html", "<p id=x></p>"),
    ]

    @Test func aConsistentSiteHasNoBrokenLinks() {
        #expect(LinkCheck.brokenLinks(in: Self.site) == [])
    }

    @Test func missingPagesAndAnchorsAreNamedWithTheirLine() {
        let page = Self.file("page-02-design.html", """
        <p>one</p>
        <a href="efficacy.html#pfs">a</a>
        <a href="missing.html">b</a>
        <a href="#nowhere">c</a> <a href="../ia0/index.html">d</a> <a href="/abs.html">e</a>
        """)
        let broken = LinkCheck.brokenLinks(in: Self.site + [page])
        #expect(broken.map(\.url) == ["efficacy.html#pfs", "missing.html", "#nowhere", "../ia0/index.html", "/abs.html"])
        #expect(broken.map(\.line) == [2, 3, 4, 4, 4])
        #expect(broken.allSatisfy { $0.page == "page-02-design.html" })
        #expect(broken[0].reason.contains("no element with id \"pfs\""))
        #expect(broken[1].reason.contains("no file missing.html"))
    }

    @Test func narrativeLinksNameTheirMarkdownLine() {
        let narrative = NarrativePage(slug: "page-02-design", title: "Design", order: 2, part: .introduction,
                                      markdown: "Intro.\n\nSee [the results](efficacy.html#pfs).\n", file: "content/t/pages/02-design.md",
                                      bodyStartLine: 5)
        let broken = [LinkCheck.BrokenLink(page: "page-02-design.html", line: 40, url: "efficacy.html#pfs", reason: "no element")]
        let diagnostics = LinkCheck.diagnostics(broken, bundle: "output/t/ia1", narrative: [narrative])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].identifier == "build.broken-link")
        #expect(diagnostics[0].location == SourceLocation(file: "output/t/ia1/page-02-design.html", line: 40))
        #expect(diagnostics[0].notes == ["the link is written in content/t/pages/02-design.md:7"])
    }

    @Test func scannerDecodesEntitiesAndSkipsScriptsAndComments() {
        let attributes = HTMLAttributeScanner.attributes("<a\nhref=\"a&amp;b&#x41;&#66;\" data-x=1>t</a><!-- <b id=c> --><style>p{}</style><p id='d'>")
        #expect(attributes.map(\.value) == ["a&bAB", "1", "d"])
        #expect(attributes[0].line == 2)
    }

    @Test func scannerKeepsOnlyLinkAttributesAtTheirLines() {
        let html = """
            <div class="x"
              data-a='1
            2'><A
            HREF = "p.html#q" title="t">x</a><script>var s = "<a href='no'>";</script>
            <img alt="" SRC=i.png><svg><use xlink:href="#m"/></svg><a name="n" id="m">
            """
        let kept = html.utf8.withContiguousStorageIfAvailable {
            HTMLAttributeScanner.attributes(in: $0, keep: LinkCheck.isLinkOrAnchor)
        } ?? []
        #expect(kept.map(\.name) == ["href", "src", "xlink:href", "name", "id"])
        #expect(kept.map(\.line) == [4, 5, 5, 5, 5])
        #expect(kept.map(\.tag) == ["a", "img", "use", "a", "a"])
        // The same attributes, lines and values as the full scan filtered afterwards.
        let all = HTMLAttributeScanner.attributes(html)
        #expect(all.filter { ["href", "src", "xlink:href", "name", "id"].contains($0.name) } == kept)
        #expect(all.first { $0.name == "data-a" }?.line == 2)
    }

    @Test func entitiesDecodeAsAnHTMLTokenizerReadsThem() {
        let cases: [(String, String)] = [
            ("&amp;&lt;&gt;&quot;&apos;", "&<>\"'"),
            ("&#65;&#x42;&#X43;&#x1F600;", "ABC😀"),
            ("a &unknown; b", "a &unknown; b"),
            ("&amp", "&amp"),
            ("&& &#; &#xZZ;", "&& &#; &#xZZ;"),
            ("&verylongname;", "&verylongname;"),   // the ';' is beyond the ten bytes an entity may have
            ("&#1234567;", "&#1234567;"),           // no such code point
            ("é&amp;\u{301}→", "é&\u{301}→"),        // a combining mark after the ';' does not hide the entity
            ("no entities", "no entities"),
        ]
        for (text, expected) in cases { #expect(HTMLAttributeScanner.decodeEntities(text) == expected, "\(text)") }
    }
}
