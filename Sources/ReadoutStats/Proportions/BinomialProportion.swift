/// A count of successes out of a number of trials, e.g. MRD-negative patients in one arm.
public struct BinomialProportion: Sendable, Equatable, Codable {
    /// Number of successes, 0 ≤ successes ≤ trials.
    public let successes: Int
    /// Number of trials (patients with a non-missing response).
    public let trials: Int

    public init(successes: Int, trials: Int) {
        self.successes = successes
        self.trials = trials
    }

    /// successes / trials; `nil` when there are no trials (or the counts are invalid).
    public var proportion: Double? {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        return Double(successes) / Double(trials)
    }
}
