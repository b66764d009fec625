public import ReadoutMarkdown

/// A narrative Markdown page of a trial project, with its front matter decoded and its body rendered
/// (once) by the build.
public struct NarrativePage: Sendable {
    /// Where the page goes in report.html: before the results or after them.
    public enum Part: String, Sendable, CaseIterable {
        case introduction, discussion
    }

    /// Output file name without extension (from the Markdown file name).
    public var slug: String
    public var title: String
    public var order: Int
    public var part: Part
    public var markdown: String
    /// The body rendered to HTML, with its live references (`{{result:KEY}}` still in place).
    public var rendered: RenderedMarkdown
    /// Path of the Markdown file and the line its body starts on, for diagnostics.
    public var file: String
    public var bodyStartLine: Int
    /// `audience: closed` in the front matter: the page is left out of open reports (docs/audiences.md).
    public var closedOnly = false

    public init(slug: String, title: String, order: Int, part: Part, markdown: String, file: String, bodyStartLine: Int) {
        self.rendered = MarkdownRenderer.render(markdown)
        self.slug = slug
        self.title = title
        self.order = order
        self.part = part
        self.markdown = markdown
        self.file = file
        self.bodyStartLine = bodyStartLine
    }
}
