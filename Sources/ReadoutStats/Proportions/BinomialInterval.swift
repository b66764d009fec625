/// Confidence intervals for one binomial proportion, following R.
///
/// - Clopper–Pearson (1934), R's `binom.test(x, n, conf.level = level)$conf.int`: with α = (1 − level)/2,
///   lower = qbeta(α, x, n − x + 1) (0 when x = 0) and upper = qbeta(1 − α, x + 1, n − x) (1 when x = n).
/// - Wilson (1927) score interval without continuity correction, R's
///   `prop.test(x, n, correct = FALSE, conf.level = level)$conf.int`: with z = qnorm((1 + level)/2),
///   p̂ = x/n and c = z²/(2n), the limits are (p̂ + c ∓ z·sqrt(p̂(1 − p̂)/n + c/(2n))) / (1 + 2c), clamped to
///   [0, 1], with exactly 0 at x = 0 and exactly 1 at x = n.
///
/// Every function returns the estimate x/n with its limits; all `nil` when trials = 0 or the counts are
/// invalid (R errors there), and `nil` limits when `level` is not in (0, 1).
public enum BinomialInterval {
    /// Exact (Clopper–Pearson) interval, as R's `binom.test`.
    public static func clopperPearson(successes: Int, trials: Int, level: Double = 0.95) -> Estimate {
        guard let estimate = BinomialProportion(successes: successes, trials: trials).proportion else {
            return Estimate(estimate: nil, lower: nil, upper: nil)
        }
        guard level > 0, level < 1 else { return Estimate(estimate: estimate, lower: nil, upper: nil) }
        let x = Double(successes), n = Double(trials)
        let alpha = (1 - level) / 2
        let lower = successes == 0 ? 0 : Beta.quantile(alpha, a: x, b: n - x + 1)
        let upper = successes == trials ? 1 : Beta.quantile(1 - alpha, a: x + 1, b: n - x)
        return Estimate(estimate: estimate, lower: lower, upper: upper)
    }

    /// Wilson score interval without continuity correction, as R's `prop.test(correct = FALSE)$conf.int`.
    public static func wilson(successes: Int, trials: Int, level: Double = 0.95) -> Estimate {
        guard let estimate = BinomialProportion(successes: successes, trials: trials).proportion else {
            return Estimate(estimate: nil, lower: nil, upper: nil)
        }
        guard level > 0, level < 1 else { return Estimate(estimate: estimate, lower: nil, upper: nil) }
        let n = Double(trials)
        let z = Normal.quantile((1 + level) / 2)
        let z22n = z * z / (2 * n)
        let spread = z * (estimate * (1 - estimate) / n + z22n / (2 * n)).squareRoot()
        let upper = estimate >= 1 ? 1 : (estimate + z22n + spread) / (1 + 2 * z22n)
        let lower = estimate <= 0 ? 0 : (estimate + z22n - spread) / (1 + 2 * z22n)
        return Estimate(estimate: estimate, lower: max(lower, 0), upper: min(upper, 1))
    }
}
