/// The chi-square distribution with `df` degrees of freedom.
///
/// P(X > x) = Q(df/2, x/2), the regularized upper incomplete gamma function; for one degree of
/// freedom, exactly `erfc(sqrt(x/2))`. Matches R's `pchisq(x, df, lower.tail = FALSE)`.
public enum ChiSquared {
    /// Upper tail P(X > x): the p-value of a chi-square statistic.
    public static func survival(_ x: Double, df: Double) -> Double {
        if x.isNaN || df.isNaN || df <= 0 { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        if df == 1 { return erfc((x / 2).squareRoot()) }
        return IncompleteGamma.upperRegularized(df / 2, x / 2)
    }

    /// P(X ≤ x), as R's `pchisq(x, df)`.
    public static func cdf(_ x: Double, df: Double) -> Double {
        if x.isNaN || df.isNaN || df <= 0 { return .nan }
        if x <= 0 { return 0 }
        if df == 1 { return erf((x / 2).squareRoot()) }
        return IncompleteGamma.lowerRegularized(df / 2, x / 2)
    }
}
