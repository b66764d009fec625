public import ReadoutCore
public import ReadoutData

/// The plan with its datasets bound: subjects, arms and populations resolved once for all analyses.
/// The plan was validated before (`PlanValidation`): its references are not checked again here.
public struct TrialContext: Sendable {
    public let plan: TrialPlan
    /// Datasets by lower-case name (`adsl`, `adtte`, …).
    public let datasets: [String: Dataset]
    public let subjects: SubjectIndex
    /// Arm values in plan order.
    public let arms: [String]
    public let referenceArm: Int
    /// Arm index per ADSL row (`nil` when not one of the arms, e.g. screen failures).
    public let armOfRow: [Int?]
    /// Membership per population id, per ADSL row.
    public let populations: [PopulationID: [Bool]]
    /// The plan file, for diagnostics about the plan itself.
    public let planFile: String

    public init(plan validated: ValidatedPlan, datasets: [String: Dataset]) throws(DiagnosticsError) {
        let plan = validated.plan
        let planFile = validated.file
        self.plan = plan
        self.datasets = datasets
        self.planFile = planFile
        guard let adsl = datasets["adsl"] else {
            throw DiagnosticsError([Diagnostic(.error, "plan.missing-dataset", at: SourceLocation(file: planFile),
                                               "the plan has no ADSL dataset", variable: "data.adsl", expected: "a path to ADSL")])
        }
        subjects = try SubjectIndex(adsl: adsl)
        arms = plan.arms.levels.map(\.value)
        referenceArm = validated.referenceArm.index
        let values = try adsl.textColumn(plan.arms.variable)
        var index: [String: Int] = [:]
        for (i, a) in arms.enumerated() { index[a] = i }
        armOfRow = values.map { $0.flatMap { index[$0] } }
        var populations: [PopulationID: [Bool]] = [:]
        for population in plan.populations {
            populations[population.id] = try subjects.rows(withFlags: population.flags)
        }
        self.populations = populations
    }

    /// Membership of a population per ADSL row (every `PopulationID` of a validated plan is declared).
    public func population(_ id: PopulationID) -> [Bool] {
        populations[id] ?? []
    }

    /// The plan's definition of a population.
    public func populationDefinition(_ id: PopulationID) -> Population? {
        plan.populations.first { $0.id == id }
    }

    /// ADSL rows of a population that belong to an arm, with diagnostics for population members without a valid arm.
    public func armRows(_ populationID: PopulationID) throws(DiagnosticsError) -> [Int] {
        let member = population(populationID)
        var log = DiagnosticLog()
        var rows: [Int] = []
        let values = try? subjects.adsl.strings(plan.arms.variable)
        for row in member.indices where member[row] {
            if armOfRow[row] != nil {
                rows.append(row)
            } else {
                log.append(Diagnostic(.error, "data.adsl.unknown-arm", at: subjects.adsl.location(ofRow: row),
                                      "subject of population '\(populationID)' has no valid arm", variable: plan.arms.variable,
                                      value: values?[row] ?? "", expected: "one of \(arms.joined(separator: ", "))"))
            }
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
        return rows
    }

    public func dataset(_ name: String, field: String) throws(DiagnosticsError) -> Dataset {
        guard let dataset = datasets[name.lowercased()] else {
            throw DiagnosticsError([Diagnostic(.error, "plan.unknown-dataset", at: SourceLocation(file: planFile),
                                               "no dataset with this name under 'data'", variable: field, value: name,
                                               expected: "one of \(datasets.keys.sorted().joined(separator: ", "))")])
        }
        return dataset
    }
}
