/// Accurate sums for descriptive statistics: Neumaier's compensated summation (Neumaier 1974, an
/// improved Kahan sum) and two-pass mean and variance as in R (`mean` adds the mean residual as a
/// second pass; `var` sums squared deviations from that mean). The residuals x − m are formed exactly
/// (two-sum), standing in for R's long-double accumulation, so errors stay at a few ulps independent
/// of n and of the data's offset from zero.
enum Summation {
    /// A running Neumaier sum.
    struct Accumulator {
        private(set) var sum = 0.0
        private var compensation = 0.0

        mutating func add(_ value: Double) {
            let t = sum + value
            if abs(sum) >= abs(value) {
                compensation += (sum - t) + value
            } else {
                compensation += (value - t) + sum
            }
            sum = t
        }

        /// The compensated total; the plain running sum when that is not finite (±∞ or NaN inputs).
        var total: Double { sum.isFinite ? sum + compensation : sum }
    }

    /// Two-pass mean: m = Σx/n, then m + Σ(x − m)/n with each residual exact.
    static func mean(_ values: [Double]) -> Double {
        let n = Double(values.count)
        var first = Accumulator()
        for value in values { first.add(value) }
        let m = first.total / n
        guard m.isFinite else { return m }
        var residual = Accumulator()
        for value in values {
            let difference = DoubleDouble.twoSum(value, -m)
            residual.add(difference.hi)
            residual.add(difference.lo)
        }
        return m + residual.total / n
    }

    /// sqrt(Σ(x − m)²/(n − 1)) for n ≥ 2 (NaN when the mean is not finite, as R).
    static func standardDeviation(_ values: [Double], mean: Double) -> Double {
        guard mean.isFinite else { return .nan }
        var squares = Accumulator()
        for value in values {
            let deviation = value - mean
            squares.add(deviation * deviation)
        }
        return (squares.total / Double(values.count - 1)).squareRoot()
    }
}
