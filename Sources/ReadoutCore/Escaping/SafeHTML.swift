/// Markup that may be inserted into a page as it is (the only kind a template's `{{{ }}}` receives).
///
/// A `SafeHTML` is built from literal markup written in this codebase (`"<p>…</p>"`), by interpolation —
/// where every interpolated `String` is escaped with `Escape.htmlText` and only another `SafeHTML` goes
/// in unescaped — or, for fragments made by a builder that escapes its own inputs (tables, SVG figures
/// from ReadoutFigures, cmark-gfm output without `CMARK_OPT_UNSAFE`), with `init(trusted:)`.
/// A runtime `String` cannot become `SafeHTML` by accident: `let html: SafeHTML = text` does not compile.
///
///     let caption: SafeHTML = "<figcaption>\(title) by arm</figcaption>"   // title is escaped
public struct SafeHTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    public private(set) var markup: String

    /// `text` escaped for HTML text or a double-quoted attribute.
    public init(escaping text: String) { markup = Escape.htmlText(text) }

    /// Markup from a builder that escapes everything it inserts (see the type's documentation).
    public init(trusted markup: String) { self.markup = markup }

    /// Literal markup from source code.
    public init(stringLiteral value: String) { markup = value }

    public init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    public var description: String { markup }

    /// Interpolation that escapes strings and inserts `SafeHTML` and integers as they are.
    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity + 16 * interpolationCount) }

        public mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) { markup += Escape.htmlText(text) }

        /// Markup: inserted as it is.
        public mutating func appendInterpolation(_ html: SafeHTML) { markup += html.markup }

        /// An integer: its decimal digits.
        public mutating func appendInterpolation<T: BinaryInteger>(_ number: T) { markup += String(number) }
    }

    public static func + (lhs: SafeHTML, rhs: SafeHTML) -> SafeHTML { SafeHTML(trusted: lhs.markup + rhs.markup) }

    public static func += (lhs: inout SafeHTML, rhs: SafeHTML) { lhs.markup += rhs.markup }
}

extension Sequence where Element == SafeHTML {
    /// The fragments one after another, with `separator` between them.
    public func joined(separator: SafeHTML = "") -> SafeHTML {
        SafeHTML(trusted: map(\.markup).joined(separator: separator.markup))
    }
}
