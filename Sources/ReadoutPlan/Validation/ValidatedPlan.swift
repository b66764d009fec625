/// A plan that has passed `PlanValidation`: every reference resolves (arms, populations, datasets,
/// causes), every value is in range, and the reference arm is resolved once, here. Analyses take this,
/// not a `TrialPlan`, and do not check the plan again. Reads as the plan (`validated.trial.title`).
@dynamicMemberLookup
public struct ValidatedPlan: Sendable {
    public let plan: TrialPlan
    /// The plan file as shown in diagnostics.
    public let file: String
    /// The comparator of every hazard, odds and risk ratio.
    public let referenceArm: ArmID
    /// The checked `interim:` design, when the plan declares one.
    public let interim: ValidatedInterimDesign?
    /// `subgroups:` resolved to time-to-event endpoints, with their plan lines.
    public let subgroups: [SubgroupSpec]
    /// The declared arms in display order.
    public var arms: [ArmID] { plan.arms.levels.indices.map(ArmID.init) }

    public func level(_ arm: ArmID) -> ArmLevel { plan.arms.levels[arm.index] }

    public subscript<T>(dynamicMember keyPath: KeyPath<TrialPlan, T>) -> T { plan[keyPath: keyPath] }

    init(plan: TrialPlan, file: String, referenceArm: ArmID, interim: ValidatedInterimDesign? = nil, subgroups: [SubgroupSpec] = []) {
        self.plan = plan
        self.file = file
        self.referenceArm = referenceArm
        self.interim = interim
        self.subgroups = subgroups
    }
}
