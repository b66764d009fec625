/// Error-spending functions of group-sequential designs: the cumulative error allowed to be spent by
/// information fraction t ∈ [0, 1], reaching the total at t = 1.
///
/// Formulas as rpact 3.x (`.getSpendingValue`, R/f_design_group_sequential.R) defines them; the same
/// functions serve α-spending (`asOF`, `asP`, `asHSD`) and β-spending (`bsOF`, `bsP`, `bsHSD`).
/// - O'Brien–Fleming type (Lan & DeMets 1983, Biometrika 70:659): 2·s·(1 − Φ(z_{1−ε/(2s)}/√t)),
///   s = 1 one-sided, s = 2 two-sided (so it is ε at t = 1 in both cases).
/// - Pocock type (Lan & DeMets 1983): ε·ln(1 + (e − 1)·t).
/// - Hwang–Shih–DeCani (Hwang, Shih & DeCani 1990, Stat Med 9:1439): ε(1 − e^{−γt})/(1 − e^{−γ}),
///   and ε·t in the limit γ = 0.
public enum SpendingFunction: Sendable, Equatable {
    case obrienFleming
    case pocock
    case hwangShihDeCani(gamma: Double)

    /// Cumulative error spent by information fraction `t` out of `total`; `sided` is 1 or 2 and matters
    /// only for the O'Brien–Fleming type (β-spending is always one-sided).
    public func cumulative(_ total: Double, at t: Double, sided: Int = 1) -> Double {
        if t <= 0 { return 0 }
        if t >= 1 { return total }
        switch self {
        case .obrienFleming:
            let s = Double(sided)
            let z = Normal.quantile(1 - total / (2 * s))
            return 2 * s * Normal.survival(z / t.squareRoot())
        case .pocock:
            return total * log1p((exp(1.0) - 1) * t)
        case let .hwangShihDeCani(gamma):
            if gamma == 0 { return total * t }
            return total * (-expm1(-gamma * t)) / (-expm1(-gamma))
        }
    }
}
