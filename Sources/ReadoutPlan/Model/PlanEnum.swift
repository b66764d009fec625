/// A closed set of words in `trial.yaml` (`type: time-to-event`). Decoding an unknown word fails with
/// the list of allowed ones.
public protocol PlanEnum: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension PlanEnum {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: raw) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(raw)' is not allowed here; expected one of \(allowed)"))
        }
        self = value
    }
}
