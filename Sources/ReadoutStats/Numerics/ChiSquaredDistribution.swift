/// The chi-square distribution with `df` degrees of freedom.
///
/// P(X ≤ x) = P(df/2, x/2) and P(X > x) = Q(df/2, x/2), the regularized incomplete gamma functions
/// (see `IncompleteGamma`); x/2 is exact, so both tails keep full relative precision for every df,
/// including one degree of freedom where `erfc(sqrt(x/2))` would lose digits to the rounded square
/// root. Matches R's `pchisq(x, df)` and `pchisq(x, df, lower.tail = FALSE)` to about 1e-14.
public enum ChiSquared {
    /// Upper tail P(X > x): the p-value of a chi-square statistic.
    public static func survival(_ x: Double, df: Double) -> Double {
        if x.isNaN || df.isNaN || df <= 0 { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        return IncompleteGamma.upperRegularized(df / 2, x / 2)
    }

    /// P(X ≤ x), as R's `pchisq(x, df)`.
    public static func cdf(_ x: Double, df: Double) -> Double {
        if x.isNaN || df.isNaN || df <= 0 { return .nan }
        if x <= 0 { return 0 }
        if x == .infinity { return 1 }
        return IncompleteGamma.lowerRegularized(df / 2, x / 2)
    }
}
