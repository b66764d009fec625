import ReadoutCore

/// The values of one CSV column while a chunk is read: numbers straight from bytes while every cell
/// is a number, otherwise codes into a byte-keyed dictionary of the distinct values.
///
/// Type inference in the spirit of data.table's `fread`: a column starts numeric and is bumped to
/// text by the first present cell that is not a decimal number (``NumberText/classify(_:)``); the
/// chunk is then read again with that column as text from the start, so no spelling is lost.
struct CSVColumnBuilder: Sendable {
    /// Text from the first row: forced by an earlier pass or another chunk.
    let isText: Bool
    var numbers: [Double] = []
    var codes: [Int32] = []
    var dictionary = ByteDictionary()
    /// The last text cell read from the input (offset, length) and its code: a cell equal to it takes
    /// its code without a hash-table probe. Records are usually grouped by subject, so identifier
    /// columns of ADTTE and ADAE repeat their previous value most of the time.
    var previousStart = -1, previousCount = 0, previousCode: Int32 = 0
    /// First cell that is a number too large for `Double`, and how many there are.
    var firstNotFinite: (line: Int, value: String)?
    var notFiniteCount = 0
    /// When the column is keyed (`CSVReader`'s `keys:`) and text: a cell found in the key takes the
    /// key's code; any other value goes into ``dictionary`` and takes `key.count` plus its code there.
    let key: CSVKey?

    init(isText: Bool, key: CSVKey? = nil) {
        self.isText = isText
        self.key = isText ? key : nil
    }

    var count: Int { isText ? codes.count : numbers.count }
}

/// The distinct values of a text column that another file's column is encoded against while it is read
/// (ADSL's USUBJID for ADTTE and ADAE): its byte-keyed table, codes equal to the column's.
final class CSVKey: Sendable {
    let column: TextColumn
    let table: ByteDictionary
    var count: Int { table.count }

    /// `nil` when the column's dictionary repeats a value (codes could not match).
    init?(_ column: TextColumn) {
        self.column = column
        if let bytes = column.byteDictionary {
            table = bytes
        } else {
            var table = ByteDictionary()
            for value in column.dictionary {
                var value = value
                let inserted = value.withUTF8 { table.insert($0).inserted }
                if !inserted { return nil }
            }
            self.table = table
        }
    }

    /// The key's code of `cell`, when present.
    @inline(__always)
    func code(of cell: UnsafeBufferPointer<UInt8>) -> Int32? { table.find(cell) }
}

/// What reading a chunk of records produced.
struct CSVChunk: Sendable {
    var columns: [CSVColumnBuilder]
    /// Line of each record, relative to the chunk's first line (1).
    var rowLines: [Int]
    /// Where reading stopped and the line there (relative).
    var end: Int
    var endLine: Int
}

extension CSVScanner {
    /// How a pass over a chunk ended.
    enum ChunkOutcome {
        case done(CSVChunk)
        /// Column `index` holds a cell that is not a number: read again with it as text.
        case bump(Int)
    }

