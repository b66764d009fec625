import ReadoutStats
import ReadoutTestSupport
import Testing

/// Spending functions at closed-form values and against rpact's `getSpendingValueCpp` (rpact 3.3.4,
/// printed with sprintf("%.17g")).
@Suite struct SpendingFunctionTests {
    @Test func matchRpact() {
        let cases: [(SpendingFunction, total: Double, t: Double, sided: Int, expected: Double)] = [
            (.obrienFleming, 0.025, 0.25, 1, 7.3668084359379549e-06),
            (.obrienFleming, 0.05, 0.25, 2, 1.473361687187591e-05),
            (.pocock, 0.05, 0.6, 1, 0.035425653343115752),
            (.pocock, 0.1, 0.3, 1, 0.041573522184362867),
            (.hwangShihDeCani(gamma: 1), 0.025, 0.5, 1, 0.015561483280046366),
            (.hwangShihDeCani(gamma: -4), 0.025, 0.5, 1, 0.0029800730505529396),
            (.hwangShihDeCani(gamma: 0), 0.025, 0.4, 1, 0.010000000000000002),
            (.obrienFleming, 0.2, 0.5, 1, 0.06992632672050636),
        ]
        for c in cases {
            // 1e-10: rpact's O'Brien–Fleming type is 1 − pnorm(·), which cancels to about 1e-11 here.
            expectClose(c.0.cumulative(c.total, at: c.t, sided: c.sided), c.expected, relative: 1e-10,
                        "\(c.0) total \(c.total) t \(c.t) sided \(c.sided)")
        }
    }

    @Test func closedForms() {
        // O'Brien–Fleming type, one-sided: 2(1 − Φ(z_{1−α/2}/√t)); at t = 1/4 the argument doubles.
        let z = Normal.quantile(1 - 0.025 / 2)
        expectClose(SpendingFunction.obrienFleming.cumulative(0.025, at: 0.25), 2 * Normal.survival(2 * z),
                    relative: 1e-14, "OF at 1/4")
        // Pocock type at t = 1/2: α·ln((e + 1)/2).
        expectClose(SpendingFunction.pocock.cumulative(0.025, at: 0.5), 0.025 * log((exp(1.0) + 1) / 2),
                    relative: 1e-14, "Pocock at 1/2")
        // HSD γ = 1 at t = 1/2: α(1 − e^{−1/2})/(1 − e^{−1}) = α/(1 + e^{−1/2}).
        expectClose(SpendingFunction.hwangShihDeCani(gamma: 1).cumulative(0.025, at: 0.5), 0.025 / (1 + exp(-0.5)),
                    relative: 1e-14, "HSD(1) at 1/2")
        // HSD tends to the linear function as γ → 0.
        expectClose(SpendingFunction.hwangShihDeCani(gamma: 1e-9).cumulative(0.025, at: 0.3), 0.0075,
                    relative: 1e-8, "HSD(1e-9) at 0.3")
    }

    @Test func endsAndMonotone() {
        for f in [SpendingFunction.obrienFleming, .pocock, .hwangShihDeCani(gamma: -4), .hwangShihDeCani(gamma: 2)] {
            for sided in [1, 2] {
                #expect(f.cumulative(0.05, at: 0, sided: sided) == 0)
                #expect(f.cumulative(0.05, at: 1, sided: sided) == 0.05)
                expectClose(f.cumulative(0.05, at: 1 - 1e-12, sided: sided), 0.05, relative: 1e-9, "\(f) near 1")
                var previous = 0.0
                for i in 1...100 {
                    let value = f.cumulative(0.05, at: Double(i) / 100, sided: sided)
                    #expect(value > previous, "\(f) increases at \(i)%")
                    previous = value
                }
            }
        }
    }
}
