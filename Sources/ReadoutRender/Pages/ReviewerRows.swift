import ReadoutCore
import ReadoutPlan

/// Rows and footnotes of the time-to-event table for the restricted mean survival time and the
/// proportional-hazards check (shown only when results.json has them).
enum ReviewerRows {
    /// "RMST to 24 months (95% CI), months" per arm.
    static func restrictedMean(_ endpoint: EndpointResult, unit: TimeUnit) -> [[Cell]] {
        guard let rmst = endpoint.restrictedMean else { return [] }
        return [[.text("Restricted mean survival time to \(ReportFormat.landmark(rmst.horizon, unit: unit)) (95% CI), \(unit.rawValue)")]
                + rmst.arms.map { .number(ReportFormat.timeWithCI($0.estimate, $0.lower, $0.upper)) }]
    }

    /// RMST differences and the Grambsch–Therneau p-values, spanning the arm columns.
    static func comparison(_ endpoint: EndpointResult, arms: [ArmInfo], unit: TimeUnit) -> [[Cell]] {
        let span = arms.count
        var rows: [[Cell]] = []
        if let rmst = endpoint.restrictedMean {
            for d in rmst.differences {
                let text = differenceText(d)
                rows.append([.text("RMST difference to \(ReportFormat.landmark(rmst.horizon, unit: unit)), \(EfficacySections.label(d.arm, arms)) − \(EfficacySections.label(d.versus, arms)), \(unit.rawValue) (95% CI)"),
                             Cell(text: text, numeric: true, colspan: span)])
            }
        }
        if let ph = endpoint.proportionalHazards {
            rows.append([.text("Proportional-hazards test p (Grambsch–Therneau)"), Cell(text: ReportFormat.p(ph.arm.p), numeric: true, colspan: span)])
            if let stratified = ph.stratified {
                rows.append([.text("Stratified model (\(stratified.strata.joined(separator: ", ")))", indent: 1),
                             Cell(text: ReportFormat.p(stratified.arm.p), numeric: true, colspan: span)])
            }
        }
        return rows
    }

    /// An RMST difference in the display unit, one decimal: "2.1 (-0.4 to 4.6)".
    static func differenceText(_ d: RestrictedMeanDifference) -> String {
        guard d.estimate != nil else { return NumberFormat.notEstimable }
        return "\(NumberFormat.fixed(d.estimate, digits: 1)) (\(NumberFormat.fixed(d.lower, digits: 1)) to \(NumberFormat.fixed(d.upper, digits: 1)))"
    }

    static func footnotes(_ endpoint: EndpointResult, unit: TimeUnit) -> [String] {
        var notes: [String] = []
        if let rmst = endpoint.restrictedMean {
            var note = "Restricted mean survival time: area under the Kaplan-Meier curve from 0 to \(ReportFormat.landmark(rmst.horizon, unit: unit)), with its Greenwood-type standard error (as R print.survfit, rmean); normal CIs; the difference has a Wald CI from the two arms' standard errors."
            if rmst.extrapolated { note += " The horizon lies beyond the last observation of an arm, whose curve is carried forward flat." }
            notes.append(note)
        }
        if endpoint.proportionalHazards != nil {
            notes.append("Proportional-hazards check: Grambsch–Therneau score test of a time-varying arm effect with the Kaplan-Meier time transform (as R cox.zph, transform = \"km\"); a small p suggests the hazard ratio changes over time.")
        }
        return notes
    }
}
