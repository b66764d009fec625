public import ReadoutCore

/// Typed access for the analysis layer: columns by name and values as numbers or text, failing with
/// a ``DatasetError`` that names file, line, variable and value.
extension Dataset {
    /// The column `name` (case-insensitive).
    /// - Throws: `data.column.missing` ("dataset ADTTE has no variable AVAL") with the variables present.
    public func requireColumn(_ name: String) throws(DatasetError) -> Column {
        if let column = column(name) { return column }
        var notes: [String] = []
        if let suggestion = closestName(to: name) { notes.append("did you mean \(suggestion)?") }
        notes.append("variables present: " + (columnNames.isEmpty ? "none" : columnNames.joined(separator: ", ")))
        throw DatasetError(
            "data.column.missing", at: SourceLocation(file: source),
            "dataset \(self.name) has no variable \(name)", variable: name, notes: notes)
    }

    /// The values of `name` as numbers; `nil` is missing. Text columns are parsed as decimal numbers
    /// (C locale, spaces and tabs around the number ignored, blank text missing; see `NumberText`).
    /// - Throws: `data.column.missing`, or `data.value.not-a-number` at the first row that does not parse.
    public func numbers(_ name: String) throws(DatasetError) -> [Double?] {
        let parsed = try parseNumbers(requireColumn(name), limit: 1)
        if let first = parsed.errors.first { throw first }
        return parsed.values
    }

    /// The values of `name` as text; `nil` is missing. Numeric columns are formatted back as the
    /// shortest round-trip text, integers without `.0` (`54`, `25.1`).
    /// - Throws: `data.column.missing`.
    public func strings(_ name: String) throws(DatasetError) -> [String?] {
        let column = try requireColumn(name)
        switch column.values {
        case .text(let values): return values
        case .numeric(let values): return values.map { $0.map(NumberText.format) }
        }
    }

    /// Every row of `name` that is not a number, as errors (at most `limit`; when there are more, the
    /// last one says how many were left out), or the missing-column error. Empty when all is well.
    public func validateNumbers(_ name: String, limit: Int = 20) -> [DatasetError] {
        do throws(DatasetError) {
            return parseNumbers(try requireColumn(name), limit: limit).errors
        } catch {
            return [error]
        }
    }

    /// The values of `name` as numbers, or `nil` after appending every problem (up to `limit` rows)
    /// to `log`, so a check can report all bad rows of all variables before the build stops.
    public func numbers(_ name: String, log: inout DiagnosticLog, limit: Int = 20) -> [Double?]? {
        let column: Column
        do throws(DatasetError) {
            column = try requireColumn(name)
        } catch {
            log.append(error.diagnostic)
            return nil
        }
        let parsed = parseNumbers(column, limit: limit)
        guard parsed.errors.isEmpty else {
            log.append(contentsOf: parsed.errors.map(\.diagnostic))
            return nil
        }
        return parsed.values
    }

    private func parseNumbers(_ column: Column, limit: Int) -> (values: [Double?], errors: [DatasetError]) {
        guard case .text(let texts) = column.values else {
            guard case .numeric(let numbers) = column.values else { return ([], []) }
            return (numbers, [])
        }
        var values: [Double?] = []
        values.reserveCapacity(texts.count)
        var errors: [DatasetError] = []
        var badCount = 0
        for (row, text) in texts.enumerated() {
            guard let text, !NumberText.isBlank(text[...]) else {
                values.append(nil)
                continue
            }
            if let number = NumberText.parse(text[...]) {
                values.append(number)
                continue
            }
            values.append(nil)
            badCount += 1
            if errors.count < limit { errors.append(notANumber(column.name, text, row: row)) }
        }
        if badCount > errors.count, !errors.isEmpty {
            errors[errors.count - 1].notes.append(
                "\(badCount - errors.count) more values of \(column.name) are not numbers (not listed)")
        }
        return (values, errors)
    }

    private func notANumber(_ variable: String, _ text: String, row: Int) -> DatasetError {
        var notes: [String] = []
        let trimmed = text.trimmingCharacters(in: " \t")
        if ["NA", "NAN", ".", "NULL", "MISSING"].contains(trimmed.uppercased()) {
            notes.append("write missing values as empty fields (R: write.csv(..., na = \"\"))")
        } else if trimmed.contains(","), NumberText.parse(Substring(trimmed.replacingAll(",", with: "."))) != nil {
            notes.append("use a decimal point, not a decimal comma")
        }
        return DatasetError(
            "data.value.not-a-number", at: location(ofRow: row),
            "\(variable) is not a number", variable: variable, value: text, expected: "a number", notes: notes)
    }

    /// A present name within edit distance 2 of `name` (ignoring case), for "did you mean".
    private func closestName(to name: String) -> String? {
        let target = Array(name.uppercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in columnNames {
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
