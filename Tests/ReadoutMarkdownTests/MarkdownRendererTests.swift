import Testing
import ReadoutMarkdown

@Suite struct MarkdownRendererTests {
    @Test func gfmTableWithAlignment() {
        let markdown = """
        | Arm | N | Events |
        |:----|--:|:------:|
        | Blinatumomab | 60 | 12 |
        | Direct HSCT | 58 | 21 |
        """
        #expect(MarkdownRenderer.render(markdown).html == """
        <table>
        <thead>
        <tr>
        <th align="left">Arm</th>
        <th align="right">N</th>
        <th align="center">Events</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td align="left">Blinatumomab</td>
        <td align="right">60</td>
        <td align="center">12</td>
        </tr>
        <tr>
        <td align="left">Direct HSCT</td>
        <td align="right">58</td>
        <td align="center">21</td>
        </tr>
        </tbody>
        </table>

        """)
    }

    @Test func strikethrough() {
        #expect(MarkdownRenderer.render("Dose ~~15~~ 28 µg/m².").html == "<p>Dose <del>15</del> 28 µg/m².</p>\n")
    }

    @Test func autolinksURLsAndWWW() {
        let html = MarkdownRenderer.render("See https://clinicaltrials.gov/study/NCT00000000. Or www.example.org").html
        #expect(html == """
        <p>See <a href="https://clinicaltrials.gov/study/NCT00000000">https://clinicaltrials.gov/study/NCT00000000</a>. \
        Or <a href="http://www.example.org">www.example.org</a></p>

        """)
    }

    @Test func rawHTMLIsOmittedByDefault() {
        let markdown = "<script>alert(1)</script>\n\nText <script>x()</script> and <b>bold</b>.\n\n| a |\n|---|\n| <script>y()</script> |\n"
        let html = MarkdownRenderer.render(markdown).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.hasPrefix("<!-- raw HTML omitted -->\n<p>Text <!-- raw HTML omitted -->x()<!-- raw HTML omitted --> and"))
        #expect(html.contains("<td><!-- raw HTML omitted -->y()<!-- raw HTML omitted --></td>"))
    }

    @Test func dangerousLinkSchemesAreDropped() {
        let markdown = """
        [click](javascript:alert(1)) [v](vbscript:msgbox) [d](data:text/html,<script>alert(1)</script>) \
        <javascript:alert(1)> ![i](javascript:alert(1)) [ok](efficacy.html#rfs)
        """
        let html = MarkdownRenderer.render(markdown).html
        #expect(!html.contains("href=\"javascript") && !html.contains("src=\"javascript") && !html.contains("href=\"vbscript"))
        #expect(!html.contains("href=\"data:"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<a href=\"efficacy.html#rfs\">ok</a>"))
    }

    @Test func markupInTextAndAttributesIsEscaped() {
        let html = MarkdownRenderer.render("# <img src=x onerror=alert(1)>\n\n[a](x \"\\\"><img src=x onerror=alert(1)>\") <img src=x onerror=alert(1)>").html
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror=alert(1)>"))
    }

    @Test func rawHTMLWhenAllowedStillFiltersScripts() {
        let html = MarkdownRenderer.render("Text <b>bold</b> <script>x()</script>", options: MarkdownOptions(allowRawHTML: true)).html
        #expect(html == "<p>Text <b>bold</b> &lt;script>x()&lt;/script></p>\n")
    }

    @Test func smartPunctuationCanBeTurnedOff() {
        let markdown = "\"Interim\" -- 'final' --- done..."
        #expect(MarkdownRenderer.render(markdown).html == "<p>“Interim” – ‘final’ — done…</p>\n")
        #expect(MarkdownRenderer.render(markdown, options: MarkdownOptions(smartPunctuation: false)).html
            == "<p>&quot;Interim&quot; -- 'final' --- done...</p>\n")
    }

    @Test func headingsGetUniqueIDs() {
        let markdown = """
        # Efficacy *results*
        ## Relapse-free survival
        ### Relapse-free survival
        #### Four
        ##### Five `code`
        Six
        ---
        ## Relapse-free survival
        """
        let rendered = MarkdownRenderer.render(markdown)
        #expect(rendered.html == """
        <h1 id="efficacy-results">Efficacy <em>results</em></h1>
        <h2 id="relapse-free-survival">Relapse-free survival</h2>
        <h3 id="relapse-free-survival-1">Relapse-free survival</h3>
        <h4 id="four">Four</h4>
        <h5 id="five-code">Five <code>code</code></h5>
        <h2 id="six">Six</h2>
        <h2 id="relapse-free-survival-2">Relapse-free survival</h2>

        """)
        #expect(rendered.headings.map(\.level) == [1, 2, 3, 4, 5, 2, 2])
        #expect(rendered.headings.map(\.text) == ["Efficacy results", "Relapse-free survival", "Relapse-free survival",
                                                 "Four", "Five code", "Six", "Relapse-free survival"])
        #expect(rendered.headings.map(\.id) == ["efficacy-results", "relapse-free-survival", "relapse-free-survival-1",
                                               "four", "five-code", "six", "relapse-free-survival-2"])
        #expect(rendered.firstHeading == "Efficacy results")
    }

    @Test func headingIDsCanBeTurnedOff() {
        let rendered = MarkdownRenderer.render("## A & B\n\ntext", options: MarkdownOptions(headingAnchors: false))
        #expect(rendered.html == "<h2>A &amp; B</h2>\n<p>text</p>\n")
        #expect(rendered.headings.map(\.text) == ["A & B"])
        #expect(rendered.headings.map(\.id) == [""])
        #expect(MarkdownRenderer.render("No heading.").firstHeading == nil)
    }

    @Test func sourcePositionsOnHeadingsAndBlocks() {
        let markdown = "Intro {{result:rfs.hr}}\n\n## Safety {{result:ae.n}}\n"
        let html = MarkdownRenderer.render(markdown, options: MarkdownOptions(sourcePositions: true)).html
        #expect(html == """
        <p data-sourcepos="1:1-1:23">Intro {{result:rfs.hr}}</p>
        <h2 id="safety-result-ae-n" data-sourcepos="3:1-3:25">Safety {{result:ae.n}}</h2>

        """)
    }

    @Test func unicodeTextPassesThrough() {
        let markdown = "Überleben — β₂-Mikroglobulin ≥ 3 mg/L; 日本語; 95 % KI; emoji 🧬.\n"
        #expect(MarkdownRenderer.render(markdown).html
            == "<p>Überleben — β₂-Mikroglobulin ≥ 3 mg/L; 日本語; 95 % KI; emoji 🧬.</p>\n")
        let heading = MarkdownRenderer.render("# Überleben nach 24 Monaten")
        #expect(heading.headings.first?.id == "uberleben-nach-24-monaten")
    }

    @Test func emptyInputGivesEmptyHTML() {
        let rendered = MarkdownRenderer.render("")
        #expect(rendered.html == "")
        #expect(rendered.headings.isEmpty)
    }

    @Test func goldenPage() {
        let markdown = """
        # Primary endpoint

        Relapse-free survival (RFS) at 24 months was **{{result:rfs.km24.blin}}** with blinatumomab
        and {{result:rfs.km24.hsct}} with direct allo-HSCT (HR {{result:rfs.hr}}; 95% CI, \
        {{result:rfs.hr.lower}}--{{result:rfs.hr.upper}}).

        ## Methods

        - Kaplan–Meier estimates with log-log confidence intervals.
        - Stratified Cox model, Efron ties.

        | Endpoint | Blinatumomab | Direct HSCT |
        |:--|--:|--:|
        | RFS 24 mo | {{result:rfs.km24.blin}} | {{result:rfs.km24.hsct}} |
        | NRM 24 mo | ~~pending~~ | {{result:nrm.cif24.hsct}} |

        > Synthetic data; see https://example.org/readout.

        Write `{{result:key}}` to insert a number.
        """
        let rendered = MarkdownRenderer.render(markdown)
        #expect(rendered.html == """
        <h1 id="primary-endpoint">Primary endpoint</h1>
        <p>Relapse-free survival (RFS) at 24 months was <strong>{{result:rfs.km24.blin}}</strong> with blinatumomab
        and {{result:rfs.km24.hsct}} with direct allo-HSCT (HR {{result:rfs.hr}}; 95% CI, \
        {{result:rfs.hr.lower}}–{{result:rfs.hr.upper}}).</p>
        <h2 id="methods">Methods</h2>
        <ul>
        <li>Kaplan–Meier estimates with log-log confidence intervals.</li>
        <li>Stratified Cox model, Efron ties.</li>
        </ul>
        <table>
        <thead>
        <tr>
        <th align="left">Endpoint</th>
        <th align="right">Blinatumomab</th>
        <th align="right">Direct HSCT</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td align="left">RFS 24 mo</td>
        <td align="right">{{result:rfs.km24.blin}}</td>
        <td align="right">{{result:rfs.km24.hsct}}</td>
        </tr>
        <tr>
        <td align="left">NRM 24 mo</td>
        <td align="right"><del>pending</del></td>
        <td align="right">{{result:nrm.cif24.hsct}}</td>
        </tr>
        </tbody>
        </table>
        <blockquote>
        <p>Synthetic data; see <a href="https://example.org/readout">https://example.org/readout</a>.</p>
        </blockquote>
        <p>Write <code>&#123;{result:key}}</code> to insert a number.</p>

        """)
        #expect(rendered.references.map(\.key) == [
            "rfs.km24.blin", "rfs.km24.hsct", "rfs.hr", "rfs.hr.lower", "rfs.hr.upper",
            "rfs.km24.blin", "rfs.km24.hsct", "nrm.cif24.hsct",
        ])
        #expect(rendered.references.map(\.line) == [3, 4, 4, 4, 4, 13, 13, 14])
    }
}

@Suite struct MarkdownRendererConcurrencyTests {
    @Test func concurrentRendersAgree() async {
        let markdown = "# T\n\n| a | b |\n|---|--:|\n| ~~x~~ | {{result:k}} |\n\nwww.example.org\n"
        let expected = MarkdownRenderer.render(markdown).html
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<32 { group.addTask { MarkdownRenderer.render(markdown).html } }
            var all: [String] = []
            for await html in group { all.append(html) }
            return all
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected.contains("<del>x</del>") && expected.contains("{{result:k}}"))
    }
}
