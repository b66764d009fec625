public import ReadoutStats

/// Aalen-Johansen cumulative incidence per arm and cause (cmprsk::cuminc), Gray's test per cause
/// (unstratified and stratified), and the Fine-Gray subdistribution hazard ratio per cause (cmprsk::crr).
/// Under the `r` profile the p-values are computed as cmprsk does, from the lower tail:
/// Gray's `1 - pchisq(stat, df)` and crr's `2 * (1 - pnorm(|z|))`; they lose relative precision
/// below about 1e-7 (and reach 0 for |z| > 8.3), and that is what R reports.
public enum CompetingRisksAnalysis {
    /// Every cause's results; the endpoint that shows them sets `causeOfInterest`.
    public static func run(_ input: SurvivalInput, cause: [Int], methods: ResolvedMethods) throws(StatsError) -> CompetingRisksSummary {
        let k = input.causes.count
        var incidence: [IncidenceJSON] = []
        for a in input.arms.indices {
            let rows = input.arm.indices.filter { input.arm[$0] == a }
            let time = rows.map { input.time[$0] }, codes = rows.map { cause[$0] }
            let curves = try AalenJohansen.estimate(time: time, cause: codes, causeCount: k)
            for (c, curve) in curves.enumerated() {
                let marks = input.landmarks.map { t in
                    let value = curve.at(t)
                    let ci = curve.interval(at: t, transform: .logLog, level: methods.confidenceLevel)
                    return IncidenceLandmark(time: t, estimate: value?.estimate, variance: value?.variance,
                                             lower: ci?.lower, upper: ci?.upper)
                }
                let points = curve.time.indices.map { i in
                    let ci = CumulativeIncidence.confidenceLimits(estimate: curve.estimate[i], variance: curve.variance[i],
                                                                  transform: .logLog, level: methods.confidenceLevel)
                    return IncidencePoint(time: curve.time[i], estimate: curve.estimate[i], lower: ci.lower, upper: ci.upper)
                }
                incidence.append(IncidenceJSON(arm: input.arms[a], cause: input.causes[c],
                                               events: codes.lazy.filter { $0 == c + 1 }.count,
                                               landmarks: marks, curve: points))
            }
        }
        let gray = try GrayTest.test(time: input.time, cause: cause, causeCount: k, group: input.arm, groupCount: input.arms.count)
        var grayStratified: [GrayJSON]?
        if let stratum = input.stratum {
            let kept = stratum.indices.filter { stratum[$0] != nil }
            let tests = try GrayTest.test(time: kept.map { input.time[$0] }, cause: kept.map { cause[$0] }, causeCount: k,
                                          group: kept.map { input.arm[$0] }, groupCount: input.arms.count,
                                          stratum: kept.map { stratum[$0]! })
            grayStratified = tests.enumerated().map { grayJSON($0.element, cause: input.causes[$0.offset], profile: methods.profile) }
        }
        let covariates = TimeToEventAnalysis.armIndicators(input.arm, arms: input.arms.count, reference: input.referenceArm)
        var fineGray: [FineGrayJSON] = []
        let others = input.arms.indices.filter { $0 != input.referenceArm }
        for c in 0..<k {
            let fit = try FineGray.fit(time: input.time, cause: cause, causeOfInterest: c + 1, covariates: covariates)
            for (i, a) in others.enumerated() {
                let shr = fit.subdistributionHazardRatio(i, level: methods.confidenceLevel)
                let p = methods.profile == .r ? 2 * (1 - Normal.cdf(abs(fit.z(i)))) : fit.p(i)
                fineGray.append(FineGrayJSON(cause: input.causes[c], arm: input.arms[a], versus: input.arms[input.referenceArm],
                                             estimate: shr.estimate, lower: shr.lower, upper: shr.upper, p: p,
                                             converged: fit.converged))
            }
        }
        var differences: [IncidenceDifference] = []
        for cause in input.causes {
            let reference = incidence.first { $0.cause == cause && $0.arm == input.arms[input.referenceArm] }!
            for other in incidence where other.cause == cause && other.arm != reference.arm {
                for (o, r) in zip(other.landmarks, reference.landmarks) {
                    let result = WaldDifference.estimate(o.estimate, standardError: o.variance.map { $0.squareRoot() },
                                                         minus: r.estimate, standardError: r.variance.map { $0.squareRoot() },
                                                         level: methods.confidenceLevel)
                    differences.append(IncidenceDifference(cause: cause, difference: LandmarkDifference.make(time: o.time, arm: other.arm, versus: reference.arm, result)))
                }
            }
        }
        return CompetingRisksSummary(
            causes: input.causes, causeOfInterest: nil, incidence: incidence, differences: differences,
            gray: gray.enumerated().map { grayJSON($0.element, cause: input.causes[$0.offset], profile: methods.profile) },
            grayStratified: grayStratified, fineGray: fineGray)
    }

    /// Gray's test with the p-value as the profile computes it (see the type's comment).
    static func grayJSON(_ test: TestStatistic, cause: String, profile: Convention) -> GrayJSON {
        let p = profile == .r ? 1 - ChiSquared.cdf(test.statistic, df: Double(test.df)) : test.p
        return GrayJSON(cause: cause, statistic: test.statistic, df: test.df, p: p)
    }
}
