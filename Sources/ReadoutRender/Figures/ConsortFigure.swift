import ReadoutFigures
import ReadoutPlan

/// The CONSORT 2010 flow diagram from the flow counts: enrolment, allocation (with the stages that
/// detail it), the stages that narrow the flow, follow-up and analysis, per arm. Each level is one
/// horizontal row across arms: an arm without a stage (`arms:` in trial.yaml) has no box on that row,
/// its arrow runs straight through, and the stage's side box belongs to the arm that has it.
enum ConsortFigure {
    static func svg(_ consort: ConsortSummary, arms: [ArmInfo]) -> String {
        let (top, excluded) = enrolment(screened: consort.screened, notRandomized: consort.notRandomized,
                                        reasons: consort.notRandomizedReasons, randomized: consort.randomized)
        var columns: [[FlowBox]] = []
        var sideBoxes: [[(after: String, box: FlowBox)]] = []
        for (a, arm) in consort.arms.enumerated() {
            let label = a < arms.count ? arms[a].label : arm.arm
            var boxes = [FlowBox(id: "arm\(a)-allocated", lines: ["Allocated to \(label)", "n = \(arm.allocated)"])]
            var sides: [(after: String, box: FlowBox)] = []
            for (s, stage) in arm.stages.enumerated() {
                add(stage, id: "arm\(a)-stage\(s)", to: &boxes, sides: &sides)
            }
            if let followUp = arm.followUp { boxes.append(followUpBox(id: "arm\(a)-follow-up", followUp)) }
            if !arm.analysis.isEmpty { boxes.append(analysisBox(id: "arm\(a)-analysis", arm.analysis)) }
            columns.append(boxes)
            sideBoxes.append(sides)
        }
        let diagram = FlowDiagram(title: "CONSORT flow diagram", top: top, exclusions: [(after: "screened", box: excluded)],
                                  arms: columns, armExclusions: sideBoxes, showsTitle: false,
                                  description: "Participant flow from screening to analysis, by arm.", id: "figure-consort", maxBoxWidth: 240)
        return diagram.svg()
    }

    /// The open report's flow (docs/audiences.md): one column, all arms together — enrolment, the
    /// stages every arm has, follow-up and analysis, each with its side box of losses or exclusions.
    static func svg(_ consort: OpenConsort) -> String {
        var (top, excluded) = enrolment(screened: consort.screened, notRandomized: consort.notRandomized,
                                        reasons: consort.notRandomizedReasons, randomized: consort.randomized)
        top[top.count - 1].lines[0] = "Randomized (all arms)"
        var sides: [(after: String, box: FlowBox)] = [(after: "screened", box: excluded)]
        for (s, stage) in consort.stages.enumerated() { add(stage, id: "stage\(s)", to: &top, sides: &sides) }
        if let followUp = consort.followUp { top.append(followUpBox(id: "follow-up", followUp)) }
        if !consort.analysis.isEmpty { top.append(analysisBox(id: "analysis", consort.analysis)) }
        let diagram = FlowDiagram(title: "CONSORT flow diagram, all arms together", top: top, exclusions: sides, arms: [],
                                  showsTitle: false, description: "Participant flow from screening to analysis, all arms together.",
                                  id: "figure-consort-open", maxBoxWidth: 300, maxSideWidth: 260)
        return diagram.svg()
    }

    /// Assessed for eligibility and randomized, and the side box of those not randomized.
    static func enrolment(screened: Int, notRandomized: Int, reasons: [ReasonCount], randomized: Int) -> (top: [FlowBox], excluded: FlowBox) {
        let top = [
            FlowBox(id: "screened", lines: ["Assessed for eligibility", "n = \(screened)"]),
            FlowBox(id: "randomized", lines: ["Randomized", "n = \(randomized)"]),
        ]
        let excluded = FlowBox(id: "excluded", lines: ["Excluded (n = \(notRandomized))"] + reasons.map { "\($0.reason) (n = \($0.count))" })
        return (top, excluded)
    }

    /// A stage in a column: a box on its own row with the side box of those who did not reach it; a
    /// stage that does not narrow, as detail lines of the box above (CONSORT's "received allocated
    /// intervention"); a stage of other arms only, a pass-through slot on its row.
    static func add(_ stage: ConsortStageCount, id: String, to boxes: inout [FlowBox], sides: inout [(after: String, box: FlowBox)]) {
        guard stage.narrows else {
            guard stage.applies, let above = boxes.lastIndex(where: { !$0.passesThrough }) else { return }
            var box = boxes[above]
            box.indents += Array(repeating: 0, count: max(0, box.lines.count - box.indents.count))
            box.lines.append("\(stage.label) (n = \(stage.count))")
            box.indents.append(0)
            if stage.lost > 0 {
                box.lines.append("\(stage.lostLabel) (n = \(stage.lost))")
                box.indents.append(0)
                for reason in stage.reasons {
                    box.lines.append("· \(reason.reason) (n = \(reason.count))")
                    box.indents.append(1)
                }
            }
            boxes[above] = box
            return
        }
        guard stage.applies else {
            boxes.append(.passThrough(id: id))
            return
        }
        if stage.lost > 0, let above = boxes.last {
            sides.append((after: above.id, box: FlowBox(id: "\(id)-lost", lines: ["\(stage.lostLabel) (n = \(stage.lost))"]
                                                          + stage.reasons.map { "\($0.reason) (n = \($0.count))" })))
        }
        boxes.append(FlowBox(id: id, lines: [stage.label, "n = \(stage.count)"]))
    }

    /// CONSORT's follow-up box: lost to follow-up, discontinued with reasons.
    static func followUpBox(id: String, _ followUp: ConsortFollowUpCount) -> FlowBox {
        FlowBox(id: id, lines: ["Follow-up", "Lost to follow-up (n = \(followUp.lost))", "Discontinued (n = \(followUp.discontinued))"]
                    + followUp.reasons.map { "· \($0.reason) (n = \($0.count))" },
                indents: [0, 0, 0] + followUp.reasons.map { _ in 1 })
    }

    /// CONSORT's one analysis box: each analysis population with its count, then those excluded from it
    /// with reasons, indented under it (a chain of boxes would read as a flow).
    static func analysisBox(id: String, _ analysis: [ConsortAnalysisCount]) -> FlowBox {
        var lines = ["Analysis"], indents = [0]
        for box in analysis {
            lines.append("\(box.label) (n = \(box.analysed))")
            indents.append(0)
            if box.excluded > 0 {
                lines.append("Excluded from analysis (n = \(box.excluded))")
                indents.append(1)
                for reason in box.reasons {
                    lines.append("· \(reason.reason) (n = \(reason.count))")
                    indents.append(2)
                }
            }
        }
        return FlowBox(id: id, lines: lines, indents: indents)
    }
}
