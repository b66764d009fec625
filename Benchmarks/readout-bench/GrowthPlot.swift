// The growth curve of docs/performance.md: median wall time of `readout build` against trial size on
// log–log axes, drawn by Readout's own StepChart. StepChart has linear axes from 0, so both axes carry
// decades: x = log10(subjects / smallest decade), y = log10(seconds). The measured points are joined
// by straight log–log segments (drawn as fine steps, 100 per decade) and marked "+"; a dashed line of
// slope 1 from the smallest size shows linear growth; the table under the axis gives the sizes and
// the measured milliseconds.
import Foundation
import ReadoutFigures

struct GrowthPlot {
    var medians: [MeasurementTable.Median]
    var measure = "build wall s"

    func svg() throws -> String {
        let points = medians.filter { $0.measure == measure && $0.value > 0 && $0.subjects > 0 }.sorted { $0.subjects < $1.subjects }
        guard let first = points.first, let last = points.last else {
            throw BenchError(description: "no \"\(measure)\" medians to plot")
        }
        let base = pow(10, floor(log10(Double(first.subjects))))
        let x = points.map { log10(Double($0.subjects) / base) }
        let y = points.map { log10($0.value) }
        let xMax = max(1, ceil(x.last! - 1e-9))
        let reference = { (t: Double) in y[0] + (t - x[0]) }
        let yLow = floor(min(y.min()!, reference(x[0])))
        let yHigh = ceil(max(y.max()!, reference(x.last!)) + 1e-9)

        // Straight segments between measured points, as steps fine enough to read as a line.
        var times: [Double] = [], values: [Double] = []
        for i in points.indices.dropFirst() {
            let steps = max(1, Int(((x[i] - x[i - 1]) * 100).rounded()))
            for k in 1...steps {
                let t = x[i - 1] + (x[i] - x[i - 1]) * Double(k) / Double(steps)
                times.append(t)
                values.append(y[i - 1] + (y[i] - y[i - 1]) * Double(k) / Double(steps))
            }
        }
        let measured = StepSeries(label: "readout build, median wall time", color: Palette.blue, times: times, values: values,
                                  start: y[0], censorTimes: x, endTime: x.last!)
        let linearTimes = stride(from: x[0] + 0.01, through: x.last! + 1e-9, by: 0.01).map { $0 }
        let linear = StepSeries(label: "linear growth from \(MeasurementTable.grouped(first.subjects)) subjects",
                                color: Palette.vermillion, times: linearTimes, values: linearTimes.map(reference),
                                start: y[0], endTime: x.last!, lineStyle: .dashed)
        var annotation = "log10 axes: x 0 = \(MeasurementTable.grouped(Int(base))) subjects\ny −1 = 0.1 s, 0 = 1 s, 1 = 10 s"
        if points.count > 1 {
            let previous = points[points.count - 2]
            annotation += String(format: "\n%@ → %@ subjects: ×%.1f", MeasurementTable.grouped(previous.subjects),
                                 MeasurementTable.grouped(last.subjects), last.value / previous.value)
        }
        let chart = StepChart(
            title: "Build time against trial size (log–log)",
            xLabel: "Screened subjects, log10 (sizes in the table)",
            yLabel: "Wall time, log10 seconds",
            xMax: xMax, xTicks: stride(from: 0.0, through: xMax, by: 1).map { $0 },
            yRange: yLow...yHigh, yAsPercent: false,
            series: [linear, measured],
            riskTable: RiskTable(times: x, rows: [
                (label: "subjects", color: "#767676", counts: points.map(\.subjects)),
                (label: "wall ms", color: Palette.blue, counts: points.map { Int(($0.value * 1000).rounded()) }),
            ], heading: "Measured (median of runs)"),
            annotation: annotation,
            yTicks: stride(from: yLow, through: yHigh, by: 1).map { $0 },
            description: "Median wall time of readout build at " + points.map { "\(MeasurementTable.grouped($0.subjects)) subjects: \(String(format: "%.3f", $0.value)) s" }.joined(separator: "; ") + ".",
            id: "growth")
        return chart.svg()
    }
}
