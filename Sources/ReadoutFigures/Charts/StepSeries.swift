// Input specs for step charts (Kaplan–Meier survival, cumulative incidence): one right-continuous
// step function per series, an optional pointwise confidence band, censoring marks, and the
// number-at-risk table printed under the x axis.

/// How a series' line is stroked; dashes let curves stay distinguishable in greyscale print.
public enum LineStyle: String, Sendable, CaseIterable {
    /// Continuous line.
    case solid
    /// Long dashes.
    case dashed
    /// Short dots.
    case dotted

    /// The `stroke-dasharray` value, or nil for a solid line.
    var dashArray: String? {
        switch self {
        case .solid: nil
        case .dashed: "7 4"
        case .dotted: "2 3"
        }
    }
}

/// One right-continuous step curve: it starts at (0, `start`) and takes `values[i]` right after `times[i]`.
public struct StepSeries: Sendable {
    /// Legend text.
    public var label: String
    /// Stroke colour (any SVG colour; defaults come from ``Palette``).
    public var color: String
    /// Jump times, ascending (unsorted input is sorted stably).
    public var times: [Double]
    /// Curve value right after each time (same length as `times`).
    public var values: [Double]
    /// Curve value from time 0 up to the first jump (1 for survival, 0 for cumulative incidence).
    public var start: Double
    /// Optional pointwise lower confidence limit after each time; nil entries leave a gap in the band.
    public var lower: [Double?]?
    /// Optional pointwise upper confidence limit after each time; nil entries leave a gap in the band.
    public var upper: [Double?]?
    /// Times of censored observations, drawn as "+" marks on the curve.
    public var censorTimes: [Double]
    /// Last follow-up time: the curve extends horizontally to here (default: last jump or censoring time).
    public var endTime: Double?
    /// Line dash pattern.
    public var lineStyle: LineStyle

    /// Creates a series; `start` defaults to 1 (a survival curve).
    public init(label: String, color: String = Palette.color(0), times: [Double], values: [Double], start: Double = 1,
                lower: [Double?]? = nil, upper: [Double?]? = nil, censorTimes: [Double] = [], endTime: Double? = nil,
                lineStyle: LineStyle = .solid) {
        self.label = label
        self.color = color
        self.times = times
        self.values = values
        self.start = start
        self.lower = lower
        self.upper = upper
        self.censorTimes = censorTimes
        self.endTime = endTime
        self.lineStyle = lineStyle
    }

    /// The curve's value at time `t` (right-continuous: a jump at `t` is included); `start` before the first jump.
    public func value(at t: Double) -> Double {
        StepMarks.value(at: t, start: start, steps: sortedSteps())
    }

    /// Where the curve stops: `endTime`, else the last jump or censoring time, else 0.
    public var resolvedEnd: Double {
        if let endTime { return endTime }
        return max(times.filter(\.isFinite).max() ?? 0, censorTimes.filter(\.isFinite).max() ?? 0)
    }

    /// (time, value, lower, upper) in ascending time order; pairs with a non-finite time or value are dropped.
    func sortedSteps() -> [Step] {
        let n = min(times.count, values.count)
        var steps: [Step] = []
        steps.reserveCapacity(n)
        for i in 0..<n where times[i].isFinite && values[i].isFinite {
            let lo = lower.flatMap { i < $0.count ? $0[i] : nil }.flatMap { $0.isFinite ? $0 : nil }
            let up = upper.flatMap { i < $0.count ? $0[i] : nil }.flatMap { $0.isFinite ? $0 : nil }
            steps.append(Step(time: times[i], value: values[i], lower: lo, upper: up))
        }
        // Stable sort: enumerate to keep the input order of tied times.
        if zip(steps, steps.dropFirst()).contains(where: { $0.time > $1.time }) {
            steps = steps.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        }
        return steps
    }

    /// One jump of the curve with its band limits.
    struct Step: Equatable {
        var time: Double
        var value: Double
        var lower: Double?
        var upper: Double?
    }
}

/// Numbers at risk printed under the x axis, one row per group, aligned with `times` on the x scale.
public struct RiskTable: Sendable {
    /// Times at which the counts apply (usually the x-axis ticks).
    public var times: [Double]
    /// One row per group: label, colour of its line swatch, and a count per time.
    public var rows: [(label: String, color: String, counts: [Int])]
    /// Heading printed above the rows.
    public var heading: String

    /// Creates a risk table.
    public init(times: [Double], rows: [(label: String, color: String, counts: [Int])], heading: String = "No. at risk") {
        self.times = times
        self.rows = rows
        self.heading = heading
    }
}
