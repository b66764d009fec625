public import ReadoutCore
public import ReadoutData

/// Records of a dataset whose USUBJID is not in ADSL, reported as one warning: the first such record's
/// file and line and USUBJID, how many records and distinct subjects in all, and a few of the other
/// identifiers — for a reconciliation finding that does not stop the report (ADAE), where the records
/// are accounted for in the output instead.
public enum UnknownSubjects {
    /// Identifiers named in the warning's note besides the first.
    static let listed = 5

    /// - Parameters:
    ///   - subjectOfRow: the subject of each row (``SubjectIndex/subjects(of:)``).
    ///   - firstRow: the first row with ``SubjectIndex/unknownID``.
    ///   - count: rows with ``SubjectIndex/unknownID`` in all.
    public static func warning(dataset: Dataset, subjectOfRow: [Int32], firstRow: Int, count: Int) -> Diagnostic {
        let name = dataset.name.uppercased()
        let column = dataset.column("USUBJID")
        var seen: Set<String> = []
        var order: [String] = []
        for row in firstRow..<subjectOfRow.count where subjectOfRow[row] == SubjectIndex.unknownID {
            let id = column?.text(at: row) ?? ""
            if seen.insert(id).inserted { order.append(id) }
        }
        let records = count == 1 ? "1 \(name) record" : "\(count) \(name) records"
        let subjects = order.count == 1 ? "1 subject" : "\(order.count) subjects"
        var notes: [String] = []
        if order.count > 1 {
            let others = order.dropFirst().prefix(listed).joined(separator: ", ")
            notes.append("other subjects not in ADSL: \(others)\(order.count - 1 > listed ? ", …" : "")")
        }
        notes.append("these records are not counted; the report's footnote accounts for them (subject not in ADSL)")
        return Diagnostic(.warning, "data.adae.unknown-subject", at: dataset.location(ofRow: firstRow),
                          "\(records) of \(subjects) not in ADSL", variable: "USUBJID", value: order.first,
                          expected: "a USUBJID present in ADSL", notes: notes)
    }
}
