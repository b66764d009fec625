public import ReadoutCore
import ReadoutData

/// Adverse events by SOC and preferred term and by worst CTCAE grade, over the safety population by
/// actual treatment (`SafetyArm`). A subject counts once per row at their worst grade (chevron `aet04`
/// convention); rows are ordered by descending total frequency, then alphabetically. Every ADAE record
/// is either counted or accounted for by reason (`AERecordExclusion`); records of subjects not in ADSL
/// are a reconciliation finding: accounted for by that reason and reported as one warning
/// (`data.adae.unknown-subject`), not a reason to have no report.
///
/// Linear and array-based: one pass classifies each record on integer codes (subject, term, SOC, grade),
/// a counting sort groups the counted records by subject, and one pass per subject keeps the worst grade
/// per row key in a small state array reset through its touched list — no sorting of records and no
/// per-record dictionary.
public enum AdverseEventAnalysis {
    /// Per (row key, subject) state bits: worst grade 0–5 (0 = missing), then serious, withdrawn, related,
    /// severe (at `severity.severeFrom` or worse), touched.
    private static let seriousBit: UInt8 = 1 << 3, withdrawnBit: UInt8 = 1 << 4, relatedBit: UInt8 = 1 << 5, severeBit: UInt8 = 1 << 6
    private static let touchedBit: UInt8 = 1 << 7
    private static let flagBits = seriousBit | withdrawnBit | relatedBit | severeBit

