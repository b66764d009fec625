import ReadoutCore
import ReadoutFigures
import ReadoutPlan

/// Maps results to chart specs: Kaplan-Meier and cumulative-incidence step charts with a number-at-risk table.
enum SurvivalFigures {
    /// x-axis ticks: multiples of 6 for months, 12 for weeks, 90 for days, else a 1-2-5 step; at most 9 ticks.
    static func ticks(maxTime: Double, unit: TimeUnit) -> [Double] {
        let preferred: [Double] = switch unit {
        case .months: [3, 6, 12, 24]
        case .weeks: [4, 12, 26, 52]
        case .days: [30, 90, 180, 365]
        case .years: [0.5, 1, 2, 5]
        }
        let step = preferred.first { maxTime / $0 <= 8 } ?? (preferred.last! * ((maxTime / preferred.last!) / 8).rounded(.up))
        let last = (maxTime / step).rounded(.up) * step
        return stride(from: 0, through: last + step / 2, by: step).map { $0 }
    }

    /// The dash pattern of arm `index`: solid, dashed, dotted, then again (arms also differ in colour),
    /// so curves stay apart in grey-scale print; the key and the risk table show the same pattern.
    static func lineStyle(_ index: Int) -> LineStyle {
        LineStyle.allCases[index % LineStyle.allCases.count]
    }

    /// viewBox width of the survival figures: they fill the content width (80rem on screen, the text
    /// width in print), and at 960 units their 13-unit labels print at about 16px on a wide screen.
    static let width = 960.0

    /// Number at risk at `t`: subjects with time ≥ t, read off the KM table.
    static func atRisk(_ curve: [CurveRow], at t: Double) -> Int {
        guard let row = curve.first(where: { $0.time >= t }) else { return 0 }
        return row.atRisk
    }

    static func kaplanMeier(_ result: EndpointResult, arms: [ArmInfo], time: TimeSettings, title: String, yLabel: String,
                            level: Double = 0.95) -> String {
        kaplanMeierChart(result, arms: arms, time: time, title: title, yLabel: yLabel, level: level).svg()
    }

    /// The Kaplan-Meier chart spec (its SVG is `kaplanMeier`).
    static func kaplanMeierChart(_ result: EndpointResult, arms: [ArmInfo], time: TimeSettings, title: String, yLabel: String,
                                 level: Double = 0.95) -> StepChart {
        let unit = time.displayUnit
        let maxTime = result.arms.flatMap { $0.curve.map(\.time) }.max() ?? 1
        let xTicks = ticks(maxTime: maxTime, unit: unit)
        let series = zip(result.arms, arms).enumerated().map { index, pair in
            let (survival, arm) = pair
            return StepSeries(label: arm.label, color: arm.color,
                              times: survival.curve.map(\.time), values: survival.curve.map(\.estimate), start: 1,
                              lower: survival.curve.map(\.lower), upper: survival.curve.map(\.upper),
                              censorTimes: survival.curve.filter { $0.censored > 0 }.map(\.time),
                              endTime: survival.curve.last?.time, lineStyle: lineStyle(index))
        }
        let risk = RiskTable(times: xTicks, rows: zip(result.arms, arms).map { survival, arm in
            (label: arm.short, color: arm.color, counts: xTicks.map { atRisk(survival.curve, at: $0) })
        })
        var annotation: String?
        if let hr = result.cox?.hazardRatios.first, let logRank = result.logRank {
            let words = NarrativeFormat(level: level, unit: time.displayUnit)
            annotation = "HR \(words.ratio(hr.estimate, hr.lower, hr.upper)); log-rank \(words.p(logRank.p))"
        }
        let chart = StepChart(title: title, xLabel: ReportFormat.timeAxis(time), yLabel: yLabel,
                              xMax: xTicks.last ?? maxTime, xTicks: xTicks, yRange: 0...1, yAsPercent: true,
                              series: series, riskTable: risk, landmarks: result.arms.first?.landmarks.map(\.time) ?? [],
                              annotation: annotation, showsTitle: false,
                              description: "\(title) by arm, Kaplan-Meier estimates with pointwise confidence bands and numbers at risk.",
                              id: "figure-\(result.endpoint)", width: width)
        return chart
    }

    /// Cumulative incidence of one cause by arm (rising curves from 0).
    static func incidence(_ result: EndpointResult, cause: String, arms: [ArmInfo], time: TimeSettings, title: String,
                          level: Double = 0.95) -> String {
        incidenceChart(result, cause: cause, arms: arms, time: time, title: title, level: level)?.svg() ?? ""
    }

    /// The cumulative-incidence chart spec (its SVG is `incidence`); nil without competing risks.
    static func incidenceChart(_ result: EndpointResult, cause: String, arms: [ArmInfo], time: TimeSettings, title: String,
                               level: Double = 0.95) -> StepChart? {
        let unit = time.displayUnit
        guard let competing = result.competingRisks else { return nil }
        let curves = competing.incidence.filter { $0.cause == cause }
        let maxTime = result.arms.flatMap { $0.curve.map(\.time) }.max() ?? 1
        let xTicks = ticks(maxTime: maxTime, unit: unit)
        let series = zip(curves, arms).enumerated().map { index, pair in
            let (curve, arm) = pair
            let survival = result.arms.first { $0.arm == arm.value }
            return StepSeries(label: arm.label, color: arm.color, times: curve.curve.map(\.time), values: curve.curve.map(\.estimate),
                              start: 0, lower: curve.curve.map(\.lower), upper: curve.curve.map(\.upper),
                              censorTimes: survival?.curve.filter { $0.censored > 0 }.map(\.time) ?? [],
                              endTime: survival?.curve.last?.time, lineStyle: lineStyle(index))
        }
        let risk = RiskTable(times: xTicks, rows: zip(result.arms, arms).map { survival, arm in
            (label: arm.short, color: arm.color, counts: xTicks.map { atRisk(survival.curve, at: $0) })
        })
        let maxIncidence = curves.flatMap(\.curve).map { $0.upper ?? $0.estimate }.max() ?? 0
        let top = min(1, max(0.2, (maxIncidence * 1.25 * 10).rounded(.up) / 10))
        var annotation: String?
        if let gray = competing.gray.first(where: { $0.cause == cause }) {
            let words = NarrativeFormat(level: level, unit: time.displayUnit)
            annotation = "Gray's test \(words.p(gray.p))"
            if let fg = competing.fineGray.first(where: { $0.cause == cause }), fg.converged {
                annotation! += "; sHR \(words.ratio(fg.estimate, fg.lower, fg.upper))"
            }
        }
        let chart = StepChart(title: title, xLabel: ReportFormat.timeAxis(time), yLabel: "Cumulative incidence (%)",
                              xMax: xTicks.last ?? maxTime, xTicks: xTicks, yRange: 0...top, yAsPercent: true,
                              series: series, riskTable: risk,
                              landmarks: curves.first?.landmarks.map(\.time) ?? [], annotation: annotation, showsTitle: false,
                              description: "\(title) by arm, Aalen-Johansen estimates with pointwise confidence bands, censoring marks and numbers at risk.",
                              id: "figure-\(result.endpoint)", width: width)
        return chart
    }
}
