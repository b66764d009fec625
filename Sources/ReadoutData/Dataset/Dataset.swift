public import ReadoutCore

/// A rectangular dataset held by column, as read from one CSV or XPT file.
///
/// Values stay as read (text for CSV, numbers or text for XPT); typed access with
/// diagnostics that name file, line, variable and value is in `Dataset+TypedAccess.swift`.
public struct Dataset: Sendable {
    /// Dataset name, upper case (`ADSL`, `ADTTE`).
    public var name: String
    /// Path of the file the data came from, as the user would type it (for diagnostics).
    public var source: String
    public private(set) var columns: [Column]
    /// The line (CSV) or record number (XPT, 1-based) of each row, for diagnostics.
    public var rowLocations: [Int]
    private var index: [String: Int]

    public init(name: String, source: String, columns: [Column], rowLocations: [Int]) {
        self.name = name
        self.source = source
        self.columns = columns
        self.rowLocations = rowLocations
        var index: [String: Int] = [:]
        for (position, column) in columns.enumerated() { index[column.name.uppercased()] = position }
        self.index = index
    }

    public var rowCount: Int { rowLocations.count }
    public var columnNames: [String] { columns.map(\.name) }

    /// The column with this name (case-insensitive, as SAS variable names are).
    public func column(_ name: String) -> Column? {
        index[name.uppercased()].map { columns[$0] }
    }

    /// Where row `row` (0-based) came from.
    public func location(ofRow row: Int) -> SourceLocation {
        SourceLocation(file: source, line: rowLocations[row])
    }
}

/// One variable of a dataset.
public struct Column: Sendable {
    public var name: String
    /// SAS label, where the source has one.
    public var label: String?
    public var values: Values

    public enum Values: Sendable {
        /// Character data; `nil` is missing (empty field or blank SAS string).
        case text([String?])
        /// Numeric data; `nil` is missing (SAS `.` or special missing).
        case numeric([Double?])
    }

    public init(name: String, label: String? = nil, values: Values) {
        self.name = name
        self.label = label
        self.values = values
    }

    public var count: Int {
        switch values {
        case .text(let v): v.count
        case .numeric(let v): v.count
        }
    }

    /// The value of row `row` as text, as a user would see it in the file (for messages and tables).
    public func text(at row: Int) -> String? {
        switch values {
        case .text(let v): return v[row]
        case .numeric(let v):
            guard let x = v[row] else { return nil }
            if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
            return String(x)
        }
    }
}
