public import ReadoutCore
public import ReadoutData

/// The subjects of a trial: ADSL rows, with USUBJID interned once. Subject `i` is ADSL row `i`; other
/// datasets are joined by mapping each distinct USUBJID to a subject once, then an array lookup per row.
public struct SubjectIndex: Sendable {
    /// A row whose USUBJID is missing.
    public static let missingID: Int32 = -1
    /// A row whose USUBJID is not in ADSL.
    public static let unknownID: Int32 = -2

    public let adsl: Dataset
    /// USUBJID per subject, dictionary-encoded.
    public let ids: TextColumn
    /// USUBJID text → its code in ``ids`` (by bytes), and code → subject.
    private let lookup: TextLookup
    private let subjectOfCode: [Int32]

    /// - Throws: `data.dataset.no-rows` for an empty ADSL (the one root cause, not a cascade of unknown
    ///   subjects), `data.column.missing`, `data.adsl.missing-usubjid`, `data.adsl.duplicate-subject`.
    public init(adsl: Dataset) throws(DiagnosticsError) {
        self.adsl = adsl
        guard adsl.rowCount > 0 else {
            throw DiagnosticsError([Diagnostic(.error, "data.dataset.no-rows", at: SourceLocation(file: adsl.source),
                                               "\(adsl.name) has no rows", expected: "one row per subject")])
        }
        let ids = try adsl.textColumn("USUBJID")
        var subjectOfCode = [Int32](repeating: -1, count: ids.dictionary.count)
        var problems = ProblemDigest()
        for (row, code) in ids.codes.enumerated() {
            guard code >= 0 else {
                problems.append(Diagnostic(.error, "data.adsl.missing-usubjid", at: adsl.location(ofRow: row),
                                           "USUBJID is missing", variable: "USUBJID", expected: "a subject identifier"))
                continue
            }
            if subjectOfCode[Int(code)] >= 0 {
                problems.append(Diagnostic(.error, "data.adsl.duplicate-subject", at: adsl.location(ofRow: row),
                                           "subject appears twice in ADSL", variable: "USUBJID", value: ids.dictionary[Int(code)],
                                           expected: "one row per subject"))
            } else {
                subjectOfCode[Int(code)] = Int32(row)
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems.result) }
        self.ids = ids
        self.lookup = TextLookup(ids)
        self.subjectOfCode = subjectOfCode
    }

    /// Number of subjects.
    public var count: Int { adsl.rowCount }

    /// The subject (ADSL row) of `id`.
    public func row(of id: String) -> Int? { lookup.code(of: id).map { Int(subjectOfCode[Int($0)]) } }

    /// The subject of each row of `dataset` through its USUBJID: a subject index, ``missingID`` or ``unknownID``.
    /// - Throws: `data.column.missing`.
    public func subjects(of dataset: Dataset) throws(DiagnosticsError) -> [Int32] {
        let column = try dataset.textColumn("USUBJID")
        if column.isKeyed(to: ids) {
            // Read against ADSL's identifiers (`CSVReader` `keys:`): codes below `known` are ADSL's codes,
            // the others values not in ADSL.
            let known = Int32(ids.dictionary.count)
            return subjectOfCode.withUnsafeBufferPointer { subjectOfCode in
                column.codes.map { $0 < 0 ? Self.missingID : $0 < known ? subjectOfCode[Int($0)] : Self.unknownID }
            }
        }
        let subjectOfOtherCode = lookup.codes(of: column).map { $0 < 0 ? Self.unknownID : subjectOfCode[Int($0)] }
        return column.codes.map { $0 < 0 ? Self.missingID : subjectOfOtherCode[Int($0)] }
    }

    /// Subjects whose every flag is "Y" (an ADaM population flag).
    public func rows(withFlags flags: [String]) throws(DiagnosticsError) -> Bitset {
        var selected = Bitset(count: count, value: true)
        for flag in flags {
            let values = try adsl.textColumn(flag)
            let yes = values.code(of: "Y") ?? -2
            for row in 0..<count where values.codes[row] != yes { selected.remove(row) }
        }
        return selected
    }
}
