// Placement of labels (legends, annotations) in the free space of a figure. A chart lists what a
// label must not cover as obstacles in viewBox units — curves as polylines, confidence bands as
// rectangles (a step band is a union of one rectangle per interval), reference lines as
// segments, text already drawn as its estimated box (TextMetrics: per-character advance widths of
// DejaVu/Liberation Sans plus 3%) — and asks for a place for a box of a given size: the first
// candidate position, in the chart's order of preference, whose box (grown by a clearance) touches
// no obstacle and no box placed before. Deterministic: same inputs, same place. Charts fall back to
// a position outside the plot when no free place exists (see StepChart+Layout).

/// An axis-aligned box in viewBox units (origin top left, y down).
public struct LayoutBox: Sendable, Equatable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    /// The box grown by `d` on every side.
    public func inset(by d: Double) -> LayoutBox {
        LayoutBox(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }

    /// True when the boxes share interior points (touching edges do not count).
    public func overlaps(_ other: LayoutBox) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// True when `other` lies inside this box (edges included).
    public func contains(_ other: LayoutBox) -> Bool {
        other.x >= x - 1e-9 && other.maxX <= maxX + 1e-9 && other.y >= y - 1e-9 && other.maxY <= maxY + 1e-9
    }

    /// True when the segment from `a` to `b` has a point strictly inside the box (Liang–Barsky clipping).
    public func crosses(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - x), (dx, maxX - a.x), (-dy, a.y - y), (dy, maxY - a.y)] {
            if p == 0 {
                if q <= 0 { return false }  // parallel to this edge and outside (or on it)
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                if t0 >= t1 { return false }
            }
        }
        return true
    }

    public var description: String { "(\(x), \(y), \(width)×\(height))" }

    init(_ rect: Rect) { self.init(x: rect.x, y: rect.y, width: rect.width, height: rect.height) }
    var rect: Rect { Rect(x: x, y: y, width: width, height: height) }
}

/// Something drawn that a label must not cover.
public enum LayoutObstacle: Sendable {
    /// A line through the points (a curve, a reference line).
    case polyline([(x: Double, y: Double)])
    /// A filled or text area.
    case box(LayoutBox)

    /// True when the obstacle has a point strictly inside `box`.
    public func intersects(_ box: LayoutBox) -> Bool {
        switch self {
        case .box(let other):
            return other.overlaps(box)
        case .polyline(let points):
            if points.count == 1 {
                let p = points[0]
                return p.x > box.x && p.x < box.maxX && p.y > box.y && p.y < box.maxY
            }
            for (a, b) in zip(points, points.dropFirst()) where box.crosses(a, b) { return true }
            return false
        }
    }
}

/// Free-space placement of label boxes among obstacles (see the file comment).
public struct FreeSpace: Sendable {
    /// Where labels may go.
    public var bounds: LayoutBox
    /// What they must not cover.
    public var obstacles: [LayoutObstacle]
    /// Boxes placed so far (each later box avoids them too).
    public private(set) var placed: [LayoutBox] = []
    /// Empty space kept between a label and any obstacle or other label.
    public var clearance: Double

    public init(bounds: LayoutBox, obstacles: [LayoutObstacle], clearance: Double = 3) {
        self.bounds = bounds
        self.obstacles = obstacles
        self.clearance = clearance
    }

    /// True when `box` lies in the bounds and, grown by the clearance, touches no obstacle and no placed box.
    public func isFree(_ box: LayoutBox) -> Bool {
        guard bounds.contains(box) else { return false }
        let grown = box.inset(by: -clearance)
        return !placed.contains { $0.overlaps(grown) } && !obstacles.contains { $0.intersects(grown) }
    }

    /// Candidate positions for a `width`×`height` box in preference order: the four corners (top
    /// right, bottom left, bottom right, top left), the top and bottom centres, then a grid scanned
    /// row by row from the top with `step` spacing.
    public func candidates(width: Double, height: Double, step: Double = 8) -> [LayoutBox] {
        let left = bounds.x, right = bounds.maxX - width
        let top = bounds.y, bottom = bounds.maxY - height
        guard right >= left, bottom >= top else { return [] }
        var out = [(right, top), (left, bottom), (right, bottom), (left, top), ((left + right) / 2, top), ((left + right) / 2, bottom)]
            .map { LayoutBox(x: $0.0, y: $0.1, width: width, height: height) }
        let step = max(step, 1)
        var y = top
        while y <= bottom {
            var x = right
            while x >= left {
                out.append(LayoutBox(x: x, y: y, width: width, height: height))
                x -= step
            }
            y += step
        }
        return out
    }

    /// Places a box at the first free candidate and remembers it; nil when no candidate is free.
    public mutating func place(width: Double, height: Double, step: Double = 8) -> LayoutBox? {
        guard let box = candidates(width: width, height: height, step: step).first(where: isFree) else { return nil }
        placed.append(box)
        return box
    }

    /// Records a box placed elsewhere (e.g. outside the plot) so later labels avoid it.
    public mutating func reserve(_ box: LayoutBox) { placed.append(box) }
}
