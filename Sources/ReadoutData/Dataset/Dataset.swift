public import ReadoutCore

/// A rectangular dataset held by column, as read from one CSV or XPT file.
///
/// Each column is typed storage parsed once from the bytes: numbers with a missing mask, text as
/// codes into its distinct values, ISO dates as day numbers (see ``Column/Values``); typed access with
/// diagnostics that name file, line, variable and value is in `Dataset+TypedAccess.swift`.
public struct Dataset: Sendable {
    /// Dataset name, upper case (`ADSL`, `ADTTE`).
    public var name: String
    /// Path of the file the data came from, as the user would type it (for diagnostics).
    public var source: String
    /// The variables, in file order; every column has ``rowCount`` values.
    public private(set) var columns: [Column]
    /// The line (CSV) or record number (XPT, 1-based) of each row, for diagnostics.
    public var rowLocations: [Int]
    /// Problems the reader worked around without changing any value's meaning (for example XPT text
    /// that is not UTF-8 and was read as Latin-1); the build shows them as warnings.
    public var warnings: [Diagnostic] = []
    /// Every variable of the file in file order, including those whose values were not read.
    public let variableNames: [String]
    private var index: [String: Int]

    /// A dataset from columns of equal length and the source line (or record number) of each row.
    /// - Parameter variableNames: every variable of the file in file order, when the reader kept only
    ///   some (`CSVReader`'s `variables:`); `nil` when `columns` are all of them.
    public init(name: String, source: String, columns: [Column], rowLocations: [Int], variableNames: [String]? = nil) {
        self.name = name
        self.source = source
        self.columns = columns
        self.rowLocations = rowLocations
        self.variableNames = variableNames ?? columns.map(\.name)
        var index: [String: Int] = [:]
        for (position, column) in columns.enumerated() { index[column.name.uppercased()] = position }
        self.index = index
    }

    /// Number of rows (observations).
    public var rowCount: Int { rowLocations.count }
    /// Names of the variables whose values were read, in file order.
    public var columnNames: [String] { columns.map(\.name) }
    /// Variables of the file whose values were not read (nobody asked for them), in file order.
    public var unreadVariables: [String] { variableNames.filter { index[$0.uppercased()] == nil } }

    /// The column with this name (case-insensitive, as SAS variable names are). A variable of the file
    /// that was not read is a programming error (the caller's list of variables missed it): it stops
    /// a debug build and reads as absent in a release build.
    public func column(_ name: String) -> Column? {
        if let position = index[name.uppercased()] { return columns[position] }
        assert(!variableNames.contains { $0.uppercased() == name.uppercased() },
               "\(self.name).\(name) is in the file but was not read: add it to the variables the plan reads")
        return nil
    }

    /// Where row `row` (0-based) came from.
    public func location(ofRow row: Int) -> SourceLocation {
        SourceLocation(file: source, line: rowLocations[row])
    }
}

/// One variable of a dataset, in typed storage parsed once from the file's bytes.
public struct Column: Sendable {
    /// Variable name as written in the file.
    public var name: String
    /// SAS label, where the source has one.
    public var label: String?
    /// SAS display format such as `DATE9.`, where the source has one (XPT only).
    public var format: String?
    /// The values, one per row.
    public var values: Values

    /// The storage of a column's values.
    public enum Values: Sendable {
        /// Character data, dictionary-encoded; missing is an empty field or blank SAS string.
        case text(TextColumn)
        /// Numeric data with a missing mask (SAS `.` or special missing; a blank CSV cell).
        case numeric(NumericColumn)
        /// ISO dates (`YYYY-MM-DD` in a CSV) as day numbers.
        case date(DateColumn)
    }

    /// A column with an optional label and display format.
    public init(name: String, label: String? = nil, format: String? = nil, values: Values) {
        self.name = name
        self.label = label
        self.format = format
        self.values = values
    }

    /// Number of values (rows).
    public var count: Int {
        switch values {
        case .text(let v): v.count
        case .numeric(let v): v.count
        case .date(let v): v.count
        }
    }

    /// Whether the column holds numbers (XPT numeric variables; CSV columns whose every present
    /// value is a decimal number — see ``CSVReader``).
    public var isNumeric: Bool {
        if case .numeric = values { return true }
        return false
    }

    /// The value of row `row` as text, as a user would see it in the file (for messages and tables);
    /// numbers in their shortest round-trip form (``NumberText``), dates as `YYYY-MM-DD`.
    public func text(at row: Int) -> String? {
        switch values {
        case .text(let v): return v[row]
        case .numeric(let v): return v[row].map(NumberText.format)
        case .date(let v): return v.text(at: row)
        }
    }
}
