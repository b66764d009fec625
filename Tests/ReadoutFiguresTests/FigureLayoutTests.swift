// The free-space layout of labels: FreeSpace's geometry on its own, then every step chart's key
// checked against what the chart draws, by an independent check that samples the curves, bands
// and landmark lines from the spec (StepChart.keyCollisions, not the obstacles the layout used):
// for the sample specs and for adversarial charts whose curves run through every corner of the plot.

@testable import ReadoutFigures
import Testing

@Suite("Figure layout")
struct FigureLayoutTests {
    @Test func segmentsCrossABoxOnlyThroughItsInterior() {
        let box = LayoutBox(x: 10, y: 10, width: 20, height: 10)
        #expect(box.crosses((0, 15), (40, 15)))          // straight through
        #expect(box.crosses((15, 0), (15, 12)))          // ends inside
        #expect(box.crosses((0, 0), (40, 40)))           // diagonal through
        #expect(!box.crosses((0, 10), (40, 10)))         // along the top edge
        #expect(!box.crosses((0, 0), (5, 40)))           // passes by on the left
        #expect(!box.crosses((31, 0), (31, 40)))         // passes by on the right
        #expect(!box.crosses((0, 30), (40, 21)))         // below
        #expect(LayoutObstacle.polyline([(20, 15)]).intersects(box))
        #expect(!LayoutObstacle.polyline([(0, 0), (0, 40), (40, 40)]).intersects(box))
        #expect(LayoutObstacle.box(LayoutBox(x: 29, y: 19, width: 5, height: 5)).intersects(box))
        #expect(!LayoutObstacle.box(LayoutBox(x: 30, y: 10, width: 5, height: 5)).intersects(box))
    }

    @Test func placedBoxesAvoidObstaclesAndEachOther() throws {
        // A vertical line through the middle and a box in the top-right corner.
        var space = FreeSpace(bounds: LayoutBox(x: 0, y: 0, width: 200, height: 100),
                              obstacles: [.polyline([(100, 0), (100, 100)]), .box(LayoutBox(x: 150, y: 0, width: 50, height: 40))])
        let placed = (0..<3).compactMap { _ in space.place(width: 40, height: 20) }
        try #require(placed.count == 3)
        let (a, b, c) = (placed[0], placed[1], placed[2])
        for box in [a, b, c] {
            #expect(space.bounds.contains(box))
            #expect(!(box.x < 100 + space.clearance && box.maxX > 100 - space.clearance), "\(box) on the line")
            #expect(!box.overlaps(LayoutBox(x: 150, y: 0, width: 50, height: 40)))
        }
        #expect(!a.overlaps(b) && !a.overlaps(c) && !b.overlaps(c))
        // No room at all: nil, nothing placed.
        var full = FreeSpace(bounds: LayoutBox(x: 0, y: 0, width: 50, height: 50), obstacles: [.box(LayoutBox(x: 0, y: 0, width: 50, height: 50))])
        #expect(full.place(width: 10, height: 10) == nil)
        #expect(full.placed.isEmpty)
        #expect(full.place(width: 60, height: 10) == nil)
    }

    /// Every way the chart's keys could collide, checked from the spec by sampling (StepChart+Audit).
    static func collisions(_ chart: StepChart, boxes override: [LayoutBox]? = nil) -> [String] {
        chart.keyCollisions(boxes: override)
    }

    @Test(arguments: [("km", SampleSpecs.kaplanMeier), ("cif", SampleSpecs.cumulativeIncidence), ("crossing", SampleSpecs.crossing)])
    func sampleKeysCoverNothing(_ name: String, _ chart: StepChart) {
        #expect(Self.collisions(chart).isEmpty, "\(name): \(Self.collisions(chart).prefix(5))")
        #expect(!StepChart.Layout(chart).keyBoxes.isEmpty)
    }

    /// Curves through every corner: diagonals both ways, wide bands, landmarks every 3 units, a long annotation.
    static let adversarial: [StepChart] = {
        let times = (1...60).map { Double($0) / 5 }
        func falling(_ t: Double) -> Double { 1 - t / 12 }
        let down = StepSeries(label: "Falling through top left and bottom right", times: times, values: times.map(falling),
                              lower: times.map { max(falling($0) - 0.15, 0) }, upper: times.map { min(falling($0) + 0.15, 1) },
                              censorTimes: [1, 5, 9], endTime: 12)
        let up = StepSeries(label: "Rising through bottom left and top right", color: Palette.vermillion, times: times,
                            values: times.map { $0 / 12 }, start: 0, endTime: 12, lineStyle: .dashed)
        let flatTop = StepSeries(label: "Along the top", color: Palette.bluishGreen, times: [11.9], values: [0.97], start: 0.99, endTime: 12, lineStyle: .dotted)
        let flatBottom = StepSeries(label: "Along the bottom", color: Palette.black, times: [0.1], values: [0.01], start: 0.02, endTime: 12)
        let long = "HR 0.62 (95% CI 0.45–0.85); log-rank p = 0.012\nStratified by age group and MRD status; a long second line to fill space"
        return [
            StepChart(title: "Diagonals", xLabel: "t", yLabel: "S", xMax: 12, series: [down, up], landmarks: [3, 6, 9], annotation: long, id: "a1"),
            StepChart(title: "Diagonals and edges", xLabel: "t", yLabel: "S", xMax: 12, series: [down, up, flatTop, flatBottom],
                      landmarks: [6], annotation: long, id: "a2"),
            StepChart(title: "Edges only", xLabel: "t", yLabel: "S", xMax: 12, series: [flatTop, flatBottom],
                      landmarks: Array(stride(from: 0.5, through: 12, by: 0.5)), annotation: "p < 0.001", id: "a3"),
            StepChart(title: "One falling band", xLabel: "t", yLabel: "S", xMax: 12, series: [down], landmarks: [12], annotation: long,
                      showsTitle: false, id: "a4", width: 400, plotHeight: 160),
        ]
    }()

    @Test func adversarialKeysCoverNothing() {
        for chart in Self.adversarial {
            let problems = Self.collisions(chart)
            #expect(problems.isEmpty, "\(chart.title): \(problems.prefix(5))")
            #expect(!StepChart.Layout(chart).keyBoxes.isEmpty, "\(chart.title) lost its key")
        }
    }

    /// The check itself fails on a key placed over a curve (it is not true of any layout).
    @Test func theCheckSeesACurveUnderAKey() {
        let chart = Self.adversarial[0]
        let layout = StepChart.Layout(chart)
        // Centre of the plot: both diagonals cross there.
        let mid = LayoutBox(x: layout.plot.x + layout.plot.width / 2 - 20, y: layout.plot.y + layout.plot.height / 2 - 10, width: 40, height: 20)
        #expect(!Self.collisions(chart, boxes: [mid]).isEmpty)
        let landmark = LayoutBox(x: layout.x(3) - 5, y: layout.plot.maxY - 30, width: 10, height: 10)
        #expect(Self.collisions(chart, boxes: [landmark]).contains { $0.hasPrefix("landmark") })
        #expect(!Self.collisions(chart, boxes: [mid, mid]).filter { $0.hasPrefix("keys") }.isEmpty)
        // The layout's own obstacles agree.
        #expect(!FreeSpace(bounds: LayoutBox(layout.plot), obstacles: layout.plotObstacles).isFree(mid))
    }
}
