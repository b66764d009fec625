// The only file that talks to cmark-gfm (C library, GitHub Flavored Markdown spec 0.29):
// parse with the table, strikethrough, autolink and tagfilter extensions, give heading nodes ids by
// rewriting the node tree, and render HTML. Everything else in this module is plain Swift.
internal import CCmarkGFM
import Synchronization
import Glibc

/// cmark-gfm switches that the renderer exposes, already translated from `MarkdownOptions`.
struct CommonMarkSettings {
    /// `CMARK_OPT_UNSAFE`: keep raw HTML and `javascript:` links (tagfilter still neutralises `<script>` etc.).
    var unsafe: Bool
    /// `CMARK_OPT_SMART`: curly quotes, en and em dashes, ellipses.
    var smart: Bool
    /// `CMARK_OPT_SOURCEPOS`: `data-sourcepos="line:col-line:col"` on block elements.
    var sourcePositions: Bool
}

/// A heading as cmark parsed it: level 1–6 and its text with all markup removed.
struct ParsedHeading {
    var level: Int
    var plainText: String
}

/// What one cmark pass produced.
struct CommonMarkOutput {
    var html: String
    /// Headings in document order.
    var headings: [ParsedHeading]
    /// Literal text of every code span and code block, in document order.
    var codeTexts: [String]
}

/// Thin wrapper over cmark-gfm's C API; owns every C pointer it creates.
enum CommonMarkParser {
    /// The GFM extensions attached to every parser.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// Registers the core extensions exactly once (the C registry is a global list and not thread-safe).
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `markdown`, asks `headingID` for the id of each heading in document order (`nil` leaves
    /// the heading as cmark renders it), and renders HTML.
    /// cmark-gfm is not thread-safe: attaching extensions edits the inline parser's global table of
    /// special characters (`cmark_inlines_add_special_character`), so concurrent parses can see each
    /// other's half-edited table. Every parse runs under this lock.
    private static let lock = Mutex(())

    static func render(
        _ markdown: String,
        settings: CommonMarkSettings,
        headingID: (ParsedHeading) -> String?
    ) -> CommonMarkOutput {
        lock.withLock { _ in renderUnlocked(markdown, settings: settings, headingID: headingID) }
    }

    private static func renderUnlocked(
        _ markdown: String,
        settings: CommonMarkSettings,
        headingID: (ParsedHeading) -> String?
    ) -> CommonMarkOutput {
        precondition(extensionsRegistered)
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if settings.unsafe { options |= CMARK_OPT_UNSAFE }
        if settings.smart { options |= CMARK_OPT_SMART }
        if settings.sourcePositions { options |= CMARK_OPT_SOURCEPOS }

        guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed (out of memory)") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm extension '\(name)' is not registered")
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }

        var source = markdown
        source.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                cmark_parser_feed(parser, chars, bytes.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish failed") }
        defer { cmark_node_free(document) }

        let (headingNodes, codeTexts) = collect(document)
        var headings: [ParsedHeading] = []
        for node in headingNodes {
            let heading = ParsedHeading(level: Int(cmark_node_get_heading_level(node)), plainText: plainText(of: node))
            headings.append(heading)
            if let id = headingID(heading) {
                replaceHeading(node, id: id, level: heading.level, sourcePositions: settings.sourcePositions)
            }
        }

        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            fatalError("cmark_render_html failed")
        }
        defer { free(rendered) }
        return CommonMarkOutput(html: String(cString: rendered), headings: headings, codeTexts: codeTexts)
    }

    /// Heading nodes and the literals of code nodes, in document order.
    private static func collect(_ document: OpaquePointer) -> (headings: [OpaquePointer], code: [String]) {
        var headings: [OpaquePointer] = []
        var code: [String] = []
        guard let iterator = cmark_iter_new(document) else { fatalError("cmark_iter_new failed") }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                headings.append(node)
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                code.append(literal(of: node))
            default:
                break
            }
        }
        return (headings, code)
    }

    /// The node's text content: text and code literals, line breaks as spaces, raw HTML dropped.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += literal(of: current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_HTML_INLINE:
                break
            default:
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    private static func literal(of node: OpaquePointer) -> String {
        guard let literal = cmark_node_get_literal(node) else { return "" }
        return String(cString: literal)
    }

    /// Replaces a heading node by a custom block holding `<hN id="…">`, the heading's inline children
    /// and `</hN>` as custom inlines. Custom nodes render verbatim even in safe mode, and the output is
    /// byte-for-byte what cmark writes for a heading, plus the id.
    private static func replaceHeading(_ heading: OpaquePointer, id: String, level: Int, sourcePositions: Bool) {
        var attributes = " id=\"\(id)\""
        if sourcePositions {
            let start = "\(cmark_node_get_start_line(heading)):\(cmark_node_get_start_column(heading))"
            let end = "\(cmark_node_get_end_line(heading)):\(cmark_node_get_end_column(heading))"
            attributes += " data-sourcepos=\"\(start)-\(end)\""
        }
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK),
              let open = cmark_node_new(CMARK_NODE_CUSTOM_INLINE),
              let close = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        else { fatalError("cmark_node_new failed (out of memory)") }
        cmark_node_set_on_enter(open, "<h\(level)\(attributes)>")
        cmark_node_set_on_enter(close, "</h\(level)>")
        cmark_node_append_child(block, open)
        while let child = cmark_node_first_child(heading) {
            cmark_node_append_child(block, child)
        }
        cmark_node_append_child(block, close)
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }
}
