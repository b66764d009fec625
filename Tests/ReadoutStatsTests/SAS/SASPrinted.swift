import Foundation
import ReadoutStats
import ReadoutTestSupport
import Testing

/// Comparison with numbers that SAS printed (the gold of the `SAS/` suites), and the fixtures in
/// `Tests/Fixtures/sas/` that hold them. Provenance of every number: the `source` block of each JSON
/// file and docs/methods/sas-validation.md.
///
/// **Rule.** A printed value with d decimals stands for every real number that rounds to it, so
/// Readout's value must lie within half a unit in the last printed digit: |actual − printed| ≤
/// ½·10⁻ᵈ (plus 1e-12·max(1, |printed|) for the binary representation of the decimal). The
/// tolerance is computed per value from its printed text ("0.7393" → 5e-5, "10.3267" → 5e-5,
/// "-0.55182" → 5e-6, "457.00" → 5e-3) and passed to `expectClose` as a relative tolerance with an
/// absolute floor, so the bound is exactly that half unit whatever the magnitude. This is the one
/// place the SAS suites use a tolerance that is not one of `Tolerance`'s: SAS's own output is only
/// known to its printed digits.
///
/// Special texts: "." and "NE" (and an empty cell) mean not estimable, Readout's `nil`;
/// "<.0001" means a p-value below 0.0001.
enum SASPrinted {
    /// Half a unit in the last printed digit of `text` (0.5 for an integer).
    static func halfUnit(_ text: String) -> Double {
        guard let dot = text.firstIndex(of: ".") else { return 0.5 }
        let decimals = text.distance(from: text.index(after: dot), to: text.endIndex)
        return 0.5 * pow(10, -Double(decimals))
    }

    /// Whether `text` is SAS's mark for a value it could not estimate.
    static func isMissing(_ text: String) -> Bool { text == "." || text == "NE" || text.isEmpty }
}

/// Records an issue unless `actual` rounds to `printed` (see ``SASPrinted``).
func expectPrinted(
    _ actual: Double?, _ printed: String, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if SASPrinted.isMissing(printed) {
        #expect(actual == nil, "\(what()): SAS printed \(printed), got \(actual.map { "\($0)" } ?? "nil")",
                sourceLocation: sourceLocation)
        return
    }
    if printed.hasPrefix("<") {
        let bound = Double(printed.dropFirst())!
        #expect(actual.map { $0 < bound } == true, "\(what()): SAS printed \(printed), got \(actual.map { "\($0)" } ?? "nil")",
                sourceLocation: sourceLocation)
        return
    }
    let expected = Double(printed)!
    let tolerance = SASPrinted.halfUnit(printed) + 1e-12 * max(1, abs(expected))
    expectClose(actual, expected, relative: tolerance / max(abs(expected), tolerance), floor: tolerance,
                "\(what()) (SAS printed \(printed))", sourceLocation: sourceLocation)
}

/// Records an issue unless the integer `actual` equals the printed count.
func expectPrintedCount(
    _ actual: Int, _ printed: String, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual == Int(printed), "\(what()): SAS printed \(printed), got \(actual)", sourceLocation: sourceLocation)
}

/// The fixtures of `Tests/Fixtures/sas/`.
enum SASFixture {
    /// A JSON fixture, parsed.
    static func json(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Fixtures.data("sas/\(name)")) as! [String: Any]
    }

    /// The columns of a CSV fixture with a header row and plain numeric fields.
    static func csvColumns(_ name: String) throws -> [String: [Double]] {
        let lines = try Fixtures.text("sas/\(name)").split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        var columns = [String: [Double]](uniqueKeysWithValues: header.map { ($0, []) })
        for line in lines.dropFirst() {
            for (name, field) in zip(header, line.split(separator: ",", omittingEmptySubsequences: false)) {
                columns[name]!.append(Double(field)!)
            }
        }
        return columns
    }

    /// `node[path...]` as a JSON object.
    static func object(_ node: Any?, _ path: String...) -> [String: Any] {
        var current = node
        for key in path { current = (current as? [String: Any])?[key] }
        return current as! [String: Any]
    }

    /// `node[path...]` as an array of string rows (a printed table).
    static func rows(_ node: Any?, _ path: String...) -> [[String]] {
        var current = node
        for key in path { current = (current as? [String: Any])?[key] }
        return current as! [[String]]
    }

    /// `node[path...]` as a row of printed strings.
    static func row(_ node: Any?, _ path: String...) -> [String] {
        var current = node
        for key in path { current = (current as? [String: Any])?[key] }
        return current as! [String]
    }
}
