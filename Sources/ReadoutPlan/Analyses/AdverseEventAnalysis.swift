public import ReadoutCore

/// Adverse events by SOC and preferred term and by worst CTCAE grade, over the safety population.
/// A subject counts once per row at their worst grade; rows are ordered by descending total
/// frequency, then alphabetically.
public enum AdverseEventAnalysis {
    public static func run(_ context: TrialContext, endpoint: AdverseEventsEndpoint) throws(DiagnosticsError) -> AdverseEventSummary {
        let variables = endpoint.adverseEvents
        let adae = try context.dataset(endpoint.header.dataset, field: "endpoints[\(endpoint.header.id)].dataset")
        let rows = try context.armRows(endpoint.header.population)
        let k = context.arms.count
        var armOfSubject: [String: Int] = [:]
        for row in rows { if let id = context.subjects.ids[row] { armOfSubject[id] = context.armOfRow[row]! } }
        let denominators = context.arms.indices.map { a in rows.lazy.filter { context.armOfRow[$0] == a }.count }

        let ids = try adae.textColumn("USUBJID")
        let terms = try adae.textColumn(variables.term)
        let socs = try adae.textColumn(variables.systemOrganClass)
        let grades = try adae.textColumn(variables.grade)
        let window = try variables.windowFlag.map { (name) throws(DiagnosticsError) in try adae.textColumn(name) }
        let serious = try variables.serious.map { (name) throws(DiagnosticsError) in try adae.textColumn(name) }

        // Worst grade per (subject, row key); 0 = grade missing. Keys: "" overall, "soc", "soc\u{1}term".
        var worst: [String: [String: Int]] = [:]
        var seriousSubjects: [String: Set<String>] = [:]
        var log = DiagnosticLog()
        var excluded = 0, missingGrade = 0
        for row in 0..<adae.rowCount {
            guard let id = ids[row] else { continue }
            guard armOfSubject[id] != nil else {
                if context.subjects.row(of: id) == nil {
                    log.append(Diagnostic(.error, "data.adae.unknown-subject", at: adae.location(ofRow: row),
                                          "subject is not in ADSL", variable: "USUBJID", value: id, expected: "a USUBJID present in ADSL"))
                }
                continue
            }
            if let window, window[row] != "Y" { excluded += 1; continue }
            let term = terms[row] ?? "Uncoded", soc = socs[row] ?? "Uncoded"
            var grade = 0
            if let text = grades[row] {
                if let g = Int(text), (1...5).contains(g) { grade = g } else {
                    log.append(Diagnostic(.error, "data.adae.grade-range", at: adae.location(ofRow: row),
                                          "CTCAE grade must be 1 to 5", variable: variables.grade, value: text, expected: "1, 2, 3, 4 or 5"))
                    continue
                }
            } else {
                missingGrade += 1
            }
            for key in ["", soc, soc + "\u{1}" + term] {
                worst[key, default: [:]][id] = max(worst[key]?[id] ?? 0, grade)
                if serious?[row] == "Y" { seriousSubjects[key, default: []].insert(id) }
            }
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }

        func counts(_ key: String) -> AECounts {
            var c = AECounts(anyGrade: .init(repeating: 0, count: k), grade1to2: .init(repeating: 0, count: k),
                             grade3to4: .init(repeating: 0, count: k), grade5: .init(repeating: 0, count: k),
                             grade3OrHigher: .init(repeating: 0, count: k), serious: .init(repeating: 0, count: k))
            for (id, grade) in worst[key] ?? [:] {
                let a = armOfSubject[id]!
                c.anyGrade[a] += 1
                switch grade {
                case 1, 2: c.grade1to2[a] += 1
                case 3, 4: c.grade3to4[a] += 1; c.grade3OrHigher[a] += 1
                case 5: c.grade5[a] += 1; c.grade3OrHigher[a] += 1
                default: break
                }
            }
            for id in seriousSubjects[key] ?? [] { c.serious[armOfSubject[id]!] += 1 }
            return c
        }
        func byFrequency(_ a: (String, AECounts), _ b: (String, AECounts)) -> Bool {
            let ta = a.1.anyGrade.reduce(0, +), tb = b.1.anyGrade.reduce(0, +)
            return ta != tb ? ta > tb : a.0 < b.0
        }
        let socNames = Set(worst.keys.filter { !$0.isEmpty && !$0.contains("\u{1}") })
        let socRows = socNames.map { ($0, counts($0)) }.sorted(by: byFrequency).map { soc, socCounts in
            let prefix = soc + "\u{1}"
            let termRows = worst.keys.filter { $0.hasPrefix(prefix) }
                .map { (String($0.dropFirst(prefix.count)), counts($0)) }
                .sorted(by: byFrequency)
                .map { TermRow(term: $0.0, counts: $0.1) }
            return SystemOrganClassRows(systemOrganClass: soc, counts: socCounts, terms: termRows)
        }
        return AdverseEventSummary(window: variables.windowDescription,
                                   arms: context.arms.indices.map { ArmCount(arm: context.arms[$0], n: denominators[$0]) },
                                   overall: counts(""), systemOrganClasses: socRows,
                                   excludedOutsideWindow: excluded, missingGrade: missingGrade)
    }
}
