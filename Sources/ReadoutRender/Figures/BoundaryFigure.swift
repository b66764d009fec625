import ReadoutCore
import ReadoutFigures
import ReadoutPlan

/// The group-sequential boundary plot: z against information fraction, the efficacy (and futility)
/// boundaries of the design at every look, and the observed z of this and earlier versions.
enum BoundaryFigure {
    static func svg(_ interim: InterimResult, arms: [ArmInfo], endpointTitle: String) -> String {
        let path = interim.history.map { ($0.informationFraction, $0.z) } + [(interim.informationFraction, interim.observed.z)]
        return svg(looks: interim.looks, sided: interim.design.sided, path: path, endpoint: interim.endpoint, endpointTitle: endpointTitle,
                   positive: "positive z favours \(arms.first { !$0.reference }?.label ?? "the experimental arm")",
                   yLabel: "z (positive favours \(arms.first { !$0.reference }?.label ?? "the experimental arm"))")
    }

    /// The boundaries of `looks` and, when `path` is not empty, the observed z at each (fraction, z) of it.
    static func svg(looks: [InterimLook], sided: Int, path: [(Double, Double)], endpoint: String, endpointTitle: String,
                    positive: String, yLabel: String) -> String {
        var series = [LineSeries(label: "Efficacy boundary", color: Palette.vermillion,
                                 points: looks.map { ($0.informationFraction, $0.efficacyZ) })]
        if sided == 2 {
            series.append(LineSeries(label: "Lower efficacy boundary", color: Palette.vermillion,
                                     points: looks.map { ($0.informationFraction, -$0.efficacyZ) }, dashed: true))
        }
        let futility = looks.compactMap { look in look.futilityZ.map { (look.informationFraction, $0) } }
        if !futility.isEmpty {
            series.append(LineSeries(label: "Futility boundary (non-binding)", color: Palette.bluishGreen, points: futility, dashed: true,
                                     marker: .square))
        }
        if !path.isEmpty { series.append(LineSeries(label: "Observed z", color: Palette.blue, points: path.map { (x: $0.0, y: $0.1) })) }
        let xMax = max(1, path.map(\.0).max() ?? 0, looks.map(\.informationFraction).max() ?? 0)
        let xTicks = stride(from: 0.0, through: xMax + 1e-9, by: 0.2).map { $0 }
        let description = "Boundaries on the z scale of the stratified log-rank test of \(endpointTitle) against the information fraction "
            + "(observed over planned events): the design's efficacy\(futility.isEmpty ? "" : " and futility") boundaries at each look; \(positive)."
            + (path.isEmpty ? "" : " Observed z: " + path.map { "\(ReportFormat.z($0.1)) at \(ReportFormat.fraction($0.0))" }.joined(separator: ", ") + ".")
        let chart = LineChart(title: "Group-sequential boundaries — \(endpointTitle)", description: description,
                              xLabel: "Information fraction (events / planned events)",
                              yLabel: yLabel,
                              xRange: 0...(xTicks.last ?? 1), xTicks: xTicks, xTickDigits: 1, series: series,
                              yInclude: [0], referenceY: 0, id: "figure-interim-\(endpoint)")
        return chart.svg()
    }
}
