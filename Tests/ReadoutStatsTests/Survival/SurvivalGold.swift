import Foundation
import Testing
import ReadoutStats
import ReadoutTestSupport

/// Compares Kaplan-Meier curves, quantiles, landmarks, log-rank tests and median follow-up with R
/// gold values laid out as in `Tests/Fixtures/reference/README.md` (`groups.<arm>`, `logrank`,
/// `followup`); the edge-case fixtures in `Tests/Fixtures/survival` use the same layout.
enum SurvivalGold {
    static let transforms: [ConfidenceTransform] = [.log, .logLog, .plain]

    /// Options reproducing `survfit(..., conf.type = transform)` and its summaries.
    static func rOptions(_ transform: ConfidenceTransform) -> KaplanMeierOptions {
        KaplanMeierOptions(transform: transform, level: 0.95, convention: .r, tieTolerance: true)
    }

    /// Numbers exactly as written: Foundation on Linux parses 17-digit JSON numbers into
    /// NSDecimalNumber, whose `doubleValue` can be off by a few ulps (0.30000000000000004 comes back
    /// as 0.3000000000000001); re-reading the decimal text with `Double(_:)` is correctly rounded.
    /// Used for inputs and times, which must be bit-exact; gold values go through `JSONPath`.
    static func exactNumbers(_ node: Any?) -> [Double?] {
        let items: [Any] = (node as? [Any]) ?? (node == nil || node is NSNull ? [] : [node!])
        return items.map { item in
            if let decimal = item as? NSDecimalNumber, let exact = Double(decimal.stringValue) { return exact }
            return JSONPath.number(item)
        }
    }

    static func integers(_ node: Any?) -> [Int] {
        JSONPath.numbers(node).map { $0.map { Int($0) } ?? Int.min }
    }

