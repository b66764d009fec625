// YAML front matter as Jekyll, Hugo and Pandoc write it: a first line `---`, YAML lines, and a closing
// line `---` or `...` (trailing spaces allowed on both delimiters, LF or CRLF line ends, an optional
// UTF-8 byte-order mark). This module only cuts the text; the build parses the YAML.
public import ReadoutCore

/// The raw YAML between the delimiter lines of a page's front matter.
public struct FrontMatter: Sendable, Hashable {
    /// The YAML text, line ends as in the file; its line n is line n + 1 of the file.
    public var yaml: String
    /// How many lines the YAML text has (0 for `---` directly followed by its closing line).
    public var lineCount: Int

    /// Front matter from its YAML text and line count.
    public init(yaml: String, lineCount: Int) {
        self.yaml = yaml
        self.lineCount = lineCount
    }
}

/// A Markdown file cut into its optional front matter and its Markdown body.
public struct MarkdownPage: Sendable {
    /// The front matter, or `nil` when the file does not start with a `---` line.
    public var frontMatter: FrontMatter?
    /// The Markdown after the front matter (the whole file, minus any byte-order mark, without it).
    public var body: String
    /// 1-based line of the file on which `body` starts; body line n is file line `bodyStartLine + n - 1`.
    public var bodyStartLine: Int

    /// A page from its parts.
    public init(frontMatter: FrontMatter?, body: String, bodyStartLine: Int) {
        self.frontMatter = frontMatter
        self.body = body
        self.bodyStartLine = bodyStartLine
    }
}

/// Splits a Markdown file into front matter and body.
public enum FrontMatterSplitter {
    /// Cuts `text` (the contents of `file`, which is only used in error locations). A first line `---`
    /// opens front matter; the first later line `---` or `...` closes it; if none does, this throws
    /// `markdown.front-matter.unterminated` at line 1.
    public static func split(_ text: String, file: String) throws(Diagnostic) -> MarkdownPage {
        var bytes = Substring(text).utf8
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let content = Substring(bytes)

        var lines = LineCursor(content)
        guard let first = lines.next(), isDelimiter(first.text, closing: false) else {
            return MarkdownPage(frontMatter: nil, body: String(content), bodyStartLine: 1)
        }
        let yamlStart = first.next
        var lineCount = 0
        while let line = lines.next() {
            if isDelimiter(line.text, closing: true) {
                let yaml = String(Substring(content.utf8[yamlStart..<line.start]))
                let body = String(Substring(content.utf8[line.next...]))
                let front = FrontMatter(yaml: yaml, lineCount: lineCount)
                return MarkdownPage(frontMatter: front, body: body, bodyStartLine: lineCount + 3)
            }
            lineCount += 1
        }
        throw Diagnostic(
            .error, "markdown.front-matter.unterminated",
            at: SourceLocation(file: file, line: 1),
            "front matter opened by '---' on line 1 is never closed",
            expected: "a line '---' or '...' after the YAML"
        )
    }

    /// `---` (or, when closing, `...`) followed only by spaces or tabs.
    private static func isDelimiter(_ line: Substring.UTF8View, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            trimmed = trimmed.dropLast()
        }
        return trimmed.elementsEqual("---".utf8) || (closing && trimmed.elementsEqual("...".utf8))
    }
}

/// Walks the lines of a text by UTF-8 index: each line's start, its bytes without the line feed (a
/// CRLF line keeps its `\r`), and where the next line starts.
private struct LineCursor {
    let bytes: Substring.UTF8View
    var position: Substring.Index

    init(_ text: Substring) {
        bytes = text.utf8
        position = bytes.startIndex
    }

    mutating func next() -> (start: Substring.Index, text: Substring.UTF8View, next: Substring.Index)? {
        guard position < bytes.endIndex else { return nil }
        let start = position
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        position = end == bytes.endIndex ? end : bytes.index(after: end)
        return (start, bytes[start..<end], position)
    }
}
