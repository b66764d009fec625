import ReadoutFigures
import ReadoutPlan

/// The CONSORT 2010 flow diagram from the flow counts: enrolment, allocation (with the stages that
/// detail it), the stages that narrow the flow, follow-up and analysis, per arm.
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
            for (s, stage) in arm.stages.enumerated() where stage.applies {
                let id = "arm\(a)-stage\(s)"
                guard stage.narrows else {
                    // A detail of the box above, as CONSORT's "received allocated intervention" lines.
                    boxes[boxes.count - 1].lines += ["\(stage.label) (n = \(stage.count))"]
                        + (stage.lost > 0 ? ["\(stage.lostLabel) (n = \(stage.lost))"] + stage.reasons.map { "· \($0.reason) (n = \($0.count))" } : [])
                    continue
                }
                if stage.lost > 0 {
                    sides.append((after: boxes.last!.id,
                                  box: FlowBox(id: "\(id)-lost", lines: ["\(stage.lostLabel) (n = \(stage.lost))"]
                                      + stage.reasons.map { "\($0.reason) (n = \($0.count))" })))
                }
                boxes.append(FlowBox(id: id, lines: [stage.label, "n = \(stage.count)"]))
            }
            if let followUp = arm.followUp {
                boxes.append(FlowBox(id: "arm\(a)-follow-up", lines: ["Follow-up", "Lost to follow-up (n = \(followUp.lost))",
                                                                       "Discontinued (n = \(followUp.discontinued))"]
                                     + followUp.reasons.map { "· \($0.reason) (n = \($0.count))" }))
            }
            if !arm.analysis.isEmpty {
                // CONSORT's one analysis box per arm: each analysis population with its count, then
                // those excluded from it with reasons (a chain of boxes would read as a flow).
                var lines = ["Analysis"]
                for box in arm.analysis {
                    lines.append("\(box.label) (n = \(box.analysed))")
                    if box.excluded > 0 {
                        lines.append("  Excluded from analysis (n = \(box.excluded))")
                        lines += box.reasons.map { "  · \($0.reason) (n = \($0.count))" }
                    }
                }
                boxes.append(FlowBox(id: "arm\(a)-analysis", lines: lines))
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
