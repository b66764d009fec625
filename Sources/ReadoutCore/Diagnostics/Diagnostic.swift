/// One problem found in a user's input, with everything needed to fix it:
/// where (file, line), what (variable, value), what was expected, and a stable identifier.
///
/// Printed compiler style:
/// `content/t/data/adtte.csv:57: error: CNSR must be 0 or 1 (variable CNSR, value "2", expected 0 or 1) [data.adtte.cnsr-range]`
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The variable, key or value a diagnostic is about.
    public struct Subject: Hashable, Sendable, Codable {
        public var variable: String?
        public var value: String?
        public var expected: String?

        public init(variable: String? = nil, value: String? = nil, expected: String? = nil) {
            self.variable = variable
            self.value = value
            self.expected = expected
        }

        var isEmpty: Bool { variable == nil && value == nil && expected == nil }
    }

    public var severity: Severity
    /// Stable, dotted, lowercase: `data.csv.ragged-row`, `plan.unknown-key`.
    public var identifier: String
    public var location: SourceLocation?
    public var summary: String
    public var subject: Subject
    public var notes: [String]

    public init(
        _ severity: Severity = .error,
        _ identifier: String,
        at location: SourceLocation? = nil,
        _ summary: String,
        variable: String? = nil,
        value: String? = nil,
        expected: String? = nil,
        notes: [String] = []
    ) {
        self.severity = severity
        self.identifier = identifier
        self.location = location
        self.summary = summary
        self.subject = Subject(variable: variable, value: value, expected: expected)
        self.notes = notes
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(summary)"
        if !subject.isEmpty {
            var parts: [String] = []
            if let variable = subject.variable { parts.append("variable \(variable)") }
            if let value = subject.value { parts.append("value \"\(value)\"") }
            if let expected = subject.expected { parts.append("expected \(expected)") }
            text += " (" + parts.joined(separator: ", ") + ")"
        }
        text += " [\(identifier)]"
        for note in notes { text += "\n  note: \(note)" }
        return text
    }
}
