import ReadoutFigures
import ReadoutPlan

/// The CONSORT 2010 flow diagram from the flow counts.
enum ConsortFigure {
    static func svg(_ consort: ConsortSummary, arms: [ArmInfo]) -> String {
        let top = [
            FlowBox(id: "screened", lines: ["Assessed for eligibility", "n = \(consort.screened)"]),
            FlowBox(id: "randomized", lines: ["Randomized", "n = \(consort.randomized)"]),
        ]
        let excluded = FlowBox(id: "excluded", lines: ["Excluded (n = \(consort.notRandomized))"]
            + consort.notRandomizedReasons.map { "\($0.reason) (n = \($0.count))" })
        var columns: [[FlowBox]] = []
        var sideBoxes: [[(after: String, box: FlowBox)]] = []
        for (a, arm) in consort.arms.enumerated() {
            let label = a < arms.count ? arms[a].label : arm.arm
            var boxes = [FlowBox(id: "arm\(a)-allocated", lines: ["Allocated to \(label)", "n = \(arm.allocated)"])]
            var sides: [(after: String, box: FlowBox)] = []
            for (s, stage) in arm.stages.enumerated() {
                let id = "arm\(a)-stage\(s)"
                if stage.lost > 0 {
                    sides.append((after: boxes.last!.id,
                                  box: FlowBox(id: "\(id)-lost", lines: ["Did not reach: \(stage.label.lowercased()) (n = \(stage.lost))"]
                                      + stage.reasons.map { "\($0.reason) (n = \($0.count))" })))
                }
                boxes.append(FlowBox(id: id, lines: [stage.label, "n = \(stage.count)"]))
            }
            columns.append(boxes)
            sideBoxes.append(sides)
        }
        let diagram = FlowDiagram(title: "CONSORT flow diagram", top: top, exclusions: [(after: "screened", box: excluded)],
                                  arms: columns, armExclusions: sideBoxes, showsTitle: false,
                                  description: "Participant flow from screening to analysis, by arm.", id: "figure-consort")
        return diagram.svg()
    }
}
