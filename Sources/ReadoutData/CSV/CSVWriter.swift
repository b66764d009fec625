/// Writes a ``Dataset`` as CSV (RFC 4180) that ``CSVReader`` reads back to the same values.
///
/// A header row of variable names, then one record per row; fields are quoted only when they hold a
/// comma, a quote or a line break (quotes doubled inside); missing values are empty fields (`""` when
/// the dataset has a single column, so the record is not a blank line, which readers skip); lines end
/// with LF, including the last. Empty text is written as missing, as the reader reads it. Numbers print in the shortest form that reads
/// back to the same `Double`, integers without `.0` (`3`, `0.1`, `1e-05`, `2.5e+20`). Labels and
/// formats are not written (CSV has no place for them).
public enum CSVWriter {
    /// The CSV text of `dataset`.
    public static func write(_ dataset: Dataset) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64 + dataset.rowCount * dataset.columns.count * 8)
        for (index, column) in dataset.columns.enumerated() {
            if index > 0 { out.append(0x2C) }
            appendField(column.name, to: &out)
        }
        out.append(0x0A)
        // Unpack the columns once, so the row loop does no enum matching or reference counting per cell.
        var texts: [TextColumn] = []
        var numbers: [NumericColumn] = []
        var slots: [(isText: Bool, index: Int)] = []
        for column in dataset.columns {
            switch column.values {
            case .text(let values):
                slots.append((true, texts.count))
                texts.append(values)
            case .numeric(let values):
                slots.append((false, numbers.count))
                numbers.append(values)
            case .date(let values):
                slots.append((true, texts.count))
                texts.append(TextColumn((0..<values.count).map { values.text(at: $0) }))
            }
        }
        let single = slots.count == 1
        for row in 0..<dataset.rowCount {
            if single, dataset.columns[0].text(at: row)?.isEmpty ?? true {
                out.append(contentsOf: [0x22, 0x22, 0x0A])
                continue
            }
            for (position, slot) in slots.enumerated() {
                if position > 0 { out.append(0x2C) }
                if slot.isText {
                    if let value = texts[slot.index][row] { appendField(value, to: &out) }
                } else if let value = numbers[slot.index][row] {
                    out.append(contentsOf: NumberText.format(value).utf8)
                }
            }
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendField(_ text: String, to out: inout [UInt8]) {
        let bytes = text.utf8
        let needsQuotes = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for byte in bytes {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }
}
