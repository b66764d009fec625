/// Summary of a continuous variable, as R computes it on the non-missing values.
///
/// `nil` and NaN values are missing (R's `is.na`); ±∞ are values. With x₁…xₙ the non-missing values:
/// - `mean`: two-pass, R's `mean`: m = Σx/n by Neumaier-compensated summation, then m + Σ(x − m)/n.
/// - `standardDeviation`: sqrt(Σ(x − m)²/(n − 1)) around that mean, R's `sd`; `nil` for n < 2.
/// - `median`, `q1`, `q3`: R's default `quantile(x, type = 7)`: with the sorted values x₍₁₎ ≤ … ≤ x₍ₙ₎,
///   h = (n − 1)p + 1, j = ⌊h⌋, Q(p) = (1 − (h − j))·x₍ⱼ₎ + (h − j)·x₍ⱼ₊₁₎ (just x₍ⱼ₎ when h = j or the two
///   are equal), for p = 0.5, 0.25, 0.75. The median equals R's `median`.
/// - `min`, `max`.
/// Every statistic is `nil` when no value is present.
public struct ContinuousSummary: Sendable, Equatable {
    /// Number of non-missing values.
    public let n: Int
    /// Number of missing values (`nil` or NaN).
    public let missing: Int
    public let mean: Double?
    /// Sample standard deviation (divisor n − 1); `nil` when n < 2.
    public let standardDeviation: Double?
    public let median: Double?
    /// First quartile, R `quantile(x, 0.25)` (type 7).
    public let q1: Double?
    /// Third quartile, R `quantile(x, 0.75)` (type 7).
    public let q3: Double?
    public let min: Double?
    public let max: Double?

    /// Summarizes `values`, treating `nil` and NaN as missing. O(n log n) for the sort.
    public init(_ values: [Double?]) {
        var present: [Double] = []
        present.reserveCapacity(values.count)
        for case let value? in values where !value.isNaN { present.append(value) }
        n = present.count
        missing = values.count - present.count
        guard !present.isEmpty else {
            mean = nil; standardDeviation = nil; median = nil; q1 = nil; q3 = nil; min = nil; max = nil
            return
        }
        let average = Summation.mean(present)
        mean = average
        standardDeviation = present.count < 2 ? nil : Summation.standardDeviation(present, mean: average)
        present.sort()
        median = SampleQuantile.type7(sorted: present, 0.5)
        q1 = SampleQuantile.type7(sorted: present, 0.25)
        q3 = SampleQuantile.type7(sorted: present, 0.75)
        min = present.first
        max = present.last
    }
}
