import ReadoutCore

/// Reads comma-separated values (RFC 4180) from bytes into a ``Dataset`` of text columns.
///
/// Rules: the first non-blank record is the header (variable names, trimmed of surrounding spaces,
/// unique ignoring case); fields may be quoted with `"` and then hold commas, line breaks and `""` for
/// one quote; records end with LF, CRLF or a lone CR; a leading UTF-8 byte-order mark is skipped;
/// blank lines are skipped; every record must have as many fields as the header. An empty field
/// (quoted or not) is a missing value. Text must be UTF-8. Row locations are the 1-based physical
/// line on which each record starts. The reader makes one pass over the bytes and allocates nothing
/// per field beyond the value's own `String` (none for short values, which Swift stores inline).
public enum CSVReader {
    /// Parses `bytes` as CSV.
    /// - Parameter bytes: the file's content.
    /// - Parameter name: the dataset name to give the result, upper-cased (`adtte` → `ADTTE`).
    /// - Parameter source: the path to print in diagnostics, as the user would type it.
    /// - Throws: ``DatasetError`` naming file, line, column and variable of the first problem.
    public static func read(_ bytes: [UInt8], name: String, source: String) throws(DatasetError) -> Dataset {
        let result: Result<Dataset, DatasetError> = bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer, source: source)
            do throws(DatasetError) {
                return .success(try scanner.readDataset(name: name))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

extension CSVScanner {
    /// Reads the header and every record; the whole of ``CSVReader/read(_:name:source:)``.
    mutating func readDataset(name: String) throws(DatasetError) -> Dataset {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
            lineStart = 3
        }
        skipBlankLines()
        guard position < bytes.count else {
            throw DatasetError(
                "data.csv.no-header", at: SourceLocation(file: source, line: 1),
                "the file has no header row", expected: "a first line of comma-separated variable names")
        }
        let names = try readHeader()
        let width = names.count
        var columns = [[String?]](repeating: [], count: width)
        var rowLocations: [Int] = []

        while true {
            skipBlankLines()
            guard position < bytes.count else { break }
            let recordLine = line
            var fieldIndex = 0
            var terminator = Terminator.comma
            while terminator == .comma {
                let field: Field
                (field, terminator) = try scanField(variable: fieldIndex < width ? names[fieldIndex] : nil)
                if fieldIndex < width {
                    columns[fieldIndex].append(try value(of: field, variable: names[fieldIndex]))
                }
                fieldIndex += 1
            }
            guard fieldIndex == width else {
                throw DatasetError(
                    "data.csv.ragged-row", at: SourceLocation(file: source, line: recordLine),
                    "expected \(width) \(width == 1 ? "field" : "fields") as in the header, found \(fieldIndex)",
                    value: "\(fieldIndex) \(fieldIndex == 1 ? "field" : "fields")",
                    expected: "\(width) \(width == 1 ? "field" : "fields")",
                    notes: fieldIndex > width
                        ? ["a value that contains a comma must be quoted: \"a, b\""]
                        : ["the header names: " + names.joined(separator: ", ")])
            }
            rowLocations.append(recordLine)
        }

        let built = zip(names, columns).map { Column(name: $0, values: .text($1)) }
        return Dataset(name: name.uppercased(), source: source, columns: built, rowLocations: rowLocations)
    }

    // MARK: Header

    private mutating func readHeader() throws(DatasetError) -> [String] {
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
                throw DatasetError(
                    "data.csv.empty-header", at: SourceLocation(file: source, line: headerLine),
                    "column \(columnNumber) of the header has no name", expected: "a variable name in every header field")
            }
            if let first = seen[name.uppercased()] {
                throw DatasetError(
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
