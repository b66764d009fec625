public import ReadoutStats

/// Kaplan-Meier per arm, median follow-up, log-rank and Cox (unstratified and stratified), and,
/// when causes are given, the competing-risks analysis — the full time-to-event block of results.
public enum TimeToEventAnalysis {
    public struct Labels: Sendable {
        public var endpoint: String
        public var title: String
        public var type: EndpointType
        public var population: String
        public var timeUnit: String?
        public var causeOfInterest: String?
        /// RMST horizon τ in the analysis unit (time-to-event endpoints; `nil` for none).
        public var rmstHorizon: Double?

        public init(endpoint: String, title: String, type: EndpointType, population: String, timeUnit: String?, causeOfInterest: String? = nil,
                    rmstHorizon: Double? = nil) {
            self.endpoint = endpoint
            self.title = title
            self.type = type
            self.population = population
            self.timeUnit = timeUnit
            self.causeOfInterest = causeOfInterest
            self.rmstHorizon = rmstHorizon
        }
    }

    /// The results of one time-to-event analysis that do not depend on which endpoint shows them:
    /// endpoints on the same records (RFS, and the cumulative incidences of its causes) share one.
    public struct SurvivalBlock: Sendable {
        public var arms: [ArmSurvival]
        public var followUp: FollowUpJSON
        public var landmarkDifferences: [LandmarkDifference]
        public var logRank: LogRankSummary
        public var cox: CoxSummary
        /// Restricted mean survival time and the proportional-hazards check (time-to-event endpoints).
        public var restrictedMean: RestrictedMeanSummary?
        public var proportionalHazards: ProportionalHazardsSummary?
    }

    public static func run(_ input: SurvivalInput, labels: Labels, methods: ResolvedMethods) throws(StatsError) -> EndpointResult {
        let block = try survivalBlock(input, methods: methods, reviewers: labels.type == .timeToEvent, rmstHorizon: labels.rmstHorizon)
        var competing: CompetingRisksSummary?
        if let cause = input.cause {
            competing = try CompetingRisksAnalysis.run(input, cause: cause, methods: methods)
        }
        return result(labels: labels, input: input, methods: methods, block: block, competing: competing)
    }

    /// One endpoint's result from the shared blocks.
    public static func result(labels: Labels, input: SurvivalInput, methods: ResolvedMethods, block: SurvivalBlock,
                              competing: CompetingRisksSummary?) -> EndpointResult {
        var competing = competing
        competing?.causeOfInterest = labels.causeOfInterest
        var result = EndpointResult.make(
            endpoint: labels.endpoint, title: labels.title, type: labels.type, population: labels.population,
            timeUnit: labels.timeUnit, referenceArm: input.arms[input.referenceArm], methods: methods, arms: block.arms,
            followUp: block.followUp, landmarkDifferences: block.landmarkDifferences,
            logRank: block.logRank, cox: block.cox, competingRisks: competing)
        if labels.type == .timeToEvent {
            result.restrictedMean = block.restrictedMean
            result.proportionalHazards = block.proportionalHazards
        }
        return result
    }

    /// Kaplan-Meier per arm, median follow-up, log-rank and Cox (unstratified and stratified); with
    /// `reviewers`, also the RMST up to `rmstHorizon` and the proportional-hazards check.
    public static func survivalBlock(_ input: SurvivalInput, methods: ResolvedMethods, reviewers: Bool,
                                     rmstHorizon: Double?) throws(StatsError) -> SurvivalBlock {
        // R's aeqSurv: floating-point near-ties are merged over the whole dataset, before any split by arm.
        // survival (survfit, survdiff, coxph) does this; cmprsk (cuminc, crr) does not, so the
        // competing-risks analysis gets the times as recorded.
        var input = input
        input.time = TiedTimes.collapse(input.time)
        let kmOptions = KaplanMeierOptions(transform: methods.confidenceInterval, level: methods.confidenceLevel,
                                           convention: methods.profile)
        let rowsByArm = (0..<input.arms.count).map { a in input.arm.indices.filter { input.arm[$0] == a } }

        var arms: [ArmSurvival] = []
        for (a, rows) in rowsByArm.enumerated() {
            let time = rows.map { input.time[$0] }
            let event = rows.map { input.event[$0] }
            arms.append(try armSurvival(name: input.arms[a], time: time, event: event, landmarks: input.landmarks, options: kmOptions))
        }

        let logRank = try LogRankTest.test(time: input.time, event: input.event, group: input.arm, groupCount: input.arms.count)
        var stratifiedLogRank: LogRankSummary?
        var stratifiedCox: CoxSummary?
        let coxOptions = CoxOptions(ties: methods.ties, convention: methods.profile, level: methods.confidenceLevel)
        let covariates = armIndicators(input.arm, arms: input.arms.count, reference: input.referenceArm)
        // Covariate names are the arms, so a not-estimable reason reads "no events in arm <name>".
        let names = input.arms.indices.filter { $0 != input.referenceArm }.map { "arm \(input.arms[$0])" }
        let cox = try CoxModel.fit(time: input.time, event: input.event, covariates: covariates, names: names, options: coxOptions)

        if let stratum = input.stratum {
            let kept = stratum.indices.filter { stratum[$0] != nil }
            let time = kept.map { input.time[$0] }, event = kept.map { input.event[$0] }
            let arm = kept.map { input.arm[$0] }, strata = kept.map { stratum[$0]! }
            let excluded = input.count - kept.count
            let test = try LogRankTest.test(time: time, event: event, group: arm, groupCount: input.arms.count, stratum: strata)
            stratifiedLogRank = LogRankSummary(chiSquare: test.test.statistic, df: test.test.df, p: test.test.p,
                                               arms: observedExpected(test, arms: input.arms),
                                               strata: input.strataVariables, excluded: excluded, stratified: nil)
            let fit = try CoxModel.fit(time: time, event: event,
                                       covariates: armIndicators(arm, arms: input.arms.count, reference: input.referenceArm),
                                       strata: strata, names: names, options: coxOptions)
            stratifiedCox = CoxSummary(ties: methods.ties.rawValue, logLikelihood: fit.logLikelihood, tests: tests(fit),
                                       hazardRatios: hazardRatios(fit, input: input), converged: fit.converged,
                                       iterations: fit.iterations, strata: input.strataVariables, excluded: excluded,
                                       stratified: nil)
        }
        return SurvivalBlock(
            arms: arms, followUp: try followUp(time: input.time, event: input.event, options: kmOptions),
            landmarkDifferences: landmarkDifferences(arms, reference: input.referenceArm, level: methods.confidenceLevel),
            logRank: LogRankSummary(chiSquare: logRank.test.statistic, df: logRank.test.df, p: logRank.test.p,
                                    arms: observedExpected(logRank, arms: input.arms), strata: nil, excluded: nil,
                                    stratified: stratifiedLogRank),
            cox: CoxSummary(ties: methods.ties.rawValue, logLikelihood: cox.logLikelihood, tests: tests(cox),
                            hazardRatios: hazardRatios(cox, input: input), converged: cox.converged,
                            iterations: cox.iterations, strata: nil, excluded: nil, stratified: stratifiedCox),
            restrictedMean: reviewers ? try restrictedMean(input, horizon: rmstHorizon, options: kmOptions) : nil,
            proportionalHazards: reviewers ? try proportionalHazards(input, cox: cox, options: coxOptions) : nil)
    }

