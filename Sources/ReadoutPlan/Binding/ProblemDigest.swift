public import ReadoutCore

/// Row-level problems of one check, each reported once per file, variable and kind: the first row in
/// full, the repeats counted in a note ("… and 99 more rows with the same problem") instead of 50 lines.
public struct ProblemDigest: Sendable {
    private var diagnostics: [Diagnostic] = []
    private var repeats: [Int] = []
    private var position: [Key: Int] = [:]

    private struct Key: Hashable, Sendable {
        var identifier: String
        var file: String?
        var variable: String?
    }

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        let key = Key(identifier: diagnostic.identifier, file: diagnostic.location?.file, variable: diagnostic.subject.variable)
        if let index = position[key] {
            repeats[index] += 1
            return
        }
        position[key] = diagnostics.count
        diagnostics.append(diagnostic)
        repeats.append(0)
    }

    public var isEmpty: Bool { diagnostics.isEmpty }

    /// The problems in order of first occurrence, each with its count of repeats.
    public var result: [Diagnostic] {
        zip(diagnostics, repeats).map { diagnostic, more in
            guard more > 0 else { return diagnostic }
            var counted = diagnostic
            counted.notes.append("… and \(more) more \(more == 1 ? "row" : "rows") with the same problem")
            return counted
        }
    }
}
