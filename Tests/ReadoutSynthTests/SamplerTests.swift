import Testing
@testable import ReadoutSynth

/// Moments and distribution functions of the samplers over 200 000 draws, each checked within
/// 5 standard errors of its exact value (so a correct sampler fails with probability < 1e-6).
@Suite struct SamplerTests {
    static let n = 200_000

    func mean(_ draw: () -> Double) -> (mean: Double, variance: Double) {
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<Self.n { let x = draw(); sum += x; sumSquares += x * x }
        let m = sum / Double(Self.n)
        return (m, sumSquares / Double(Self.n) - m * m)
    }

    func fraction(_ draw: () -> Bool) -> Double {
        var k = 0
        for _ in 0..<Self.n where draw() { k += 1 }
        return Double(k) / Double(Self.n)
    }

    /// Half-width of a 5-SE band for a proportion p.
    func band(_ p: Double) -> Double { 5 * (p * (1 - p) / Double(Self.n)).squareRoot() }

    @Test func exponentialHasRateMean() {
        var r = RandomStream(seed: 11, stream: 1)
        let (m, v) = mean { r.exponential(rate: 0.25) }
        // Mean 4, SD 4: SE of the mean 4/sqrt(n) = 0.00894.
        #expect(abs(m - 4) < 0.0447)
        #expect(abs(v - 16) < 1.0)
    }

    @Test func normalHasMeanAndStandardDeviation() {
        var r = RandomStream(seed: 12, stream: 1)
        let (m, v) = mean { r.normal(mean: 41, standardDeviation: 14) }
        // SE of the mean 14/sqrt(n) = 0.0313; SE of the variance ≈ 196·sqrt(2/n) = 0.62.
        #expect(abs(m - 41) < 0.157)
        #expect(abs(v - 196) < 3.1)
        // P(Z < -1.96) = 0.025.
        var s = RandomStream(seed: 13, stream: 1)
        #expect(abs(fraction { s.standardNormal() < -1.959963984540054 } - 0.025) < band(0.025))
    }

    @Test func truncatedNormalStaysInBounds() {
        var r = RandomStream(seed: 14, stream: 1)
        for _ in 0..<10_000 {
            let x = r.truncatedNormal(mean: 41, standardDeviation: 14, lower: 17.5, upper: 70.5)
            #expect(x >= 17.5 && x < 70.5)
        }
    }

    @Test func weibullFollowsItsCumulativeHazard() {
        // P(T ≤ t) = 1 − exp(−m (t/λ)^k); k = 0.8, λ = 1000, m = 0.6, t = 730.
        var r = RandomStream(seed: 15, stream: 1)
        let expected = 1 - PortableMath.exp(-0.6 * PortableMath.pow(0.73, 0.8))
        #expect(abs(fraction { r.weibull(shape: 0.8, scale: 1000, hazardRatio: 0.6) <= 730 } - expected) < band(expected))
    }

    @Test func piecewiseExponentialFollowsItsCumulativeHazard() {
        // Rates 0.001 on [0,100), 0.0002 on [100,365), 0.0001 after; hazard ratio 1.5.
        let starts = [0.0, 100, 365], rates = [0.001, 0.0002, 0.0001]
        for (t, cumulative) in [(50.0, 0.05), (200.0, 0.1 + 0.02), (1000.0, 0.1 + 0.053 + 0.0635)] {
            var r = RandomStream(seed: 16, stream: UInt64(t))
            let expected = 1 - PortableMath.exp(-1.5 * cumulative)
            #expect(abs(fraction { r.piecewiseExponential(starts: starts, rates: rates, hazardRatio: 1.5) <= t } - expected) < band(expected))
        }
        var r = RandomStream(seed: 17, stream: 1)
        #expect(r.piecewiseExponential(starts: [0, 10], rates: [0, 0]) == .infinity)
    }
}
