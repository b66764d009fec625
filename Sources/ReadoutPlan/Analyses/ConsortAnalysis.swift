public import ReadoutCore

/// CONSORT flow counts: screened, not randomized (by reason), allocated per arm, and each later stage
/// per arm with the reasons subjects did not reach it.
public enum ConsortAnalysis {
    public static func run(_ context: TrialContext) throws(DiagnosticsError) -> ConsortSummary {
        let settings = context.plan.consort
        let adsl = context.subjects.adsl
        let screened = context.population(settings.screened)
        let randomized = context.population(settings.randomized)
        let failReasons = try adsl.textColumn(settings.screenFailureReason)
        var reasons: [String: Int] = [:]
        var notRandomized = 0
        for row in screened.indices where screened[row] && !randomized[row] {
            notRandomized += 1
            reasons[failReasons[row] ?? "Not recorded", default: 0] += 1
        }
        let randomizedRows = try context.armRows(settings.randomized)
        var arms: [ConsortArm] = []
        for a in context.arms.indices {
            var current = randomizedRows.filter { context.armOfRow[$0] == a }
            let allocated = current.count
            var stages: [ConsortStageCount] = []
            for stage in settings.stages {
                let member = try context.subjects.rows(withFlags: stage.flags)
                let reasonValues = try stage.reason.map { (name) throws(DiagnosticsError) in try adsl.textColumn(name) }
                let next = current.filter { member[$0] }
                var lostReasons: [String: Int] = [:]
                for row in current where !member[row] {
                    lostReasons[reasonValues?[row] ?? "Not recorded", default: 0] += 1
                }
                stages.append(ConsortStageCount(label: stage.label, lostLabel: stage.lostLabel ?? "Did not reach: \(stage.label)", count: next.count, lost: current.count - next.count,
                                                reasons: sorted(lostReasons)))
                current = next
            }
            arms.append(ConsortArm(arm: context.arms[a], allocated: allocated, stages: stages))
        }
        return ConsortSummary(screened: screened.lazy.filter { $0 }.count, notRandomized: notRandomized,
                              notRandomizedReasons: sorted(reasons), randomized: randomizedRows.count, arms: arms)
    }

    /// Most frequent first, then alphabetical: the usual order of a CONSORT box.
    static func sorted(_ counts: [String: Int]) -> [ReasonCount] {
        counts.map { ReasonCount(reason: $0.key, count: $0.value) }
            .sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
    }
}
