import ReadoutCore
@testable import ReadoutData

/// Reads `text` as CSV and returns the error it throws, or `nil` if it reads.
func csvError(_ text: String, source: String = "data/adtte.csv") -> DatasetError? {
    csvError(Array(text.utf8), source: source)
}

func csvError(_ bytes: [UInt8], source: String = "data/adtte.csv") -> DatasetError? {
    do throws(DatasetError) {
        _ = try CSVReader.read(bytes, name: "ADTTE", source: source)
        return nil
    } catch {
        return error
    }
}

func xptError(_ bytes: [UInt8], source: String = "data/adsl.xpt") -> DatasetError? {
    do throws(DatasetError) {
        _ = try XPTReader.read(bytes, source: source)
        return nil
    } catch {
        return error
    }
}

func csv(_ text: String, name: String = "ADTTE", source: String = "data/adtte.csv") throws -> Dataset {
    try CSVReader.read(Array(text.utf8), name: name, source: source)
}

/// The text values of a column (numbers formatted), for compact assertions.
func texts(_ dataset: Dataset, _ name: String) -> [String?] {
    guard let column = dataset.column(name) else { return [] }
    return (0..<column.count).map { column.text(at: $0) }
}

/// Deterministic pseudo-random numbers (SplitMix64), so robustness tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
