public import ReadoutStats

/// Statistical conventions. A profile sets every default; each option may also be set on its own.
public struct MethodSettings: Codable, Sendable {
    /// `sas` (default) or `r`.
    public var profile: Convention?
    /// Pointwise CI transform for survival curves and medians.
    public var confidenceInterval: ConfidenceTransform?
    /// Tie handling in Cox models.
    public var ties: TieMethod?
    /// Confidence level, e.g. 0.95.
    public var confidenceLevel: Double?

    public init(profile: Convention? = nil, confidenceInterval: ConfidenceTransform? = nil, ties: TieMethod? = nil, confidenceLevel: Double? = nil) {
        self.profile = profile
        self.confidenceInterval = confidenceInterval
        self.ties = ties
        self.confidenceLevel = confidenceLevel
    }

    /// The options in force after applying the profile's defaults.
    public var resolved: ResolvedMethods {
        let profile = self.profile ?? .sas
        return ResolvedMethods(
            profile: profile,
            confidenceInterval: confidenceInterval ?? (profile == .sas ? .logLog : .log),
            ties: ties ?? (profile == .sas ? .breslow : .efron),
            confidenceLevel: confidenceLevel ?? 0.95
        )
    }
}

/// Methods with every default filled in; echoed into results.json and footnotes.
public struct ResolvedMethods: Codable, Sendable, Equatable {
    public var profile: Convention
    public var confidenceInterval: ConfidenceTransform
    public var ties: TieMethod
    public var confidenceLevel: Double

    public init(profile: Convention, confidenceInterval: ConfidenceTransform, ties: TieMethod, confidenceLevel: Double) {
        self.profile = profile
        self.confidenceInterval = confidenceInterval
        self.ties = ties
        self.confidenceLevel = confidenceLevel
    }
}
