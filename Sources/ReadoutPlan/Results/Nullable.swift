/// An optional that is written to JSON as `null` when absent or non-finite, never left out and never
/// NaN: results.json promises every key and `null` exactly where a value cannot be estimated.
@propertyWrapper
public struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = wrappedValue {
            if let number = value as? Double, !number.isFinite {
                try container.encodeNil()
            } else {
                try container.encode(value)
            }
        } else {
            try container.encodeNil()
        }
    }
}

extension Nullable: Equatable where Value: Equatable {}
