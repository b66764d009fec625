public import ReadoutCore

/// A problem in a Markdown file that stops it from being used, such as unterminated front matter.
public struct MarkdownError: Error, Sendable, CustomStringConvertible {
    /// Where: the file as the user would type it and the 1-based line.
    public var location: SourceLocation
    /// What went wrong, one sentence without a trailing period.
    public var message: String
    /// Stable dotted identifier, e.g. `markdown.front-matter.unterminated`.
    public var identifier: String
    /// What the file should have contained instead, if that can be said briefly.
    public var expected: String?

    /// An error at `location`.
    public init(_ identifier: String, at location: SourceLocation, _ message: String, expected: String? = nil) {
        self.identifier = identifier
        self.location = location
        self.message = message
        self.expected = expected
    }

    /// The same error as a compiler-style diagnostic for the build's log.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, identifier, at: location, message, expected: expected)
    }

    /// `file:line: error: message (expected …) [identifier]`.
    public var description: String { diagnostic.description }
}
