import Foundation
import ReadoutStats
import ReadoutTestSupport
import Testing

/// One published PROC PHREG run: the data Readout fits and the printed output it is compared with.
/// The four runs and their sources (see each fixture's `source` block):
///
/// - `lung3`: `model time*status(0) = age sex 'ph.ecog'n;` on the NCCTG lung data (227 used);
///   zidankorkmaz/lung-cancer-survival-analysis-sas @ 44bcc7a, `Project_results.html`.
/// - `lungSex`: `class Sex (ref='1'); model Time*Status(0) = Sex / rl;` on the lung data;
///   martim2910/lung_cancer_analysis @ 7ada329, `outputs/Table Hazard Ratio.png`.
/// - `whas500`: `class afb; model lenfol*fstat(0) = afb/rl;` (days) on WHAS500;
///   PSI AIMS CAMIS `SAS/survival.qmd`, `images/survival/sas_cox.png`.
/// - `bmt`: `class Group (order=internal ref=first) waitCat; strata waitCat;
///   model TYears*Status(0,2) = Group / risklimits;` (cause-specific hazard of relapse) on the
///   bone marrow transplant data; CAMIS `SAS/survival_csh.qmd`, `cshSAS_2.png`.
///
/// All use PHREG's defaults: Breslow ties, Newton-Raphson from β = 0, GCONV=1E-8, 95% Wald limits.
struct PhregCase: Sendable, CustomTestStringConvertible {
    let name: String
    let fixture: String
    /// Path of the `phreg` block in the fixture.
    let path: [String]
    /// Parameter names in the fixture, in the order of Readout's covariates.
    let parameters: [String]

    var testDescription: String { name }

    static let all = [
        PhregCase(name: "lung3", fixture: "lung_lifetest_phreg.json", path: ["phreg"], parameters: ["age", "sex", "ph.ecog"]),
        PhregCase(name: "lungSex", fixture: "lung_phreg_sex.json", path: ["phreg"], parameters: ["sex 2"]),
        PhregCase(name: "whas500", fixture: "camis_whas500.json", path: ["phreg_days"], parameters: ["AFB 0"]),
        PhregCase(name: "bmt", fixture: "camis_bmt.json", path: ["phreg"], parameters: ["AML-Low Risk", "AML-High Risk"]),
    ]

    /// The printed `phreg` block.
    func printed() throws -> [String: Any] {
        var node: Any? = try SASFixture.json(fixture)
        for key in path { node = (node as? [String: Any])?[key] }
        return node as! [String: Any]
    }

    /// time, event, covariates (columns) and strata of the SAS run.
    func data() throws -> (time: [Double], event: [Bool], covariates: [[Double]], strata: [Int]?) {
        switch name {
        case "lung3":
            // age, sex (1 male, 2 female, as in survival::lung) and ph.ecog; PHREG drops LUNG-014
            // (ph.ecog missing).
            let lung = try ReferenceCase.load("lung", param: "OS")
            let rows = lung.time.indices.filter { lung.stratum[$0] != nil }
            let male = lung.arms.firstIndex(of: "Male")!
            return (rows.map { lung.time[$0] }, rows.map { lung.event[$0] },
                    [rows.map { Double(lung.adsl["AGE"]![$0])! },
                     rows.map { lung.arm[$0] == male ? 1 : 2 },
                     rows.map { Double(lung.stratum[$0]!)! }], nil)
        case "lungSex":
            // CLASS Sex (ref='1'): the design variable is 1 for sex 2 (female).
            let lung = try ReferenceCase.load("lung", param: "OS")
            let female = lung.arms.firstIndex(of: "Female")!
            return (lung.time, lung.event, [lung.arm.map { $0 == female ? 1 : 0 }], nil)
        case "whas500":
            // CLASS afb with reference coding: the last level (AFB = 1) is the reference.
            let c = try SASFixture.csvColumns("whas500.csv")
            return (c["LENFOL"]!, c["FSTAT"]!.map { $0 == 1 }, [c["AFB"]!.map { $0 == 0 ? 1 : 0 }], nil)
        case "bmt":
            // Relapse (Status 1) is the event; death (2) and 0 are censored. ref=first: ALL.
            let c = try SASFixture.csvColumns("bmt.csv")
            return (c["T"]!.map { $0 / 365.25 }, c["Status"]!.map { $0 == 1 },
                    [c["Group"]!.map { $0 == 2 ? 1 : 0 }, c["Group"]!.map { $0 == 3 ? 1 : 0 }],
                    c["WaitTime"]!.map { $0 > 200 ? 1 : 0 })
        default:
            fatalError("unknown case \(name)")
        }
    }

