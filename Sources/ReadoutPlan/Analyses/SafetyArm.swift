public import ReadoutCore
public import ReadoutData

/// The arm subjects are counted in by safety analyses: the actual treatment (ICH E9, E3 12.2; ADaM
/// TRT01A), not the randomized arm. The variable is `arms.actualVariable`, else TRT01A when ADSL has it,
/// else the randomized arm variable (then `fellBack` is true and the footnote says so). Its values are
/// the arm levels of the plan. It applies to the populations of adverse-event endpoints.
public struct SafetyArm: Sendable {
    /// The ADSL variable read.
    public let variable: String
    /// True when no actual-treatment variable was declared or found, so the randomized arm is used.
    public let fellBack: Bool
    /// Arm index per subject (ADSL row) by `variable`, -1 when missing or not one of the arms.
    public let armOfSubject: [Int32]
    /// Populations analysed by actual treatment: those of the adverse-event endpoints.
    public let populations: Set<PopulationID>

    /// The ADaM name of the actual treatment of period 01.
    public static let defaultVariable = "TRT01A"

    init(plan: TrialPlan, adsl: Dataset, randomizedArmOfSubject: [Int32]) throws(DiagnosticsError) {
        populations = Set(plan.endpoints.compactMap { endpoint in
            if case .adverseEvents = endpoint { return endpoint.population } else { return nil }
        })
        let declared = plan.arms.actualVariable
        let variable = declared ?? (adsl.column(Self.defaultVariable) != nil ? Self.defaultVariable : plan.arms.variable)
        self.variable = variable
        fellBack = variable == plan.arms.variable
        if fellBack {
            armOfSubject = randomizedArmOfSubject
        } else {
            let values = try adsl.textColumn(variable)
            let levels = plan.arms.levels.map(\.value)
            let armOfCode: [Int32] = values.dictionary.map { value in levels.firstIndex(of: value).map(Int32.init) ?? -1 }
            armOfSubject = values.codes.map { code in code < 0 ? -1 : armOfCode[Int(code)] }
        }
    }

    /// Whether a population is counted by actual treatment.
    public func applies(to population: PopulationID) -> Bool { !fellBack && populations.contains(population) }
}
