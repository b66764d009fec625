public import ReadoutCore

/// Reads a SAS transport (XPORT) version 5 file holding one dataset, the FDA submission format.
///
/// Numeric variables become ``Column/Values/numeric(_:)`` columns (IBM hexadecimal floating point
/// of 2–8 bytes converted to `Double`; SAS missing `.`, `.A`–`.Z` and `._` become `nil`); character
/// variables become dictionary-encoded ``Column/Values/text(_:)`` columns with trailing blanks removed (a
/// blank value is missing). Variable labels and display formats are kept; the dataset name comes from the member
/// header. Row locations are observation numbers (1-based). Character data that is not valid UTF-8 is
/// read as Latin-1, with one warning per variable in ``Dataset/warnings``.
public enum XPTReader {
    /// Parses `bytes` as a transport file.
    /// - Parameter bytes: the file's content.
    /// - Parameter source: the path to print in diagnostics, as the user would type it.
    /// - Throws: ``DiagnosticsError`` (`data.xpt.*`) for anything that is not a well-formed v5 file with one member.
    public static func read(_ bytes: [UInt8], source: String) throws(DiagnosticsError) -> Dataset {
        let result: Result<Dataset, DiagnosticsError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(Diagnostic) {
                return .success(try read(buffer, source: source))
            } catch {
                return .failure(DiagnosticsError([error]))
            }
        }
        return try result.get()
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws(Diagnostic) -> Dataset {
        let layout = try XPTLayout.parse(bytes, source: source)
        let dataEnd = try endOfData(bytes, layout: layout, source: source)
        let rows = try observationCount(bytes, layout: layout, dataEnd: dataEnd, source: source)

        var columns: [Column] = []
        var warnings: [Diagnostic] = []
        columns.reserveCapacity(layout.variables.count)
        for variable in layout.variables {
            let values: Column.Values
            if variable.isNumeric {
                var numbers: [Double] = []
                numbers.reserveCapacity(rows)
                var offset = layout.dataStart + variable.position
                for _ in 0..<rows {
                    numbers.append(IBMFloat.decode(bytes, at: offset, length: variable.length) ?? .nan)
                    offset += layout.observationLength
                }
                values = .numeric(NumericColumn(valuesWithNaN: numbers))
            } else {
                // Dictionary-encoded: each distinct value is decoded to a `String` once.
                var dictionary = ByteDictionary()
                var strings: [String] = []
                var codes: [Int32] = []
                codes.reserveCapacity(rows)
                var warned = false
                for row in 0..<rows {
                    let start = layout.dataStart + row * layout.observationLength + variable.position
                    var end = start + variable.length
                    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x00 { end -= 1 }
                    guard end > start else {
                        codes.append(TextColumn.missingCode)
                        continue
                    }
                    let cell = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    let (code, inserted) = dictionary.insert(cell)
                    if inserted {
                        let decoded = XPTText.decode(cell)
                        if decoded.isLatin1, !warned {
                            warned = true
                            warnings.append(Diagnostic(
                                .warning, "data.xpt.latin1-text", at: SourceLocation(file: source, line: row + 1),
                                "text of variable \(variable.name) is not UTF-8; read as Latin-1 (ISO 8859-1)",
                                variable: variable.name, value: decoded.text, expected: "UTF-8 text"))
                        }
                        strings.append(decoded.text)
                    }
                    codes.append(code)
                }
                values = .text(TextColumn(codes: codes, dictionary: strings))
            }
            columns.append(Column(name: variable.name, label: variable.label, format: variable.format, values: values))
        }
        var dataset = Dataset(name: layout.datasetName, source: source, columns: columns, rowLocations: Array(1..<(rows + 1)))
        dataset.warnings = warnings
        return dataset
    }

    /// The end of the observations: the end of the file, unless a second member follows (an error).
    private static func endOfData(_ bytes: UnsafeBufferPointer<UInt8>, layout: XPTLayout, source: String) throws(Diagnostic) -> Int {
        let recordLength = XPTLayout.recordLength
        let header = XPTLayout.memberHeader
        var record = layout.dataStart
        while record + recordLength <= bytes.count {
            if header.indices.allSatisfy({ bytes[record + $0] == header[$0] }) {
                let nameOffset = record + 2 * recordLength + 8
                var other = ""
                if nameOffset + 8 <= bytes.count {
                    other = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameOffset..<(nameOffset + 8)]), as: UTF8.self)
                        .trimmingTrailingBlanks()
                }
                throw Diagnostic(.error, 
                    "data.xpt.multiple-members", at: SourceLocation(file: source),
                    "the file holds more than one dataset (\(layout.datasetName), then \(other.isEmpty ? "another" : other))",
                    expected: "one dataset per transport file",
                    notes: ["write each dataset to its own .xpt file"])
            }
            record += recordLength
        }
        return bytes.count
    }

    /// Number of whole observations, ignoring the blank padding of the last 80-byte record.
    private static func observationCount(
        _ bytes: UnsafeBufferPointer<UInt8>, layout: XPTLayout, dataEnd: Int, source: String
    ) throws(Diagnostic) -> Int {
        let length = layout.observationLength
        let available = dataEnd - layout.dataStart
        var rows = available / length
        let leftover = layout.dataStart + rows * length
        for offset in leftover..<dataEnd where bytes[offset] != 0x20 && bytes[offset] != 0x00 {
            throw Diagnostic(.error, 
                "data.xpt.truncated", at: SourceLocation(file: source, line: rows + 1),
                "the file ends inside observation \(rows + 1) (\(dataEnd - leftover) of \(length) bytes present)",
                expected: "whole observations of \(length) bytes", notes: ["the file may have been cut short while copying"])
        }
        // An all-blank observation that starts within the last record is padding, not data (TS-140).
        while rows > 0 {
            let start = layout.dataStart + (rows - 1) * length
            guard start + XPTLayout.recordLength > dataEnd,
                  (start..<(start + length)).allSatisfy({ bytes[$0] == 0x20 }) else { break }
            rows -= 1
        }
        return rows
    }
}

extension String {
    fileprivate func trimmingTrailingBlanks() -> String {
        var text = self
        while let last = text.last, last == " " || last == "\0" { text.removeLast() }
        return text
    }
}
