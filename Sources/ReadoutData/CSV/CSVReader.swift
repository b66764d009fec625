import Dispatch
public import ReadoutCore
import Synchronization

/// Reads comma-separated values (RFC 4180) from bytes into a ``Dataset`` of typed columns.
///
/// Rules: the first non-blank record is the header (variable names, trimmed of surrounding spaces,
/// unique ignoring case); fields may be quoted with `"` and then hold commas, line breaks and `""` for
/// one quote; records end with LF, CRLF or a lone CR; a leading UTF-8 byte-order mark is skipped;
/// blank lines are skipped; every record must have as many fields as the header. An empty field
/// (quoted or not) is a missing value. Text must be UTF-8 without control characters other than tab.
/// Row locations are the 1-based physical line on which each record starts.
///
/// Types, as data.table's `fread` infers them: a column is numeric when every non-blank cell is a
/// decimal number (``NumberText``) — except integers with a leading zero (`007`) or of more than 15
/// digits, which stay text so identifiers keep their spelling; a number too large for `Double`
/// (`1e400`) is an error. Otherwise it is text, dictionary-encoded, and stored as dates when every
/// present value is an ISO date `YYYY-MM-DD`. Cells go from bytes straight to `Double` or into a
/// byte-keyed dictionary: one `String` per distinct value, none per cell.
///
/// Only the variables a caller asks for (`variables:`) are kept: the others are scanned like every
/// field — their count per record, quotes, control characters and UTF-8 are checked — but their values
/// are neither typed nor stored (a number too large for `Double` there is not reported), and the
/// dataset lists them in ``Dataset/unreadVariables``.
///
/// Files over ``parallelThreshold`` bytes are read in chunks concurrently, split after a line feed;
/// when a chunk boundary falls inside a quoted field the file is read again in one pass. The result,
/// including every diagnostic's line, is the same as a one-pass read.
public enum CSVReader {
    /// Files larger than this are read in parallel chunks.
    public static let parallelThreshold = 4 << 20

    /// Parses `bytes` as CSV.
    /// - Parameter bytes: the file's content.
    /// - Parameter name: the dataset name to give the result, upper-cased (`adtte` → `ADTTE`).
    /// - Parameter source: the path to print in diagnostics, as the user would type it.
    /// - Parameter chunks: how many chunks to read concurrently; `nil` chooses from the size and the
    ///   processor count (one below ``parallelThreshold``).
    /// - Parameter variables: the variables to keep (any case); `nil` keeps all.
    /// - Parameter keys: text columns (by variable, any case) to encode a variable of this file
    ///   against: where that variable is text, a value of the key takes the key's code and the others
    ///   come after the key's values (``TextColumn/isKeyed(to:)``) — ADSL's USUBJID for ADTTE and ADAE,
    ///   so that their identifiers are joined while they are read. Values and diagnostics are the same.
    /// - Throws: ``DiagnosticsError`` naming file, line, column and variable of the first problem of the
    ///   file's structure, or every column with numbers too large for `Double`.
    public static func read(_ bytes: [UInt8], name: String, source: String, chunks: Int? = nil,
                            variables: Set<String>? = nil, keys: [String: TextColumn] = [:]) throws(DiagnosticsError) -> Dataset {
        try assemble(parse(bytes, name: name, source: source, chunks: chunks, variables: variables, keys: keys))
    }

    /// The records of a file, read but not yet assembled into one ``Dataset`` (``assemble(_:)``). It
    /// holds no reference to the bytes, so a caller can release the file's buffer before the columns
    /// of parallel chunks are merged.
    public struct Parsed: Sendable {
        var chunks: [CSVChunk]
        let names: [String]
        let selected: [Bool]
        let keys: [CSVKey?]
        let name: String
        let source: String
    }

