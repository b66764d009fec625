// Path data for right-continuous step functions: the curve itself (horizontal then vertical
// segments, "H"/"V" commands), its pointwise confidence band (a closed polygon per run of
// intervals with both limits present), and "+" censoring marks. Values are clamped into the
// y domain and times cut at the x-domain end, so no clip path (and no document id) is needed.

/// Path builders for step curves, bands and censoring marks.
enum StepMarks {
    /// Accumulates path commands, dropping moves that would not change the printed position and
    /// merging runs of horizontal moves, and of vertical moves in one direction, into one command.
    /// Merging is lossless for the drawn stroke and bounds the path length by the number of distinct
    /// printed x positions, however many steps a curve has.
    struct PathBuilder {
        private var done = ""
        private var pending: (command: Character, value: String, up: Bool)?
        private var x = ""
        private var y = ""
        private var yValue = 0.0

        /// The path data so far.
        var d: String { done + (pending.map { String($0.command) + $0.value } ?? "") }

        private mutating func flush() {
            if let p = pending { done += String(p.command) + p.value }
            pending = nil
        }

        mutating func move(_ px: Double, _ py: Double) {
            flush()
            x = SVGNumber.coordinate(px)
            y = SVGNumber.coordinate(py)
            yValue = py
            done += "M" + x + " " + y
        }

        mutating func horizontal(_ px: Double) {
            let nx = SVGNumber.coordinate(px)
            guard nx != x else { return }
            x = nx
            if pending?.command != "H" { flush() }
            pending = ("H", nx, false)
        }

        mutating func vertical(_ py: Double) {
            let ny = SVGNumber.coordinate(py)
            guard ny != y else { return }
            let up = py < yValue
            if !(pending?.command == "V" && pending?.up == up) { flush() }
            y = ny
            yValue = py
            pending = ("V", ny, up)
        }

        mutating func close() {
            flush()
            done += "Z"
        }
    }

    /// The step curve from (x-domain start, `start`) through every jump up to `end` (cut at the x-domain end).
    static func curve(start: Double, steps: [StepSeries.Step], end: Double, x: LinearScale, y: LinearScale) -> String {
        let x0 = x.domain.lowerBound
        let stop = min(end, x.domain.upperBound)
        var path = PathBuilder()
        path.move(x(x0), y.clamped(start))
        for step in steps where step.time <= stop {
            path.horizontal(x(max(step.time, x0)))
            path.vertical(y.clamped(step.value))
        }
        if stop > x0 { path.horizontal(x(stop)) }
        return path.d
    }

    /// The band as closed polygons: upper limits left to right, then lower limits right to left; a
    /// missing limit ends the current polygon. Empty when no interval has both limits.
    static func band(steps: [StepSeries.Step], end: Double, x: LinearScale, y: LinearScale) -> String {
        let stop = min(end, x.domain.upperBound)
        struct Interval { var a: Double; var b: Double; var lo: Double; var hi: Double }
        var runs: [[Interval]] = []
        var current: [Interval] = []
        for (i, step) in steps.enumerated() {
            let a = max(step.time, x.domain.lowerBound)
            let b = min(i + 1 < steps.count ? steps[i + 1].time : stop, stop)
            guard a < stop else { break }
            if let lo = step.lower, let hi = step.upper {
                if b > a { current.append(Interval(a: a, b: b, lo: min(lo, hi), hi: max(lo, hi))) }
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        var path = PathBuilder()
        for run in runs {
            path.move(x(run[0].a), y.clamped(run[0].hi))
            for (k, interval) in run.enumerated() {
                if k > 0 { path.vertical(y.clamped(interval.hi)) }
                path.horizontal(x(interval.b))
            }
            for interval in run.reversed() {
                path.vertical(y.clamped(interval.lo))
                path.horizontal(x(interval.a))
            }
            path.close()
        }
        return path.d
    }

    /// "+" marks of half-size `arm` at each censoring time within the x domain and the curve's extent;
    /// marks closer than half a unit to the previous drawn mark at the same height are skipped.
    static func censorMarks(_ series: StepSeries, steps: [StepSeries.Step], x: LinearScale, y: LinearScale,
                            arm: Double = 4) -> String {
        let stop = min(series.resolvedEnd, x.domain.upperBound)
        var d: [String] = []
        var last: (x: Double, y: Double)?
        for t in series.censorTimes.sorted() where t.isFinite && t >= x.domain.lowerBound && t <= stop {
            let px = x(t)
            let py = y.clamped(value(at: t, start: series.start, steps: steps))
            // A mark within half a unit of the previous one on the same level would print over it.
            if let last, px - last.x < 0.5, abs(py - last.y) < 0.5 { continue }
            last = (px, py)
            let c = SVGNumber.coordinate
            d.append("M\(c(px - arm)) \(c(py))h\(c(2 * arm))M\(c(px)) \(c(py - arm))v\(c(2 * arm))")
        }
        return d.joined()
    }

    /// Right-continuous value at `t` by binary search over sorted steps.
    static func value(at t: Double, start: Double, steps: [StepSeries.Step]) -> Double {
        var lo = 0
        var hi = steps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if steps[mid].time <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? start : steps[lo - 1].value
    }

    /// Smallest and largest curve (and band) value on the time interval `t0...t1`, or nil if the curve does not reach it.
    static func extent(start: Double, steps: [StepSeries.Step], end: Double, over t0: Double, _ t1: Double) -> (Double, Double)? {
        guard t0 <= end else { return nil }
        var lo = value(at: t0, start: start, steps: steps)
        var hi = lo
        var i = 0
        // Include the band of the interval containing t0.
        while i < steps.count && steps[i].time <= t0 { i += 1 }
        if i > 0 {
            if let l = steps[i - 1].lower { lo = min(lo, l) }
            if let u = steps[i - 1].upper { hi = max(hi, u) }
        }
        while i < steps.count && steps[i].time <= min(t1, end) {
            lo = min(lo, steps[i].value, steps[i].lower ?? steps[i].value)
            hi = max(hi, steps[i].value, steps[i].upper ?? steps[i].value)
            i += 1
        }
        return (lo, hi)
    }
}
