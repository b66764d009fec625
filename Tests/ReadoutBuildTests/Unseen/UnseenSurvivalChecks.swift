import Foundation
import Testing
import ReadoutTestSupport

/// Kaplan-Meier blocks of the endpoint object against R: every curve row (survfit table), the median
/// and its CI (summary(fit)$table), landmarks (summary(fit, times, extend = FALSE); `null` where R
/// drops them), reverse-KM follow-up (conf.type "log-log") and landmark differences (formula).
enum UnseenSurvivalChecks {
    static func check(_ out: [String: Any], gold: [String: Any], transform ci: String) {
        let rel = Tolerance.closedForm
        let armNames = gold["arms"] as? [String] ?? []
        let arms = Output.array(Output.field(out, "arms"), "arms")
        #expect(arms.map { ($0 as? [String: Any])?["arm"] as? String } == armNames.map { Optional($0) }, "arms in byte order")
        for (armNode, name) in zip(arms, armNames) {
            let g = JSONPath.value(gold, "groups", name)
            Output.expectExact(armNode, "n", JSONPath.value(g, "n"), name)
            Output.expectExact(armNode, "events", JSONPath.value(g, "events"), name)

            // Every row of the survfit table.
            let fit = JSONPath.value(g, "survfit")
            let times = JSONPath.numbers(JSONPath.value(fit, "time"))
            let rows = Output.array(Output.field(armNode, "curve"), "\(name) curve")
            #expect(rows.count == times.count, "\(name): \(rows.count) curve rows, R has \(times.count)")
            for (i, row) in rows.enumerated() where i < times.count {
                let what = "\(name) curve[\(i)]"
                Output.expectExact(row, "time", JSONPath.value(fit, "time", "\(i)"), what)
                Output.expectExact(row, "atRisk", JSONPath.value(fit, "n.risk", "\(i)"), what)
                Output.expectExact(row, "events", JSONPath.value(fit, "n.event", "\(i)"), what)
                Output.expectExact(row, "censored", JSONPath.value(fit, "n.censor", "\(i)"), what)
                Output.expect(row, "estimate", JSONPath.value(fit, "surv", "\(i)"), relative: rel, what)
                Output.expect(row, "lower", JSONPath.value(fit, "lower", ci, "\(i)"), relative: rel, "\(what) \(ci)")
                Output.expect(row, "upper", JSONPath.value(fit, "upper", ci, "\(i)"), relative: rel, "\(what) \(ci)")
            }

            let median = JSONPath.value(g, "median", ci)
            let m = Output.field(armNode, "median")
            Output.expect(m, "estimate", JSONPath.value(median, "median"), relative: rel, "\(name) median \(ci)")
            Output.expect(m, "lower", JSONPath.value(median, "lower"), relative: rel, "\(name) median \(ci)")
            Output.expect(m, "upper", JSONPath.value(median, "upper"), relative: rel, "\(name) median \(ci)")

            let goldMarks = JSONPath.value(g, "landmarks", ci) as? [Any] ?? []
            let marks = Output.array(Output.field(armNode, "landmarks"), "\(name) landmarks")
            #expect(marks.count == goldMarks.count, "\(name): \(marks.count) landmarks, R \(goldMarks.count)")
            for (mark, goldMark) in zip(marks, goldMarks) {
                let what = "\(name) landmark \(JSONPath.number(JSONPath.value(goldMark, "time")) ?? .nan) \(ci)"
                Output.expectExact(mark, "time", JSONPath.value(goldMark, "time"), what)
                if JSONPath.value(goldMark, "available") as? Bool == false {
                    for key in ["atRisk", "estimate", "standardError", "lower", "upper"] { Output.expectNull(mark, key, what) }
                    continue
                }
                Output.expectExact(mark, "atRisk", JSONPath.value(goldMark, "n.risk"), what)
                Output.expect(mark, "estimate", JSONPath.value(goldMark, "surv"), relative: rel, what)
                Output.expect(mark, "standardError", JSONPath.value(goldMark, "std.err.surv"), relative: rel, what)
                Output.expect(mark, "lower", JSONPath.value(goldMark, "lower"), relative: rel, what)
                Output.expect(mark, "upper", JSONPath.value(goldMark, "upper"), relative: rel, what)
            }

            // Reverse Kaplan-Meier; its CI is log-log whatever the curve transform.
            let f = JSONPath.value(g, "followup")
            let followUp = Output.field(armNode, "followUp")
            Output.expect(followUp, "median", JSONPath.value(f, "median"), relative: rel, "\(name) follow-up")
            Output.expect(followUp, "lower", JSONPath.value(f, "lower"), relative: rel, "\(name) follow-up")
            Output.expect(followUp, "upper", JSONPath.value(f, "upper"), relative: rel, "\(name) follow-up")
        }

        let differences = Output.array(Output.field(out, "landmarkDifferences"), "landmarkDifferences")
        let goldDifferences = gold["landmark_differences"] as? [Any] ?? []
        #expect(differences.count == goldDifferences.count, "landmark differences: \(differences.count), R \(goldDifferences.count)")
        for (d, g) in zip(differences, goldDifferences) {
            checkDifference(d, g)
        }
    }

    /// One Wald difference (other − reference) against the value computed by formula from R's numbers.
    static func checkDifference(_ d: Any?, _ g: Any?, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let what = "difference \(JSONPath.value(g, "cause") as? String ?? "S(t)") \(JSONPath.value(g, "arm") as? String ?? "") at \(JSONPath.number(JSONPath.value(g, "time")) ?? .nan)"
        let rel = Tolerance.closedForm
        Output.expectExact(d, "time", JSONPath.value(g, "time"), what, sourceLocation: sourceLocation)
        Output.expectString(d, "arm", JSONPath.value(g, "arm") as? String, what, sourceLocation: sourceLocation)
        Output.expectString(d, "versus", JSONPath.value(g, "versus") as? String, what, sourceLocation: sourceLocation)
        Output.expect(d, "estimate", JSONPath.value(g, "estimate"), relative: rel, what, sourceLocation: sourceLocation)
        Output.expect(d, "standardError", JSONPath.value(g, "standard_error"), relative: rel, what, sourceLocation: sourceLocation)
        Output.expect(d, "lower", JSONPath.value(g, "lower"), relative: rel, what, sourceLocation: sourceLocation)
        Output.expect(d, "upper", JSONPath.value(g, "upper"), relative: rel, what, sourceLocation: sourceLocation)
    }
}
