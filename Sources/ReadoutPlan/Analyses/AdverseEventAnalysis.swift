public import ReadoutCore
import ReadoutData

/// Adverse events by SOC and preferred term and by worst CTCAE grade, over the safety population.
/// A subject counts once per row at their worst grade; rows are ordered by descending total
/// frequency, then alphabetically.
public enum AdverseEventAnalysis {
    public static func run(_ context: TrialContext, endpoint: AdverseEventsEndpoint) throws(DiagnosticsError) -> AdverseEventSummary {
        let variables = endpoint.adverseEvents
        let adae = try context.dataset(endpoint.header.dataset, field: "endpoints[\(endpoint.header.id)].dataset")
        let rows = try context.armRows(endpoint.header.population)
        let k = context.arms.count
        // Arm per subject of the population, -1 outside it.
        var armOfSubject = [Int32](repeating: -1, count: context.subjects.count)
        for row in rows { armOfSubject[row] = context.armOfSubject[row] }
        let denominators = context.arms.indices.map { a in rows.lazy.filter { Int(context.armOfSubject[$0]) == a }.count }

        let subjectOfRow = try context.subjects(of: adae, name: endpoint.header.dataset)
        let terms = try adae.textColumn(variables.term)
        let socs = try adae.textColumn(variables.systemOrganClass)
        let grades = try adae.textColumn(variables.grade)
        let window = try variables.windowFlag.map { (name) throws(DiagnosticsError) in try adae.textColumn(name) }
        let serious = try variables.serious.map { (name) throws(DiagnosticsError) in try adae.textColumn(name) }
        let windowYes = window?.code(of: "Y") ?? -2, seriousYes = serious?.code(of: "Y") ?? -2
        // Grade per grade code, parsed once per distinct value: 1…5, or nil when not a grade.
        let gradeOfCode: [Int?] = grades.dictionary.map { text in Int(text).flatMap { (1...5).contains($0) ? $0 : nil } }
        // A missing term or SOC reads "Uncoded", the same row as a value written "Uncoded".
        func names(_ column: TextColumn) -> (names: [String], codeOf: (Int32) -> Int) {
            var names = column.dictionary
            let uncoded = names.firstIndex(of: "Uncoded") ?? { names.append("Uncoded"); return names.count - 1 }()
            return (names, { $0 < 0 ? uncoded : Int($0) })
        }
        let (termNames, termCode) = names(terms)
        let (socNames, socCode) = names(socs)

        // Row keys: 0 overall, 1 + soc, then one per (soc, term) pair in order of appearance.
        var pairKey: [Int: Int] = [:]
        var pairs: [(soc: Int, term: Int)] = []
        // Worst grade (0 = missing) and seriousness per (key, subject), as packed entries sorted below.
        var entries: [UInt64] = []
        entries.reserveCapacity(adae.rowCount * 3)
        var problems = ProblemDigest()
        var excluded = 0, missingGrade = 0
        for row in 0..<adae.rowCount {
            let subject = subjectOfRow[row]
            guard subject != SubjectIndex.missingID else { continue }
            guard subject >= 0 else {
                problems.append(Diagnostic(.error, "data.adae.unknown-subject", at: adae.location(ofRow: row),
                                           "subject is not in ADSL", variable: "USUBJID", value: adae.column("USUBJID")?.text(at: row),
                                           expected: "a USUBJID present in ADSL"))
                continue
            }
            guard armOfSubject[Int(subject)] >= 0 else { continue }
            if window != nil, window?.codes[row] != windowYes { excluded += 1; continue }
            var grade = 0
            let gradeCode = grades.codes[row]
            if gradeCode >= 0 {
                guard let g = gradeOfCode[Int(gradeCode)] else {
                    problems.append(Diagnostic(.error, "data.adae.grade-range", at: adae.location(ofRow: row),
                                               "CTCAE grade must be 1 to 5", variable: variables.grade, value: grades[row],
                                               expected: "1, 2, 3, 4 or 5"))
                    continue
                }
                grade = g
            } else {
                missingGrade += 1
            }
            let soc = socCode(socs.codes[row]), term = termCode(terms.codes[row])
            let pair = soc << 32 | term
            let pairIndex: Int
            if let known = pairKey[pair] { pairIndex = known } else {
                pairIndex = pairs.count
                pairKey[pair] = pairIndex
                pairs.append((soc, term))
            }
            let isSerious: UInt64 = serious != nil && serious?.codes[row] == seriousYes ? 1 : 0
            let low = UInt64(UInt32(subject)) << 4 | UInt64(grade) << 1 | isSerious
            for key in [0, 1 + soc, 1 + socNames.count + pairIndex] { entries.append(UInt64(key) << 36 | low) }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems.result) }

        // Sorted entries group by (key, subject): the last of a group has the worst grade.
        entries.sort()
        let keyCount = 1 + socNames.count + pairs.count
        func emptyCounts() -> AECounts {
            AECounts(anyGrade: .init(repeating: 0, count: k), grade1to2: .init(repeating: 0, count: k),
                     grade3to4: .init(repeating: 0, count: k), grade5: .init(repeating: 0, count: k),
                     grade3OrHigher: .init(repeating: 0, count: k), serious: .init(repeating: 0, count: k))
        }
        var table = [AECounts?](repeating: nil, count: keyCount)
        var i = 0
        while i < entries.count {
            let group = entries[i] >> 4
            var worst = 0, anySerious = false
            while i < entries.count, entries[i] >> 4 == group {
                worst = max(worst, Int(entries[i] >> 1 & 0x7))
                anySerious = anySerious || entries[i] & 1 == 1
                i += 1
            }
            let key = Int(group >> 32), subject = Int(group & 0xFFFF_FFFF)
            let a = Int(armOfSubject[subject])
            var c = table[key] ?? emptyCounts()
            c.anyGrade[a] += 1
            switch worst {
            case 1, 2: c.grade1to2[a] += 1
            case 3, 4: c.grade3to4[a] += 1; c.grade3OrHigher[a] += 1
            case 5: c.grade5[a] += 1; c.grade3OrHigher[a] += 1
            default: break
            }
            if anySerious { c.serious[a] += 1 }
            table[key] = c
        }
        func counts(_ key: Int) -> AECounts { table[key] ?? emptyCounts() }

        func byFrequency(_ a: (String, AECounts), _ b: (String, AECounts)) -> Bool {
            let ta = a.1.anyGrade.reduce(0, +), tb = b.1.anyGrade.reduce(0, +)
            return ta != tb ? ta > tb : a.0 < b.0
        }
        let socRows = socNames.indices.filter { table[1 + $0] != nil }.map { (socNames[$0], counts(1 + $0)) }
            .sorted(by: byFrequency).map { soc, socCounts in
                let termRows = pairs.indices.filter { socNames[pairs[$0].soc] == soc }
                    .map { (termNames[pairs[$0].term], counts(1 + socNames.count + $0)) }
                    .sorted(by: byFrequency)
                    .map { TermRow(term: $0.0, counts: $0.1) }
                return SystemOrganClassRows(systemOrganClass: soc, counts: socCounts, terms: termRows)
            }
        return AdverseEventSummary(window: variables.windowDescription,
                                   arms: context.arms.indices.map { ArmCount(arm: context.arms[$0], n: denominators[$0]) },
                                   overall: counts(0), systemOrganClasses: socRows,
                                   excludedOutsideWindow: excluded, missingGrade: missingGrade)
    }
}
