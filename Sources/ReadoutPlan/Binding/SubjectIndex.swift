public import ReadoutCore
public import ReadoutData

/// ADSL rows by USUBJID, with diagnostics for duplicates and missing ids.
public struct SubjectIndex: Sendable {
    public let adsl: Dataset
    public let ids: [String?]
    private let rowOf: [String: Int]

    public init(adsl: Dataset) throws(DiagnosticsError) {
        self.adsl = adsl
        let ids = try adsl.textColumn("USUBJID")
        var rowOf: [String: Int] = [:]
        var log = DiagnosticLog()
        for (row, id) in ids.enumerated() {
            guard let id else {
                log.append(Diagnostic(.error, "data.adsl.missing-usubjid", at: adsl.location(ofRow: row),
                                      "USUBJID is missing", variable: "USUBJID", expected: "a subject identifier"))
                continue
            }
            if rowOf[id] != nil {
                log.append(Diagnostic(.error, "data.adsl.duplicate-subject", at: adsl.location(ofRow: row),
                                      "subject appears twice in ADSL", variable: "USUBJID", value: id, expected: "one row per subject"))
            } else {
                rowOf[id] = row
            }
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
        self.ids = ids
        self.rowOf = rowOf
    }

    public func row(of id: String) -> Int? { rowOf[id] }

    /// Rows whose every flag is "Y" (an ADaM population flag).
    public func rows(withFlags flags: [String]) throws(DiagnosticsError) -> [Bool] {
        var selected = [Bool](repeating: true, count: adsl.rowCount)
        for flag in flags {
            let values = try adsl.textColumn(flag)
            for row in values.indices where values[row] != "Y" { selected[row] = false }
        }
        return selected
    }
}
