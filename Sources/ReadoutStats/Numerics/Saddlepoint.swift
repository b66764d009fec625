/// Loader's saddle-point building blocks for binomial-type densities in log space.
///
/// C. Loader (2000), "Fast and Accurate Computation of Binomial Probabilities": the density is
/// written as exp(−stirlerr terms − bd0 deviance terms) / sqrt(2π·…), so no term cancels and every
/// density keeps full relative precision even when it underflows lgamma-based formulas. This is the
/// scheme behind R's `dbinom`, `dpois` and `dhyper` (nmath `dbinom_raw`, `dpois_raw`).
enum Saddlepoint {
    /// log(sqrt(2π)).
    static let logSqrt2Pi = 0.91893853320467274178032973640562

    /// stirlerr(n) at n = 0, 0.5, 1, …, 15: computed at 40 digits as lgamma(n+1) − (n+½)log n + n − log√(2π).
    private static let halfIntegerTable: [Double] = [
        0.0, 1.5342640972002735e-1, 8.1061466795327258e-2, 5.4814121051917654e-2,
        4.1340695955409294e-2, 3.3162873519936287e-2, 2.7677925684998339e-2, 2.3746163656297496e-2,
        2.0790672103765093e-2, 1.8488450532673185e-2, 1.6644691189821192e-2, 1.5134973221917379e-2,
        1.3876128823070748e-2, 1.2810465242920227e-2, 1.189670994589177e-2, 1.1104559758206917e-2,
        1.0411265261972096e-2, 9.7994161261588033e-3, 9.2554621827127329e-3, 8.7687001341393855e-3,
        8.3305634333628713e-3, 7.9341145643140205e-3, 7.5736754879518408e-3, 7.2445543013203832e-3,
        6.9428401072095299e-3, 6.6652470327076824e-3, 6.4089941880042071e-3, 6.1717122630394576e-3,
        5.9513701127588477e-3, 5.7462165130101157e-3, 5.5547335519628014e-3,
    ]

    /// Error of Stirling's formula: log(n!) − log(sqrt(2πn) (n/e)^n), for n ≥ 0 (n need not be an integer).
    static func stirlerr(_ n: Double) -> Double {
        if n <= 15 {
            let twice = n + n
            if twice == twice.rounded() { return halfIntegerTable[Int(twice)] }
            // stirlerr(n) = stirlerr(n + 1) + (n + ½)·log1p(1/n) − 1, stepped up past 15 (no lgamma cancellation).
            var m = n
            var correction = 0.0
            while m <= 15 {
                correction += (m + 0.5) * log1p(1 / m) - 1
                m += 1
            }
            return correction + stirlerr(m)
        }
        // Asymptotic series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹).
        let s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188
        let nn = n * n
        if n > 500 { return (s0 - s1 / nn) / n }
        if n > 80 { return (s0 - (s1 - s2 / nn) / nn) / n }
        if n > 35 { return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n }
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n
    }

    /// Deviance term bd0(x, m) = x·log(x/m) + m − x ≥ 0 with m = mHi + mLo given exactly.
    ///
    /// A series in v = (x−m)/(x+m) when x ≈ m (no cancellation). Otherwise m − x is kept exactly
    /// (two-sum) and x·log(x/m) is corrected for the rounding of x/m, so the result's error is about
    /// ε·|x·log(x/m)| rather than ε·m: this is what keeps e^(−bd0) exact in far tails.
    static func bd0(_ x: Double, _ mHi: Double, _ mLo: Double = 0) -> DoubleDouble {
        if !x.isFinite || !mHi.isFinite || mHi == 0 { return DoubleDouble(.nan) }
        let difference = DoubleDouble.twoSum(x, -mHi) + (-mLo)  // x − m
        let total = x + mHi
        if abs(difference.hi) < 0.1 * total {
            var v = difference.hi / total
            var s = difference.hi * v
            if abs(s) < Double.leastNormalMagnitude { return DoubleDouble(s) }
            var ej = 2 * x * v
            v *= v
            var j = 1.0
            while j < 1000 {
                ej *= v
                let next = s + ej / (j + j + 1)
                if next == s { break }
                s = next
                j += 1
            }
            return DoubleDouble(s)
        }
        let q = x / mHi
        let remainder = x.addingProduct(-q, mHi)  // x − q·mHi, exactly
        let logRatio = log(q) + remainder / x - mLo / mHi  // log(x/m) to first order in the corrections
        return -difference + x * logRatio
    }

    /// log of the binomial density Γ(n+1)/(Γ(x+1)Γ(n−x+1)) p^x q^(n−x) for real 0 ≤ x ≤ n, with q = 1 − p
    /// passed separately so either may carry full precision (R's `dbinom_raw(x, n, p, q, log = TRUE)`).
    /// p and q may carry low-order parts `pLo`, `qLo` (p = p + pLo exactly, e.g. q = 1 − x as a two-sum);
    /// n·p and n·q enter `bd0` as exact two-products, and the exponent is kept as a double-double.
    /// `rest` is n − x when the caller knows it exactly (the beta front factor, where n = a + b rounds).
    static func logBinomialDensity(_ x: Double, _ n: Double, _ p: Double, _ q: Double,
                                   pLo: Double = 0, qLo: Double = 0, rest: Double? = nil) -> DoubleDouble {
        if p == 0 { return DoubleDouble(x == 0 ? 0 : -.infinity) }
        if q == 0 { return DoubleDouble(x == n ? 0 : -.infinity) }
        let np = DoubleDouble.twoProduct(n, p) + n * pLo, nq = DoubleDouble.twoProduct(n, q) + n * qLo
        if x == 0 {
            if n == 0 { return DoubleDouble(0) }
            return p < 0.1 ? -bd0(n, nq.hi, nq.lo) + (-np.hi) + (-np.lo) : DoubleDouble(n * (log(q) + qLo / q))
        }
        if x == n {
            return q < 0.1 ? -bd0(n, np.hi, np.lo) + (-nq.hi) + (-nq.lo) : DoubleDouble(n * (log(p) + pLo / p))
        }
        if x < 0 || x > n { return DoubleDouble(-.infinity) }
        let m = rest ?? n - x
        let lc = stirlerr(n) - stirlerr(x) - stirlerr(m)
        // log(2π·x·(n−x)/n), halved; log1p(−x/n) would amplify the rounding of x/n when x ≈ n.
        let lf = 2 * logSqrt2Pi + log(x) + (x <= m ? log1p(-x / n) : log(m / n))
        return -bd0(x, np.hi, np.lo) - bd0(m, nq.hi, nq.lo) + (lc - 0.5 * lf)
    }

    /// log of the Poisson density λ^x e^(−λ) / Γ(x+1) for real x ≥ 0 (R's `dpois_raw(x, λ, log = TRUE)`),
    /// as a double-double.
    static func logPoissonDensity(_ x: Double, _ lambda: Double) -> DoubleDouble {
        if lambda == 0 { return DoubleDouble(x == 0 ? 0 : -.infinity) }
        if x < 0 { return DoubleDouble(-.infinity) }
        if x == 0 { return DoubleDouble(-lambda) }
        return -bd0(x, lambda) + (-stirlerr(x) - logSqrt2Pi - 0.5 * log(x))
    }
}
