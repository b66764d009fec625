/// Transform for pointwise confidence intervals of a survival curve (and the quantile CIs derived from it).
public enum ConfidenceTransform: String, Sendable, CaseIterable, Codable {
    /// S ± z·se(S). R `conf.type = "plain"`; SAS `CONFTYPE=LINEAR`.
    case plain
    /// exp(log S ± z·se(log S)). R `survfit` default (`conf.type = "log"`); SAS `CONFTYPE=LOG`.
    case log
    /// Complementary log-log: S^exp(±z·se/log S). SAS LIFETEST default (`CONFTYPE=LOGLOG`); R `conf.type = "log-log"`.
    case logLog = "log-log"
}

/// Handling of tied event times in the Cox partial likelihood.
public enum TieMethod: String, Sendable, CaseIterable, Codable {
    /// Efron (1977). R `coxph` default; SAS `TIES=EFRON`.
    case efron
    /// Breslow (1974). SAS PHREG default; R `ties = "breslow"`.
    case breslow
}

/// Whose rule to follow where R and SAS differ at an edge (median on a flat 0.5 plateau, a landmark
/// after the last observation, Cox convergence). See docs/methods.md.
public enum Convention: String, Sendable, CaseIterable, Codable {
    /// R survival / cmprsk behaviour, reproduced exactly.
    case r
    /// SAS LIFETEST / PHREG behaviour, as documented by SAS.
    case sas
}

/// A test statistic with its degrees of freedom and p-value.
public struct TestStatistic: Sendable, Equatable, Codable {
    public var statistic: Double
    public var df: Int
    public var p: Double

    public init(statistic: Double, df: Int, p: Double) {
        self.statistic = statistic
        self.df = df
        self.p = p
    }

    /// A chi-square statistic with its upper-tail p-value.
    public static func chiSquare(_ statistic: Double, df: Int) -> TestStatistic {
        TestStatistic(statistic: statistic, df: df, p: ChiSquared.survival(statistic, df: Double(df)))
    }
}

/// A point estimate with a confidence interval; `nil` marks what cannot be estimated (R's NA, SAS's NE).
public struct Estimate: Sendable, Equatable, Codable {
    public var estimate: Double?
    public var lower: Double?
    public var upper: Double?

    public init(estimate: Double?, lower: Double?, upper: Double?) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }
}
