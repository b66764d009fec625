/// Jennison & Turnbull's grid for integrating a stage's density (Group Sequential Methods with
/// Applications to Clinical Trials, 2000, §19.2.1): 6r − 1 points around the stage mean μ, dense
/// within ±3 and spreading logarithmically to ±(3 + 4 ln r), trimmed to the continuation interval
/// [lower, upper] (the ends replaced by the interval's ends), then midpoints inserted and Simpson's
/// weights attached — at most 12r − 3 points.
struct IntegrationGrid {
    var points: [Double]
    var weights: [Double]

    init(mean mu: Double, lower: Double, upper: Double, r: Int) {
        let rr = Double(r)
        var raw: [Double] = []
        raw.reserveCapacity(6 * r - 1)
        for i in 1...(6 * r - 1) {
            let x: Double
            if i < r {
                x = -3 - 4 * log(rr / Double(i))
            } else if i <= 5 * r {
                x = -3 + 3 * Double(i - r) / (2 * rr)
            } else {
                x = 3 + 4 * log(rr / Double(6 * r - i))
            }
            raw.append(mu + x)
        }
        // Trim to [lower, upper]: points outside are dropped, the interval's ends take their place.
        var trimmed: [Double] = []
        trimmed.reserveCapacity(raw.count + 2)
        if lower > raw[0] { trimmed.append(lower) }
        for x in raw where x > lower && x < upper { trimmed.append(x) }
        if upper < raw[raw.count - 1] { trimmed.append(upper) }
        if trimmed.count < 2 {
            // The interval is narrower than two grid points: integrate over it with its ends only.
            trimmed = [max(lower, raw[0]), min(upper, raw[raw.count - 1])]
        }
        // Midpoints and Simpson's weights over each pair of sub-intervals.
        let m = trimmed.count
        var z = [Double](repeating: 0, count: 2 * m - 1)
        var w = [Double](repeating: 0, count: 2 * m - 1)
        for i in 0..<m {
            z[2 * i] = trimmed[i]
            if i + 1 < m { z[2 * i + 1] = (trimmed[i] + trimmed[i + 1]) / 2 }
        }
        for i in 0..<(m - 1) {
            let h = trimmed[i + 1] - trimmed[i]
            w[2 * i] += h / 6
            w[2 * i + 1] += 4 * h / 6
            w[2 * i + 2] += h / 6
        }
        points = z
        weights = w
    }
}
