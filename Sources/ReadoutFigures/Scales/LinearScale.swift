// Linear map from a data domain to a viewBox range (range may be decreasing, as for a y axis).

/// Maps data values linearly from `domain` onto `lower...upper` in viewBox units, without clamping.
public struct LinearScale: Sendable, Equatable {
    /// Data interval.
    public var domain: ClosedRange<Double>
    /// Output coordinate for `domain.lowerBound`.
    public var start: Double
    /// Output coordinate for `domain.upperBound`.
    public var end: Double

    /// Creates a scale mapping `domain.lowerBound → start` and `domain.upperBound → end`.
    public init(domain: ClosedRange<Double>, start: Double, end: Double) {
        self.domain = domain
        self.start = start
        self.end = end
    }

    /// The coordinate of `value`; a degenerate domain maps everything to `start`.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return start }
        return start + (value - domain.lowerBound) / span * (end - start)
    }

    /// The coordinate of `value` clamped into the domain first.
    public func clamped(_ value: Double) -> Double {
        self(min(max(value, domain.lowerBound), domain.upperBound))
    }
}

extension LinearScale {
    /// The data value at coordinate `position` (inverse map; `domain.lowerBound` for a degenerate range).
    public func invert(_ position: Double) -> Double {
        guard end != start else { return domain.lowerBound }
        return domain.lowerBound + (position - start) / (end - start) * (domain.upperBound - domain.lowerBound)
    }
}
