/// Difference of two estimates from independent samples (e.g. S(t) in two arms) with a Wald
/// interval: d = a − b, se(d) = √(se(a)² + se(b)²), d ± z·se(d).
///
/// Used for landmark differences of Kaplan-Meier or cumulative-incidence estimates between arms
/// (Klein, Logan, Harhoff & Andersen, Stat Med 2007, "Analyzing survival curves at a fixed point
/// in time", the untransformed test). Not estimable (`nil` parts) when either input is missing.
public enum WaldDifference {
    public struct Result: Sendable, Equatable {
        public var estimate: Double?
        public var standardError: Double?
        public var lower: Double?
        public var upper: Double?
    }

    public static func estimate(_ a: Double?, standardError seA: Double?, minus b: Double?, standardError seB: Double?,
                                level: Double = 0.95) -> Result {
        guard let a, let b, let seA, let seB, a.isFinite, b.isFinite, seA.isFinite, seB.isFinite, level > 0, level < 1 else {
            return Result(estimate: nil, standardError: nil, lower: nil, upper: nil)
        }
        let d = a - b
        let se = (seA * seA + seB * seB).squareRoot()
        let z = Normal.quantile(0.5 + level / 2)
        return Result(estimate: d, standardError: se, lower: d - z * se, upper: d + z * se)
    }
}
