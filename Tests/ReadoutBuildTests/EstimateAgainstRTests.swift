import Foundation
import Testing
import ReadoutCore
import ReadoutPlan
import ReadoutStats
import ReadoutTestSupport
@testable import ReadoutBuild

/// `readout estimate --profile r` on every R reference dataset, for every CI transform and tie method:
/// the endpoint object must agree with the R gold files (closed forms 1e-9, Cox 1e-6).
@Suite struct EstimateAgainstRTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var dataset: String
        var param: String
        var strata: [String]
        var landmarks: [Double]
        var causes: [String]
        var testDescription: String { "\(dataset) \(param)" }
    }

    static let cases = [
        Case(dataset: "aml", param: "RFS", strata: [], landmarks: [12, 24, 36], causes: []),
        Case(dataset: "lung", param: "OS", strata: ["STRAT1"], landmarks: [180, 365, 730], causes: []),
        Case(dataset: "mgus2", param: "PFS", strata: [], landmarks: [60, 120, 240], causes: ["PROGRESSION", "DEATH WITHOUT PROGRESSION"]),
        Case(dataset: "ball_synth", param: "RFS", strata: ["STRAT1"], landmarks: [12, 24], causes: ["RELAPSE", "DEATH WITHOUT RELAPSE"]),
        Case(dataset: "ball_synth", param: "OS", strata: ["STRAT1"], landmarks: [12, 24], causes: []),
    ]

    static let combinations: [(Case, ConfidenceTransform, TieMethod)] =
        cases.flatMap { c in ConfidenceTransform.allCases.flatMap { t in TieMethod.allCases.map { (c, t, $0) } } }

    static func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
    static func finite(_ xs: [Double?]) -> [Double?] { xs.map { finite($0) } }

    @Test(arguments: combinations)
    func agreesWithR(_ c: Case, _ transform: ConfidenceTransform, _ ties: TieMethod) throws {
        let folder = Fixtures.url("reference/\(c.dataset)").path
        let action = EstimateAction(adsl: folder + "/adsl.csv", adtte: folder + "/adtte.csv", parameter: c.param, response: nil,
                                    armVariable: "TRT01P", population: "ITTFL", reference: nil, strata: c.strata,
                                    landmarks: c.landmarks, methods: MethodSettings(profile: .r, confidenceInterval: transform, ties: ties),
                                    causes: c.causes, causeOfInterest: nil)
        var warnings: [Diagnostic] = []
        let result = try action.run(warnings: &warnings)
        let gold = try ReferenceCase.load(c.dataset, param: c.param).parameter
        let ci = transform.rawValue
        let rel = Tolerance.closedForm

        #expect(result.referenceArm == gold["reference_arm"] as? String)
        for arm in result.arms {
            let g = JSONPath.value(gold, "groups", arm.arm)
            #expect(arm.n == Int(JSONPath.number(JSONPath.value(g, "n")) ?? -1))
            let fit = JSONPath.value(g, "survfit")
            expectClose(arm.curve.map(\.time), JSONPath.numbers(JSONPath.value(fit, "time")), relative: rel, "\(arm.arm) time")
            expectClose(arm.curve.map { Double($0.atRisk) }, JSONPath.numbers(JSONPath.value(fit, "n.risk")), relative: rel, "\(arm.arm) n.risk")
            expectClose(arm.curve.map(\.estimate), JSONPath.numbers(JSONPath.value(fit, "surv")), relative: rel, "\(arm.arm) surv")
            expectClose(Self.finite(arm.curve.map(\.lower)), Self.finite(JSONPath.numbers(JSONPath.value(fit, "lower", ci))), relative: rel, "\(arm.arm) lower \(ci)")
            expectClose(Self.finite(arm.curve.map(\.upper)), Self.finite(JSONPath.numbers(JSONPath.value(fit, "upper", ci))), relative: rel, "\(arm.arm) upper \(ci)")
            let median = JSONPath.value(g, "median", ci)
            expectClose(arm.median.estimate, JSONPath.number(JSONPath.value(median, "median")), relative: rel, "\(arm.arm) median")
            expectClose(arm.median.lower, JSONPath.number(JSONPath.value(median, "lower")), relative: rel, "\(arm.arm) median lower")
            expectClose(arm.median.upper, JSONPath.number(JSONPath.value(median, "upper")), relative: rel, "\(arm.arm) median upper")
            let marks = JSONPath.value(g, "landmarks") as? [Any] ?? []
            #expect(marks.count == arm.landmarks.count)
            for (mark, goldMark) in zip(arm.landmarks, marks) {
                expectClose(mark.estimate, JSONPath.number(JSONPath.value(goldMark, "surv")), relative: rel, "\(arm.arm) S(\(mark.time))")
                expectClose(mark.standardError, JSONPath.number(JSONPath.value(goldMark, "std.err.surv")), relative: rel, "\(arm.arm) se(\(mark.time))")
                expectClose(mark.lower, JSONPath.number(JSONPath.value(goldMark, "ci", ci, "lower")), relative: rel, "\(arm.arm) lower(\(mark.time))")
                expectClose(mark.upper, JSONPath.number(JSONPath.value(goldMark, "ci", ci, "upper")), relative: rel, "\(arm.arm) upper(\(mark.time))")
                expectClose(mark.atRisk.map(Double.init), JSONPath.number(JSONPath.value(goldMark, "n.risk")), relative: rel, "\(arm.arm) n.risk(\(mark.time))")
            }
            do {  // follow-up CIs are log-log whatever the curve transform
                let f = JSONPath.value(gold, "followup", "by_arm", arm.arm)
                expectClose(arm.followUp.median, JSONPath.number(JSONPath.value(f, "median")), relative: rel, "\(arm.arm) follow-up")
                expectClose(arm.followUp.lower, JSONPath.number(JSONPath.value(f, "lower")), relative: rel, "\(arm.arm) follow-up lower")
                expectClose(arm.followUp.upper, JSONPath.number(JSONPath.value(f, "upper")), relative: rel, "\(arm.arm) follow-up upper")
            }
        }

        let overall = JSONPath.value(gold, "followup", "overall")
        expectClose(result.followUp?.median, JSONPath.number(JSONPath.value(overall, "median")), relative: rel, "overall follow-up")
        expectClose(result.followUp?.lower, JSONPath.number(JSONPath.value(overall, "lower")), relative: rel, "overall follow-up lower")
        expectClose(result.followUp?.upper, JSONPath.number(JSONPath.value(overall, "upper")), relative: rel, "overall follow-up upper")

        let logRank = try #require(result.logRank)
        let goldLogRank = JSONPath.value(gold, "logrank", "unstratified")
        expectClose(logRank.chiSquare, JSONPath.number(JSONPath.value(goldLogRank, "chisq")), relative: rel, "log-rank chi-square")
        expectClose(logRank.p, JSONPath.number(JSONPath.value(goldLogRank, "p")), relative: rel, "log-rank p")
        if !c.strata.isEmpty {
            let s = JSONPath.value(gold, "logrank", "stratified")
            expectClose(logRank.stratified?.chiSquare, JSONPath.number(JSONPath.value(s, "chisq")), relative: rel, "stratified log-rank")
        }

        let cox = try #require(result.cox)
        let goldCox = JSONPath.value(gold, "cox", ties.rawValue)
        let coefficient = JSONPath.value(goldCox, "coefficients", "0")
        let hr = try #require(cox.hazardRatios.first)
        let iterative = Tolerance.iterative
        expectClose(hr.coefficient, JSONPath.number(JSONPath.value(coefficient, "coef")), relative: iterative, "Cox coef")
        expectClose(hr.standardError, JSONPath.number(JSONPath.value(coefficient, "se")), relative: iterative, "Cox se")
        expectClose(hr.estimate, JSONPath.number(JSONPath.value(coefficient, "hr")), relative: iterative, "HR")
        expectClose(hr.lower, JSONPath.number(JSONPath.value(coefficient, "hr_lower_95")), relative: iterative, "HR lower")
        expectClose(hr.upper, JSONPath.number(JSONPath.value(coefficient, "hr_upper_95")), relative: iterative, "HR upper")
        expectClose(hr.p, JSONPath.number(JSONPath.value(coefficient, "p_wald")), relative: iterative, "Wald p")
        expectClose(cox.logLikelihood, JSONPath.number(JSONPath.value(goldCox, "loglik")), relative: iterative, "loglik")
        expectClose(cox.tests.likelihoodRatio.statistic, JSONPath.number(JSONPath.value(goldCox, "lrt", "stat")), relative: iterative, "LRT")
        expectClose(cox.tests.score.statistic, JSONPath.number(JSONPath.value(goldCox, "score", "stat")), relative: iterative, "score")
        expectClose(cox.tests.wald.statistic, JSONPath.number(JSONPath.value(goldCox, "wald", "stat")), relative: iterative, "Wald")
        if !c.strata.isEmpty {
            let s = JSONPath.value(gold, "cox", "stratified", ties.rawValue, "coefficients", "0")
            expectClose(cox.stratified?.hazardRatios.first?.estimate, JSONPath.number(JSONPath.value(s, "hr")), relative: iterative, "stratified HR")
        }

        if !c.causes.isEmpty {
            let cr = try #require(result.competingRisks)
            let goldCR = JSONPath.value(gold, "competing_risks", "cuminc")
            for incidence in cr.incidence {
                let marks = JSONPath.value(goldCR, "landmarks", incidence.arm, incidence.cause) as? [Any] ?? []
                for (mark, goldMark) in zip(incidence.landmarks, marks) {
                    expectClose(mark.estimate, JSONPath.number(JSONPath.value(goldMark, "est")), relative: rel, "CIF \(incidence.arm) \(incidence.cause) \(mark.time)")
                    expectClose(mark.variance, JSONPath.number(JSONPath.value(goldMark, "var")), relative: rel, "CIF var \(incidence.arm) \(incidence.cause) \(mark.time)")
                }
            }
            for gray in cr.gray {
                expectClose(gray.statistic, JSONPath.number(JSONPath.value(goldCR, "gray_test", gray.cause, "stat")), relative: rel, "Gray \(gray.cause)")
                expectClose(gray.p, JSONPath.number(JSONPath.value(goldCR, "gray_test", gray.cause, "p")), relative: rel, "Gray p \(gray.cause)")
            }
            for fg in cr.fineGray {
                let g = JSONPath.value(gold, "competing_risks", "fine_gray", fg.cause, "coefficients", "0")
                expectClose(fg.estimate, JSONPath.number(JSONPath.value(g, "shr")), relative: iterative, "sHR \(fg.cause)")
                expectClose(fg.lower, JSONPath.number(JSONPath.value(g, "shr_lower_95")), relative: iterative, "sHR lower \(fg.cause)")
                expectClose(fg.p, JSONPath.number(JSONPath.value(g, "p")), relative: iterative, "sHR p \(fg.cause)")
            }
        }
    }

    @Test func binaryResponseAgreesWithR() throws {
        let folder = Fixtures.url("reference/ball_synth").path
        let action = EstimateAction(adsl: folder + "/adsl.csv", adtte: nil, parameter: nil, response: "MRDNEGFL", armVariable: "TRT01P",
                                    population: "ITTFL", reference: nil, strata: [], landmarks: [], methods: MethodSettings(profile: .r),
                                    causes: [], causeOfInterest: nil)
        var warnings: [Diagnostic] = []
        let binary = try #require(try action.run(warnings: &warnings).binary)
        let gold = try Fixtures.referenceJSON("ball_synth")
        let b = JSONPath.value(gold, "binomial")
        for arm in binary.arms {
            let g = JSONPath.value(b, "by_arm", arm.arm)
            #expect(Double(arm.responders) == JSONPath.number(JSONPath.value(g, "x")))
            expectClose(arm.clopperPearson.lower, JSONPath.number(JSONPath.value(g, "clopper_pearson", "lower")), relative: Tolerance.closedForm, "CP lower")
            expectClose(arm.wilson.upper, JSONPath.number(JSONPath.value(g, "wilson", "upper")), relative: Tolerance.closedForm, "Wilson upper")
        }
        expectClose(binary.difference.estimate, JSONPath.number(JSONPath.value(b, "difference", "estimate")), relative: Tolerance.closedForm, "difference")
        expectClose(binary.difference.lower, JSONPath.number(JSONPath.value(b, "difference", "lower")), relative: Tolerance.closedForm, "difference lower")
        expectClose(binary.fisher.p, JSONPath.number(JSONPath.value(b, "fisher", "p")), relative: Tolerance.closedForm, "Fisher p")
        expectClose(binary.fisher.oddsRatio, JSONPath.number(JSONPath.value(b, "fisher", "odds_ratio_conditional_mle")), relative: Tolerance.uniroot, "Fisher OR")
    }
}
