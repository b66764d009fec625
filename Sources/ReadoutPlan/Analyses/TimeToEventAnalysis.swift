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

    public static func run(_ input: SurvivalInput, labels: Labels, methods: ResolvedMethods) throws(StatsError) -> EndpointResult {
        // R's aeqSurv: floating-point near-ties are merged over the whole dataset, before any split by arm.
        // survival (survfit, survdiff, coxph) does this; cmprsk (cuminc, crr) does not, so the
        // competing-risks analysis gets the times as recorded.
        let recorded = input
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

        var competing: CompetingRisksSummary?
        if let cause = input.cause {
            competing = try CompetingRisksAnalysis.run(recorded, cause: cause, causeOfInterest: labels.causeOfInterest, methods: methods)
        }

        var result = EndpointResult.make(
            endpoint: labels.endpoint, title: labels.title, type: labels.type, population: labels.population,
            timeUnit: labels.timeUnit, referenceArm: input.arms[input.referenceArm], methods: methods, arms: arms,
            logRank: LogRankSummary(chiSquare: logRank.test.statistic, df: logRank.test.df, p: logRank.test.p,
                                    arms: observedExpected(logRank, arms: input.arms), strata: nil, excluded: nil,
                                    stratified: stratifiedLogRank),
            cox: CoxSummary(ties: methods.ties.rawValue, logLikelihood: cox.logLikelihood, tests: tests(cox),
                            hazardRatios: hazardRatios(cox, input: input), converged: cox.converged,
                            iterations: cox.iterations, strata: nil, excluded: nil, stratified: stratifiedCox),
            competingRisks: competing)
        result.landmarkDifferences = landmarkDifferences(arms, reference: input.referenceArm, level: methods.confidenceLevel)
        result.followUp = try followUp(time: input.time, event: input.event, options: kmOptions)
        if labels.type == .timeToEvent {
            result.restrictedMean = try restrictedMean(input, horizon: labels.rmstHorizon, options: kmOptions)
            result.proportionalHazards = try proportionalHazards(input, cox: cox, options: coxOptions)
        }
        return result
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
