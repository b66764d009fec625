// What a step chart draws inside its plot, as layout obstacles (FreeSpace): each curve as the
// polyline of its steps, each band interval as a rectangle, each censoring mark as its box, each
// landmark line as a vertical segment. The key is placed where it covers none of them.

extension StepChart.Layout {
    /// The step curve of one series as viewBox points, the same corners `StepMarks.curve` draws.
    static func curvePoints(_ series: StepSeries, steps: [StepSeries.Step], x: LinearScale, y: LinearScale) -> [(x: Double, y: Double)] {
        let x0 = x.domain.lowerBound
        let stop = min(series.resolvedEnd, x.domain.upperBound)
        var points: [(x: Double, y: Double)] = [(x(x0), y.clamped(series.start))]
        for step in steps where step.time <= stop {
            let px = x(max(step.time, x0))
            points.append((px, points[points.count - 1].y))
            points.append((px, y.clamped(step.value)))
        }
        if stop > x0 { points.append((x(stop), points[points.count - 1].y)) }
        return points
    }

    /// The band of one series as one box per interval with both limits (as `StepMarks.band` fills it).
    static func bandBoxes(_ series: StepSeries, steps: [StepSeries.Step], x: LinearScale, y: LinearScale) -> [LayoutBox] {
        let stop = min(series.resolvedEnd, x.domain.upperBound)
        var boxes: [LayoutBox] = []
        for (i, step) in steps.enumerated() {
            let a = max(step.time, x.domain.lowerBound)
            let b = min(i + 1 < steps.count ? steps[i + 1].time : stop, stop)
            guard a < stop else { break }
            guard let lo = step.lower, let hi = step.upper, b > a else { continue }
            let top = y.clamped(max(lo, hi)), bottom = y.clamped(min(lo, hi))
            boxes.append(LayoutBox(x: x(a), y: top, width: x(b) - x(a), height: bottom - top))
        }
        return boxes
    }

    /// Everything inside the plot a label must avoid.
    static func obstacles(_ chart: StepChart, steps: [[StepSeries.Step]], x: LinearScale, y: LinearScale) -> [LayoutObstacle] {
        var out: [LayoutObstacle] = []
        for (series, steps) in zip(chart.series, steps) {
            out.append(.polyline(curvePoints(series, steps: steps, x: x, y: y)))
            out += bandBoxes(series, steps: steps, x: x, y: y).map { .box($0) }
            let stop = min(series.resolvedEnd, x.domain.upperBound)
            for t in series.censorTimes where t.isFinite && t >= x.domain.lowerBound && t <= stop {
                let px = x(t), py = y.clamped(StepMarks.value(at: t, start: series.start, steps: steps))
                out.append(.box(LayoutBox(x: px - 4, y: py - 4, width: 8, height: 8)))
            }
        }
        for t in chart.landmarks where t > x.domain.lowerBound && t <= x.domain.upperBound {
            out.append(.polyline([(x(t), y.start), (x(t), y.end)]))
        }
        return out
    }
}
