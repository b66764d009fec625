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
        // The four edges (left, right, top, bottom) in turn; false as soon as the segment is outside.
        @inline(__always) func clip(_ p: Double, _ q: Double) -> Bool {
            if p == 0 { return q > 0 }  // parallel to this edge: inside only if strictly on the inner side
            let r = q / p
            if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
            return t0 < t1
        }
        return clip(-dx, a.x - x) && clip(dx, maxX - a.x) && clip(-dy, a.y - y) && clip(dy, maxY - a.y)
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

/// An obstacle ready for many queries: its bounding box, and for a polyline whose x never decreases
/// (every step curve) the segments found by binary search on x instead of a scan of all of them.
struct PreparedObstacle: Sendable {
    let bounds: LayoutBox
    let points: [(x: Double, y: Double)]
    let box: LayoutBox?
    let xSorted: Bool

    init(_ obstacle: LayoutObstacle) {
        switch obstacle {
        case .box(let b):
            box = b; points = []; bounds = b; xSorted = false
        case .polyline(let p):
            box = nil; points = p
            let xs = p.map(\.x), ys = p.map(\.y)
            let minX = xs.min() ?? 0, minY = ys.min() ?? 0
            bounds = LayoutBox(x: minX, y: minY, width: (xs.max() ?? 0) - minX, height: (ys.max() ?? 0) - minY)
            xSorted = zip(p, p.dropFirst()).allSatisfy { $0.x <= $1.x }
        }
    }

    /// Same answer as `LayoutObstacle.intersects`.
    func intersects(_ query: LayoutBox) -> Bool {
        if let box { return box.overlaps(query) }
        if points.count == 1 {
            let p = points[0]
            return p.x > query.x && p.x < query.maxX && p.y > query.y && p.y < query.maxY
        }
        // Outside the closed bounding box, no segment can reach the box's interior.
        guard bounds.x <= query.maxX, query.x <= bounds.maxX, bounds.y <= query.maxY, query.y <= bounds.maxY else { return false }
        guard points.count > 1 else { return false }
        var start = 0
        if xSorted {
            // First segment whose right end reaches the box: points[i + 1].x >= query.x.
            var lo = 0, hi = points.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if points[mid + 1].x >= query.x { hi = mid } else { lo = mid + 1 }
            }
            start = lo
        }
        var i = start
        while i + 1 < points.count {
            if xSorted, points[i].x > query.maxX { break }
            if query.crosses(points[i], points[i + 1]) { return true }
            i += 1
        }
        return false
    }
}

/// Free-space placement of label boxes among obstacles (see the file comment).
public struct FreeSpace: Sendable {
    /// Where labels may go.
    public var bounds: LayoutBox
    /// What they must not cover.
    public var obstacles: [LayoutObstacle] { didSet { prepared = obstacles.map(PreparedObstacle.init) } }
    private var prepared: [PreparedObstacle]
    /// Boxes placed so far (each later box avoids them too).
    public private(set) var placed: [LayoutBox] = []
    /// Empty space kept between a label and any obstacle or other label.
    public var clearance: Double

    public init(bounds: LayoutBox, obstacles: [LayoutObstacle], clearance: Double = 3) {
        self.bounds = bounds
        self.obstacles = obstacles
        self.prepared = obstacles.map(PreparedObstacle.init)
        self.clearance = clearance
    }

    /// True when `box` lies in the bounds and, grown by the clearance, touches no obstacle and no placed box.
    public func isFree(_ box: LayoutBox) -> Bool {
        guard bounds.contains(box) else { return false }
        let grown = box.inset(by: -clearance)
        return !placed.contains { $0.overlaps(grown) } && !prepared.contains { $0.intersects(grown) }
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
    /// The same test as `isFree` for each candidate in turn, but the obstacle that blocked the previous candidate
    /// is asked first: neighbouring candidates are mostly blocked by the same curve or band, so a blocked
    /// candidate costs one test instead of a scan of every obstacle. Which candidate is free does not change.
    public mutating func place(width: Double, height: Double, step: Double = 8) -> LayoutBox? {
        var lastBlocker: Int?
        for box in candidates(width: width, height: height, step: step) where bounds.contains(box) {
            let grown = box.inset(by: -clearance)
            if placed.contains(where: { $0.overlaps(grown) }) { continue }
            if let k = lastBlocker, prepared[k].intersects(grown) { continue }
            if let k = prepared.firstIndex(where: { $0.intersects(grown) }) { lastBlocker = k; continue }
            placed.append(box)
            return box
        }
        return nil
    }

    /// Records a box placed elsewhere (e.g. outside the plot) so later labels avoid it.
    public mutating func reserve(_ box: LayoutBox) { placed.append(box) }
}