    /// The first half of ``read(_:name:source:chunks:variables:keys:)``: every record read and checked.
    /// - Throws: the structural diagnostics of ``read(_:name:source:chunks:variables:keys:)``.
    public static func parse(_ bytes: [UInt8], name: String, source: String, chunks: Int? = nil,
                             variables: Set<String>? = nil, keys: [String: TextColumn] = [:]) throws(DiagnosticsError) -> Parsed {
        let result: Result<Parsed, DiagnosticsError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(DiagnosticsError) {
                return .success(try parse(buffer, name: name, source: source, chunks: chunks, variables: variables, keys: keys))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// ``parse(_:name:source:chunks:variables:keys:)`` of bytes in memory the caller owns (a mapped
    /// file); the result holds no reference to them.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, name: String, source: String, chunks: Int? = nil,
                             variables: Set<String>? = nil, keys: [String: TextColumn] = [:]) throws(DiagnosticsError) -> Parsed {
        let wanted = variables.map { Set($0.map { $0.uppercased() }) }
        return try parseBody(bytes, name: name, source: source, chunks: chunks, variables: wanted, keys: keys)
    }

    private static func parseBody(_ bytes: UnsafeBufferPointer<UInt8>, name: String, source: String, chunks: Int?,
                                  variables: Set<String>?, keys: [String: TextColumn]) throws(DiagnosticsError) -> Parsed {
        var scanner = CSVScanner(bytes: bytes, source: source)
        let names: [String]
        do throws(Diagnostic) {
            names = try scanner.readStart()
        } catch {
            throw DiagnosticsError([error])
        }
        let selected = names.map { variables?.contains($0.uppercased()) ?? true }
        var keyed: [String: CSVKey] = [:]
        for (variable, column) in keys { keyed[variable.uppercased()] = CSVKey(column) }
        let columnKeys = names.indices.map { selected[$0] ? keyed[names[$0].uppercased()] : nil }
        let bodyStart = scanner.position, bodyLine = scanner.line, bodyLineStart = scanner.lineStart
        let count = chunks ?? (bytes.count - bodyStart > parallelThreshold ? max(2, min(8, System.processorCount)) : 1)
        let boundaries = splitPoints(bytes, from: bodyStart, chunks: count)

        var parts: [CSVChunk]?
        if boundaries.count > 2 {
            parts = try readParallel(bytes, source: source, names: names, selected: selected, keys: columnKeys, boundaries: boundaries,
                                     firstLine: bodyLine, firstLineStart: bodyLineStart)
        }
        if parts == nil {
            var textColumns = [Bool](repeating: false, count: names.count)
            let whole: CSVChunk
            do throws(Diagnostic) {
                whole = try readChunk(bytes, source: source, names: names, selected: selected, keys: columnKeys, start: bodyStart, limit: bytes.count,
                                      line: bodyLine, lineStart: bodyLineStart, textColumns: &textColumns)
            } catch {
                throw DiagnosticsError([error])
            }
            parts = [whole]
        }
        return Parsed(chunks: parts ?? [], names: names, selected: selected, keys: columnKeys, name: name, source: source)
    }

    /// Reads records from `start` to `limit`, again with more text columns each time one is bumped.
    static func readChunk(_ bytes: UnsafeBufferPointer<UInt8>, source: String, names: [String], selected: [Bool], keys: [CSVKey?], start: Int, limit: Int,
                          line: Int, lineStart: Int, textColumns: inout [Bool]) throws(Diagnostic) -> CSVChunk {
        while true {
            var scanner = CSVScanner(bytes: bytes, source: source)
            scanner.position = start
            scanner.line = line
            scanner.lineStart = lineStart
            switch try scanner.readRecords(names: names, textColumns: textColumns, selected: selected, keys: keys, limit: limit) {
            case .done(let chunk): return chunk
            case .bump(let column): textColumns[column] = true
            }
        }
    }

    /// Chunk boundaries: `start`, points just after a line feed near each equal share, and the end.
    static func splitPoints(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, chunks: Int) -> [Int] {
        var points = [start]
        guard chunks > 1 else { return points + [bytes.count] }
        let share = (bytes.count - start) / chunks
        for k in 1..<chunks {
            var p = max(start + k * share, points[points.count - 1])
            while p < bytes.count, bytes[p] != CSVScanner.lineFeed { p += 1 }
            guard p + 1 < bytes.count else { break }
            if p + 1 > points[points.count - 1] { points.append(p + 1) }
        }
        points.append(bytes.count)
        return points
    }

    /// Reads the chunks concurrently; `nil` when a boundary fell inside a quoted field (read in one pass).
    private static func readParallel(_ bytes: UnsafeBufferPointer<UInt8>, source: String, names: [String], selected: [Bool], keys: [CSVKey?], boundaries: [Int],
                                     firstLine: Int, firstLineStart: Int) throws(DiagnosticsError) -> [CSVChunk]? {
        let n = boundaries.count - 1
        nonisolated(unsafe) let buffer = bytes
        let slots = Mutex<[(Result<CSVChunk, Diagnostic>, [Bool])?]>(Array(repeating: nil, count: n))
        DispatchQueue.concurrentPerform(iterations: n) { k in
            var textColumns = [Bool](repeating: false, count: names.count)
            let result: Result<CSVChunk, Diagnostic>
            do throws(Diagnostic) {
                result = .success(try readChunk(buffer, source: source, names: names, selected: selected, keys: keys, start: boundaries[k], limit: boundaries[k + 1],
                                                line: k == 0 ? firstLine : 1, lineStart: k == 0 ? firstLineStart : boundaries[k],
                                                textColumns: &textColumns))
            } catch {
                result = .failure(error)
            }
            slots.withLock { $0[k] = (result, textColumns) }
        }
        let outcomes = slots.withLock { $0.compactMap { $0 } }
        // In file order: an error counts only if every earlier chunk ended exactly at its boundary.
        // Chunk k > 0 counted lines from 1; its offset is known once chunk k - 1 is counted.
        var chunks: [CSVChunk] = []
        var startLines: [Int] = []
        var nextStart = firstLine
        var textColumns = [Bool](repeating: false, count: names.count)
        for (k, (result, text)) in outcomes.enumerated() {
            let offset = k == 0 ? 0 : nextStart - 1
            switch result {
            case .failure(var diagnostic):
                if let line = diagnostic.location?.line { diagnostic.location?.line = line + offset }
                throw DiagnosticsError([diagnostic])
            case .success(var chunk):
                guard chunk.end == boundaries[k + 1] else { return nil }
                if offset != 0 {
                    let lines = chunk.rowLines.buffer
                    for r in lines.indices { lines[r] += offset }
                    for c in chunk.columns.indices {
                        if let first = chunk.columns[c].firstNotFinite { chunk.columns[c].firstNotFinite = (first.line + offset, first.value) }
                    }
                }
                startLines.append(nextStart)
                nextStart = chunk.endLine + offset
                for c in text.indices where text[c] { textColumns[c] = true }
                chunks.append(chunk)
            }
        }
        // A column that is text in one chunk is text in all: read the others again with it as text.
        for k in chunks.indices where zip(chunks[k].columns, textColumns).contains(where: { !$0.isText && $1 }) {
            var forced = textColumns
            do throws(Diagnostic) {
                chunks[k] = try readChunk(bytes, source: source, names: names, selected: selected, keys: keys, start: boundaries[k], limit: boundaries[k + 1],
                                          line: startLines[k], lineStart: k == 0 ? firstLineStart : boundaries[k],
                                          textColumns: &forced)
            } catch {
                throw DiagnosticsError([error])
            }
        }
        return chunks
    }

    /// The second half of ``read(_:name:source:chunks:variables:keys:)``: one ``Dataset`` from the
    /// chunks in file order, dictionaries merged by remapping codes. Each chunk's column is released
    /// once merged, and merged arrays are allocated at their exact size, so a large file's columns are
    /// not held twice.
    /// - Throws: every column with numbers too large for `Double`.
    public static func assemble(_ parsed: consuming Parsed) throws(DiagnosticsError) -> Dataset {
        let names = parsed.names, selected = parsed.selected, source = parsed.source
        var chunks = parsed.chunks
        parsed.chunks = []
        let total = chunks.reduce(0) { $0 + $1.rowLines.count }
        var columns: [Column] = []
        var problems: [Diagnostic] = []
        columns.reserveCapacity(names.count)
        for (c, variable) in names.enumerated() where selected[c] {
            if chunks.first?.columns[c].isText ?? false {
                let key = chunks[0].columns[c].key
                let base = Int32(key?.count ?? 0)
                var dictionary = chunks[0].columns[c].dictionary
                var codes: [Int32] = []
                codes.reserveCapacity(total)
                codes.append(contentsOf: chunks[0].columns[c].codes.buffer)
                // Released, so that `dictionary` is the only reference to its storage (no copy on insert).
                chunks[0].columns[c] = CSVColumnBuilder(isText: true)
                for k in chunks.indices.dropFirst() {
                    let part = chunks[k].columns[c]
                    chunks[k].columns[c] = CSVColumnBuilder(isText: true)
                    var remap = [Int32](repeating: 0, count: part.dictionary.count)
                    for code in 0..<part.dictionary.count {
                        remap[code] = base + part.dictionary.withBytes(code) { dictionary.insert($0).code }
                    }
                    // Copied in one block, then remapped in place (codes below `base` are the key's).
                    let start = codes.count
                    codes.append(contentsOf: part.codes.buffer)
                    codes.withUnsafeMutableBufferPointer { merged in
                        remap.withUnsafeBufferPointer { remap in
                            for i in start..<merged.count where merged[i] >= base { merged[i] = remap[Int(merged[i] - base)] }
                        }
                    }
                }
                let values: Column.Values
                if let key {
                    values = keyedTextOrDates(codes: codes, key: key, extras: dictionary)
                } else {
                    values = textOrDates(codes: codes, dictionary: dictionary)
                }
                columns.append(Column(name: variable, values: values))
            } else {
                var numbers: [Double] = []
                numbers.reserveCapacity(total)
                for k in chunks.indices {
                    numbers.append(contentsOf: chunks[k].columns[c].numbers.buffer)
                    chunks[k].columns[c].numbers.release()
                }
                let bad = chunks.compactMap { $0.columns[c].firstNotFinite }
                if let first = bad.first {
                    let total = chunks.reduce(0) { $0 + $1.columns[c].notFiniteCount }
                    problems.append(Diagnostic(
                        .error, "data.value.not-finite", at: SourceLocation(file: source, line: first.line),
                        "\(variable) is a number too large to hold", variable: variable, value: first.value,
                        expected: "a finite number (magnitude below 1.8e308)",
                        notes: total > 1 ? ["… and \(total - 1) more \(total == 2 ? "row" : "rows") with the same problem"] : []))
                }
                columns.append(Column(name: variable, values: .numeric(NumericColumn(valuesWithNaN: numbers))))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        var rowLocations: [Int] = []
        rowLocations.reserveCapacity(total)
        for k in chunks.indices {
            rowLocations.append(contentsOf: chunks[k].rowLines.buffer)
            chunks[k].rowLines.release()
        }
        return Dataset(name: parsed.name.uppercased(), source: source, columns: columns, rowLocations: rowLocations,
                       variableNames: names)
    }

    /// ``textOrDates(codes:dictionary:)`` for a column keyed to `key`: codes below `key.count` are the
    /// key's values, the others `extras`. Dates when every value that occurs is an ISO date, as if
    /// the column had its own dictionary (the key's values are parsed only where they occur, once each).
    static func keyedTextOrDates(codes: [Int32], key: CSVKey, extras: ByteDictionary) -> Column.Values {
        let base = key.count
        func text() -> Column.Values { .text(TextColumn(codes: codes, keyedTo: key.column, extras: extras)) }
        // Day per code: the extras' all parsed, the key's filled in as they occur.
        var days = [Int32?](repeating: nil, count: base)
        for code in 0..<extras.count {
            guard let day = ISODate.parse(extras.bytes(code)) else { return text() }
            days.append(day)
        }
        var present = extras.count > 0
        for code in codes where code >= 0 && Int(code) < base && days[Int(code)] == nil {
            guard let day = ISODate.parse(key.table.bytes(Int(code))) else { return text() }
            days[Int(code)] = day
            present = true
        }
        guard present else { return text() }
        return dateColumn(codes: codes) { days[$0]! }
    }

    /// Dates when every distinct value is an ISO date, else dictionary-encoded text.
    static func textOrDates(codes: [Int32], dictionary: ByteDictionary) -> Column.Values {
        var days: [Int32] = []
        if dictionary.count > 0 {
            days.reserveCapacity(dictionary.count)
            for code in 0..<dictionary.count {
                guard let day = ISODate.parse(dictionary.bytes(code)) else { days = []; break }
                days.append(day)
            }
        }
        guard !days.isEmpty else { return .text(TextColumn(codes: codes, bytes: dictionary)) }
        return dateColumn(codes: codes) { days[$0] }
    }

    /// A date column from dictionary codes (negative: missing) and the day of each code.
    private static func dateColumn(codes: [Int32], day: (Int) -> Int32) -> Column.Values {
        var missing = Bitset(count: codes.count)
        var values = [Int32](repeating: 0, count: codes.count)
        for (row, code) in codes.enumerated() {
            if code < 0 { missing.insert(row) } else { values[row] = day(Int(code)) }
        }
        return .date(DateColumn(days: values, missing: missing))
    }
}

extension CSVScanner {
    /// Skips a byte-order mark and blank lines and reads the header.
    mutating func readStart() throws(Diagnostic) -> [String] {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
            lineStart = 3
        }
        skipBlankLines()
        guard position < bytes.count else {
            throw Diagnostic(.error, 
                "data.csv.no-header", at: SourceLocation(file: source, line: 1),
                "the file has no header row", expected: "a first line of comma-separated variable names")
        }
        return try readHeader()
    }

    // MARK: Header

    private mutating func readHeader() throws(Diagnostic) -> [String] {
        let headerLine = line
        var names: [String] = []
        var seen: [String: Int] = [:]
        var terminator = Terminator.comma
        while terminator == .comma {
            let field: Field
            (field, terminator) = try scanField(variable: nil)
            let raw = try value(of: field, variable: nil) ?? ""
            let name = Self.trimmingSpaces(raw)
            let columnNumber = names.count + 1
            guard !name.isEmpty else {
                throw Diagnostic(.error, 
                    "data.csv.empty-header", at: SourceLocation(file: source, line: headerLine),
                    "column \(columnNumber) of the header has no name", expected: "a variable name in every header field")
            }
            if let first = seen[name.uppercased()] {
                throw Diagnostic(.error, 
                    "data.csv.duplicate-header", at: SourceLocation(file: source, line: headerLine),
                    "variable \(name) appears twice in the header (columns \(first) and \(columnNumber))",
                    variable: name, expected: "unique variable names (ignoring case)")
            }
            seen[name.uppercased()] = columnNumber
            names.append(name)
        }
        return names
    }

    private static func trimmingSpaces(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }
}
