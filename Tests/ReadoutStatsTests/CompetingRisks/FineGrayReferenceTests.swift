import Testing
import ReadoutStats
import ReadoutTestSupport

/// cmprsk::crr on the reference datasets, one model per cause:
/// `X <- model.matrix(~ TRT01P, data = d)[, -1, drop = FALSE]`,
/// `crr(ftime = d$AVAL, fstatus = d$CAUSE, cov1 = X, failcode = k, cencode = 0)`
/// (`competing_risks.fine_gray.<cause>`: coef, shr, se, z, p = 2(1 − pnorm(|z|)), 95% CI, loglik).
@Suite struct FineGrayReferenceTests {
    @Test(arguments: [("mgus2", "PFS"), ("ball_synth", "RFS")])
    func matchesCrr(dataset: String, param: String) throws {
        let data = try CompetingRisksCase(dataset, param: param)
        // Indicator of the non-reference arm (the JSON's `versus` is the reference, arm index 0).
        let indicator = data.reference.arm.map { Double($0) }
        for (k, cause) in data.causes.enumerated() {
            let gold = try #require(data.json("fine_gray", cause) as? [String: Any])
            let fit = try FineGray.fit(time: data.time, cause: data.cause, causeOfInterest: k + 1, covariates: [indicator])
            let label = "\(dataset) \(cause)"
            let coefficient = try #require((gold["coefficients"] as? [[String: Any]])?.first)
            #expect(coefficient["arm"] as? String == data.arms[1])
            #expect(coefficient["versus"] as? String == data.arms[0])
            let tol = Tolerance.iterative
            expectClose(fit.coefficients[0], JSONPath.number(coefficient["coef"]), relative: tol, "\(label) coef")
            expectClose(fit.standardErrors[0], JSONPath.number(coefficient["se"]), relative: tol, "\(label) se")
            expectClose(fit.z(0), JSONPath.number(coefficient["z"]), relative: tol, "\(label) z")
            expectClose(fit.p(0), JSONPath.number(coefficient["p"]), relative: tol, "\(label) p")
            let shr = fit.subdistributionHazardRatio(0)
            expectClose(shr.estimate, JSONPath.number(coefficient["shr"]), relative: tol, "\(label) shr")
            expectClose(shr.lower, JSONPath.number(coefficient["shr_lower_95"]), relative: tol, "\(label) shr lower")
            expectClose(shr.upper, JSONPath.number(coefficient["shr_upper_95"]), relative: tol, "\(label) shr upper")
            expectClose(fit.logLikelihood, JSONPath.number(gold["loglik"]), relative: tol, "\(label) loglik")
            expectClose(fit.logLikelihoodNull, JSONPath.number(gold["loglik_null"]), relative: tol, "\(label) loglik null")
            let lrt = fit.likelihoodRatioTest
            // The LRT is a difference of two log-likelihoods: compare it at the log-likelihood's scale.
            expectClose(lrt.statistic, JSONPath.number(JSONPath.value(gold, "lrt", "stat")), relative: tol,
                        floor: abs(fit.logLikelihood) * 1e-3, "\(label) lrt")
            #expect(lrt.df == 1)
            #expect(fit.converged == (gold["converged"] as? Bool))
            #expect(fit.cause == k + 1)
            #expect(fit.n == data.time.count)
            #expect(fit.eventCount == data.cause.filter { $0 == k + 1 }.count)
        }
    }
}
