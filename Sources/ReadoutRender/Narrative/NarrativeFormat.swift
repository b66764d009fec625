import ReadoutCore
import ReadoutPlan

/// How a narrative `{{result:KEY}}` reads in running text: the same rounded value as the result
/// tables (`ReportFormat`, `NumberFormat`), with its unit and the confidence wording a sentence needs,
/// "60.7% (95% CI 50.5–69.4)", "22.9 months (95% CI 18.1–27.4)", "0.62 (95% CI 0.45–0.85)",
/// "p = 0.012". The formats are listed in docs/narrative.md.
struct NarrativeFormat {
    /// "95% CI" for the trial's confidence level.
    let ci: String
    /// The display time unit, plural ("months").
    let unit: String

    /// Formats for a confidence level (0.95 → "95% CI") and a display time unit.
    init(level: Double, unit: TimeUnit) {
        ci = "\(NumberFormat.fixed(level * 100, digits: 0))% CI"
        self.unit = unit.rawValue
    }

    /// "60.7% (95% CI 50.5–69.4)"; "NE" without an estimate.
    func percent(_ estimate: Double?, _ lower: Double?, _ upper: Double?) -> String {
        guard estimate != nil else { return NumberFormat.notEstimable }
        return "\(NumberFormat.percent(estimate))% (\(ci) \(NumberFormat.percent(lower))–\(NumberFormat.percent(upper)))"
    }

    /// "22.9 months (95% CI 18.1–27.4)"; "not reached (95% CI 18.1–NE)" without an estimate.
    func time(_ estimate: Double?, _ lower: Double?, _ upper: Double?) -> String {
        let interval = "(\(ci) \(NumberFormat.fixed(lower, digits: 1))–\(NumberFormat.fixed(upper, digits: 1)))"
        guard let estimate, estimate.isFinite else { return "not reached \(interval)" }
        return "\(NumberFormat.fixed(estimate, digits: 1)) \(unit) \(interval)"
    }

    /// "0.62 (95% CI 0.45–0.85)"; "NE" without an estimate.
    func ratio(_ estimate: Double?, _ lower: Double?, _ upper: Double?) -> String {
        guard estimate != nil else { return NumberFormat.notEstimable }
        return "\(NumberFormat.fixed(estimate, digits: 2)) (\(ci) \(NumberFormat.fixed(lower, digits: 2))–\(NumberFormat.fixed(upper, digits: 2)))"
    }

    /// "15.1 percentage points (95% CI 2.3 to 27.0)" ("to", as a limit may be negative); "NE" without an estimate.
    func difference(_ estimate: Double?, _ lower: Double?, _ upper: Double?) -> String {
        guard estimate != nil else { return NumberFormat.notEstimable }
        return "\(NumberFormat.percent(estimate)) percentage points (\(ci) \(NumberFormat.percent(lower)) to \(NumberFormat.percent(upper)))"
    }

    /// "p = 0.012", "p < 0.001", "p > 0.999"; "p NE" when not computed.
    func p(_ value: Double?) -> String {
        let text = NumberFormat.pValue(value)
        if text.hasPrefix("<") || text.hasPrefix(">") { return "p \(text.prefix(1)) \(text.dropFirst())" }
        if text == NumberFormat.notEstimable { return "p \(text)" }
        return "p = \(text)"
    }

    /// "12 of 40 (30.0%)".
    func count(_ n: Int, of total: Int) -> String {
        guard total > 0 else { return "\(n)" }
        return "\(n) of \(total) (\(NumberFormat.fixed(Double(n) / Double(total) * 100, digits: 1))%)"
    }

}
