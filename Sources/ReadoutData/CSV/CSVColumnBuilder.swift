#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// The numbers of a numeric column (`NaN` for a missing value), the codes of a text column.
    let numbers = ChunkValues<Double>()
    let codes = ChunkValues<Int32>()
    var dictionary = ByteDictionary()
    /// The last text cell read from the input (offset, length) and its code: a cell equal to it takes
    /// its code without a hash-table probe. Records are usually grouped by subject, so identifier
    /// columns of ADTTE and ADAE repeat their previous value most of the time.
    var previousStart = 0, previousCount = 0, previousCode: Int32 = 0
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
}

/// One chunk's values of a column (or its record lines) in one block grown with `realloc` (which
/// moves large blocks by remapping pages, without copying them). The reader stores each cell with a
/// plain write, without the uniqueness and capacity checks of `Array.append`: every kept column gets
/// one value per record, so one record count and one capacity check per record serve them all.
final class ChunkValues<Element: BitwiseCopyable>: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<Element>?
    private(set) var capacity = 0
    /// How many elements from `base` hold values (set by the reader).
    var count = 0

    init() {}

    deinit { free(base) }

    /// Room for at least `capacity` elements, keeping the first `count`.
    func reserve(_ capacity: Int) {
        guard capacity > self.capacity else { return }
        guard let grown = realloc(base, capacity * MemoryLayout<Element>.stride) else {
            fatalError("out of memory reading a CSV file (\(capacity) values)")
        }
        base = grown.bindMemory(to: Element.self, capacity: capacity)
        self.capacity = capacity
    }

    /// The values.
    var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// Frees the values (once copied into the dataset).
    func release() {
        free(base)
        base = nil
        capacity = 0
        count = 0
    }
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
    var rowLines: ChunkValues<Int>
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

    /// What the reader does with each field of a record.
    private enum Kind: UInt8 { case skip, number, text }

    /// Reads every record that starts before `limit`, with columns marked in `textColumns` as text.
    /// Columns not marked in `selected` are scanned (field count, quotes, control characters, UTF-8) but
    /// their values are not kept.
    mutating func readRecords(names: [String], textColumns: [Bool], selected: [Bool], keys: [CSVKey?], limit: Int) throws(Diagnostic) -> ChunkOutcome {
        let width = names.count
        // The columns, their kinds and where their values go, in buffers of their own for the loop
        // below: no uniqueness check or reference counting per cell.
        let columns = UnsafeMutableBufferPointer<CSVColumnBuilder>.allocate(capacity: width)
        _ = columns.initialize(from: textColumns.indices.lazy.map { CSVColumnBuilder(isText: textColumns[$0], key: keys[$0]) })
        let kinds = UnsafeMutableBufferPointer<Kind>.allocate(capacity: width)
        let slots = UnsafeMutableBufferPointer<UnsafeMutableRawPointer?>.allocate(capacity: width)
        defer {
            _ = columns.deinitialize()
            columns.deallocate()
            kinds.deallocate()
            slots.deallocate()
        }
        for c in 0..<width {
            kinds[c] = !selected[c] ? .skip : textColumns[c] ? .text : .number
        }
        let rowLines = ChunkValues<Int>()
        var capacity = max(16, (limit - position) / max(1, 8 * width))
        var rows = 0
        while true {
            skipBlankLines(limit: limit)
            guard position < limit else { break }
            if rows == capacity || rows == 0 {
                if rows > 0 { capacity *= 2 }
                rowLines.reserve(capacity)
                for c in 0..<width {
                    switch kinds[c] {
                    case .number: columns[c].numbers.reserve(capacity); slots[c] = UnsafeMutableRawPointer(columns[c].numbers.base)
                    case .text: columns[c].codes.reserve(capacity); slots[c] = UnsafeMutableRawPointer(columns[c].codes.base)
                    case .skip: slots[c] = nil
                    }
                }
            }
            let recordLine = line
            var fieldIndex = 0
            var terminator = Terminator.comma
            // The variable's name goes into a diagnostic only when one is thrown (no String per cell).
            do throws(Diagnostic) {
                while terminator == .comma {
                    let field: Field
                    (field, terminator) = try scanField(variable: nil)
                    if fieldIndex < width {
                        switch kinds[fieldIndex] {
                        case .number:
                            let value = field.unescaped
                                ? scratch.withUnsafeBufferPointer { buffer in
                                    Self.number(UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]), line: field.line, column: &columns[fieldIndex])
                                }
                                : Self.number(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), line: field.line, column: &columns[fieldIndex])
                            guard let value else { return .bump(fieldIndex) }
                            slots[fieldIndex].unsafelyUnwrapped.storeBytes(of: value, toByteOffset: rows &* 8, as: Double.self)
                        case .text:
                            let code = field.unescaped
                                ? scratch.withUnsafeBufferPointer { buffer in
                                    Self.code(of: UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]), ascii: field.ascii, column: &columns[fieldIndex])
                                }
                                : Self.code(at: field.start, to: field.end, in: bytes, ascii: field.ascii, column: &columns[fieldIndex])
                            guard let code else { throw invalidUTF8(in: field, variable: "") }
                            slots[fieldIndex].unsafelyUnwrapped.storeBytes(of: code, toByteOffset: rows &* 4, as: Int32.self)
                        case .skip:
                            if !field.ascii { try validateUTF8(field, variable: "") }
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
            rowLines.base.unsafelyUnwrapped[rows] = recordLine
            rows += 1
        }
        rowLines.count = rows
        for c in 0..<width {
            switch kinds[c] {
            case .number: columns[c].numbers.count = rows
            case .text: columns[c].codes.count = rows
            case .skip: break
            }
        }
        return .done(CSVChunk(columns: Array(columns), rowLines: rowLines, end: position, endLine: line))
    }

    /// `data.csv.invalid-utf8` for a non-ASCII cell of a column whose values are not kept: the file's
    /// text is UTF-8 whichever columns a plan reads.
    private func validateUTF8(_ field: Field, variable: String) throws(Diagnostic) {
        let valid = field.unescaped
            ? scratch.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[field.start..<field.end]), as: UTF8.self) != nil }
            : String(validating: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self) != nil
        if !valid { throw invalidUTF8(in: field, variable: variable) }
    }

    /// The value of a cell of a numeric column (`NaN` when missing or too large for `Double`, which
    /// is noted in `column`); `nil` when the cell is not a number.
    @inline(__always)
    private static func number(_ cell: UnsafeBufferPointer<UInt8>, line: Int, column: inout CSVColumnBuilder) -> Double? {
        switch NumberText.classify(cell) {
        case .missing:
            return .nan
        case .number(let value):
            return value
        case .notFinite:
            if column.firstNotFinite == nil {
                column.firstNotFinite = (line, String(decoding: cell, as: UTF8.self))
            }
            column.notFiniteCount += 1
            return .nan
        case .text:
            return nil
        }
    }

    // The cell helpers are static and take what they need, so that the scanner's state is not
    // copied out of registers (and read back across its latest stores) for every cell.

    /// The code of the text cell `start..<end` of the input (``TextColumn/missingCode`` when empty);
    /// `nil` when the cell is a new value that is not valid UTF-8.
    @inline(__always)
    private static func code(at start: Int, to end: Int, in bytes: UnsafeBufferPointer<UInt8>, ascii: Bool,
                             column: inout CSVColumnBuilder) -> Int32? {
        guard end > start, let base = bytes.baseAddress else { return TextColumn.missingCode }
        let length = end - start
        if length == column.previousCount, memoryEqual(base + column.previousStart, base + start, length) {
            return column.previousCode
        }
        guard let code = code(of: UnsafeBufferPointer(start: base + start, count: length), ascii: ascii, column: &column) else { return nil }
        column.previousStart = start
        column.previousCount = length
        column.previousCode = code
        return code
    }

    /// The code of a text cell (``TextColumn/missingCode`` when empty); `nil` when the cell is a new
    /// value that is not valid UTF-8.
    @inline(__always)
    private static func code(of cell: UnsafeBufferPointer<UInt8>, ascii: Bool, column: inout CSVColumnBuilder) -> Int32? {
        guard !cell.isEmpty else { return TextColumn.missingCode }
        if let key = column.key {
            // Bytes found in the key are valid UTF-8 (checked when the key's file was read).
            if let code = key.code(of: cell) { return code }
            let (code, inserted) = column.dictionary.insert(cell)
            if inserted, !ascii, String(validating: cell, as: UTF8.self) == nil { return nil }
            return Int32(key.count) + code
        }
        let (code, inserted) = column.dictionary.insert(cell)
        if inserted, !ascii, String(validating: cell, as: UTF8.self) == nil { return nil }
        return code
    }
}
