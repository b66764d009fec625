public import ReadoutCore
public import ReadoutData

/// CONSORT flow counts: screened, not randomized (by reason), allocated per arm, and each later stage
/// per arm with the reasons subjects did not reach it.
public enum ConsortAnalysis {
    public static func run(_ context: TrialContext) throws(DiagnosticsError) -> ConsortSummary {
        let settings = context.plan.consort
        let adsl = context.subjects.adsl
        let screened = context.population(settings.screened)
        let randomized = context.population(settings.randomized)
        let failReasons = try adsl.textColumn(settings.screenFailureReason)
        var reasonCounts = [Int](repeating: 0, count: failReasons.dictionary.count + 1)
        var notRandomized = 0
        for row in screened.indices where !randomized[row] {
            notRandomized += 1
            let code = failReasons.codes[row]
            reasonCounts[code < 0 ? failReasons.dictionary.count : Int(code)] += 1
        }
        let reasons = Self.tally(reasonCounts, failReasons)
        let randomizedRows = try context.armRows(settings.randomized)
        var arms: [ConsortArm] = []
        for a in context.arms.indices {
            var current = randomizedRows.filter { Int(context.armOfSubject[$0]) == a }
            let allocated = current.count
            var stages: [ConsortStageCount] = []
            for stage in settings.stages {
                let member = try context.subjects.rows(withFlags: stage.flags)
                let reasonValues = try stage.reason.map { (name) throws(DiagnosticsError) in try adsl.textColumn(name) }
                let next = current.filter { member[$0] }
                let reasons = reasonValues ?? TextColumn(codes: [Int32](repeating: TextColumn.missingCode, count: context.subjects.count), dictionary: [])
                var lostCounts = [Int](repeating: 0, count: reasons.dictionary.count + 1)
                for row in current where !member[row] {
                    let code = reasons.codes[row]
                    lostCounts[code < 0 ? reasons.dictionary.count : Int(code)] += 1
                }
                let lostReasons = Self.tally(lostCounts, reasons)
                stages.append(ConsortStageCount(label: stage.label, lostLabel: stage.lostLabel ?? "Did not reach: \(stage.label)", count: next.count, lost: current.count - next.count,
                                                reasons: sorted(lostReasons)))
                current = next
            }
            arms.append(ConsortArm(arm: context.arms[a], allocated: allocated, stages: stages))
        }
        return ConsortSummary(screened: screened.cardinality, notRandomized: notRandomized,
                              notRandomizedReasons: sorted(reasons), randomized: randomizedRows.count, arms: arms)
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
