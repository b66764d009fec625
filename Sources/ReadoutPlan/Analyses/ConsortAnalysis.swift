public import ReadoutCore
public import ReadoutData

/// CONSORT 2010 flow counts (Schulz et al., BMJ 2010;340:c332, Figure 1): screened, not randomized (by
/// reason), allocated per arm, each later stage per arm (a stage may belong to some arms only) with the
/// reasons subjects did not reach it, follow-up (lost, discontinued with reasons) and analysis
/// (analysed per population, excluded with reasons). Every box reconciles with the one above it —
/// each subject there is counted in it or in its side box — or the analysis fails with
/// `data.consort.unreconciled` naming the box and the numbers.
public enum ConsortAnalysis {
    public static func run(_ context: TrialContext) throws(DiagnosticsError) -> ConsortSummary {
        let settings = context.plan.consort
        let adsl = context.subjects.adsl
        let screened = context.population(settings.screened)
        let randomized = context.population(settings.randomized)
        var problems = ProblemDigest()
        func unreconciled(_ box: String, _ message: String, value: String) {
            problems.append(Diagnostic(.error, "data.consort.unreconciled", at: SourceLocation(file: adsl.source),
                                       "CONSORT box '\(box)' does not reconcile: \(message)", variable: box, value: value,
                                       expected: "every subject of a box counted in the next box or in its side box"))
        }
        let failReasons = try adsl.textColumn(settings.screenFailureReason)
        var reasonCounts = [Int](repeating: 0, count: failReasons.dictionary.count + 1)
        var notRandomized = 0, randomizedUnscreened = 0
        for row in screened.indices where !randomized[row] {
            notRandomized += 1
            let code = failReasons.codes[row]
            reasonCounts[code < 0 ? failReasons.dictionary.count : Int(code)] += 1
        }
        for row in randomized.indices where !screened[row] { randomizedUnscreened += 1 }
        if randomizedUnscreened > 0 {
            unreconciled("Randomized", "\(randomizedUnscreened) randomized subject(s) are not among the \(screened.cardinality) assessed for eligibility",
                         value: "\(randomized.cardinality)")
        }
        let reasons = Self.tally(reasonCounts, failReasons)
        let randomizedRows = try context.armRows(settings.randomized)
        let stageMembers = try settings.stages.map { (stage) throws(DiagnosticsError) in try context.subjects.rows(withFlags: stage.flags) }
        let stageReasons = try settings.stages.map { (stage) throws(DiagnosticsError) in
            try stage.reason.map { (name) throws(DiagnosticsError) in try adsl.textColumn(name) }
        }
        let analysisMembers = (settings.analysis ?? []).map { context.population($0.population) }
        let analysisReasons = try (settings.analysis ?? []).map { (box) throws(DiagnosticsError) in
            try box.reason.map { (name) throws(DiagnosticsError) in try adsl.textColumn(name) }
        }
        let analysisFlags = try (settings.analysis ?? []).map { (box) throws(DiagnosticsError) in
            try (context.populationDefinition(box.population)?.flags ?? []).map { (flag) throws(DiagnosticsError) in (flag, try adsl.textColumn(flag)) }
        }
        let followUp = try settings.followUp.map { (f) throws(DiagnosticsError) in
            (reason: try adsl.textColumn(f.reason), status: try f.endOfStudyStatus.map { (name) throws(DiagnosticsError) in try adsl.textColumn(name) },
             discontinued: f.discontinuedValue ?? "DISCONTINUED", lost: f.lostValue ?? "LOST TO FOLLOW-UP")
        }
        var arms: [ConsortArm] = []
        for a in context.arms.indices {
            let armLabel = context.plan.arms.levels[a].label ?? context.arms[a]
            let allocatedRows = randomizedRows.filter { Int(context.armOfSubject[$0]) == a }
            var current = allocatedRows
            var previousBox = "Allocated to \(armLabel)"
            var stages: [ConsortStageCount] = []
            for (s, stage) in settings.stages.enumerated() {
                let lostLabel = stage.lostLabel ?? "Did not reach: \(stage.label)"
                guard stage.arms?.contains(context.arms[a]) ?? true else {
                    stages.append(ConsortStageCount(label: stage.label, applies: false, narrows: stage.narrows ?? true, lostLabel: lostLabel, count: current.count, lost: 0, reasons: []))
                    continue
                }
                let member = stageMembers[s]
                let next = current.filter { member[$0] }
                // A subject of this stage's flags who is not in the box above breaks the flow.
                let outside = allocatedRows.lazy.filter { member[$0] }.count - next.count
                if outside > 0, stage.narrows ?? true {
                    unreconciled("\(stage.label) (\(armLabel))",
                                 "\(outside) subject(s) have its flags (\(stage.flags.joined(separator: ", "))) but are not among the \(current.count) of '\(previousBox)'",
                                 value: "\(next.count + outside)")
                }
                let reasonColumn = stageReasons[s]
                var lost: [String: Int] = [:]
                // Without a `reason` variable the box gives the number only: a breakdown would be one
                // "Not recorded" line repeating it.
                if reasonColumn != nil {
                    for row in current where !member[row] { lost[Self.reason(reasonColumn, row), default: 0] += 1 }
                }
                stages.append(ConsortStageCount(label: stage.label, applies: true, narrows: stage.narrows ?? true, lostLabel: lostLabel,
                                                count: next.count, lost: current.count - next.count, reasons: sorted(lost)))
                guard stage.narrows ?? true else { continue }
                current = next
                previousBox = "\(stage.label) (\(armLabel))"
            }
            var followUpCount: ConsortFollowUpCount?
            if let followUp {
                var lost = 0, discontinued = 0
                let lostCode = followUp.reason.code(of: followUp.lost) ?? -2
                let discontinuedCode = followUp.status?.code(of: followUp.discontinued) ?? -2
                var why: [String: Int] = [:]
                for row in allocatedRows {
                    let code = followUp.reason.codes[row]
                    if code == lostCode { lost += 1; continue }
                    let isDiscontinued = followUp.status.map { $0.codes[row] == discontinuedCode } ?? (code >= 0)
                    if isDiscontinued {
                        discontinued += 1
                        why[Self.reason(followUp.reason, row), default: 0] += 1
                    }
                }
                followUpCount = ConsortFollowUpCount(lost: lost, discontinued: discontinued, reasons: sorted(why))
            }
            var analysis: [ConsortAnalysisCount] = []
            for (b, box) in (settings.analysis ?? []).enumerated() {
                let member = analysisMembers[b]
                let label = box.label ?? "Analysed: \(context.populationDefinition(box.population)?.label ?? box.population.rawValue)"
                var analysed = 0
                var excluded: [String: Int] = [:]
                for row in allocatedRows {
                    if member[row] { analysed += 1; continue }
                    let reason = analysisReasons[b].map { Self.reason($0, row) }
                        ?? analysisFlags[b].first { $0.1[row] != "Y" }.map { "\($0.0) not Y" } ?? "Not recorded"
                    excluded[reason, default: 0] += 1
                }
                // Members of the population with this arm who were never randomized to it.
                let outside = member.indices.lazy.filter { Int(context.armOfSubject[$0]) == a && !randomized[$0] }.count
                if outside > 0 {
                    unreconciled("\(label) (\(armLabel))",
                                 "\(outside) subject(s) of population '\(box.population)' in this arm are not among the \(allocatedRows.count) allocated",
                                 value: "\(analysed + outside)")
                }
                analysis.append(ConsortAnalysisCount(population: box.population.rawValue, label: label, analysed: analysed,
                                                     excluded: allocatedRows.count - analysed, reasons: sorted(excluded)))
            }
            arms.append(ConsortArm(arm: context.arms[a], allocated: allocatedRows.count, stages: stages,
                                   followUp: followUpCount, analysis: analysis))
        }
        if !problems.isEmpty { throw DiagnosticsError(problems.result) }
        return ConsortSummary(screened: screened.cardinality, notRandomized: notRandomized,
                              notRandomizedReasons: sorted(reasons), randomized: randomizedRows.count, arms: arms)
    }

    /// The reason text of a subject: the value, or "Not recorded" when missing or without a variable.
    static func reason(_ column: TextColumn?, _ row: Int) -> String {
        column.flatMap { $0.codes[row] < 0 ? nil : $0.dictionary[Int($0.codes[row])] } ?? "Not recorded"
    }

    /// Counts per code (the last slot: missing) as counts per reason text; missing reads "Not recorded",
    /// merged with a value written "Not recorded".
    static func tally(_ counts: [Int], _ column: TextColumn) -> [String: Int] {
        var reasons: [String: Int] = [:]
        for (code, count) in counts.enumerated() where count > 0 {
            reasons[code < column.dictionary.count ? column.dictionary[code] : "Not recorded", default: 0] += count
        }
        return reasons
    }

    /// Most frequent first, then alphabetical: the usual order of a CONSORT box.
    static func sorted(_ counts: [String: Int]) -> [ReasonCount] {
        counts.map { ReasonCount(reason: $0.key, count: $0.value) }
            .sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
    }
}
