import ReadoutCore
import ReadoutPlan

/// The `interim.*` narrative numbers (docs/narrative.md), formatted as the efficacy page prints them.
enum InterimNumbers {
    static func table(_ interim: InterimResult, arms: [ArmInfo]) -> [ResultKey: String] {
        let current = interim.looks[interim.look]
        var table: [ResultKey: String] = [
            .interim("events"): "\(interim.observedEvents)",
            .interim("plannedEvents"): "\(interim.plannedEvents)",
            .interim("fraction"): ReportFormat.fraction(interim.informationFraction),
            .interim("efficacy.z"): ReportFormat.z(current.efficacyZ),
            .interim("efficacy.p"): ReportFormat.smallP(current.efficacyP),
            .interim("alphaSpent"): ReportFormat.smallP(current.alphaSpent),
            .interim("z"): ReportFormat.z(interim.observed.z),
            .interim("p"): ReportFormat.p(interim.observed.p),
            .interim("favours"): interim.observed.favours.map { value in arms.first { $0.value == value }?.label ?? value } ?? "neither arm",
            .interim("decision"): ReportFormat.interimDecision(interim),
        ]
        if let futility = current.futilityZ { table[.interim("futility.z")] = ReportFormat.z(futility) }
        if let cp = interim.conditionalPower {
            table[.interim("cp.trend")] = NumberFormat.percent(cp.currentTrend) + "%"
            table[.interim("cp.design")] = NumberFormat.percent(cp.designHazardRatio) + "%"
        }
        return table
    }
}
