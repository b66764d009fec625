/// The hypergeometric distribution: the number X of successes among `draws` items drawn without
/// replacement from an urn of `successes` successes and `failures` failures (R's `dhyper(x, m, n, k)`
/// with m = successes, n = failures, k = draws).
///
/// The density is Loader's saddle-point form (as R's `dhyper`): with p = k/(m+n),
/// P(X = x) = b(x; m, p) · b(k−x; n, p) / b(k; m+n, p) for binomial densities b computed by
/// `Saddlepoint.logBinomialDensity`, in log space, so it keeps full relative precision far in the tails
/// where lgamma differences cancel. The cdf sums the ratio series P(X = j−1)/P(X = j) downwards from x
/// on the side of the mode where it decreases, switching to the complementary tail otherwise (the
/// scheme of R's `phyper`, `pdhyper`), so each tail is accurate to a few ulps times its length.
public enum Hypergeometric {
    /// log P(X = x), as R's `dhyper(x, m, n, k, log = TRUE)`; −∞ outside the support, NaN for invalid input.
    public static func logPMF(_ x: Int, successes m: Int, failures n: Int, draws k: Int) -> Double {
        logDensity(x, m, n, k).value
    }

    /// P(X = x), as R's `dhyper(x, m, n, k)`.
    public static func pmf(_ x: Int, successes m: Int, failures n: Int, draws k: Int) -> Double {
        logDensity(x, m, n, k).exponential
    }

    private static func logDensity(_ x: Int, _ m: Int, _ n: Int, _ k: Int) -> DoubleDouble {
        guard m >= 0, n >= 0, k >= 0, k <= m + n else { return DoubleDouble(.nan) }
        if x < 0 || x > m || x > k || k - x > n { return DoubleDouble(-.infinity) }
        if k == 0 { return DoubleDouble(0) }
        let total = Double(m) + Double(n)
        let p = Double(k) / total
        let q = (total - Double(k)) / total
        return Saddlepoint.logBinomialDensity(Double(x), Double(m), p, q)
            + Saddlepoint.logBinomialDensity(Double(k - x), Double(n), p, q)
            - Saddlepoint.logBinomialDensity(Double(k), total, p, q)
    }

    /// P(X ≤ x), as R's `phyper(x, m, n, k)`.
    public static func cdf(_ x: Int, successes m: Int, failures n: Int, draws k: Int) -> Double {
        tail(x, m, n, k, lower: true)
    }

    /// P(X > x), computed directly when it is the small tail, as R's `phyper(x, m, n, k, lower.tail = FALSE)`.
    public static func survival(_ x: Int, successes m: Int, failures n: Int, draws k: Int) -> Double {
        tail(x, m, n, k, lower: false)
    }

    private static func tail(_ x: Int, _ m: Int, _ n: Int, _ k: Int, lower: Bool) -> Double {
        guard m >= 0, n >= 0, k >= 0, k <= m + n else { return .nan }
        var x = x, white = m, black = n, lowerTail = lower
        // Sum on the side below the mean, where terms fall off geometrically: P(X ≤ x) = 1 − P(X' ≤ k−x−1)
        // with X' = k − X the count of the other colour.
        if Double(x) * (Double(m) + Double(n)) > Double(k) * Double(m) {
            swap(&white, &black)
            x = k - x - 1
            lowerTail.toggle()
        }
        if x < 0 { return lowerTail ? 0 : 1 }
        if x >= white || x >= k { return lowerTail ? 1 : 0 }
        let density = pmf(x, successes: white, failures: black, draws: k)
        let p = density * ratioSum(x, white, black, k)
        return lowerTail ? p : 1 - p
    }

    /// Σ_{j ≤ x} P(X = j) / P(X = x) = 1 + Σ of the products of P(X = j−1)/P(X = j)
    /// = j(n − k + j) / ((k + 1 − j)(m + 1 − j)), stopped when a term no longer changes the sum.
    private static func ratioSum(_ x: Int, _ m: Int, _ n: Int, _ k: Int) -> Double {
        var sum = 0.0, term = 1.0
        var j = Double(x)
        let md = Double(m), nd = Double(n), kd = Double(k)
        while j > 0 && term >= Double.ulpOfOne * sum / 4 {
            term *= j * (nd - kd + j) / ((kd + 1 - j) * (md + 1 - j))
            sum += term
            j -= 1
        }
        return 1 + sum
    }
}
