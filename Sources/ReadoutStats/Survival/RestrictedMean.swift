// Restricted mean survival time (Irwin 1949; Royston & Parmar 2013): the area under the Kaplan-Meier
// step function from 0 to τ, with the variance R survival prints as `se(rmean)` —
// `print(survfit(...), rmean = τ)`, computed by survival's internal `survmean` (survfit.R, R survival 3.5):
//   times t₁ < … < t_m ≤ τ (events and censorings), rectangles r₁ = t₁·1, rⱼ = (tⱼ − tⱼ₋₁)·S(tⱼ₋₁),
//   r_{m+1} = (τ − t_m)·S(t_m); RMST = Σ r;
//   var = Σⱼ (Σ_{k>j} r_k)² · dⱼ / (nⱼ(nⱼ − dⱼ)), the term 0 where nⱼ = dⱼ (Greenwood applied to the
//   area beyond each time; the same sum as survRM2's `rmst1`).
// A τ beyond the last observed time extends the last value of S to τ, as survmean does.

/// The restricted mean survival time of one Kaplan-Meier curve up to a horizon τ.
public struct RestrictedMean: Sendable, Equatable {
    /// The horizon τ.
    public let horizon: Double
    /// ∫₀^τ S(t) dt.
    public let estimate: Double
    /// R's `se(rmean)`.
    public let standardError: Double
    /// Whether τ lies beyond the last observed time (the curve was extended flat to τ).
    public let extrapolated: Bool
}

extension KaplanMeierCurve {
    /// RMST up to `tau` as R's `print(survfit, rmean = tau)`; `nil` for a horizon that is not a
    /// finite number > 0.
    public func restrictedMean(to tau: Double) -> RestrictedMean? {
        guard tau.isFinite, tau > 0 else { return nil }
        var area = 0.0
        var previousTime = 0.0
        var previousSurvival = 1.0
        // Rectangles and Greenwood weights of the kept times; the weight of the rectangle that ends at τ is 0.
        var rectangles: [Double] = []
        var weights: [Double] = []
        for i in time.indices where time[i] <= tau {
            let r = (time[i] - previousTime) * previousSurvival
            rectangles.append(r)
            area += r
            let n = Double(atRisk[i]), d = Double(eventCount[i])
            weights.append(n - d == 0 ? 0 : d / (n * (n - d)))
            previousTime = time[i]
            previousSurvival = survival[i]
        }
        let last = (tau - previousTime) * previousSurvival
        rectangles.append(last)
        area += last
        // var = Σ_{j} (r_{j+1} + … + r_{m+1})² · h_j, summed from the last time backwards as survmean does.
        var variance = 0.0
        var beyond = 0.0
        for j in stride(from: weights.count - 1, through: 0, by: -1) {
            beyond += rectangles[j + 1]
            variance += beyond * beyond * weights[j]
        }
        return RestrictedMean(horizon: tau, estimate: area, standardError: variance.squareRoot(),
                              extrapolated: tau > (time.last ?? 0))
    }
}