    /// Other arm minus reference at each landmark.
    static func landmarkDifferences(_ arms: [ArmSurvival], reference: Int, level: Double) -> [LandmarkDifference] {
        var differences: [LandmarkDifference] = []
        let referenceArm = arms[reference]
        for index in arms.indices where index != reference {
            let otherArm = arms[index]
            for (other, ref) in zip(otherArm.landmarks, referenceArm.landmarks) {
                let result = WaldDifference.estimate(other.estimate, standardError: other.standardError,
                                                     minus: ref.estimate, standardError: ref.standardError, level: level)
                differences.append(.make(time: other.time, arm: otherArm.arm, versus: referenceArm.arm, result))
            }
        }
        return differences
    }

    static func armSurvival(name: String, time: [Double], event: [Bool], landmarks: [Double],
                            options: KaplanMeierOptions) throws(StatsError) -> ArmSurvival {
        let curve = try KaplanMeier.fit(time: time, event: event, options: options)
        let medianFollowUp = try followUp(time: time, event: event, options: options)
        let rows = curve.time.indices.map { i in
            CurveRow(time: curve.time[i], atRisk: curve.atRisk[i], events: curve.eventCount[i], censored: curve.censorCount[i],
                     estimate: curve.survival[i], lower: curve.lower[i], upper: curve.upper[i])
        }
        let marks = landmarks.map { t in
            let l = curve.landmark(t)
            return LandmarkJSON(time: t, atRisk: l.atRisk, estimate: l.survival, standardError: l.standardError,
                                lower: l.lower, upper: l.upper)
        }
        return ArmSurvival(arm: name, n: curve.n, events: curve.events, median: EstimateJSON(curve.median),
                           landmarks: marks, followUp: medianFollowUp, curve: rows)
    }

    /// Median follow-up by reverse Kaplan-Meier. It is descriptive, so its CI always uses the log-log
    /// transform (as the R reference files and SAS LIFETEST's default), whatever the curves use.
    static func followUp(time: [Double], event: [Bool], options: KaplanMeierOptions) throws(StatsError) -> FollowUpJSON {
        var options = options
        options.transform = .logLog
        return FollowUpJSON(try MedianFollowUp.estimate(time: time, event: event, options: options))
    }

    /// One 0/1 column per non-reference arm (treatment contrasts against the reference).
    static func armIndicators(_ arm: [Int], arms: Int, reference: Int) -> [[Double]] {
        (0..<arms).filter { $0 != reference }.map { a in arm.map { $0 == a ? 1.0 : 0.0 } }
    }

    static func observedExpected(_ test: LogRankResult, arms: [String]) -> [ObservedExpected] {
        arms.indices.map { ObservedExpected(arm: arms[$0], observed: test.observed[$0], expected: test.expected[$0]) }
    }

    static func tests(_ fit: CoxFit) -> CoxTests {
        CoxTests(wald: TestJSON(fit.wald), likelihoodRatio: TestJSON(fit.likelihoodRatio), score: TestJSON(fit.score))
    }

    static func hazardRatios(_ fit: CoxFit, input: SurvivalInput) -> [HazardRatioJSON] {
        let others = input.arms.indices.filter { $0 != input.referenceArm }
        return others.enumerated().map { (i, a) in
            let hr = fit.hazardRatio(i)
            let estimable = fit.estimable[i]
            return HazardRatioJSON(arm: input.arms[a], versus: input.arms[input.referenceArm],
                                   coefficient: estimable ? fit.coefficients[i] : nil,
                                   standardError: estimable ? fit.standardErrors[i] : nil,
                                   estimate: hr.estimate, lower: hr.lower, upper: hr.upper,
                                   p: fit.waldP(i), estimable: estimable, reason: fit.notEstimableReasons[i])
        }
    }
}
