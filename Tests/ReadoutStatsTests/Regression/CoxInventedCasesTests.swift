import Foundation
import ReadoutStats
import ReadoutTestSupport
import Testing

/// One case of `Tests/Fixtures/cox/cases.json` (inputs and R output, made by `make_cases.R`).
struct CoxCase: @unchecked Sendable, CustomTestStringConvertible {
    let name: String
    let time: [Double]
    let event: [Bool]
    let names: [String]
    let covariates: [[Double]]
    let strata: [Int]?
    let maxIterations: Int
    let json: Any

    var testDescription: String { name }

    static let all: [CoxCase] = {
        let root = try! JSONSerialization.jsonObject(with: Fixtures.data("cox/cases.json"))
        return (JSONPath.value(root, "cases") as! [Any]).map { c in
            CoxCase(
                name: JSONPath.value(c, "name") as! String,
                time: JSONPath.numbers(JSONPath.value(c, "time")).map { $0! },
                event: JSONPath.numbers(JSONPath.value(c, "event")).map { $0! == 1 },
                names: JSONPath.value(c, "covariate_names") as! [String],
                covariates: (JSONPath.value(c, "covariates") as! [Any]).map { JSONPath.numbers($0).map { $0! } },
                strata: (JSONPath.value(c, "strata") as? [Any]).map { JSONPath.numbers($0).map { Int($0!) } },
                maxIterations: Int(JSONPath.number(JSONPath.value(c, "iter_max"))!),
                json: c)
        }
    }()

    static func named(_ name: String) -> CoxCase { all.first { $0.name == name }! }

    func gold(_ ties: TieMethod) -> CoxGold { CoxGold(invented: JSONPath.value(json, ties.rawValue)!) }

    func fit(_ ties: TieMethod, convention: Convention = .r, maxIterations: Int? = nil) throws -> CoxFit {
        try CoxModel.fit(
            time: time, event: event, covariates: covariates, strata: strata, names: names,
            options: CoxOptions(ties: ties, convention: convention, maxIterations: maxIterations ?? self.maxIterations))
    }
}

/// `CoxModel.fit` against `coxph` on invented data: several covariates, arms without events, a single
/// subject in an arm, heavy ties, an empty stratum, a redundant covariate, near-tied times.
@Suite struct CoxInventedCasesTests {
    static let combinations: [(CoxCase, TieMethod)] = CoxCase.all.flatMap { c in [(c, .efron), (c, .breslow)] }

    @Test(arguments: combinations)
    func matchesR(_ c: CoxCase, ties: TieMethod) throws {
        let fit = try c.fit(ties)
        let gold = c.gold(ties)
        // R's covariance after running out of iterations (iter.max ≥ 2) is diag(1/I_kk): coxfit6.c
        // inverts the re-evaluated information without factoring it first. Ours is the full inverse.
        let ranOut = gold.warnings.contains { $0.contains("Ran out of iterations") }
        #expect(fit.converged == !ranOut, "\(c.name) converged")
        expectAgrees(fit, gold, relative: Tolerance.iterative, compareVariance: !ranOut, "\(c.name) \(ties)")
        if ranOut {
            // (I⁻¹)_kk ≥ 1/I_kk, with equality only for uncorrelated covariates.
            for i in fit.coefficients.indices { #expect(fit.covariance[i][i] > gold.variance![i][i]!, "\(c.name) var[\(i)]") }
        }
        // R's infinite-coefficient warning names the same variables.
        let rInfinite = gold.warnings.contains { $0.contains("may be infinite") }
        #expect(fit.warnings.contains { $0.contains("may be infinite") } == rInfinite, "\(c.name) warnings \(fit.warnings)")
    }

    @Test(arguments: [TieMethod.efron, .breslow])
    func noEventsInArmIsFlaggedWithReason(ties: TieMethod) throws {
        let fit = try CoxCase.named("no_events_arm").fit(ties)
        #expect(fit.estimable == [false])
        #expect(fit.notEstimableReasons[0] == "no events in arm (hazard ratio tends to 0; coefficient infinite)")
        #expect(fit.warnings == ["Loglik converged before variable 1; coefficient may be infinite."])
        // The global tests stay valid and are reported.
        #expect(fit.score.statistic > 0 && fit.likelihoodRatio.statistic > 0)

        let reference = try CoxCase.named("no_events_reference").fit(ties)
        #expect(reference.notEstimableReasons[0] == "no events outside arm (hazard ratio tends to infinity; coefficient infinite)")

        let withAge = try CoxCase.named("no_events_arm_age").fit(ties)
        #expect(withAge.estimable == [false, true])
        #expect(withAge.hazardRatio(1).estimate != nil)
    }

    @Test func singleSubjectArm() throws {
        let finite = try CoxCase.named("single_finite").fit(.efron)
        #expect(finite.estimable == [true])
        let first = try CoxCase.named("single_first").fit(.efron)
        #expect(first.estimable == [false])
        #expect(first.notEstimableReasons[0]?.hasPrefix("coefficient infinite (monotone likelihood)") == true)
        let censored = try CoxCase.named("single_censored").fit(.efron)
        #expect(censored.notEstimableReasons[0]?.hasPrefix("no events in arm") == true)
    }

    @Test func redundantCovariateIsNA() throws {
        let fit = try CoxCase.named("collinear").fit(.efron)
        #expect(fit.coefficients[1].isNaN && fit.standardErrors[1].isNaN)
        #expect(fit.estimable == [true, false])
        #expect(fit.notEstimableReasons[1]?.contains("redundant") == true)
        #expect(fit.wald.df == 1 && fit.score.df == 1 && fit.likelihoodRatio.df == 1)
        #expect(fit.covariance[1] == [0, 0])
    }

    @Test func tiesMatterOnlyWithTiedDeaths() throws {
        let heavy = CoxCase.named("ties_heavy")
        #expect(try heavy.fit(.efron).coefficients[0] != heavy.fit(.breslow).coefficients[0])
        let untied = CoxCase.named("single_finite")
        #expect(try untied.fit(.efron).logLikelihood == untied.fit(.breslow).logLikelihood)
    }

    @Test func timefixCanBeTurnedOff() throws {
        let c = CoxCase.named("near_ties")
        let fixed = try c.fit(.efron)
        let raw = try CoxModel.fit(time: c.time, event: c.event, covariates: c.covariates,
                                   options: CoxOptions(timefix: false))
        // R: coxph(..., control = coxph.control(timefix = FALSE)) gives coef 0.30118880464735043,
        // loglik -11.695510894077437 (the near ties are then distinct times).
        expectClose(raw.coefficients[0], 0.30118880464735043, relative: Tolerance.iterative, "timefix = FALSE coef")
        expectClose(raw.logLikelihood, -11.695510894077437, relative: Tolerance.iterative, "timefix = FALSE loglik")
        #expect(fixed.coefficients[0] != raw.coefficients[0])
    }
}
