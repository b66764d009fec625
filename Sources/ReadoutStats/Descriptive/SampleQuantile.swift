/// Sample quantiles of sorted data.
enum SampleQuantile {
    /// R's `quantile(x, p, type = 7)` for ascending `sorted` values: h = (n − 1)p + 1, j = ⌊h⌋,
    /// (1 − (h − j))·x₍ⱼ₎ + (h − j)·x₍ⱼ₊₁₎ with the same branches as R (no interpolation when h = j or
    /// the neighbours are equal, so ±∞ values do not produce NaN). `nil` for no data.
    static func type7(sorted x: [Double], _ p: Double) -> Double? {
        guard !x.isEmpty else { return nil }
        let index = 1 + Double(x.count - 1) * p
        let lo = index.rounded(.down)
        let hi = index.rounded(.up)
        let low = x[Int(lo) - 1], high = x[Int(hi) - 1]
        guard index > lo, high != low else { return low }
        let h = index - lo
        return (1 - h) * low + h * high
    }
}
