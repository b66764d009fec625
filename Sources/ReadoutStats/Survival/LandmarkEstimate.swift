/// Survival at a fixed time t (a landmark such as 24-month RFS), with the number at risk, the SE of
/// S(t) and the pointwise CI of the curve's transform. `available == false` means not estimable
/// (R drops the time, SAS prints NE); every value is then `nil`.
public struct LandmarkEstimate: Sendable, Equatable {
    /// The landmark time t.
    public let time: Double
    /// Whether S(t) is estimable under the curve's convention.
    public let available: Bool
    /// Subjects with time ≥ t.
    public let atRisk: Int?
    /// S(t), including events at t.
    public let survival: Double?
    /// Standard error of S(t) itself (Greenwood: S·std.err); NaN where R gives NaN (S = 0, `.r`).
    public let standardError: Double?
    /// Lower pointwise limit (nil for NA, NaN for R's NaN).
    public let lower: Double?
    /// Upper pointwise limit (nil for NA, NaN for R's NaN).
    public let upper: Double?

    /// A landmark estimate with the given values.
    public init(
        time: Double, available: Bool, atRisk: Int?, survival: Double?, standardError: Double?,
        lower: Double?, upper: Double?
    ) {
        self.time = time
        self.available = available
        self.atRisk = atRisk
        self.survival = survival
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
    }

    /// Not estimable at `time`.
    static func unavailable(_ time: Double) -> LandmarkEstimate {
        LandmarkEstimate(time: time, available: false, atRisk: nil, survival: nil, standardError: nil,
                         lower: nil, upper: nil)
    }
}
