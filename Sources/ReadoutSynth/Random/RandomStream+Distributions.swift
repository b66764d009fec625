// Continuous and discrete samplers on RandomStream, all by inversion or rejection with the portable
// log/exp (so results do not depend on the platform's libm):
// exponential −log(1 − U)/rate; Weibull λ·(E/m)^(1/k) for cumulative hazard m·(t/λ)^k (Bender,
// Augustin & Blettner 2005, Stat Med 24:1713); piecewise-constant hazard by inverting the cumulative
// hazard at E ~ Exp(1); normal by Marsaglia's polar method (Marsaglia & Bray 1964, SIAM Review 6:260);
// categorical by cumulative weights; shuffle by Fisher–Yates (Durstenfeld 1964).

extension RandomStream {
    /// A standard exponential variate (rate 1), by inversion: −log(1 − U).
    public mutating func standardExponential() -> Double { -PortableMath.log(1 - uniform()) }

    /// An exponential variate with the given rate.
    public mutating func exponential(rate: Double) -> Double { standardExponential() / rate }

    /// A Weibull variate with cumulative hazard `hazardRatio · (t / scale)^shape`.
    public mutating func weibull(shape: Double, scale: Double, hazardRatio: Double = 1) -> Double {
        scale * PortableMath.pow(standardExponential() / hazardRatio, 1 / shape)
    }

    /// A variate whose hazard is `hazardRatio` times a piecewise-constant baseline: `rates[i]` per
    /// unit time on `[starts[i], starts[i+1])`, the last rate continuing forever (`starts[0]` is 0).
    public mutating func piecewiseExponential(starts: [Double], rates: [Double], hazardRatio: Double = 1) -> Double {
        precondition(starts.count == rates.count && !starts.isEmpty && starts[0] == 0, "piecewise hazard: one rate per start, first start 0")
        var remaining = standardExponential() / hazardRatio
        for i in rates.indices {
            let width = i + 1 < starts.count ? starts[i + 1] - starts[i] : Double.infinity
            let piece = rates[i] * width
            if remaining < piece || i == rates.count - 1 {
                return rates[i] > 0 ? starts[i] + remaining / rates[i] : .infinity
            }
            remaining -= piece
        }
        return .infinity
    }

    /// A standard normal variate by Marsaglia's polar method (one of each accepted pair is used).
    public mutating func standardNormal() -> Double {
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * PortableMath.log(s) / s).squareRoot()
            }
        }
    }

    /// A normal variate with the given mean and standard deviation.
    public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * standardNormal()
    }

    /// A normal variate restricted to `[lower, upper)` by rejection.
    public mutating func truncatedNormal(mean: Double, standardDeviation: Double, lower: Double, upper: Double) -> Double {
        precondition(lower < upper, "truncated normal needs lower < upper")
        while true {
            let x = normal(mean: mean, standardDeviation: standardDeviation)
            if x >= lower && x < upper { return x }
        }
    }

    /// An index drawn with probability proportional to `weights` (non-negative, positive sum).
    public mutating func categorical(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        precondition(total > 0, "categorical weights must have a positive sum")
        let target = uniform() * total
        var cumulative = 0.0
        for (i, w) in weights.enumerated() {
            cumulative += w
            if target < cumulative { return i }
        }
        return weights.lastIndex(where: { $0 > 0 })!
    }

    /// One of `choices`, drawn with the paired weights.
    public mutating func choose<T>(_ choices: [(T, Double)]) -> T {
        choices[categorical(choices.map(\.1))].0
    }

    /// The elements in a uniformly random order (Fisher–Yates).
    public mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var a = elements
        var i = a.count - 1
        while i > 0 {
            let j = integer(in: 0...i)
            a.swapAt(i, j)
            i -= 1
        }
        return a
    }
}
