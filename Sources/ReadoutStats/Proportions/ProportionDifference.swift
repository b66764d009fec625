/// Difference of two independent binomial proportions with Newcombe's hybrid score interval.
///
/// Newcombe (1998), Statistics in Medicine 17:873, method 10: with d = p₁ − p₀ (p₁ the other arm,
/// p₀ the reference arm) and the Wilson limits (l₁, u₁), (l₀, u₀) of each arm
/// (`BinomialInterval.wilson`, R's `prop.test(x, n, correct = FALSE)$conf.int`),
/// lower = d − sqrt((p₁ − l₁)² + (u₀ − p₀)²) and upper = d + sqrt((u₁ − p₁)² + (p₀ − l₀)²).
public enum ProportionDifference {
    /// p_other − p_reference with Newcombe's method-10 interval; all `nil` when either arm has no trials,
    /// `nil` limits when `level` is not in (0, 1).
    public static func newcombe(
        reference: (successes: Int, trials: Int),
        other: (successes: Int, trials: Int),
        level: Double = 0.95
    ) -> Estimate {
        let arm0 = BinomialInterval.wilson(successes: reference.successes, trials: reference.trials, level: level)
        let arm1 = BinomialInterval.wilson(successes: other.successes, trials: other.trials, level: level)
        guard let p0 = arm0.estimate, let p1 = arm1.estimate else {
            return Estimate(estimate: nil, lower: nil, upper: nil)
        }
        let d = p1 - p0
        guard let l0 = arm0.lower, let u0 = arm0.upper, let l1 = arm1.lower, let u1 = arm1.upper else {
            return Estimate(estimate: d, lower: nil, upper: nil)
        }
        let lower = d - ((p1 - l1) * (p1 - l1) + (u0 - p0) * (u0 - p0)).squareRoot()
        let upper = d + ((u1 - p1) * (u1 - p1) + (p0 - l0) * (p0 - l0)).squareRoot()
        return Estimate(estimate: d, lower: lower, upper: upper)
    }
}
