import Testing
import ReadoutMarkdown

@Suite struct LiveReferenceTests {
    @Test(arguments: [
        ("{{result:rfs.hr}}", "<p>{{result:rfs.hr}}</p>\n"),
        ("*{{result:a.b}}*", "<p><em>{{result:a.b}}</em></p>\n"),
        // Without tokenizing, `_b_` after '.' would become emphasis and `--` an en dash.
        ("{{result:a._b_}} {{result:x--y}}", "<p>{{result:a._b_}} {{result:x--y}}</p>\n"),
        ("[{{result:n}} patients](#consort)", "<p><a href=\"#consort\">{{result:n}} patients</a></p>\n"),
        ("{{{result:k}}}", "<p>{{{result:k}}}</p>\n"),
        ("{{result:arm[blin]=x/y:z}}", "<p>{{result:arm[blin]=x/y:z}}</p>\n"),
    ])
    func survivesVerbatim(_ markdown: String, _ html: String) {
        #expect(MarkdownRenderer.render(markdown).html == html)
    }

    @Test func lookAlikesAreDefused() {
        let markdown = """
        `{{result:a}}` \\{{result:b}} {{result:c d}} {{result:}} {{result:e}

            {{result:f}}
        """
        let rendered = MarkdownRenderer.render(markdown)
        #expect(rendered.html == """
        <p><code>&#123;{result:a}}</code> &#123;{result:b}} &#123;{result:c d}} &#123;{result:}} &#123;{result:e}</p>
        <pre><code>&#123;{result:f}}
        </code></pre>

        """)
        #expect(rendered.references.isEmpty)
        #expect(!rendered.html.contains("{{result:"))
    }

    @Test func referencesWithLines() {
        let markdown = """
        Line one {{result:one}}.

        ```
        {{result:in.code}}
        ```
        Two {{result:two}} and {{result:three}}
        \\\\{{result:after.escaped.backslash}}
        """
        let references = MarkdownRenderer.references(in: markdown)
        #expect(references.map(\.key) == ["one", "two", "three", "after.escaped.backslash"])
        #expect(references.map(\.line) == [1, 6, 6, 7])
    }

    @Test func headingTextKeepsPlaceholder() {
        let rendered = MarkdownRenderer.render("## RFS at {{result:landmark.months}} months")
        #expect(rendered.firstHeading == "RFS at {{result:landmark.months}} months")
        #expect(rendered.html == "<h2 id=\"rfs-at-result-landmark-months-months\">RFS at {{result:landmark.months}} months</h2>\n")
    }

    @Test func sourceContainingTheTokenPrefixIsUnaffected() {
        let markdown = "rdtRef0zzzzzzzzz and {{result:k}} and rdtRefx"
        #expect(MarkdownRenderer.render(markdown).html == "<p>rdtRef0zzzzzzzzz and {{result:k}} and rdtRefx</p>\n")
    }

    @Test func worksInsideRawHTMLWhenAllowed() {
        let html = MarkdownRenderer.render("<span title=\"{{result:k}}\">{{result:k}}</span>", options: MarkdownOptions(allowRawHTML: true)).html
        #expect(html == "<p><span title=\"{{result:k}}\">{{result:k}}</span></p>\n")
    }
}
