/// An arm of the plan: its index in `arms.levels` (display order). Made only by `PlanValidation`,
/// so an `ArmID` always names a declared arm.
public struct ArmID: Hashable, Comparable, Sendable {
    public let index: Int

    init(_ index: Int) { self.index = index }

    public static func < (lhs: ArmID, rhs: ArmID) -> Bool { lhs.index < rhs.index }
}

/// A text identifier from `trial.yaml` with its own type, so a population id cannot be passed where an
/// endpoint id is meant. Decoded from plain text; `PlanValidation` checks it is a safe slug and that
/// references to it resolve.
public protocol PlanIdentifier: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension PlanIdentifier {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// `populations[].id`, and every reference to a population.
public struct PopulationID: PlanIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// `endpoints[].id`: the endpoint's key in results.json, anchors and `{{result:…}}` references.
public struct EndpointID: PlanIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
