public import ReadoutCore

/// A problem in a data file that stops it from being read or used: where it is (file, line), what
/// (variable, value), what was expected, and a stable identifier such as `data.csv.ragged-row`.
///
/// Identifiers: `data.csv.no-header`, `data.csv.empty-header`, `data.csv.duplicate-header`,
/// `data.csv.ragged-row`, `data.csv.unterminated-quote`, `data.csv.text-after-quote`,
/// `data.csv.invalid-utf8`, `data.xpt.bad-header`, `data.xpt.unsupported-version`,
/// `data.xpt.truncated`, `data.xpt.bad-variable`, `data.xpt.duplicate-variable`,
/// `data.xpt.multiple-members`, `data.column.missing`, `data.value.not-a-number`.
public struct DatasetError: Error, Sendable, CustomStringConvertible {
    /// File and line (CSV line, or XPT observation number); no line for file-level problems.
    public var location: SourceLocation
    /// Stable, dotted, lowercase identifier of the kind of problem.
    public var identifier: String
    /// One sentence saying what is wrong.
    public var message: String
    /// The variable concerned, when there is one.
    public var variable: String?
    /// The offending value as written in the file, when there is one.
    public var value: String?
    /// What the reader expected instead.
    public var expected: String?
    /// Extra hints (variables present, how to fix an export).
    public var notes: [String]

    /// An error of kind `identifier` at `location`.
    public init(
        _ identifier: String, at location: SourceLocation, _ message: String,
        variable: String? = nil, value: String? = nil, expected: String? = nil, notes: [String] = []
    ) {
        self.identifier = identifier
        self.location = location
        self.message = message
        self.variable = variable
        self.value = value
        self.expected = expected
        self.notes = notes
    }

    /// The same problem as a ``Diagnostic`` of severity error, for the build's diagnostic log.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, identifier, at: location, message, variable: variable, value: value, expected: expected, notes: notes)
    }

    /// Compiler-style text, as ``Diagnostic`` prints it.
    public var description: String { diagnostic.description }
}
