// Logarithmic map (base 10) from a positive data domain to a viewBox range, used by forest plots of
// ratios so that 0.5 and 2 sit symmetrically about 1.

import Foundation

/// Maps positive data values on a log scale from `domain` onto `start...end` in viewBox units.
public struct LogScale: Sendable, Equatable {
    /// Positive data interval.
    public var domain: ClosedRange<Double>
    /// Output coordinate for `domain.lowerBound`.
    public var start: Double
    /// Output coordinate for `domain.upperBound`.
    public var end: Double

    /// Creates a log scale; `domain.lowerBound` must be > 0.
    public init(domain: ClosedRange<Double>, start: Double, end: Double) {
        self.domain = domain
        self.start = start
        self.end = end
    }

    /// The coordinate of `value` (values ≤ 0 map to `start`).
    public func callAsFunction(_ value: Double) -> Double {
        guard value > 0, domain.lowerBound > 0, domain.upperBound > domain.lowerBound else { return start }
        let lo = log10(domain.lowerBound)
        let hi = log10(domain.upperBound)
        return start + (log10(value) - lo) / (hi - lo) * (end - start)
    }

    /// The coordinate of `value` clamped into the domain first.
    public func clamped(_ value: Double) -> Double {
        self(min(max(value, domain.lowerBound), domain.upperBound))
    }
}
