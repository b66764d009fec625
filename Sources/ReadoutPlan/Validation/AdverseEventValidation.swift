/// The plan check of an adverse-events endpoint's `severity` scale: levels given, unique and not blank,
/// `severeFrom` one of them, a label to show. Each problem at its key's line (`PlanValidation`).
enum AdverseEventValidation {
    typealias Report = (_ path: String, _ id: String, _ message: String, _ value: String?, _ expected: String?) -> Void

    static func validate(_ variables: AdverseEventVariables, path: String, _ error: Report) {
        guard let severity = variables.severity else { return }
        let at = path + ".adverseEvents.severity"
        if severity.variable.allSatisfy(\.isWhitespace) {
            error(at + ".variable", "plan.invalid-value", "the severity variable is blank", severity.variable, "an ADAE variable, e.g. AESEV or AETOXGR")
        }
        if severity.levels.isEmpty {
            error(at + ".levels", "plan.invalid-value", "a severity scale needs its levels", nil, "the levels, mildest first, e.g. [MILD, MODERATE, SEVERE]")
        }
        for (i, level) in severity.levels.enumerated() {
            if level.allSatisfy(\.isWhitespace) {
                error(at + ".levels[\(i)]", "plan.invalid-value", "a severity level is blank", level, "a value of \(severity.variable)")
            } else if severity.levels[..<i].contains(level) {
                error(at + ".levels[\(i)]", "plan.invalid-value", "severity levels must be unique", level, "each level once, mildest first")
            }
        }
        if !severity.levels.isEmpty && !severity.levels.contains(severity.severeFrom) {
            error(at + ".severeFrom", "plan.invalid-value", "severeFrom is not one of the severity levels", severity.severeFrom,
                  "one of \(severity.levels.joined(separator: ", "))")
        }
        if severity.label.allSatisfy(\.isWhitespace) {
            error(at + ".label", "plan.invalid-value", "the severity column needs a label", severity.label, "a label, e.g. Severe or Grade ≥ 3")
        }
    }
}