    /// The Breslow fit under Readout's SAS convention (`maxIterations` caps the Newton steps).
    func fit(maxIterations: Int = 20) throws -> CoxFit {
        let d = try data()
        return try CoxModel.fit(time: d.time, event: d.event, covariates: d.covariates, strata: d.strata,
                                names: parameters,
                                options: CoxOptions(ties: .breslow, convention: .sas, maxIterations: maxIterations))
    }
}

/// What a PHREG listing says about the fit that does not depend on where Newton-Raphson stopped:
/// counts, −2 LOG L without covariates and the score test (both at β = 0), and −2 LOG L with
/// covariates and the likelihood-ratio test (ℓ is flat at the optimum: one step more or less moves it
/// by about GCONV·|ℓ| ≈ 1e-6, far below the printed digits).
func expectPhregLikelihood(_ fit: CoxFit, _ printed: [String: Any], _ label: String) {
    if let n = printed["observations_used"] as? String { expectPrintedCount(fit.n, n, "\(label) observations used") }
    if let n = printed["observations"] as? String { expectPrintedCount(fit.n, n, "\(label) observations") }
    if let e = printed["events"] as? String { expectPrintedCount(fit.events, e, "\(label) events") }
    if let c = printed["censored"] as? String { expectPrintedCount(fit.n - fit.events, c, "\(label) censored") }
    if let strata = printed["strata"] as? [[String]] {
        #expect(fit.strataCount == strata.count, "\(label) strata")
        expectPrintedCount(fit.events, String(strata.map { Int($0[3])! }.reduce(0, +)), "\(label) events over strata")
    }
    if let m2 = printed["minus2_log_l"] as? [String: String] {
        expectPrinted(-2 * fit.logLikelihoodNull, m2["without"]!, "\(label) -2 LOG L without covariates")
        expectPrinted(-2 * fit.logLikelihood, m2["with"]!, "\(label) -2 LOG L with covariates")
        // AIC = −2 log L + 2p; SBC = −2 log L + p·log(events) (PHREG's definitions).
        let p = Double(fit.coefficients.count)
        if let aic = printed["aic"] as? String { expectPrinted(-2 * fit.logLikelihood + 2 * p, aic, "\(label) AIC") }
        if let sbc = printed["sbc"] as? String {
            expectPrinted(-2 * fit.logLikelihood + p * log(Double(fit.events)), sbc, "\(label) SBC")
        }
    }
    if let global = printed["global"] as? [String: [String]] {
        for (key, test) in [("likelihood_ratio", fit.likelihoodRatio), ("score", fit.score)] {
            let row = global[key]!
            expectPrinted(test.statistic, row[0], "\(label) \(key) chi-square")
            expectPrintedCount(test.df, row[1], "\(label) \(key) DF")
            expectPrinted(test.p, row[2], "\(label) \(key) p")
        }
    }
}

/// What a PHREG listing says about the estimate β̂ itself: the parameter table (estimate, SE, Wald
/// chi-square, p, hazard ratio and its Wald limits), the global Wald test and the Type 3 test.
func expectPhregEstimates(_ fit: CoxFit, _ printed: [String: Any], parameters: [String], _ label: String) {
    let table = printed["parameters"] as! [String: [String]]
    for (i, name) in parameters.enumerated() {
        // Rows start with an optional label ("sex 2"), then DF, estimate, SE, χ², p, HR[, lower, upper].
        let row = Array(table[name]!.drop { Double($0) == nil })
        let what = "\(label) \(name)"
        expectPrintedCount(1, row[0], "\(what) DF")
        expectPrinted(fit.coefficients[i], row[1], "\(what) estimate")
        expectPrinted(fit.standardErrors[i], row[2], "\(what) standard error")
        expectPrinted(fit.z(i) * fit.z(i), row[3], "\(what) Wald chi-square")
        expectPrinted(fit.waldP(i), row[4], "\(what) Pr > ChiSq")
        let hr = fit.hazardRatio(i)
        expectPrinted(hr.estimate, row[5], "\(what) hazard ratio")
        if row.count > 6 {
            expectPrinted(hr.lower, row[6], "\(what) 95% lower")
            expectPrinted(hr.upper, row[7], "\(what) 95% upper")
        }
    }
    if let wald = (printed["global"] as? [String: [String]])?["wald"] {
        expectPrinted(fit.wald.statistic, wald[0], "\(label) Wald chi-square")
        expectPrintedCount(fit.wald.df, wald[1], "\(label) Wald DF")
        expectPrinted(fit.wald.p, wald[2], "\(label) Wald p")
    }
    if let type3 = printed["type3"] as? [String: [String]] {
        // The only effect is the CLASS variable of all coefficients: its Type 3 test is the global Wald.
        for (_, row) in type3 {
            expectPrintedCount(fit.wald.df, row[0], "\(label) Type 3 DF")
            expectPrinted(fit.wald.statistic, row[1], "\(label) Type 3 Wald chi-square")
            expectPrinted(fit.wald.p, row[2], "\(label) Type 3 p")
        }
    }
}
