import Foundation
import Testing
import ReadoutTestSupport

/// Competing-risks block against cmprsk: cumulative incidence at the landmarks (timepoints est/var,
/// `null` where R gives NA) with the log-log CI and the between-arm differences computed by formula
/// from those values, the whole incidence curve (as a step function, against cuminc's own curve),
/// Gray's test (unstratified and stratified) and the Fine-Gray subdistribution hazard ratios (crr).
/// cmprsk reports a Gray statistic of −1 (p = 1) when the score covariance is singular: that is its
/// "not computable", and the JSON contract has `null` there (never a sentinel number).
enum UnseenCompetingRisksChecks {
    static func check(_ out: [String: Any], gold: [String: Any]) {
        let block = Output.field(out, "competingRisks")
        guard let g = gold["competing_risks"] as? [String: Any] else {
            #expect(block is NSNull, "no causes: competingRisks must be null")
            return
        }
        let rel = Tolerance.closedForm
        let arms = gold["arms"] as? [String] ?? []
        let causes = g["causes"] as? [String] ?? []
        #expect(Output.field(block, "causes") as? [String] == causes)
        Output.expectString(block, "causeOfInterest", causes.first, "competing risks")

        let incidence = Output.array(Output.field(block, "incidence"), "incidence")
        let keys = arms.flatMap { a in causes.map { (a, $0) } }
        #expect(incidence.count == keys.count, "incidence: \(incidence.count) curves, expected \(keys.count)")
        for (curve, (arm, cause)) in zip(incidence, keys) {
            let what = "CIF \(arm) \(cause)"
            Output.expectString(curve, "arm", arm, what)
            Output.expectString(curve, "cause", cause, what)
            let marksGold = JSONPath.value(g, "landmarks", arm, cause)
            Output.expectExact(curve, "events", JSONPath.value(marksGold, "events"), what)
            let marks = Output.array(Output.field(curve, "landmarks"), "\(what) landmarks")
            let times = JSONPath.numbers(JSONPath.value(marksGold, "time"))
            #expect(marks.count == times.count)
            for (k, mark) in marks.enumerated() where k < times.count {
                let label = "\(what) at \(times[k] ?? .nan)"
                Output.expectExact(mark, "time", JSONPath.value(marksGold, "time", "\(k)"), label)
                Output.expect(mark, "estimate", JSONPath.value(marksGold, "est", "\(k)"), relative: rel, label)
                Output.expect(mark, "variance", JSONPath.value(marksGold, "var", "\(k)"), relative: rel, label)
                Output.expect(mark, "lower", JSONPath.value(g, "ci_loglog", arm, cause, "lower", "\(k)"), relative: rel, label)
                Output.expect(mark, "upper", JSONPath.value(g, "ci_loglog", arm, cause, "upper", "\(k)"), relative: rel, label)
            }
            checkCurve(Output.array(Output.field(curve, "curve"), "\(what) curve"), JSONPath.value(g, "curves", arm, cause), what)
        }

        checkGray(Output.field(block, "gray"), g["gray"], causes: causes, what: "Gray")
        let stratified = Output.field(block, "grayStratified")
        if let s = g["gray_stratified"] as? [String: Any] {
            checkGray(stratified, s, causes: causes, what: "stratified Gray")
        } else {
            #expect(stratified is NSNull, "no strata: grayStratified must be null")
        }

        let fineGray = Output.array(Output.field(block, "fineGray"), "fineGray")
        let others = Array(arms.dropFirst())
        let fgKeys = causes.flatMap { c in others.enumerated().map { (c, $0.offset, $0.element) } }
        #expect(fineGray.count == fgKeys.count, "fineGray: \(fineGray.count) rows, expected \(fgKeys.count)")
        for (row, (cause, i, arm)) in zip(fineGray, fgKeys) {
            let fg = JSONPath.value(g, "fine_gray", cause)
            let what = "Fine-Gray \(cause) \(arm)"
            Output.expectString(row, "cause", cause, what)
            Output.expectString(row, "arm", arm, what)
            Output.expectString(row, "versus", arms.first, what)
            for (key, goldKey) in [("estimate", "shr"), ("lower", "shr_lower_95"), ("upper", "shr_upper_95"), ("p", "p")] {
                Output.expect(row, key, JSONPath.value(fg, goldKey, "\(i)"), relative: Tolerance.iterative, what)
            }
        }

        let differences = Output.array(Output.field(block, "differences"), "incidence differences")
        let goldDifferences = g["differences"] as? [Any] ?? []
        #expect(differences.count == goldDifferences.count)
        for (d, gd) in zip(differences, goldDifferences) {
            Output.expectString(d, "cause", JSONPath.value(gd, "cause") as? String, "incidence difference")
            UnseenSurvivalChecks.checkDifference(Output.field(d, "difference"), gd)
        }
    }

    static func checkGray(_ tests: Any?, _ g: Any?, causes: [String], what: String) {
        let rows = Output.array(tests, what)
        #expect(rows.count == causes.count)
        for (row, cause) in zip(rows, causes) {
            Output.expectString(row, "cause", cause, what)
            Output.expectExact(row, "df", JSONPath.value(g, cause, "df"), "\(what) \(cause)")
            if let stat = JSONPath.number(JSONPath.value(g, cause, "stat")), stat < 0 {
                Output.expectNull(row, "statistic", "\(what) \(cause) (cmprsk: -1, singular)")
                Output.expectNull(row, "p", "\(what) \(cause) (cmprsk: -1, singular)")
                continue
            }
            Output.expect(row, "statistic", JSONPath.value(g, cause, "stat"), relative: Tolerance.closedForm, "\(what) \(cause)")
            Output.expect(row, "p", JSONPath.value(g, cause, "p"), relative: Tolerance.closedForm, "\(what) \(cause)")
        }
    }

    /// The value of a right-continuous step function given by ascending (time, value) points, 0 before the first.
    static func step(_ points: [(Double, Double)], at t: Double) -> Double {
        var value = 0.0
        for (x, y) in points where x <= t { value = y }
        return value
    }

    /// Two step functions are equal when they agree at every jump point of either.
    static func checkCurve(_ rows: [Any], _ gold: Any?, _ what: String) {
        let goldTimes = JSONPath.numbers(JSONPath.value(gold, "time")), goldEst = JSONPath.numbers(JSONPath.value(gold, "est"))
        let r = zip(goldTimes, goldEst).compactMap { t, e in t.flatMap { t in e.map { (t, $0) } } }
        let ours = rows.compactMap { row -> (Double, Double)? in
            guard let t = Output.number(Output.field(row, "time"), "\(what) curve time"),
                  let e = Output.number(Output.field(row, "estimate"), "\(what) curve estimate") else { return nil }
            return (t, e)
        }
        #expect(ours.count == rows.count, "\(what): curve points must be numbers")
        for (t, e) in ours {
            expectClose(e, step(r, at: t), relative: Tolerance.closedForm, "\(what) curve at \(t) (ours) vs cuminc")
        }
        for (t, _) in r {
            expectClose(step(ours, at: t), step(r, at: t), relative: Tolerance.closedForm, "\(what) curve at \(t) (cuminc) vs ours")
        }
    }
}
