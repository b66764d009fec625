public import ReadoutCore

/// Typed access for the analysis layer: columns by name and values as numbers or text, failing with
/// a ``DiagnosticsError`` whose diagnostics name file, line, variable and value.
///
/// The fast forms (``numericColumn(_:)``, ``textColumn(_:)``) hand out the typed storage itself; the
/// optional-array forms (``numbers(_:)``, ``strings(_:)``) keep their meaning for code off the hot path.
extension Dataset {
    /// The column `name` (case-insensitive).
    /// - Throws: `data.column.missing` ("dataset ADTTE has no variable AVAL") with the variables present.
    public func requireColumn(_ name: String) throws(DiagnosticsError) -> Column {
        if let column = column(name) { return column }
        var notes: [String] = []
        if let suggestion = closestName(to: name) { notes.append("did you mean \(suggestion)?") }
        notes.append("variables present: " + (variableNames.isEmpty ? "none" : variableNames.joined(separator: ", ")))
        throw DiagnosticsError([Diagnostic(
            .error, "data.column.missing", at: SourceLocation(file: source),
            "dataset \(self.name) has no variable \(name)", variable: name, notes: notes)])
    }

    /// The numbers of `name`. A numeric column is returned as stored; a text column is parsed as
    /// decimal numbers (C locale, spaces and tabs around the number ignored, blank text missing; see
    /// `NumberText`), each distinct value once.
    /// - Throws: `data.column.missing`, or `data.value.not-a-number` / `data.value.not-finite` at the
    ///   first row with the problem, with the count of further rows.
    public func numericColumn(_ name: String) throws(DiagnosticsError) -> NumericColumn {
        let parsed = parseNumbers(try requireColumn(name))
        if !parsed.errors.isEmpty { throw DiagnosticsError(parsed.errors) }
        return parsed.values
    }

    /// The values of `name` as numbers; `nil` is missing (see ``numericColumn(_:)``).
    public func numbers(_ name: String) throws(DiagnosticsError) -> [Double?] {
        try numericColumn(name).optionals
    }

    /// The values of `name` dictionary-encoded. Numeric columns are encoded as their shortest
    /// round-trip text, integers without `.0` (`54`, `25.1`); dates as `YYYY-MM-DD`.
    /// - Throws: `data.column.missing`.
    public func textColumn(_ name: String) throws(DiagnosticsError) -> TextColumn {
        switch try requireColumn(name).values {
        case .text(let values):
            return values
        case .numeric(let values):
            var lookup: [Double: Int32] = [:]
            // Whole numbers 0…255 (grades, flags, scores: most numeric columns read as text) by table, not hashing.
            var small = [Int32](repeating: -1, count: 256)
            var dictionary: [String] = []
            var codes = [Int32](repeating: TextColumn.missingCode, count: values.count)
            for row in 0..<values.count {
                guard let value = values[row] else { continue }
                let slot = value >= 0 && value < 256 && value.rounded(.towardZero) == value ? Int(value) : -1
                if slot >= 0, small[slot] >= 0 { codes[row] = small[slot]; continue }
                if slot < 0, let code = lookup[value] { codes[row] = code; continue }
                let code = Int32(dictionary.count)
                if slot >= 0 { small[slot] = code } else { lookup[value] = code }
                dictionary.append(NumberText.format(value))
                codes[row] = code
            }
            return TextColumn(codes: codes, dictionary: dictionary)
        case .date(let values):
            var lookup: [Int32: Int32] = [:]
            var dictionary: [String] = []
            var codes = [Int32](repeating: TextColumn.missingCode, count: values.count)
            for row in 0..<values.count {
                guard let day = values[row] else { continue }
                if let code = lookup[day] { codes[row] = code; continue }
                let code = Int32(dictionary.count)
                lookup[day] = code
                dictionary.append(ISODate.format(day))
                codes[row] = code
            }
            return TextColumn(codes: codes, dictionary: dictionary)
        }
    }

    /// The values of `name` as text; `nil` is missing (see ``textColumn(_:)``).
    /// - Throws: `data.column.missing`.
    public func strings(_ name: String) throws(DiagnosticsError) -> [String?] {
        let column = try requireColumn(name)
        if case .text(let values) = column.values { return values.optionals }
        return (0..<column.count).map { column.text(at: $0) }
    }

    /// The problems of reading `name` as numbers (see ``numericColumn(_:)``), or the missing-column
    /// error. Empty when all is well.
    public func validateNumbers(_ name: String) -> [Diagnostic] {
        do throws(DiagnosticsError) {
            return parseNumbers(try requireColumn(name)).errors
        } catch {
            return error.diagnostics
        }
    }

