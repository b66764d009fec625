// readout-bench: benchmarks of Readout (release builds only; timings are never asserted in tests).
//   readout-bench [subjects...]                   statistics kernels, median of 5 runs (default 10000 100000 1000000)
//   readout-bench summarize RAW.tsv RESULTS.tsv   medians of Benchmarks/e2e.sh's measurements; Markdown on stdout
//   readout-bench plot RESULTS.tsv OUT.svg        the growth curve (wall time against subjects, log–log)
//   readout-bench compare ESTIMATE.tsv            medians and ratio of Benchmarks/estimate-vs-r.sh; Markdown on stdout
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "summarize" where arguments.count == 3:
        let table = try MeasurementTable(raw: String(contentsOfFile: arguments[1], encoding: .utf8))
        try table.mediansTSV().write(toFile: arguments[2], atomically: true, encoding: .utf8)
        print(table.markdown(), terminator: "")
    case "plot" where arguments.count == 3:
        let medians = try MeasurementTable.medians(tsv: String(contentsOfFile: arguments[1], encoding: .utf8))
        try GrowthPlot(medians: medians).svg().write(toFile: arguments[2], atomically: true, encoding: .utf8)
    case "compare" where arguments.count == 2:
        print(try ToolComparison(tsv: String(contentsOfFile: arguments[1], encoding: .utf8)).markdown(), terminator: "")
    case let first? where Int(first) == nil:
        FileHandle.standardError.write(Data("usage: readout-bench [subjects…] | summarize RAW RESULTS | plot RESULTS SVG | compare TSV\n".utf8))
        exit(64)
    default:
        try runKernels(sizes: arguments.compactMap(Int.init))
    }
} catch {
    FileHandle.standardError.write(Data("readout-bench: \(error)\n".utf8))
    exit(1)
}
