// The measurements of Benchmarks/e2e.sh (TSV: subjects, run, measure, value) reduced to medians per
// size and measure, as TSV (subjects, measure, median) for the plot and as a Markdown table for
// docs/performance.md.
import Foundation

struct BenchError: Error, CustomStringConvertible {
    var description: String
}

/// Medians of repeated measurements, per trial size and measure.
struct MeasurementTable {
    struct Median: Equatable {
        var subjects: Int
        var measure: String
        var value: Double
    }

    /// Measures in the order first seen, sizes ascending.
    var medians: [Median]

    /// From raw.tsv (header line, then subjects, run, measure, value).
    init(raw: String) throws {
        var values: [String: [Int: [Double]]] = [:]
        var order: [String] = []
        for (number, line) in raw.split(separator: "\n").enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let subjects = Int(fields[0]), let value = Double(fields[3]) else {
                throw BenchError(description: "raw.tsv line \(number + 1): expected subjects, run, measure, value: \(line)")
            }
            if values[fields[2]] == nil { order.append(fields[2]) }
            values[fields[2], default: [:]][subjects, default: []].append(value)
        }
        medians = order.flatMap { measure in
            values[measure, default: [:]].keys.sorted().map { n in
                Median(subjects: n, measure: measure, value: Self.median(values[measure]![n]!))
            }
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// results.tsv.
    func mediansTSV() -> String {
        "subjects\tmeasure\tmedian\n" + medians.map { "\($0.subjects)\t\($0.measure)\t\($0.value)\n" }.joined()
    }

    /// Reads results.tsv back.
    static func medians(tsv: String) throws -> [Median] {
        try tsv.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3, let n = Int(fields[0]), let v = Double(fields[2]) else {
                throw BenchError(description: "results.tsv: expected subjects, measure, median: \(line)")
            }
            return Median(subjects: n, measure: fields[1], value: v)
        }
    }

    /// One row per measure, one column per size, then the growth of the build's wall time.
    func markdown() -> String {
        let sizes = Array(Set(medians.map(\.subjects))).sorted()
        var measures: [String] = []
        for m in medians where !measures.contains(m.measure) { measures.append(m.measure) }
        func cell(_ measure: String, _ n: Int) -> String {
            guard let v = medians.first(where: { $0.measure == measure && $0.subjects == n })?.value else { return "" }
            return measure.hasSuffix("MiB") ? String(format: "%.0f", v) : String(format: "%.3f", v)
        }
        var lines = ["| median of runs | " + sizes.map(Self.grouped).joined(separator: " | ") + " |",
                     "|---|" + String(repeating: "---:|", count: sizes.count)]
        for measure in measures {
            lines.append("| \(measure) | " + sizes.map { cell(measure, $0) }.joined(separator: " | ") + " |")
        }
        let wall = sizes.map { n in medians.first { $0.measure == "build wall s" && $0.subjects == n }?.value }
        let growth = wall.indices.map { i in
            i == 0 ? "" : (wall[i].flatMap { b in wall[i - 1].map { b / $0 } }.map { String(format: "×%.1f", $0) } ?? "")
        }
        lines.append("| build wall growth from the previous size | " + growth.joined(separator: " | ") + " |")
        return lines.joined(separator: "\n") + "\n"
    }

    /// 1000000 → "1 000 000".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += " " }
            out.append(d)
        }
        return out
    }
}
