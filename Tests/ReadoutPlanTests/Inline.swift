import ReadoutData

/// A dataset from inline CSV text, as a test fixture (`source` names it in diagnostics).
func dataset(_ name: String, _ csv: String) throws -> Dataset {
    try CSVReader.read(Array(csv.utf8), name: name, source: "\(name.lowercased()).csv")
}
