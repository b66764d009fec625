/// An optional that is written to JSON as `null` when absent or non-finite, never left out and never
/// NaN: results.json promises every key and `null` exactly where a value cannot be estimated.
@propertyWrapper
public struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    /// Heap storage (zero or one element) keeps result structs small: nested results would
    /// otherwise be stored inline many levels deep and overflow the small stacks of test threads.
    private var storage: [Value]

    public var wrappedValue: Value? {
        get { storage.first }
        set { storage = newValue.map { [$0] } ?? [] }
    }

    public init(wrappedValue: Value?) {
        storage = wrappedValue.map { [$0] } ?? []
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

extension Nullable: Equatable where Value: Equatable {
    public static func == (lhs: Nullable, rhs: Nullable) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}
