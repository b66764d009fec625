import ReadoutStats

/// What reviewers ask for besides the primary comparison: the restricted mean survival time at τ and
/// the proportional-hazards check of the Cox models (docs/methods/rmst.md, docs/methods/cox-zph.md).
extension TimeToEventAnalysis {
    /// RMST per arm up to `horizon` (R `print(survfit, rmean = τ)`), with normal CIs, and each other arm
    /// minus the reference (`WaldDifference`); `nil` without a horizon. `input` has its ties collapsed.
    static func restrictedMean(_ input: SurvivalInput, horizon: Double?, options: KaplanMeierOptions) throws(StatsError) -> RestrictedMeanSummary? {
        guard let horizon else { return nil }
        var values: [RestrictedMean] = []
        for a in input.arms.indices {
            let rows = input.arm.indices.filter { input.arm[$0] == a }
            guard !rows.isEmpty else { return nil }
            let curve = try KaplanMeier.fit(time: rows.map { input.time[$0] }, event: rows.map { input.event[$0] }, options: options)
            guard let value = curve.restrictedMean(to: horizon) else { return nil }
            values.append(value)
        }
        let z = Normal.quantile(0.5 + options.level / 2)
        let arms = zip(input.arms, values).map { arm, v in
            RestrictedMeanArm(arm: arm, estimate: v.estimate, standardError: v.standardError,
                              lower: v.estimate - z * v.standardError, upper: v.estimate + z * v.standardError)
        }
        let reference = values[input.referenceArm]
        let differences = input.arms.indices.filter { $0 != input.referenceArm }.map { a in
            let d = WaldDifference.estimate(values[a].estimate, standardError: values[a].standardError,
                                            minus: reference.estimate, standardError: reference.standardError, level: options.level)
            return RestrictedMeanDifference(arm: input.arms[a], versus: input.arms[input.referenceArm], estimate: d.estimate,
                                            standardError: d.standardError, lower: d.lower, upper: d.upper)
        }
        return RestrictedMeanSummary(horizon: horizon, extrapolated: values.contains(where: \.extrapolated), arms: arms,
                                     differences: differences)
    }

    /// `cox.zph(fit, transform = "km", terms = TRUE)` of the arm-only Cox model and, with strata, of the
    /// stratified one (subjects with a missing stratum left out, as for the stratified fit). The arm
    /// indicators are one term. `nil` when no arm coefficient is estimable.
    static func proportionalHazards(_ input: SurvivalInput, cox: CoxFit, options: CoxOptions) throws(StatsError) -> ProportionalHazardsSummary? {
        let covariates = armIndicators(input.arm, arms: input.arms.count, reference: input.referenceArm)
        let term = [Array(covariates.indices)]
        guard let test = try ProportionalHazardsTest.test(time: input.time, event: input.event, covariates: covariates, fit: cox,
                                                          terms: term, termNames: ["arm"]),
              let arm = test.terms.first else { return nil }
        var stratified: StratifiedProportionalHazards?
        if let stratum = input.stratum {
            let kept = stratum.indices.filter { stratum[$0] != nil }
            let time = kept.map { input.time[$0] }, event = kept.map { input.event[$0] }, strata = kept.map { stratum[$0]! }
            let columns = armIndicators(kept.map { input.arm[$0] }, arms: input.arms.count, reference: input.referenceArm)
            if !kept.isEmpty {
                let fit = try CoxModel.fit(time: time, event: event, covariates: columns, strata: strata, options: options)
                if let s = try ProportionalHazardsTest.test(time: time, event: event, covariates: columns, strata: strata, fit: fit,
                                                            terms: term, termNames: ["arm"]), let a = s.terms.first {
                    stratified = StratifiedProportionalHazards(arm: TestJSON(a.test), global: TestJSON(s.global.test),
                                                               strata: input.strataVariables)
                }
            }
        }
        return ProportionalHazardsSummary(transform: "km", arm: TestJSON(arm.test), global: TestJSON(test.global.test),
                                          stratified: stratified)
    }
}
