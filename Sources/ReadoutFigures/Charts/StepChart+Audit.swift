// An independent check of a step chart's label layout, for tests of any chart built from results:
// it samples what the chart draws from the spec itself — each curve at 4001 times and at every jump,
// each band at the same times, each landmark line — rather than reusing the obstacles the layout
// placed the key with, and reports every key box that covers one of them, two key boxes that
// overlap, and a key that straddles the plot edge. Empty means the key covers nothing.

extension StepChart {
    /// Every collision of the key with what the chart draws (see the file comment); empty when none.
    public func keyCollisions() -> [String] { keyCollisions(boxes: nil) }

    /// The same check for the given boxes instead of the layout's (lets tests show the check can fail).
    func keyCollisions(boxes override: [LayoutBox]?) -> [String] {
        let layout = Layout(self)
        let boxes = override ?? layout.keyBoxes
        let plot = LayoutBox(layout.plot)
        var problems: [String] = []
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] where a.overlaps(b) { problems.append("keys \(a) and \(b) overlap") }
            if !plot.contains(a) && a.overlaps(plot) { problems.append("key \(a) straddles the plot edge") }
        }
        let x = layout.x, y = layout.y
        let samples = 4000
        for (series, steps) in zip(series, layout.steps) {
            let end = min(series.resolvedEnd, x.domain.upperBound)
            for k in 0...samples {
                let t = x.domain.lowerBound + (end - x.domain.lowerBound) * Double(k) / Double(samples)
                let px = x(t)
                let py = y.clamped(series.value(at: t))
                let step = steps.last { $0.time <= t }
                for box in boxes where px > box.x && px < box.maxX {
                    if py > box.y && py < box.maxY { problems.append("\(series.label) at t=\(t) under key \(box)") }
                    if let lo = step?.lower, let hi = step?.upper {
                        let top = y.clamped(max(lo, hi)), bottom = y.clamped(min(lo, hi))
                        if top < box.maxY && bottom > box.y { problems.append("\(series.label) band at t=\(t) under key \(box)") }
                    }
                }
            }
            // The vertical part of the curve at each jump.
            for (k, step) in steps.enumerated() where step.time <= end && step.time >= x.domain.lowerBound {
                let before = k == 0 ? series.start : steps[k - 1].value
                let px = x(step.time)
                let (a, b) = (y.clamped(before), y.clamped(step.value))
                for box in boxes where px > box.x && px < box.maxX && min(a, b) < box.maxY && max(a, b) > box.y {
                    problems.append("\(series.label) jump at t=\(step.time) under key \(box)")
                }
            }
        }
        for t in landmarks where t > x.domain.lowerBound && t <= x.domain.upperBound {
            for box in boxes where x(t) > box.x && x(t) < box.maxX && box.y < plot.maxY && box.maxY > plot.y {
                problems.append("landmark \(t) under key \(box)")
            }
        }
        return problems
    }
}
