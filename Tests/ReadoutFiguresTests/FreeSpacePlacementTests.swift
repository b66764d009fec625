import Testing
@testable import ReadoutFigures

/// `FreeSpace.place` (which asks the last blocking obstacle first) puts each label where the plain search — the
/// first candidate that `isFree` accepts — would, on seeded random scenes of step curves, bands and boxes.
@Suite struct FreeSpacePlacementTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func scene(seed: UInt64) -> FreeSpace {
        var random = Generator(state: seed)
        let bounds = LayoutBox(x: 40, y: 20, width: 500, height: 260)
        var obstacles: [LayoutObstacle] = []
        for _ in 0..<3 {
            var points: [(x: Double, y: Double)] = [(40, 20 + random.next() * 40)]
            while points[points.count - 1].x < 540 {
                let last = points[points.count - 1]
                let x = min(540, last.x + random.next() * 30), y = min(280, last.y + random.next() * 12)
                points += [(x, last.y), (x, y)]
                if random.next() < 0.3 { obstacles.append(.box(LayoutBox(x: last.x, y: last.y - 4, width: x - last.x, height: 8))) }
            }
            obstacles.append(.polyline(points))
        }
        for _ in 0..<4 {
            obstacles.append(.box(LayoutBox(x: 40 + random.next() * 460, y: 20 + random.next() * 220, width: 10 + random.next() * 60, height: 6 + random.next() * 20)))
        }
        obstacles.append(.polyline([(40 + random.next() * 500, 150)]))
        return FreeSpace(bounds: bounds, obstacles: obstacles)
    }

    @Test(arguments: 1...40) func sameBoxesAsTheFirstFreeCandidate(seed: Int) {
        var space = Self.scene(seed: UInt64(seed))
        var reference = space
        for (width, height) in [(120.0, 40.0), (80, 16), (60, 30), (200, 60), (30, 10), (400, 200)] {
            let expected = reference.candidates(width: width, height: height).first(where: reference.isFree)
            if let expected { reference.reserve(expected) }
            #expect(space.place(width: width, height: height) == expected)
            #expect(space.placed == reference.placed)
        }
    }

    /// The box grid answers as asking every obstacle would: thousands of small boxes (censoring marks, band
    /// intervals; some zero-width, some outside the bounds, some sharing edges with the queries), polylines,
    /// and queries anywhere, against `LayoutObstacle.intersects` over the whole list.
    @Test(arguments: 1...8) func boxGridAgreesWithAskingEveryObstacle(seed: Int) {
        var random = Generator(state: UInt64(seed) &* 7919)
        let bounds = LayoutBox(x: 40, y: 20, width: 500, height: 260)
        var obstacles: [LayoutObstacle] = []
        for _ in 0..<3000 {
            let x = (random.next() * 560).rounded(), y = (random.next() * 300).rounded()
            switch Int(random.next() * 4) {
            case 0: obstacles.append(.box(LayoutBox(x: x, y: y, width: 8, height: 8)))
            case 1: obstacles.append(.box(LayoutBox(x: x, y: y, width: random.next() * 2, height: random.next() * 90)))
            case 2: obstacles.append(.box(LayoutBox(x: x, y: y, width: 0, height: 16)))
            default: obstacles.append(.box(LayoutBox(x: x - 100, y: y, width: 16 * random.next() * 20, height: 16)))
            }
        }
        obstacles.append(.polyline([(40, 200), (300, 200), (300, 260), (540, 260)]))
        let space = FreeSpace(bounds: bounds, obstacles: obstacles, clearance: 2)
        for _ in 0..<3000 {
            let box = LayoutBox(x: 30 + (random.next() * 500).rounded(), y: 10 + (random.next() * 260).rounded(),
                                width: (random.next() * 120).rounded(), height: (random.next() * 50).rounded())
            let grown = box.inset(by: -2)
            let expected = bounds.contains(box) && !obstacles.contains { $0.intersects(grown) }
            #expect(space.isFree(box) == expected, "\(box)")
        }
    }
}
