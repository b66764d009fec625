import ReadoutCore
import ReadoutPlan

/// How numbers are printed on pages. One place, so every page prints a value the same way, and the
/// value printed is the value in results.json rounded for display.
enum ReportFormat {
    /// Survival or incidence probability as a percentage with CI: "65.2 (55.1–73.6)".
    static func percentWithCI(_ estimate: Double?, _ lower: Double?, _ upper: Double?) -> String {
        guard estimate != nil else { return NumberFormat.notEstimable }
        return "\(NumberFormat.percent(estimate)) (\(NumberFormat.percent(lower))–\(NumberFormat.percent(upper)))"
    }

    /// A time (median, follow-up) with CI, one decimal: "14.2 (11.0–NE)".
    static func timeWithCI(_ estimate: Double?, _ lower: Double?, _ upper: Double?) -> String {
        guard estimate != nil else { return "NR (\(NumberFormat.fixed(lower, digits: 1))–\(NumberFormat.fixed(upper, digits: 1)))" }
        return "\(NumberFormat.fixed(estimate, digits: 1)) (\(NumberFormat.fixed(lower, digits: 1))–\(NumberFormat.fixed(upper, digits: 1)))"
    }

    /// A ratio (HR, sHR, OR) with CI, two decimals: "0.62 (0.41–0.93)".
    static func ratioWithCI(_ estimate: Double?, _ lower: Double?, _ upper: Double?) -> String {
        guard estimate != nil else { return NumberFormat.notEstimable }
        return "\(NumberFormat.fixed(estimate, digits: 2)) (\(NumberFormat.fixed(lower, digits: 2))–\(NumberFormat.fixed(upper, digits: 2)))"
    }

    /// A difference in percentage points with CI: "15.1 (2.3–27.0)".
    static func differenceWithCI(_ estimate: Double?, _ lower: Double?, _ upper: Double?) -> String {
        guard estimate != nil else { return NumberFormat.notEstimable }
        return "\(NumberFormat.percent(estimate)) (\(NumberFormat.percent(lower)) to \(NumberFormat.percent(upper)))"
    }

    static func p(_ value: Double?) -> String { NumberFormat.pValue(value) }

    static func count(_ n: Int, of total: Int) -> String { NumberFormat.countPercent(n, of: total) }

    /// A time as it reads in headings and result keys: "24", "0.5".
    static func time(_ t: Double) -> String { ResultKey.timeText(t) }

    /// A landmark time as it reads in a heading: "24 months".
    static func landmark(_ t: Double, unit: TimeUnit) -> String {
        "\(time(t)) \(unit.rawValue)"
    }

    /// The x-axis title of time plots: "Time since transplant (months)", or "Time (months)" without an origin.
    static func timeAxis(_ time: TimeSettings) -> String {
        guard let origin = time.origin, !origin.isEmpty else { return "Time (\(time.displayUnit.rawValue))" }
        return "Time since \(origin) (\(time.displayUnit.rawValue))"
    }

    /// Footnote phrase: "Time from transplant in months", or "Time in months" without an origin.
    static func timeFootnote(_ time: TimeSettings) -> String {
        guard let origin = time.origin, !origin.isEmpty else { return "Time in \(time.displayUnit.rawValue)" }
        return "Time from \(origin) in \(time.displayUnit.rawValue)"
    }

    /// The methods in force, for footnotes.
    static func methods(_ methods: ResolvedMethods) -> String {
        let level = NumberFormat.fixed(methods.confidenceLevel * 100, digits: 0)
        let ci = switch methods.confidenceInterval {
        case .plain: "linear (plain)"
        case .log: "log"
        case .logLog: "log-log"
        }
        return "\(methods.profile.rawValue.uppercased()) convention profile; \(level)% CIs; Kaplan-Meier with Greenwood variance and \(ci)-transformed pointwise CIs; medians with Brookmeyer-Crowley CIs; Cox model with \(methods.ties.rawValue.capitalized) ties and Wald CIs"
    }
}
