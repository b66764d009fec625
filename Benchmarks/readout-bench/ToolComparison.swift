// Benchmarks/estimate-vs-r.sh's alternating runs (TSV: round, tool, wall s, peak MiB, CPU s) → medians
// per tool and the ratios of R's median wall and CPU time to readout's, as Markdown.
import Foundation

struct ToolComparison {
    struct Run {
        var round: Int
        var tool: String
        var wall: Double
        var peak: Double
        var cpu: Double
    }

    var runs: [Run]

    init(tsv: String) throws {
        runs = try tsv.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 5, let round = Int(f[0]), let wall = Double(f[2]), let peak = Double(f[3]), let cpu = Double(f[4]) else {
                throw BenchError(description: "expected round, tool, wall s, peak MiB, CPU s: \(line)")
            }
            return Run(round: round, tool: f[1], wall: wall, peak: peak, cpu: cpu)
        }
    }

    func markdown() -> String {
        var tools: [String] = []
        for run in runs where !tools.contains(run.tool) { tools.append(run.tool) }
        var lines = ["| tool | runs (wall s, in run order) | median wall s | median CPU s | median peak MiB |", "|---|---|---:|---:|---:|"]
        var medianWall: [String: Double] = [:], medianCPU: [String: Double] = [:]
        for tool in tools {
            let own = runs.filter { $0.tool == tool }
            let wall = MeasurementTable.median(own.map(\.wall))
            let cpu = MeasurementTable.median(own.map(\.cpu))
            medianWall[tool] = wall
            medianCPU[tool] = cpu
            lines.append("| \(tool) | " + own.map { String(format: "%.2f", $0.wall) }.joined(separator: ", ")
                         + String(format: " | %.2f | %.2f | %.0f |", wall, cpu, MeasurementTable.median(own.map(\.peak))))
        }
        if let r = medianWall["R"], let readout = medianWall["readout"], readout > 0 {
            lines.append("")
            lines.append(String(format: "R / readout (median wall time): **%.1f×**", r / readout))
            if let rc = medianCPU["R"], let oc = medianCPU["readout"], oc > 0 {
                lines.append("")
                lines.append(String(format: "R / readout (median CPU time): **%.1f×**", rc / oc))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
