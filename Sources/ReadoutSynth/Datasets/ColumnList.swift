// A small builder for the columns of a generated dataset: each variable is added with its SAS label
// and values, text (nil = missing) or numeric.

import ReadoutData

/// Columns of a dataset under construction, in the order they are added.
struct ColumnList {
    private(set) var columns: [Column] = []

    mutating func text(_ name: String, _ label: String, _ values: [String?]) {
        columns.append(Column(name: name, label: label, values: .text(TextColumn(values))))
    }

    mutating func numeric(_ name: String, _ label: String, _ values: [Double?]) {
        columns.append(Column(name: name, label: label, values: .numeric(NumericColumn(values))))
    }

    mutating func integer(_ name: String, _ label: String, _ values: [Int?]) {
        numeric(name, label, values.map { $0.map(Double.init) })
    }

    /// The dataset, rows numbered 1…n.
    func dataset(_ name: String, rows: Int) -> Dataset {
        for column in columns { precondition(column.count == rows, "column \(column.name) has \(column.count) rows, expected \(rows)") }
        return Dataset(name: name, source: "synthetic:" + name, columns: columns, rowLocations: Array(stride(from: 1, through: rows, by: 1)))
    }
}

/// "Y" or "N".
func flag(_ value: Bool) -> String { value ? "Y" : "N" }
