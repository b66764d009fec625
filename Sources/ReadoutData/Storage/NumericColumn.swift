/// Numbers of one variable: a `Double` per row plus a bitmap of the missing rows (whose slot holds NaN).
/// Present values are always finite: the readers reject `1e400`, `inf` and `nan`.
public struct NumericColumn: Sendable, ExpressibleByArrayLiteral, RandomAccessCollection {
    /// One value per row; NaN where ``missing`` is set.
    public private(set) var values: [Double]
    /// Rows without a value.
    public private(set) var missing: Bitset

    /// From values with NaN marking the missing rows.
    public init(valuesWithNaN values: [Double]) {
        self.values = values
        missing = Bitset(count: values.count) { values[$0].isNaN }
    }

    /// From optional values; `nil` is missing.
    public init(_ values: [Double?]) {
        self.init(valuesWithNaN: values.map { $0 ?? .nan })
    }

    public init(arrayLiteral elements: Double?...) { self.init(elements) }

    public var count: Int { values.count }
    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count }

    /// The value of `row`, `nil` when missing.
    public subscript(_ row: Int) -> Double? { missing[row] ? nil : values[row] }

    /// Every value as an optional, for code that does not need the fast form.
    public var optionals: [Double?] { values.indices.map { self[$0] } }
}