    /// The values of `name` as numbers, or `nil` after appending its problems to `log`, so a check
    /// can report the bad rows of all variables before the build stops.
    public func numbers(_ name: String, log: inout DiagnosticLog) -> [Double?]? {
        do throws(DiagnosticsError) {
            return try numbers(name)
        } catch {
            log.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Numbers of a column; for text, each distinct value is parsed once and the rows that are not
    /// numbers are reported once per problem: the first row, with the count of the others.
    private func parseNumbers(_ column: Column) -> (values: NumericColumn, errors: [Diagnostic]) {
        let texts: TextColumn
        switch column.values {
        case .numeric(let numbers): return (numbers, [])
        case .text(let values): texts = values
        case .date(let values):
            texts = TextColumn((0..<values.count).map { values.text(at: $0) })
        }
        enum Parsed { case number(Double), missing, notANumber, notFinite }
        let parsedCodes: [Parsed] = texts.dictionary.map { text in
            return Array(text.utf8).withUnsafeBufferPointer { buffer in
                switch NumberText.classify(buffer) {
                case .missing: return .missing
                case .number(let value): return .number(value)
                case .notFinite: return .notFinite
                case .text:
                    // Leading zeros and long integers stay text in a CSV, but are numbers when asked.
                    if let value = NumberText.parse(text[...]) { return value.isFinite ? .number(value) : .notFinite }
                    return .notANumber
                }
            }
        }
        // Problems by kind (0 not a number, 1 a spelling of missing, 2 a decimal comma, 3 too large),
        // each reported at its first row with the count of the others.
        var values = [Double](repeating: .nan, count: texts.count)
        var firstRow = [Int?](repeating: nil, count: 4), counts = [Int](repeating: 0, count: 4)
        let kindOfCode: [Int] = texts.dictionary.indices.map { code in
            switch parsedCodes[code] {
            case .notFinite: return 3
            case .notANumber: return notANumberKind(texts.dictionary[code])
            default: return -1
            }
        }
        for (row, code) in texts.codes.enumerated() where code >= 0 {
            switch parsedCodes[Int(code)] {
            case .number(let value): values[row] = value
            case .missing: break
            case .notANumber, .notFinite:
                let kind = kindOfCode[Int(code)]
                counts[kind] += 1
                if firstRow[kind] == nil { firstRow[kind] = row }
            }
        }
        var errors: [(row: Int, diagnostic: Diagnostic)] = []
        for kind in 0..<4 {
            guard let row = firstRow[kind] else { continue }
            let text = texts[row] ?? ""
            var diagnostic = kind < 3
                ? notANumber(column.name, text, row: row)
                : Diagnostic(.error, "data.value.not-finite", at: location(ofRow: row), "\(column.name) is a number too large to hold",
                             variable: column.name, value: text, expected: "a finite number (magnitude below 1.8e308)")
            let more = counts[kind] - 1
            if more > 0 { diagnostic.notes.append("… and \(more) more \(more == 1 ? "row" : "rows") with the same problem") }
            errors.append((row, diagnostic))
        }
        return (NumericColumn(valuesWithNaN: values), errors.sorted { $0.row < $1.row }.map(\.diagnostic))
    }

    /// 1 when `text` spells a missing value, 2 when it is a number with a decimal comma, else 0.
    private func notANumberKind(_ text: String) -> Int {
        let trimmed = text.trimmingCharacters(in: " \t")
        if ["NA", "NAN", ".", "NULL", "MISSING"].contains(trimmed.uppercased()) { return 1 }
        if trimmed.contains(","), NumberText.parse(Substring(trimmed.replacingAll(",", with: "."))) != nil { return 2 }
        return 0
    }

    private func notANumber(_ variable: String, _ text: String, row: Int) -> Diagnostic {
        var notes: [String] = []
        switch notANumberKind(text) {
        case 1: notes.append("write missing values as empty fields (R: write.csv(..., na = \"\"))")
        case 2: notes.append("use a decimal point, not a decimal comma")
        default: break
        }
        return Diagnostic(
            .error, "data.value.not-a-number", at: location(ofRow: row),
            "\(variable) is not a number", variable: variable, value: text, expected: "a number", notes: notes)
    }
    /// A present name within edit distance 2 of `name` (ignoring case), for "did you mean".
    private func closestName(to name: String) -> String? {
        let target = Array(name.uppercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in variableNames {
            let distance = editDistance(target, Array(candidate.uppercased().unicodeScalars))
            if distance <= 2, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }
}

/// Levenshtein distance (insert, delete, substitute all cost 1).
private func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + [Int](repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        guard let first = firstIndex(where: { !set.contains($0) }), let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first...last])
    }

    fileprivate func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
