/// Collects diagnostics so that a check reports every problem it finds, not just the first.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    /// Stop collecting per identifier after this many, to keep output readable.
    public var limitPerIdentifier: Int

    public init(limitPerIdentifier: Int = 50) {
        self.limitPerIdentifier = limitPerIdentifier
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        let same = diagnostics.lazy.filter { $0.identifier == diagnostic.identifier }.count
        guard same < limitPerIdentifier else { return }
        diagnostics.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        for diagnostic in other { append(diagnostic) }
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Thrown when a phase ends with errors; carries all of them.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
