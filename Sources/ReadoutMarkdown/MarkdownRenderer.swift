/// Narrative Markdown (GitHub Flavored: tables, strikethrough, autolinks, tagfilter) to an HTML
/// fragment, with heading ids and live-number placeholders `{{result:key}}` kept verbatim for the
/// render layer to substitute. Deterministic: the same text and options give the same bytes.
public enum MarkdownRenderer {
    /// Renders `markdown` (a page body, without front matter) to HTML.
    public static func render(_ markdown: String, options: MarkdownOptions = .init()) -> RenderedMarkdown {
        let live = LiveReferences(markdown)
        var slugger = HeadingSlugger()
        var headings: [(level: Int, text: String, id: String)] = []
        let settings = CommonMarkSettings(
            unsafe: options.allowRawHTML,
            smart: options.smartPunctuation,
            sourcePositions: options.sourcePositions
        )
        let output = CommonMarkParser.render(live.tokenized, settings: settings) { heading in
            let text = live.restorePlain(heading.plainText)
            let id = options.headingAnchors ? slugger.uniqueSlug(text) : ""
            headings.append((heading.level, text, id))
            return options.headingAnchors ? id : nil
        }
        let literal = live.literalIndexes(in: output.codeTexts)
        let references = live.occurrences.indices.filter { !literal.contains($0) }.map { live.occurrences[$0] }
        return RenderedMarkdown(
            html: live.restoreHTML(output.html, literal: literal),
            headings: headings,
            firstHeading: headings.first?.text,
            references: references
        )
    }

    /// The live-number references `{{result:key}}` of `markdown` that the render layer will substitute,
    /// in source order, each with its 1-based line in `markdown` (add `MarkdownPage.bodyStartLine - 1`
    /// for the line in the file). Placeholders in code spans, code blocks, or escaped as
    /// `\{{result:…}}` are not references.
    public static func references(in markdown: String) -> [(key: String, line: Int)] {
        render(markdown, options: MarkdownOptions(headingAnchors: false)).references
    }
}
