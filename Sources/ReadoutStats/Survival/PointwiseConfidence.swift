/// Pointwise confidence limits of a survival curve, exactly as R survival's `survfit_confint`
/// (with `logse = TRUE`, `conf.lower = "usual"`), including its NA / NaN behaviour at the boundaries.
///
/// `se` is the standard error of −log S (survfit's `std.err`) and z = Φ⁻¹(1 − (1 − level)/2).
/// - plain: S ± z·S·se, clipped to [0, 1]; NaN where S = 0 (se = ∞).
/// - log: exp(log S ± z·se), upper capped at 1; NA where S = 0.
/// - log-log: exp(−exp(log(−log S) ∓ z·se / log S)); NA where S = 0 or S = 1.
/// `nil` is R's NA; `Double.nan` is R's NaN.
enum PointwiseConfidence {
    static func limits(
        survival p: Double, se: Double, z: Double, transform: ConfidenceTransform
    ) -> (lower: Double?, upper: Double?) {
        switch transform {
        case .plain:
            let se2 = se * p * z
            if se2.isNaN { return (.nan, .nan) }  // pmax / pmin keep NaN
            return (Swift.max(p - se2, 0), Swift.min(p + se2, 1))
        case .log:
            guard p != 0 else { return (nil, nil) }
            let se2 = z * se
            let lower = exp(log(p) - se2)
            let upper = exp(log(p) + se2)
            return (lower, upper.isNaN ? upper : Swift.min(upper, 1))
        case .logLog:
            guard p != 0, p != 1 else { return (nil, nil) }
            let se2 = z * se / log(p)
            let center = log(-log(p))
            return (exp(-exp(center - se2)), exp(-exp(center + se2)))
        }
    }
}
