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
    public var obstacles: [LayoutObstacle] { didSet { (prepared, boxes) = Self.prepare(obstacles) } }
    /// The polylines (and any box with a non-finite coordinate), each ready for many queries.
    private var prepared: [PreparedObstacle]
    /// The boxes (bands, censoring marks, text): tens of thousands for a curve of 100 000 subjects, so they
    /// are found through a grid rather than asked one by one.
    private var boxes: BoxGrid
    /// Boxes placed so far (each later box avoids them too).
    public private(set) var placed: [LayoutBox] = []
    /// Empty space kept between a label and any obstacle or other label.
    public var clearance: Double

    public init(bounds: LayoutBox, obstacles: [LayoutObstacle], clearance: Double = 3) {
        self.bounds = bounds
        self.obstacles = obstacles
        (prepared, boxes) = Self.prepare(obstacles)
        self.clearance = clearance
    }

    private static func prepare(_ obstacles: [LayoutObstacle]) -> ([PreparedObstacle], BoxGrid) {
        var others: [PreparedObstacle] = [], boxes: [LayoutBox] = []
        for obstacle in obstacles {
            if case .box(let box) = obstacle, box.x.isFinite, box.y.isFinite, box.width.isFinite, box.height.isFinite {
                boxes.append(box)
            } else {
                others.append(PreparedObstacle(obstacle))
            }
        }
        return (others, BoxGrid(boxes))
    }

    /// True when `box` lies in the bounds and, grown by the clearance, touches no obstacle and no placed box.
    public func isFree(_ box: LayoutBox) -> Bool {
        guard bounds.contains(box) else { return false }
        let grown = box.inset(by: -clearance)
        return !placed.contains { $0.overlaps(grown) } && !boxes.anyOverlaps(grown) && !prepared.contains { $0.intersects(grown) }
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
            if boxes.anyOverlaps(grown) { continue }
            if let k = prepared.firstIndex(where: { $0.intersects(grown) }) { lastBlocker = k; continue }
            placed.append(box)
            return box
        }
        return nil
    }

    /// Records a box placed elsewhere (e.g. outside the plot) so later labels avoid it.
    public mutating func reserve(_ box: LayoutBox) { placed.append(box) }
}

/// Boxes bucketed by a uniform grid over their extent (compressed rows: the boxes of cell c are
/// `items[start[c]..<start[c + 1]]`), so a query looks only at the boxes of the cells it covers. A box is
/// in every cell its closed extent touches; two boxes that share interior points share a cell, so the
/// answer is exactly "some box overlaps", as asking each box would give.
struct BoxGrid: Sendable {
    let boxes: [LayoutBox]
    let originX: Double, originY: Double
    let cellWidth: Double, cellHeight: Double
    let columns: Int, rows: Int
    let start: [Int32]
    let items: [Int32]

    init(_ boxes: [LayoutBox]) {
        self.boxes = boxes
        let minX = boxes.map(\.x).min() ?? 0, minY = boxes.map(\.y).min() ?? 0
        let maxX = boxes.map(\.maxX).max() ?? 0, maxY = boxes.map(\.maxY).max() ?? 0
        // 16-unit cells, at most 512 × 512 of them.
        columns = max(1, min(512, Int(((maxX - minX) / 16).rounded(.up))))
        rows = max(1, min(512, Int(((maxY - minY) / 16).rounded(.up))))
        originX = minX
        originY = minY
        cellWidth = max((maxX - minX) / Double(columns), 1e-9)
        cellHeight = max((maxY - minY) / Double(rows), 1e-9)
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var ranges: [(Int, Int, Int, Int)] = []
        ranges.reserveCapacity(boxes.count)
        for box in boxes {
            let range = Self.cells(box, originX: minX, originY: minY, cellWidth: cellWidth, cellHeight: cellHeight, columns: columns, rows: rows)
            ranges.append(range)
            for r in range.2...range.3 { for c in range.0...range.1 { counts[r * columns + c + 1] += 1 } }
        }
        for k in 1..<counts.count { counts[k] += counts[k - 1] }
        var next = counts
        var items = [Int32](repeating: 0, count: Int(counts[counts.count - 1]))
        for (index, range) in ranges.enumerated() {
            for r in range.2...range.3 {
                for c in range.0...range.1 {
                    let cell = r * columns + c
                    items[Int(next[cell])] = Int32(index)
                    next[cell] += 1
                }
            }
        }
        start = counts
        self.items = items
    }

    /// Columns `c0...c1` and rows `r0...r1` of the cells the closed extent of `box` touches, clamped to the grid.
    private static func cells(_ box: LayoutBox, originX: Double, originY: Double, cellWidth: Double, cellHeight: Double,
                              columns: Int, rows: Int) -> (Int, Int, Int, Int) {
        func index(_ v: Double, _ origin: Double, _ size: Double, _ count: Int) -> Int {
            let i = ((v - origin) / size).rounded(.down)
            return i < 0 ? 0 : i >= Double(count - 1) ? count - 1 : Int(i)
        }
        return (index(box.x, originX, cellWidth, columns), index(box.maxX, originX, cellWidth, columns),
                index(box.y, originY, cellHeight, rows), index(box.maxY, originY, cellHeight, rows))
    }

    /// True when some box shares interior points with `query`.
    func anyOverlaps(_ query: LayoutBox) -> Bool {
        guard !boxes.isEmpty, query.x.isFinite, query.y.isFinite, query.width.isFinite, query.height.isFinite else {
            return boxes.contains { $0.overlaps(query) }
        }
        let (c0, c1, r0, r1) = Self.cells(query, originX: originX, originY: originY, cellWidth: cellWidth, cellHeight: cellHeight,
                                          columns: columns, rows: rows)
        for r in r0...r1 {
            for c in c0...c1 {
                let cell = r * columns + c
                for k in Int(start[cell])..<Int(start[cell + 1]) where boxes[Int(items[k])].overlaps(query) { return true }
            }
        }
        return false
    }
}
