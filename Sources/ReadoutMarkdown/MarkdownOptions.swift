/// How `MarkdownRenderer` turns narrative Markdown into HTML. The defaults suit trial narrative: raw
/// HTML is dropped (cmark writes `<!-- raw HTML omitted -->`), quotes and dashes are typographic, and
/// every heading gets a stable `id` for links and the table of contents.
public struct MarkdownOptions: Sendable, Hashable {
    /// Keep raw HTML blocks and inline tags (cmark's `CMARK_OPT_UNSAFE`); the GFM tagfilter still
    /// disarms `<script>`, `<style>`, `<iframe>` and similar tags. Off unless `trial.yaml` opts in.
    public var allowRawHTML = false
    /// Curly quotes, en and em dashes from `--` and `---`, and ellipses (cmark's `CMARK_OPT_SMART`).
    public var smartPunctuation = true
    /// Give h1–h6 ids: lowercase ASCII slugs of their text, de-duplicated with `-1`, `-2`, ...
    public var headingAnchors = true
    /// Write `data-sourcepos="line:col-line:col"` on block elements (cmark's `CMARK_OPT_SOURCEPOS`);
    /// lines count from the start of the Markdown string given to the renderer.
    public var sourcePositions = false

    /// Options with the defaults above unless given.
    public init(
        allowRawHTML: Bool = false,
        smartPunctuation: Bool = true,
        headingAnchors: Bool = true,
        sourcePositions: Bool = false
    ) {
        self.allowRawHTML = allowRawHTML
        self.smartPunctuation = smartPunctuation
        self.headingAnchors = headingAnchors
        self.sourcePositions = sourcePositions
    }
}
