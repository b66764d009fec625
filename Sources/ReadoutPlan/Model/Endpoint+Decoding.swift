import ReadoutCore

/// Every key an endpoint mapping may have, of any type.
enum EndpointKey: String, CodingKey, CaseIterable {
    case id, title, type, role, description, population, dataset
    case parameter, landmarks, strata, causes, causeOfInterest, variable, adverseEvents

    static let common: [EndpointKey] = [.id, .title, .type, .role, .description, .population, .dataset]
}

extension Endpoint: Decodable {
    /// Reads `type` first, then only that type's keys. A key of another type is an error at its line
    /// (`plan.key-not-for-type`); a missing required key names the type and the endpoint's line.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: EndpointKey.self)
        let type = try c.decode(EndpointType.self, forKey: .type)
        let allowed = EndpointKey.common + type.ownKeys
        if let foreign = c.allKeys.first(where: { !allowed.contains($0) }) {
            let path = (c.codingPath + [foreign]).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            let diagnostic = Diagnostic(.error, "plan.key-not-for-type", "'\(foreign.stringValue)' is not a key of \(type.named) endpoint",
                                        variable: path.hasPrefix(".") ? String(path.dropFirst()) : path,
                                        expected: "one of " + allowed.map(\.stringValue).joined(separator: ", "))
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [foreign], debugDescription: diagnostic.summary,
                                                    underlyingError: diagnostic))
        }
        func required<T: Decodable>(_ key: EndpointKey) throws -> T {
            guard c.contains(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: c.codingPath,
                                                           debugDescription: "\(type.named) endpoint needs '\(key.stringValue)'"))
            }
            return try c.decode(T.self, forKey: key)
        }
        let header = EndpointHeader(id: try required(.id), title: try required(.title),
                                    role: try c.decodeIfPresent(String.self, forKey: .role),
                                    description: try c.decodeIfPresent(String.self, forKey: .description),
                                    population: try required(.population), dataset: try required(.dataset))
        switch type {
        case .timeToEvent:
            self = .timeToEvent(TimeToEventEndpoint(
                header: header, parameter: try required(.parameter),
                landmarks: try c.decodeIfPresent([Double].self, forKey: .landmarks) ?? [],
                strata: try c.decodeIfPresent([String].self, forKey: .strata) ?? []))
        case .competingRisks:
            self = .competingRisks(CompetingRisksEndpoint(
                header: header, parameter: try required(.parameter), causes: try required(.causes),
                causeOfInterest: try required(.causeOfInterest),
                landmarks: try c.decodeIfPresent([Double].self, forKey: .landmarks) ?? [],
                strata: try c.decodeIfPresent([String].self, forKey: .strata) ?? []))
        case .binary:
            self = .binary(BinaryEndpoint(header: header, variable: try required(.variable)))
        case .adverseEvents:
            self = .adverseEvents(AdverseEventsEndpoint(header: header, adverseEvents: try required(.adverseEvents)))
        }
    }
}

extension EndpointType {
    /// "a binary", "an adverse-events": the type with its article, for messages.
    var named: String { (self == .adverseEvents ? "an " : "a ") + rawValue }
}
