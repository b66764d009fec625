public import ReadoutCore
public import ReadoutStats

/// A binary response by arm: proportions with Clopper-Pearson and Wilson intervals, the difference
/// (other − reference) with Newcombe's hybrid-score interval, and Fisher's exact test with the
/// conditional-MLE odds ratio (odds of response in the other arm over the reference arm).
///
/// Intention-to-treat convention: every subject of the population is in the denominator; a missing
/// response counts as a non-response and is reported in `missing`.
public enum BinaryAnalysis {
    public struct Input: Sendable {
        public var arms: [String]
        public var referenceArm: Int
        public var arm: [Int]
        /// true = responder ("Y"), false = not, nil = missing.
        public var response: [Bool?]

        public init(arms: [String], referenceArm: Int, arm: [Int], response: [Bool?]) {
            self.arms = arms
            self.referenceArm = referenceArm
            self.arm = arm
            self.response = response
        }
    }

    /// `convention` selects Fisher's odds-ratio estimates: full precision (`.sas`) or R's `uniroot` values (`.r`).
    public static func run(_ input: Input, variable: String, level: Double, convention: Convention = .sas) -> BinarySummary {
        var responders = [Int](repeating: 0, count: input.arms.count)
        var totals = responders, missing = responders
        for (a, r) in zip(input.arm, input.response) {
            totals[a] += 1
            if r == true { responders[a] += 1 }
            if r == nil { missing[a] += 1 }
        }
        let arms = input.arms.indices.map { a in
            let cp = BinomialInterval.clopperPearson(successes: responders[a], trials: totals[a], level: level)
            let wilson = BinomialInterval.wilson(successes: responders[a], trials: totals[a], level: level)
            return BinaryArm(arm: input.arms[a], responders: responders[a], n: totals[a], missing: missing[a],
                             proportion: totals[a] > 0 ? Double(responders[a]) / Double(totals[a]) : nil,
                             clopperPearson: Interval(lower: cp.lower, upper: cp.upper),
                             wilson: Interval(lower: wilson.lower, upper: wilson.upper))
        }
        let ref = input.referenceArm
        let other = input.arms.indices.first { $0 != ref } ?? ref
        let difference = ProportionDifference.newcombe(reference: (responders[ref], totals[ref]),
                                                       other: (responders[other], totals[other]), level: level)
        let fisher = FisherExact.test((a: responders[other], b: totals[other] - responders[other],
                                       c: responders[ref], d: totals[ref] - responders[ref]), level: level,
                                      convention: convention)
        return BinarySummary(variable: variable, arms: arms, difference: EstimateJSON(difference),
                             fisher: FisherJSON(p: fisher.p, oddsRatio: fisher.oddsRatio, lower: fisher.lower, upper: fisher.upper))
    }
}