    /// Reads every record that starts before `limit`, with columns marked in `textColumns` as text.
    /// Columns not marked in `selected` are scanned (field count, quotes, control characters, UTF-8) but
    /// their values are not kept.
    mutating func readRecords(names: [String], textColumns: [Bool], selected: [Bool], keys: [CSVKey?], limit: Int) throws(Diagnostic) -> ChunkOutcome {
        let width = names.count
        var columns = textColumns.indices.map { CSVColumnBuilder(isText: textColumns[$0], key: keys[$0]) }
        var rowLines: [Int] = []
        let estimate = max(16, (limit - position) / max(1, 8 * width))
        for c in columns.indices where selected[c] {
            if columns[c].isText { columns[c].codes.reserveCapacity(estimate) } else { columns[c].numbers.reserveCapacity(estimate) }
        }
        rowLines.reserveCapacity(estimate)
        while true {
            skipBlankLines(limit: limit)
            guard position < limit else { break }
            let recordLine = line
            var fieldIndex = 0
            var terminator = Terminator.comma
            // The variable's name goes into a diagnostic only when one is thrown (no String per cell).
            do throws(Diagnostic) {
                while terminator == .comma {
                    let field: Field
                    (field, terminator) = try scanField(variable: nil)
                    if fieldIndex < width {
                        if selected[fieldIndex] {
                            if try !append(field, to: &columns[fieldIndex], variable: "") { return .bump(fieldIndex) }
                        } else if !field.ascii {
                            try validateUTF8(field, variable: "")
                        }
                    }
                    fieldIndex += 1
                }
            } catch {
                var diagnostic = error
                diagnostic.subject.variable = fieldIndex < width ? names[fieldIndex] : nil
                throw diagnostic
            }
            guard fieldIndex == width else {
                throw Diagnostic(.error, 
                    "data.csv.ragged-row", at: SourceLocation(file: source, line: recordLine),
                    "expected \(width) \(width == 1 ? "field" : "fields") as in the header, found \(fieldIndex)",
                    value: "\(fieldIndex) \(fieldIndex == 1 ? "field" : "fields")",
                    expected: "\(width) \(width == 1 ? "field" : "fields")",
                    notes: fieldIndex > width
                        ? ["a value that contains a comma must be quoted: \"a, b\""]
                        : ["the header names: " + names.joined(separator: ", ")])
            }
            rowLines.append(recordLine)
        }
        return .done(CSVChunk(columns: columns, rowLines: rowLines, end: position, endLine: line))
    }

    /// `data.csv.invalid-utf8` for a non-ASCII cell of a column whose values are not kept: the file's
    /// text is UTF-8 whichever columns a plan reads.
    private func validateUTF8(_ field: Field, variable: String) throws(Diagnostic) {
        let valid = field.unescaped
            ? scratch.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[field.start..<field.end]), as: UTF8.self) != nil }
            : String(validating: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self) != nil
        if !valid { throw invalidUTF8(in: field, variable: variable) }
    }

    /// Adds one cell; `false` when a numeric column meets a cell that is not a number.
    @inline(__always)
    private func append(_ field: Field, to column: inout CSVColumnBuilder, variable: String) throws(Diagnostic) -> Bool {
        if field.unescaped {
            return try scratch.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> Bool in
                try append(UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]), field, to: &column, variable: variable)
            }
        }
        if column.isText, column.previousStart >= 0, field.end - field.start == column.previousCount, column.previousCount > 0,
           let base = bytes.baseAddress,
           memoryEqual(base + column.previousStart, base + field.start, column.previousCount) {
            column.codes.append(column.previousCode)
            return true
        }
        let kept = try append(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), field, to: &column, variable: variable)
        if column.isText, field.end > field.start, let code = column.codes.last {
            column.previousStart = field.start
            column.previousCount = field.end - field.start
            column.previousCode = code
        }
        return kept
    }

    @inline(__always)
    private func append(_ cell: UnsafeBufferPointer<UInt8>, _ field: Field, to column: inout CSVColumnBuilder,
                        variable: String) throws(Diagnostic) -> Bool {
        if column.isText {
            guard !cell.isEmpty else {
                column.codes.append(TextColumn.missingCode)
                return true
            }
            if let key = column.key {
                // Bytes found in the key are valid UTF-8 (checked when the key's file was read).
                if let code = key.code(of: cell) {
                    column.codes.append(code)
                    return true
                }
                let (code, inserted) = column.dictionary.insert(cell)
                if inserted, !field.ascii, String(validating: cell, as: UTF8.self) == nil {
                    throw invalidUTF8(in: field, variable: variable)
                }
                column.codes.append(Int32(key.count) + code)
                return true
            }
            let (code, inserted) = column.dictionary.insert(cell)
            if inserted, !field.ascii, String(validating: cell, as: UTF8.self) == nil {
                throw invalidUTF8(in: field, variable: variable)
            }
            column.codes.append(code)
            return true
        }
        switch NumberText.classify(cell) {
        case .missing:
            column.numbers.append(.nan)
        case .number(let value):
            column.numbers.append(value)
        case .notFinite:
            if column.firstNotFinite == nil {
                column.firstNotFinite = (field.line, String(decoding: cell, as: UTF8.self))
            }
            column.notFiniteCount += 1
            column.numbers.append(.nan)
        case .text:
            return false
        }
        return true
    }
}
