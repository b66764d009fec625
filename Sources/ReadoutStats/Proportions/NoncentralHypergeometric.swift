/// Fisher's noncentral hypergeometric distribution of the [1,1] cell of a 2×2 table given its margins.
///
/// P(X = s; ψ) ∝ C(m, s)·C(n, k−s)·ψ^s on lo…hi = max(0, k−n)…min(k, m), where m, n are the column
/// totals and k the first row total (R `fisher.test`'s `dnhyper`, `mnhyper`, `pnhyper`). It is
/// parametrized here by θ = log ψ, in which the mean is increasing with derivative the variance and
/// the tail probabilities are monotone, so Newton's method solves for the conditional MLE and the
/// exact confidence limits to full precision (R uses `uniroot` at about 1e-4).
struct NoncentralHypergeometric {
    let lo: Int
    let hi: Int
    /// log C(m, s)·C(n, k−s) up to a constant: `Hypergeometric.logPMF` for s = lo…hi.
    let logWeights: [Double]

    init(columnTotals m: Int, _ n: Int, rowTotal k: Int) {
        lo = max(0, k - n)
        hi = min(k, m)
        logWeights = (lo...hi).map { Hypergeometric.logPMF($0, successes: m, failures: n, draws: k) }
    }

    /// Probabilities of lo…hi at log odds ratio θ, normalized by the largest term first (as R's `dnhyper`).
    func probabilities(logOddsRatio theta: Double) -> [Double] {
        var d = logWeights
        if theta != 0 {
            for i in d.indices { d[i] += theta * Double(lo + i) }
        }
        let top = d.max() ?? 0
        var sum = 0.0
        for i in d.indices {
            d[i] = exp(d[i] - top)
            sum += d[i]
        }
        for i in d.indices { d[i] /= sum }
        return d
    }

    /// E[X] − x and Var(X) at θ (the derivative of the mean in θ).
    func meanMinus(_ x: Int, logOddsRatio theta: Double) -> (value: Double, slope: Double) {
        let d = probabilities(logOddsRatio: theta)
        var mean = 0.0
        for i in d.indices { mean += Double(lo + i - x) * d[i] }
        var variance = 0.0
        for i in d.indices {
            let centred = Double(lo + i - x) - mean
            variance += centred * centred * d[i]
        }
        return (mean, variance)
    }

    /// P(X ≤ x) (or P(X ≥ x) when `upper`) at θ, with its derivative in θ: for the lower tail
    /// −Σ_{s≤x} p_s (μ − s), for the upper tail Σ_{s≥x} p_s (s − μ).
    func tail(_ x: Int, upper: Bool, logOddsRatio theta: Double) -> (value: Double, slope: Double) {
        let d = probabilities(logOddsRatio: theta)
        var mean = 0.0
        for i in d.indices { mean += Double(lo + i) * d[i] }
        var probability = 0.0, slope = 0.0
        for i in d.indices where upper ? lo + i >= x : lo + i <= x {
            probability += d[i]
            slope += d[i] * (Double(lo + i) - mean)
        }
        return (probability, slope)
    }
}
