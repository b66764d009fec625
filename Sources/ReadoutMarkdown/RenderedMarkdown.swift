/// The HTML of one Markdown text and what the page around it needs to know: its headings for a table
/// of contents and its live-number references for substitution and diagnostics.
public struct RenderedMarkdown: Sendable {
    /// HTML fragment (no `<html>` or `<body>`), UTF-8 text, one block element per line as cmark writes it.
    /// Every literal `{{result:key}}` in it is a live reference to substitute; look-alikes in code or
    /// escaped by the author are written `&#123;{result:…}}`.
    public var html: String
    /// Headings in document order: level 1–6, plain text (not HTML-escaped; markup removed, live
    /// references kept as `{{result:key}}`) and the `id` written on the element (empty when heading
    /// anchors are off).
    public var headings: [(level: Int, text: String, id: String)]
    /// Plain text of the first heading of any level, for a page title; `nil` if there is none.
    public var firstHeading: String?
    /// The live references outside code, in source order, with 1-based lines of the Markdown string.
    public var references: [(key: String, line: Int)]

    /// A rendered text from its parts.
    public init(
        html: String,
        headings: [(level: Int, text: String, id: String)],
        firstHeading: String?,
        references: [(key: String, line: Int)] = []
    ) {
        self.html = html
        self.headings = headings
        self.firstHeading = firstHeading
        self.references = references
    }
}
