import ReadoutCore
import ReadoutPlan

/// How interim monitoring numbers are printed (one place, like the rest of `ReportFormat`).
extension ReportFormat {
    /// A z value, three decimals: "2.963", "−0.512" (U+2212 for the minus, as tables print it).
    static func z(_ value: Double?) -> String {
        guard let value, value.isFinite else { return NumberFormat.notEstimable }
        let text = NumberFormat.fixed(abs(value), digits: 3)
        return value < 0 && text != "0.000" ? "\u{2212}" + text : text
    }

    /// A nominal boundary p or an error spent: four decimals, "<0.0001" below.
    static func smallP(_ value: Double?) -> String {
        guard let value, value.isFinite else { return NumberFormat.notEstimable }
        return value < 0.0001 ? "<0.0001" : NumberFormat.fixed(value, digits: 4)
    }

    /// An information fraction, three decimals: "0.500".
    static func fraction(_ value: Double) -> String { NumberFormat.fixed(value, digits: 3) }

    /// The verdict at this look, in words.
    static func interimDecision(_ interim: InterimResult) -> String {
        if interim.efficacyCrossed { return "efficacy boundary crossed" }
        if interim.futilityCrossed == true { return "futility boundary crossed (non-binding)" }
        return "no boundary crossed"
    }

    static func spending(_ summary: SpendingSummary) -> String {
        let family = SpendingFamily(rawValue: summary.family)?.label ?? summary.family
        guard let gamma = summary.gamma else { return family }
        let text = NumberFormat.fixed(abs(gamma), digits: gamma == gamma.rounded() ? 0 : 2)
        return "\(family) (γ = \(gamma < 0 ? "\u{2212}" : "")\(text))"
    }
}
