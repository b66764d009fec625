import ReadoutStats
import ReadoutTestSupport
import Testing

/// R's `coxph` results for one fit, read either from a reference `expected.json` `cox.<ties>` block
/// or from a case of `Tests/Fixtures/cox/cases.json` (made by `make_cases.R`).
struct CoxGold {
    var n: Int
    var events: Int
    var coef: [Double?], se: [Double?], hr: [Double?], z: [Double?], pWald: [Double?]
    var hrLower: [Double?], hrUpper: [Double?]
    var variance: [[Double?]]?
    var loglikNull: Double?, loglik: Double?
    var lrt: (Double?, Int, Double?), wald: (Double?, Int, Double?), score: (Double?, Int, Double?)
    var iterations: Int
    var warnings: [String]
    var nonEstimable: Bool

    private static func test(_ node: Any?) -> (Double?, Int, Double?) {
        (JSONPath.number(JSONPath.value(node, "stat")), Int(JSONPath.number(JSONPath.value(node, "df")) ?? -1),
         JSONPath.number(JSONPath.value(node, "p")))
    }

    /// A `cox.efron`-style block of a reference `expected.json` (coefficients as an array of objects).
    init(reference block: Any) {
        let coefficients = JSONPath.value(block, "coefficients") as? [Any] ?? []
        func column(_ key: String) -> [Double?] { coefficients.map { JSONPath.number(JSONPath.value($0, key)) } }
        n = Int(JSONPath.number(JSONPath.value(block, "n"))!)
        events = Int(JSONPath.number(JSONPath.value(block, "nevent"))!)
        coef = column("coef"); se = column("se"); hr = column("hr"); z = column("z"); pWald = column("p_wald")
        hrLower = column("hr_lower_95"); hrUpper = column("hr_upper_95")
        variance = nil
        loglikNull = JSONPath.number(JSONPath.value(block, "loglik_null"))
        loglik = JSONPath.number(JSONPath.value(block, "loglik"))
        lrt = Self.test(JSONPath.value(block, "lrt"))
        wald = Self.test(JSONPath.value(block, "wald"))
        score = Self.test(JSONPath.value(block, "score"))
        iterations = Int(JSONPath.number(JSONPath.value(block, "iter"))!)
        warnings = JSONPath.value(block, "warnings") as? [String] ?? []
        nonEstimable = JSONPath.value(block, "non_estimable_flag") as? Bool ?? false
    }

    /// A fit of `cases.json` (per-coefficient arrays and the full `var` matrix).
    init(invented block: Any) {
        func column(_ key: String) -> [Double?] { JSONPath.numbers(JSONPath.value(block, key)) }
        n = Int(JSONPath.number(JSONPath.value(block, "n"))!)
        events = Int(JSONPath.number(JSONPath.value(block, "nevent"))!)
        coef = column("coef"); se = column("se"); hr = column("hr"); z = column("z"); pWald = column("p_wald")
        hrLower = column("hr_lower_95"); hrUpper = column("hr_upper_95")
        variance = (JSONPath.value(block, "var") as? [Any])?.map { JSONPath.numbers($0) }
        loglikNull = JSONPath.number(JSONPath.value(block, "loglik_null"))
        loglik = JSONPath.number(JSONPath.value(block, "loglik"))
        lrt = Self.test(JSONPath.value(block, "lrt"))
        wald = Self.test(JSONPath.value(block, "wald"))
        score = Self.test(JSONPath.value(block, "score"))
        iterations = Int(JSONPath.number(JSONPath.value(block, "iter"))!)
        warnings = JSONPath.value(block, "warnings") as? [String] ?? []
        nonEstimable = JSONPath.value(block, "non_estimable_flag") as? Bool ?? false
    }
}

/// Every number of `fit` against R at relative tolerance `tol`. Coefficients R flags as infinite
/// (or NA) are compared as R prints them (coef, se, z), and their hazard ratio, CI and Wald p must
/// be withheld. `compareVariance: false` skips everything built on R's covariance (se, z, CI,
/// Wald), for fits where R's covariance is known to be wrong.
func expectAgrees(_ fit: CoxFit, _ gold: CoxGold, relative tol: Double, compareVariance: Bool = true, _ label: String) {
    #expect(fit.n == gold.n, "\(label) n")
    #expect(fit.events == gold.events, "\(label) events")
    #expect(fit.iterations == gold.iterations, "\(label) iterations")
    #expect(fit.estimable.contains(false) == gold.nonEstimable, "\(label) non-estimable flag")
    let p = gold.coef.count
    #expect(fit.coefficients.count == p, "\(label) coefficient count")
    guard fit.coefficients.count == p else { return }
    // R prints NA coefficients; here they are NaN.
    let na: (Double) -> Double? = { $0.isNaN ? nil : $0 }
    // An absolute floor of 1e-9 on the log scale for coefficients that are exactly 0 in R.
    expectClose(fit.coefficients.map(na), gold.coef, relative: tol, floor: 1e-9, "\(label) coef")
    expectClose(fit.logLikelihoodNull, gold.loglikNull, relative: tol, "\(label) loglik null")
    expectClose(fit.logLikelihood, gold.loglik, relative: tol, "\(label) loglik")
    var tests = [("lrt", fit.likelihoodRatio, gold.lrt), ("score", fit.score, gold.score)]
    if compareVariance { tests.append(("wald", fit.wald, gold.wald)) }
    for (name, got, want) in tests {
        expectClose(got.statistic, want.0, relative: tol, floor: 1e-9, "\(label) \(name) statistic")
        #expect(got.df == want.1, "\(label) \(name) df")
        expectClose(got.p, want.2, relative: tol, "\(label) \(name) p")
    }
    guard compareVariance else { return }
    expectClose(fit.standardErrors.map(na), gold.se, relative: tol, "\(label) se")
    expectClose((0..<p).map { na(fit.z($0)) }, gold.z, relative: tol, floor: 1e-9, "\(label) z")
    for i in 0..<p {
        let hr = fit.hazardRatio(i)
        if fit.estimable[i] {
            expectClose(hr.estimate, gold.hr[i], relative: tol, "\(label) hr[\(i)]")
            expectClose(hr.lower, gold.hrLower[i], relative: tol, "\(label) hr lower[\(i)]")
            expectClose(hr.upper, gold.hrUpper[i], relative: tol, "\(label) hr upper[\(i)]")
            expectClose(fit.waldP(i), gold.pWald[i], relative: tol, "\(label) p_wald[\(i)]")
        } else {
            #expect(hr == Estimate(estimate: nil, lower: nil, upper: nil), "\(label) hr[\(i)] withheld")
            #expect(fit.waldP(i) == nil, "\(label) p_wald[\(i)] withheld")
            #expect(fit.notEstimableReasons[i] != nil, "\(label) reason[\(i)]")
        }
    }
    if let variance = gold.variance {
        for i in 0..<p {
            expectClose(fit.covariance[i].map(Optional.some), variance[i], relative: tol, floor: 1e-12, "\(label) var[\(i)]")
        }
    }
}