    /// Every survfit row, the table median, quantile() and the landmarks of one arm, all three transforms.
    static func expectArm(time: [Double], event: [Bool], gold: Any?, label: String) throws {
        let tol = Tolerance.closedForm
        for transform in transforms {
            let name = transform.rawValue
            let curve = try KaplanMeier.fit(time: time, event: event, options: rOptions(transform))
            let what = "\(label) [\(name)]"
            let survfit = JSONPath.value(gold, "survfit")
            #expect(curve.n == integers(JSONPath.value(gold, "n")).first, "\(what) n")
            #expect(curve.events == integers(JSONPath.value(gold, "events")).first, "\(what) events")
            #expect(curve.time == exactNumbers(JSONPath.value(survfit, "time")).map { $0! }, "\(what) time")
            #expect(curve.atRisk == integers(JSONPath.value(survfit, "n.risk")), "\(what) n.risk")
            #expect(curve.eventCount == integers(JSONPath.value(survfit, "n.event")), "\(what) n.event")
            #expect(curve.censorCount == integers(JSONPath.value(survfit, "n.censor")), "\(what) n.censor")
            expectClose(curve.survival.map { Optional($0) }, JSONPath.numbers(JSONPath.value(survfit, "surv")),
                        relative: tol, "\(what) surv")
            expectClose(curve.standardError.map { Optional($0) }, JSONPath.numbers(JSONPath.value(survfit, "std.err")),
                        relative: tol, "\(what) std.err")
            expectClose(curve.cumulativeHazard.map { Optional($0) }, JSONPath.numbers(JSONPath.value(survfit, "cumhaz")),
                        relative: tol, "\(what) cumhaz")
            expectClose(curve.cumulativeHazardSE.map { Optional($0) },
                        JSONPath.numbers(JSONPath.value(survfit, "std.chaz")), relative: tol, "\(what) std.chaz")
            expectClose(curve.lower, JSONPath.numbers(JSONPath.value(survfit, "lower", name)),
                        relative: tol, "\(what) lower")
            expectClose(curve.upper, JSONPath.numbers(JSONPath.value(survfit, "upper", name)),
                        relative: tol, "\(what) upper")

            // print.survfit / summary(fit)$table median.
            let median = JSONPath.value(gold, "median", name)
            expectEstimate(curve.median, median, keys: ("median", "lower", "upper"), "\(what) median")

            // quantile(fit, probs, conf.int = TRUE).
            let quantiles = JSONPath.value(gold, "quantiles")
            let probs = JSONPath.numbers(JSONPath.value(quantiles, "probs"))
            #expect(probs == [0.25, 0.5, 0.75], "\(what) probs")
            let q = JSONPath.numbers(JSONPath.value(quantiles, name, "quantile"))
            let lo = JSONPath.numbers(JSONPath.value(quantiles, name, "lower"))
            let up = JSONPath.numbers(JSONPath.value(quantiles, name, "upper"))
            for (k, p) in probs.enumerated() {
                let estimate = curve.quantile(p!)
                expectClose(estimate.estimate, q[k], relative: tol, "\(what) quantile(\(p!))")
                expectClose(estimate.lower, lo[k], relative: tol, "\(what) quantile(\(p!)) lower")
                expectClose(estimate.upper, up[k], relative: tol, "\(what) quantile(\(p!)) upper")
            }

            // summary(fit, times, extend = FALSE).
            for entry in (JSONPath.value(gold, "landmarks") as? [Any]) ?? [] {
                let t = exactNumbers(JSONPath.value(entry, "time"))[0]!
                let landmark = curve.landmark(t)
                let available = JSONPath.value(entry, "available") as? Bool
                #expect(landmark.available == available, "\(what) landmark \(t) available")
                #expect(landmark.atRisk == JSONPath.number(JSONPath.value(entry, "n.risk")).map { Int($0) },
                        "\(what) landmark \(t) n.risk")
                expectClose(landmark.survival, JSONPath.number(JSONPath.value(entry, "surv")),
                            relative: tol, "\(what) landmark \(t) surv")
                expectClose(landmark.standardError, JSONPath.number(JSONPath.value(entry, "std.err.surv")),
                            relative: tol, "\(what) landmark \(t) std.err.surv")
                expectClose(landmark.lower, JSONPath.number(JSONPath.value(entry, "ci", name, "lower")),
                            relative: tol, "\(what) landmark \(t) lower")
                expectClose(landmark.upper, JSONPath.number(JSONPath.value(entry, "ci", name, "upper")),
                            relative: tol, "\(what) landmark \(t) upper")
            }
        }
    }

    static func expectEstimate(
        _ actual: Estimate, _ gold: Any?, keys: (String, String, String), _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let tol = Tolerance.closedForm
        expectClose(actual.estimate, JSONPath.number(JSONPath.value(gold, keys.0)), relative: tol, "\(what) estimate",
                    sourceLocation: sourceLocation)
        expectClose(actual.lower, JSONPath.number(JSONPath.value(gold, keys.1)), relative: tol, "\(what) lower",
                    sourceLocation: sourceLocation)
        expectClose(actual.upper, JSONPath.number(JSONPath.value(gold, keys.2)), relative: tol, "\(what) upper",
                    sourceLocation: sourceLocation)
    }

    /// survdiff: chisq, df, p, n, observed, expected and the variance (diagonal or full matrix).
    static func expectLogRank(_ result: LogRankResult, _ gold: Any?, _ what: String) {
        let tol = Tolerance.closedForm
        expectClose(result.test.statistic, JSONPath.number(JSONPath.value(gold, "chisq")), relative: tol,
                    "\(what) chisq")
        #expect(result.test.df == integers(JSONPath.value(gold, "df")).first, "\(what) df")
        expectClose(result.test.p, JSONPath.number(JSONPath.value(gold, "p")), relative: tol, "\(what) p")
        #expect(result.groupSizes == integers(JSONPath.value(gold, "n")), "\(what) n")
        expectClose(result.observed.map { Optional($0) }, JSONPath.numbers(JSONPath.value(gold, "observed")),
                    relative: tol, "\(what) observed")
        expectClose(result.expected.map { Optional($0) }, JSONPath.numbers(JSONPath.value(gold, "expected")),
                    relative: tol, "\(what) expected")
        if let diagonal = JSONPath.value(gold, "variance_diagonal") {
            expectClose(result.variance.indices.map { result.variance[$0][$0] }, JSONPath.numbers(diagonal),
                        relative: tol, "\(what) variance diagonal")
        }
        if let rows = JSONPath.value(gold, "variance") as? [Any] {
            #expect(rows.count == result.variance.count, "\(what) variance rows")
            for (i, row) in rows.enumerated() where i < result.variance.count {
                expectClose(result.variance[i].map { Optional($0) }, JSONPath.numbers(row), relative: tol,
                            "\(what) variance[\(i)]")
            }
        }
    }

    /// Reverse Kaplan-Meier median follow-up `{n, n_censored_used_as_events, median, lower, upper}`.
    static func expectFollowUp(time: [Double], event: [Bool], gold: Any?, _ what: String) throws {
        let options = rOptions(.logLog)
        let estimate = try MedianFollowUp.estimate(time: time, event: event, options: options)
        expectEstimate(estimate, gold, keys: ("median", "lower", "upper"), what)
        let reverse = try MedianFollowUp.reverseCurve(time: time, event: event, options: options)
        #expect(reverse.n == integers(JSONPath.value(gold, "n")).first, "\(what) n")
        #expect(reverse.events == integers(JSONPath.value(gold, "n_censored_used_as_events")).first,
                "\(what) censored used as events")
    }
}
