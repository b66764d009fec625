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

    /// Compiler-style text. Control characters from user input (a NUL or an escape sequence in a data value)
    /// are shown as `\u{1B}`, so a diagnostic can never drive the terminal it is printed on.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(Self.visible(summary))"
        if !subject.isEmpty {
            var parts: [String] = []
            if let variable = subject.variable { parts.append("variable \(Self.visible(variable))") }
            if let value = subject.value { parts.append("value \"\(Self.visible(value))\"") }
            if let expected = subject.expected { parts.append("expected \(Self.visible(expected))") }
            text += " (" + parts.joined(separator: ", ") + ")"
        }
        text += " [\(identifier)]"
        for note in notes { text += "\n  note: \(Self.visible(note))" }
        return text
    }

    /// `text` with C0 and C1 control characters and DEL written as `\u{…}` escapes.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
