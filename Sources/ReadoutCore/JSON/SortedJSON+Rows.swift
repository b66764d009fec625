/// Long arrays of flat numeric rows (a Kaplan–Meier curve: one row per distinct time, tens of thousands at
/// 100 000 subjects) written by `SortedJSON` without the `Codable` machinery: no keyed container, no key
/// strings and no boxes per row, the keys sorted once per array. The bytes are those the row's synthesized
/// `Encodable` gives through `SortedJSON` or `JSONEncoder` (tested); with any other encoder, or a value this
/// path does not reproduce (a non-finite number outside a nullable field), the rows encode as before.
public protocol SortedJSONRow: Encodable {
    /// The row's keys, in the order ``appendJSONValues(to:)`` gives its values.
    static var jsonKeys: [String] { get }
    /// Appends one value per key of ``jsonKeys``, in that order.
    func appendJSONValues(to row: inout SortedJSON.RowValues)
}

extension SortedJSON {
    /// The values of rows, one after the other.
    public struct RowValues {
        var values: [Node] = []
        var unsupported = false

        /// An integer, as `encode(_: Int)` writes it.
        public mutating func append(_ value: Int) { values.append(.int(Int64(value))) }
        /// A finite number, as `encode(_: Double)` writes it (a non-finite one leaves the rows to `Codable`).
        public mutating func append(_ value: Double) {
            if !value.isFinite { unsupported = true }
            values.append(value.isFinite ? .double(value) : .null)
        }
        /// A nullable number, as the `Nullable` wrapper writes it: `null` when nil or not finite.
        public mutating func appendNullable(_ value: Double?) {
            if let value, value.isFinite { values.append(.double(value)) } else { values.append(.null) }
        }
    }

    /// `count` rows of `keys.count` scalar values each, row after row.
    final class RowsBox {
        let keys: [String]
        let values: [Node]
        let count: Int

        init(keys: [String], values: [Node], count: Int) {
            self.keys = keys
            self.values = values
            self.count = count
        }
    }
}

/// An array of ``SortedJSONRow`` values that `SortedJSON` writes on its fast path; any other encoder sees the
/// plain array.
@propertyWrapper
public struct JSONRows<Row: SortedJSONRow & Sendable>: Encodable, Sendable {
    public var wrappedValue: [Row]

    public init(wrappedValue: [Row]) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        guard let tree = encoder as? SortedJSON.TreeEncoder else { return try wrappedValue.encode(to: encoder) }
        var row = SortedJSON.RowValues()
        row.values.reserveCapacity(wrappedValue.count * Row.jsonKeys.count)
        for value in wrappedValue { value.appendJSONValues(to: &row) }
        guard !row.unsupported, row.values.count == wrappedValue.count * Row.jsonKeys.count else {
            return try wrappedValue.encode(to: encoder)
        }
        tree.setRows(SortedJSON.RowsBox(keys: Row.jsonKeys, values: row.values, count: wrappedValue.count))
    }
}
