import ReadoutCore
@testable import ReadoutData

/// The first diagnostic of a data error, with its fields flattened for compact assertions.
struct DataProblem: CustomStringConvertible {
    let diagnostic: Diagnostic
    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    var identifier: String { diagnostic.identifier }
    var location: SourceLocation { diagnostic.location ?? SourceLocation(file: "") }
    var message: String { diagnostic.summary }
    var variable: String? { diagnostic.subject.variable }
    var value: String? { diagnostic.subject.value }
    var expected: String? { diagnostic.subject.expected }
    var notes: [String] { diagnostic.notes }
    var description: String { diagnostic.description }
}

/// The first problem `body` throws, or `nil` when it does not throw.
func problem(_ body: () throws(DiagnosticsError) -> Void) -> DataProblem? {
    do throws(DiagnosticsError) {
        try body()
        return nil
    } catch {
        return error.diagnostics.first.map(DataProblem.init)
    }
}

/// Reads `text` as CSV and returns the error it throws, or `nil` if it reads.
func csvError(_ text: String, source: String = "data/adtte.csv", chunks: Int? = nil) -> DataProblem? {
    csvError(Array(text.utf8), source: source, chunks: chunks)
}

func csvError(_ bytes: [UInt8], source: String = "data/adtte.csv", chunks: Int? = nil) -> DataProblem? {
    problem { () throws(DiagnosticsError) in _ = try CSVReader.read(bytes, name: "ADTTE", source: source, chunks: chunks) }
}

func xptError(_ bytes: [UInt8], source: String = "data/adsl.xpt") -> DataProblem? {
    problem { () throws(DiagnosticsError) in _ = try XPTReader.read(bytes, source: source) }
}

func csv(_ text: String, name: String = "ADTTE", source: String = "data/adtte.csv") throws -> Dataset {
    try CSVReader.read(Array(text.utf8), name: name, source: source)
}

/// The text values of a column (numbers formatted), for compact assertions.
func texts(_ dataset: Dataset, _ name: String) -> [String?] {
    guard let column = dataset.column(name) else { return [] }
    return (0..<column.count).map { column.text(at: $0) }
}
