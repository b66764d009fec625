import Foundation
import Testing
import ReadoutTestSupport

/// Between-arm blocks against R: survdiff (unstratified and stratified) and coxph for one tie method
/// (unstratified and stratified). A coefficient R flags as infinite (its "coefficient may be
/// infinite" warning) or returns as NA must be `estimable: false` with `null` coefficient, SE, HR,
/// CI and p; everything else R reports is compared. When R ran out of iterations ("Ran out of
/// iterations and did not converge"), R's numbers are not estimates: a coefficient may then be
/// reported not estimable (with `null`s), and one reported estimable must match R; the global Wald
/// test is not compared, since R's variance is then diag(1/I) without covariances (docs/methods/cox.md,
/// "Known differences from R").
enum UnseenComparisonChecks {
    static func check(_ out: [String: Any], gold: [String: Any], ties: String) {
        let armNames = gold["arms"] as? [String] ?? []
        let logRank = Output.field(out, "logRank")
        checkLogRank(logRank, JSONPath.value(gold, "logrank", "unstratified"), arms: armNames, what: "log-rank")
        let stratifiedLogRank = Output.field(logRank, "stratified")
        if let s = JSONPath.value(gold, "logrank", "stratified") as? [String: Any] {
            checkLogRank(stratifiedLogRank, s, arms: armNames, what: "stratified log-rank")
            #expect(Output.field(stratifiedLogRank, "strata") as? [String] == ["STRAT1"])
            Output.expectExact(stratifiedLogRank, "excluded", s["n_excluded"], "stratified log-rank")
        } else {
            #expect(stratifiedLogRank is NSNull, "no strata: stratified log-rank must be null")
        }

        let cox = Output.field(out, "cox")
        checkCox(cox, JSONPath.value(gold, "cox", ties), arms: armNames, ties: ties, what: "Cox \(ties)")
        let stratifiedCox = Output.field(cox, "stratified")
        if let s = JSONPath.value(gold, "cox_stratified", ties) {
            checkCox(stratifiedCox, s, arms: armNames, ties: ties, what: "stratified Cox \(ties)")
            #expect(Output.field(stratifiedCox, "strata") as? [String] == ["STRAT1"])
            Output.expectExact(stratifiedCox, "excluded", gold["n_excluded_stratified"], "stratified Cox")
        } else {
            #expect(stratifiedCox is NSNull, "no strata: stratified Cox must be null")
        }
    }

    static func checkLogRank(_ test: Any?, _ g: Any?, arms: [String], what: String) {
        let rel = Tolerance.closedForm
        Output.expect(test, "chiSquare", JSONPath.value(g, "chisq"), relative: rel, what)
        Output.expectExact(test, "df", JSONPath.value(g, "df"), what)
        Output.expect(test, "p", JSONPath.value(g, "p"), relative: rel, what)
        let rows = Output.array(Output.field(test, "arms"), "\(what) arms")
        #expect(rows.count == arms.count)
        for (i, (row, name)) in zip(rows, arms).enumerated() {
            Output.expectString(row, "arm", name, what)
            Output.expect(row, "observed", JSONPath.value(g, "observed", "\(i)"), relative: rel, "\(what) \(name)")
            Output.expect(row, "expected", JSONPath.value(g, "expected", "\(i)"), relative: rel, "\(what) \(name)")
        }
    }

    static func checkCox(_ fit: Any?, _ g: Any?, arms: [String], ties: String, what: String) {
        let rel = Tolerance.iterative
        Output.expectString(fit, "ties", ties, what)
        Output.expect(fit, "logLikelihood", JSONPath.value(g, "loglik"), relative: rel, what)
        let tests = Output.field(fit, "tests")
        for (key, goldKey) in [("wald", "wald"), ("likelihoodRatio", "lrt"), ("score", "score")] {
            let test = Output.field(tests, key)
            if key == "wald" && JSONPath.value(g, "converged") as? Bool == false { continue }
            Output.expect(test, "statistic", JSONPath.value(g, goldKey, "stat"), relative: rel, "\(what) \(key)")
            Output.expectExact(test, "df", JSONPath.value(g, goldKey, "df"), "\(what) \(key)")
            Output.expect(test, "p", JSONPath.value(g, goldKey, "p"), relative: rel, "\(what) \(key)")
        }
        Output.expectBool(fit, "converged", JSONPath.value(g, "converged") as? Bool, what)
        Output.expectExact(fit, "iterations", JSONPath.value(g, "iter"), what)
        let rConverged = JSONPath.value(g, "converged") as? Bool ?? true

        let ratios = Output.array(Output.field(fit, "hazardRatios"), "\(what) hazardRatios")
        #expect(ratios.count == arms.count - 1)
        for (i, (ratio, name)) in zip(ratios, arms.dropFirst()).enumerated() {
            let label = "\(what) \(name)"
            Output.expectString(ratio, "arm", name, label)
            Output.expectString(ratio, "versus", arms[0], label)
            var notEstimable = JSONPath.value(g, "non_estimable", "\(i)") as? Bool ?? false
            if !rConverged && Output.field(ratio, "estimable") as? Bool == false { notEstimable = true }
            Output.expectBool(ratio, "estimable", !notEstimable, label)
            let reason = Output.field(ratio, "reason")
            #expect((reason is NSNull) == !notEstimable, "\(label): a reason exactly when not estimable, got \(String(describing: reason))")
            let pairs = [("coefficient", "coef"), ("standardError", "se"), ("estimate", "hr"), ("lower", "hr_lower_95"),
                         ("upper", "hr_upper_95"), ("p", "p_wald")]
            for (key, goldKey) in pairs {
                if notEstimable {
                    Output.expectNull(ratio, key, label)
                } else {
                    Output.expect(ratio, key, JSONPath.value(g, goldKey, "\(i)"), relative: rel, label)
                }
            }
        }
    }
}