    public static func run(_ context: TrialContext, endpoint: AdverseEventsEndpoint,
                           warnings: inout [Diagnostic]) throws(DiagnosticsError) -> AdverseEventSummary {
        let variables = endpoint.adverseEvents
        let population = endpoint.header.population
        let adae = try context.dataset(endpoint.header.dataset, field: "endpoints[\(endpoint.header.id)].dataset")
        let (armOf, armVariable) = context.analysisArms(population)
        let rows = try context.armRows(population, armOfSubject: armOf, variable: armVariable)
        let k = context.arms.count
        // Arm per subject of the population, -1 outside it.
        var armOfSubject = [Int32](repeating: -1, count: context.subjects.count)
        var denominators = [Int](repeating: 0, count: k)
        for row in rows {
            armOfSubject[row] = armOf[row]
            denominators[Int(armOf[row])] += 1
        }

        let subjectOfRow = try context.subjects(of: adae, name: endpoint.header.dataset)
        let terms = try adae.textColumn(variables.term)
        let socs = try adae.textColumn(variables.systemOrganClass)
        // Without a grade variable every event is ungraded (code -1): counted under any event only.
        let grades = try variables.grade.map { (name) throws(DiagnosticsError) in try adae.textColumn(name) }
            ?? TextColumn(codes: [Int32](repeating: TextColumn.missingCode, count: adae.rowCount), dictionary: [])
        let window = try variables.windowFlag.map { (name) throws(DiagnosticsError) in try adae.textColumn(name) }
        let serious = try variables.serious.map { (name) throws(DiagnosticsError) in try adae.textColumn(name) }
        // Found by default only when the column holds a value (a blank AEACN gives no row of zeros).
        func present(_ name: String) -> Bool { ((try? adae.textColumn(name))?.dictionary.isEmpty ?? true) == false }
        let actionVariable = variables.actionTaken ?? (present("AEACN") ? "AEACN" : nil)
        let relationshipVariable = variables.relationship ?? ["AEREL", "AREL"].first(where: present)
        let action = try actionVariable.map { (name) throws(DiagnosticsError) in try adae.textColumn(name) }
        let relationship = try relationshipVariable.map { (name) throws(DiagnosticsError) in try adae.textColumn(name) }
        let windowYes = window?.code(of: "Y") ?? -2, seriousYes = serious?.code(of: "Y") ?? -2
        let withdrawn = action?.code(of: "DRUG WITHDRAWN") ?? -2
        let notRelated = Set((variables.notRelatedValues ?? AdverseEventVariables.defaultNotRelated).map { $0.uppercased() })
        // Per relationship code: related or not, decided once per distinct value.
        let relatedOfCode: [Bool] = relationship?.dictionary.map { !notRelated.contains($0.uppercased()) } ?? []
        // Grade per grade code, parsed once per distinct value: 1…5, or 0 when not a grade.
        let gradeOfCode: [UInt8] = grades.dictionary.map { text in Int(text).flatMap { (1...5).contains($0) ? UInt8($0) : nil } ?? 0 }
        // A missing term or SOC reads "Uncoded", the same row as a value written "Uncoded".
        func names(_ column: TextColumn) -> (names: [String], uncoded: Int32) {
            var names = column.dictionary
            let uncoded = names.firstIndex(of: "Uncoded") ?? { names.append("Uncoded"); return names.count - 1 }()
            return (names, Int32(uncoded))
        }
        // Severity per code, decided once per distinct value: severe or not, nil when not a level of the scale.
        let scale = variables.severity
        let severity = try scale.map { (scale) throws(DiagnosticsError) in try adae.textColumn(scale.variable) }
        let severeOfCode: [Bool?] = scale.map { scale in
            let from = scale.levels.firstIndex(of: scale.severeFrom) ?? scale.levels.count
            return severity!.dictionary.map { value in scale.levels.firstIndex(of: value).map { $0 >= from } }
        } ?? []
        let (termNames, uncodedTerm) = names(terms)
        let (socNames, uncodedSOC) = names(socs)

        // Pass 1: classify every record; intern (SOC, term) pairs through the term code (a term has one
        // SOC in coded data; a term seen under a second SOC falls back to a dictionary of pairs).
        var pairOfTerm = [Int32](repeating: -1, count: termNames.count)
        var otherPairs: [Int: Int32] = [:]
        var pairSOC: [Int32] = [], pairTerm: [Int32] = []
        var pairOfRow = [Int32](repeating: -1, count: adae.rowCount)
        var recordsOfSubject = [Int32](repeating: 0, count: context.subjects.count + 1)
        var problems = ProblemDigest()
        var missingSubject = 0, unknownSubject = 0, outsidePopulation = 0, outsideWindow = 0, missingGrade = 0, missingSeverity = 0
        var firstUnknownRow: Int?
        for row in 0..<adae.rowCount {
            let subject = subjectOfRow[row]
            guard subject != SubjectIndex.missingID else { missingSubject += 1; continue }
            guard subject >= 0 else {
                unknownSubject += 1
                if firstUnknownRow == nil { firstUnknownRow = row }
                continue
            }
            guard armOfSubject[Int(subject)] >= 0 else { outsidePopulation += 1; continue }
            if let window, window.codes[row] != windowYes { outsideWindow += 1; continue }
            let gradeCode = grades.codes[row]
            if gradeCode < 0 {
                if variables.grade != nil { missingGrade += 1 }
            } else if gradeOfCode[Int(gradeCode)] == 0 {
                problems.append(Diagnostic(.error, "data.adae.grade-range", at: adae.location(ofRow: row),
                                           "CTCAE grade must be 1 to 5", variable: variables.grade ?? "", value: grades[row],
                                           expected: "1, 2, 3, 4 or 5"))
                continue
            }
            if let severity, let scale {
                let code = severity.codes[row]
                if code < 0 {
                    missingSeverity += 1
                } else if severeOfCode[Int(code)] == nil {
                    problems.append(Diagnostic(.error, "data.adae.severity-value", at: adae.location(ofRow: row),
                                               "the severity is not a level of the plan's severity scale", variable: scale.variable,
                                               value: severity[row], expected: "one of \(scale.levels.joined(separator: ", ")) or empty"))
                    continue
                }
            }
            let termCode = terms.codes[row] < 0 ? uncodedTerm : terms.codes[row]
            let socCode = socs.codes[row] < 0 ? uncodedSOC : socs.codes[row]
            var pair = pairOfTerm[Int(termCode)]
            if pair < 0 {
                pair = Int32(pairSOC.count)
                pairOfTerm[Int(termCode)] = pair
                pairSOC.append(socCode); pairTerm.append(termCode)
            } else if pairSOC[Int(pair)] != socCode {
                let key = Int(socCode) << 32 | Int(termCode)
                if let known = otherPairs[key] { pair = known } else {
                    pair = Int32(pairSOC.count)
                    otherPairs[key] = pair
                    pairSOC.append(socCode); pairTerm.append(termCode)
                }
            }
            pairOfRow[row] = pair
            recordsOfSubject[Int(subject) + 1] += 1
        }
        if !problems.isEmpty { throw DiagnosticsError(problems.result) }
        if let row = firstUnknownRow {
            warnings.append(UnknownSubjects.warning(dataset: adae, subjectOfRow: subjectOfRow, firstRow: row, count: unknownSubject))
        }

        // Counting sort of the counted records by subject.
        for s in 0..<context.subjects.count { recordsOfSubject[s + 1] += recordsOfSubject[s] }
        var next = recordsOfSubject
        var order = [Int32](repeating: 0, count: Int(recordsOfSubject[context.subjects.count]))
        for row in 0..<adae.rowCount where pairOfRow[row] >= 0 {
            let s = Int(subjectOfRow[row])
            order[Int(next[s])] = Int32(row)
            next[s] += 1
        }

        // Pass 2: per subject, the worst grade and flags per row key (0 overall, 1 + SOC, then pairs),
        // added to the counts of the subject's arm.
        let socKeys = socNames.count, keyCount = 1 + socKeys + pairSOC.count
        var state = [UInt8](repeating: 0, count: keyCount)
        var touched: [Int] = []
        var anyGrade = [Int](repeating: 0, count: keyCount * k), grade1to2 = anyGrade, grade3to4 = anyGrade, grade5 = anyGrade
        var seriousCount = anyGrade, severeCount = anyGrade
        var withdrawnCount = [Int](repeating: 0, count: k), relatedCount = [Int](repeating: 0, count: k)
        var subjectsOfKey = [Int](repeating: 0, count: keyCount)
        for s in 0..<context.subjects.count where recordsOfSubject[s + 1] > recordsOfSubject[s] {
            let a = Int(armOfSubject[s])
            for i in Int(recordsOfSubject[s])..<Int(recordsOfSubject[s + 1]) {
                let row = Int(order[i])
                let gradeCode = grades.codes[row]
                var bits: UInt8 = gradeCode < 0 ? 0 : gradeOfCode[Int(gradeCode)]
                if serious?.codes[row] == seriousYes { bits |= seriousBit }
                if action?.codes[row] == withdrawn { bits |= withdrawnBit }
                if let relationship, relationship.codes[row] >= 0, relatedOfCode[Int(relationship.codes[row])] { bits |= relatedBit }
                if let severity, severity.codes[row] >= 0, severeOfCode[Int(severity.codes[row])] == true { bits |= severeBit }
                let pair = Int(pairOfRow[row])
                // The record counts under any event, its SOC and its (SOC, term) pair (three keys, no array per record).
                @inline(__always) func mark(_ key: Int) {
                    let old = state[key]
                    if old == 0 { touched.append(key) }
                    state[key] = touchedBit | max(old & 7, bits & 7) | ((old | bits) & flagBits)
                }
                mark(0)
                mark(1 + Int(pairSOC[pair]))
                mark(1 + socKeys + pair)
            }
            for key in touched {
                let bits = state[key], grade = bits & 7, cell = key * k + a
                state[key] = 0
                subjectsOfKey[key] += 1
                anyGrade[cell] += 1
                switch grade {
                case 1, 2: grade1to2[cell] += 1
                case 3, 4: grade3to4[cell] += 1
                case 5: grade5[cell] += 1
                default: break
                }
                if bits & seriousBit != 0 { seriousCount[cell] += 1 }
                if bits & severeBit != 0 { severeCount[cell] += 1 }
                if key == 0 {
                    if bits & withdrawnBit != 0 { withdrawnCount[a] += 1 }
                    if bits & relatedBit != 0 { relatedCount[a] += 1 }
                }
            }
            touched.removeAll(keepingCapacity: true)
        }
        func counts(_ key: Int) -> AECounts {
            let range = key * k..<(key + 1) * k
            let g34 = Array(grade3to4[range]), g5 = Array(grade5[range])
            return AECounts(anyGrade: Array(anyGrade[range]), grade1to2: Array(grade1to2[range]), grade3to4: g34, grade5: g5,
                            grade3OrHigher: zip(g34, g5).map { $0 + $1 }, serious: Array(seriousCount[range]),
                            severe: scale == nil ? nil : Array(severeCount[range]))
        }

        func byFrequency(_ a: (String, AECounts), _ b: (String, AECounts)) -> Bool {
            let ta = a.1.anyGrade.reduce(0, +), tb = b.1.anyGrade.reduce(0, +)
            return ta != tb ? ta > tb : a.0 < b.0
        }
        var pairsOfSOC = [[Int]](repeating: [], count: socKeys)
        for pair in pairSOC.indices where subjectsOfKey[1 + socKeys + pair] > 0 { pairsOfSOC[Int(pairSOC[pair])].append(pair) }
        let socRows = (0..<socKeys).filter { subjectsOfKey[1 + $0] > 0 }.map { (socNames[$0], counts(1 + $0), $0) }
            .sorted { byFrequency(($0.0, $0.1), ($1.0, $1.1)) }.map { soc, socCounts, socCode in
                let termRows = pairsOfSOC[socCode].map { (termNames[Int(pairTerm[$0])], counts(1 + socKeys + $0)) }
                    .sorted(by: byFrequency)
                    .map { TermRow(term: $0.0, counts: $0.1) }
                return SystemOrganClassRows(systemOrganClass: soc, counts: socCounts, terms: termRows)
            }
        let notCounted = [
            AERecordExclusion(reason: .outsidePopulation, count: outsidePopulation),
            AERecordExclusion(reason: .outsideWindow, count: outsideWindow),
            AERecordExclusion(reason: .missingSubject, count: missingSubject),
            AERecordExclusion(reason: .unknownSubject, count: unknownSubject),
        ].filter { $0.count > 0 }
        return AdverseEventSummary(window: variables.windowDescription,
                                   arms: context.arms.indices.map { ArmCount(arm: context.arms[$0], n: denominators[$0]) },
                                   overall: counts(0), systemOrganClasses: socRows,
                                   excludedOutsideWindow: outsideWindow, missingGrade: missingGrade,
                                   armVariable: armVariable, byActualTreatment: !context.safetyArm.fellBack,
                                   records: adae.rowCount, counted: order.count, notCounted: notCounted,
                                   gradeVariable: variables.grade, windowFlag: variables.windowFlag,
                                   actionVariable: actionVariable, leadingToDiscontinuation: action == nil ? nil : withdrawnCount,
                                   relationshipVariable: relationshipVariable, related: relationship == nil ? nil : relatedCount,
                                   severity: scale.map { AESeverityScale(variable: $0.variable, levels: $0.levels, severeFrom: $0.severeFrom,
                                                                         label: $0.label, missing: missingSeverity) })
    }
}
