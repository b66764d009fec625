import Testing
@testable import ReadoutBuild

/// The running header and footer moved into `@page` margin boxes for printing: texts read from the
/// theme's elements, decoded, and written as CSS strings that cannot break out of their declaration.
@Suite struct PrintRunningHeadTests {
    static let report = """
    <html><head><title>t</title></head><body>
    <div class="print-header" aria-hidden="true"><span class="title">T&amp;X · IA &quot;1&quot;</span><span>version ia1 · data cut-off 2026-06-30</span><span class="synthetic">SYNTHETIC DATA</span></div>
    <div class="print-footer" aria-hidden="true"><span>T&amp;X · IA · data cut-off 2026-06-30</span><span>Readout 0.1.0</span></div>
    </body></html>
    """

    @Test func theThemesTextsBecomeMarginBoxesLinkedFromTheScratchCopy() throws {
        let (html, css) = try #require(PrintRunningHead.apply(to: Array(Self.report.utf8)))
        let page = String(decoding: html, as: UTF8.self)
        #expect(page.contains("<link rel=\"stylesheet\" href=\"assets/readout-print-running-head.css\">\n</head>"))
        let sheet = String(decoding: css, as: UTF8.self)
        #expect(sheet.contains(#"@top-left { content: "T&X · IA \22 1\22 ";"#))
        #expect(sheet.contains(#"@top-right { content: "version ia1 · data cut-off 2026-06-30 · SYNTHETIC DATA";"#))
        #expect(sheet.contains(#"@bottom-left { content: "T&X · IA · data cut-off 2026-06-30 · Readout 0.1.0";"#))
        #expect(sheet.contains(".print-header, .print-footer { display: none !important; }"))
    }

    @Test func cssStringsEscapeQuotesBackslashesMarkupAndControls() {
        #expect(PrintRunningHead.cssString("a\"b\\c</style>\n") == #""a\22 b\5c c\3c /style\3e \a ""#)
        #expect(PrintRunningHead.decode("&lt;b&gt; &#39;x&#x27; &amp;amp; &unknown; & end") == "<b> 'x' &amp; &unknown; & end")
    }

    @Test func aThemeWithoutTheElementsPrintsAsItIs() {
        #expect(PrintRunningHead.apply(to: Array("<html><head></head><body><p>x</p></body></html>".utf8)) == nil)
    }
}
