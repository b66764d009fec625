public import ReadoutCore
public import ReadoutData

/// The plan with its datasets bound: subjects, arms and populations resolved once for all analyses,
/// on integer ids — an arm index per subject, a bitset per population, and the subject of every row
/// of every other dataset with a USUBJID. The plan was validated before (`PlanValidation`): its
/// references are not checked again here.
public struct TrialContext: Sendable {
    public let plan: TrialPlan
    /// Datasets by lower-case name (`adsl`, `adtte`, …).
    public let datasets: [String: Dataset]
    public let subjects: SubjectIndex
    /// Arm values in plan order.
    public let arms: [String]
    public let referenceArm: Int
    /// Arm index per subject (ADSL row), -1 when not one of the arms (e.g. screen failures).
    public let armOfSubject: [Int32]
    /// The actual-treatment arm of safety analyses.
    public let safetyArm: SafetyArm
    /// Members per population id, over subjects.
    public let populations: [PopulationID: Bitset]
    /// Subject of each row per dataset name (other than ADSL) that has USUBJID: an index, or
    /// ``SubjectIndex/missingID`` / ``SubjectIndex/unknownID``.
    public let subjectOfRow: [String: [Int32]]
    /// The plan file, for diagnostics about the plan itself.
    public let planFile: String
    /// The validated `interim:` design, when the plan has one.
    public let interim: ValidatedInterimDesign?
    /// Validated subgroup variables (`subgroups:`).
    public let subgroups: [SubgroupSpec]

    public init(plan validated: ValidatedPlan, datasets: [String: Dataset]) throws(DiagnosticsError) {
        let plan = validated.plan
        let planFile = validated.file
        self.plan = plan
        self.datasets = datasets
        self.planFile = planFile
        interim = validated.interim
        self.subgroups = validated.subgroups
        guard let adsl = datasets["adsl"] else {
            throw DiagnosticsError([Diagnostic(.error, "plan.missing-dataset", at: SourceLocation(file: planFile),
                                               "the plan has no ADSL dataset", variable: "data.adsl", expected: "a path to ADSL")])
        }
        subjects = try SubjectIndex(adsl: adsl)
        arms = plan.arms.levels.map(\.value)
        referenceArm = validated.referenceArm.index
        let values = try adsl.textColumn(plan.arms.variable)
        let levels = plan.arms.levels.map(\.value)
        let armOfCode: [Int32] = values.dictionary.map { value in levels.firstIndex(of: value).map(Int32.init) ?? -1 }
        armOfSubject = values.codes.map { code in code < 0 ? -1 : armOfCode[Int(code)] }
        safetyArm = try SafetyArm(plan: plan, adsl: adsl, randomizedArmOfSubject: armOfSubject)
        var populations: [PopulationID: Bitset] = [:]
        for population in plan.populations {
            populations[population.id] = try subjects.rows(withFlags: population.flags)
        }
        self.populations = populations
        var subjectOfRow: [String: [Int32]] = [:]
        for (name, dataset) in datasets where name != "adsl" && dataset.column("USUBJID") != nil {
            subjectOfRow[name] = try subjects.subjects(of: dataset)
        }
        self.subjectOfRow = subjectOfRow
    }

    /// Members of a population (every `PopulationID` of a validated plan is declared).
    public func population(_ id: PopulationID) -> Bitset {
        populations[id] ?? Bitset(count: subjects.count)
    }

    /// The plan's definition of a population.
    public func populationDefinition(_ id: PopulationID) -> Population? {
        plan.populations.first { $0.id == id }
    }

    /// Subjects of a population that belong to an arm, ascending, with diagnostics for population
    /// members without a valid arm.
    public func armRows(_ populationID: PopulationID) throws(DiagnosticsError) -> [Int] {
        try armRows(populationID, armOfSubject: armOfSubject, variable: plan.arms.variable)
    }

    /// The arm of each subject of a population: the actual treatment for the populations of safety
    /// analyses (`SafetyArm`), else the randomized arm.
    public func analysisArms(_ populationID: PopulationID) -> (armOfSubject: [Int32], variable: String) {
        safetyArm.applies(to: populationID) ? (safetyArm.armOfSubject, safetyArm.variable) : (armOfSubject, plan.arms.variable)
    }

    /// Subjects of a population that belong to an arm by `armOfSubject` (read from ADSL `variable`),
    /// ascending, with diagnostics for population members without a valid arm.
    public func armRows(_ populationID: PopulationID, armOfSubject: [Int32], variable: String) throws(DiagnosticsError) -> [Int] {
        let member = population(populationID)
        var problems = ProblemDigest()
        var rows: [Int] = []
        let values = try? subjects.adsl.textColumn(variable)
        for row in member.indices {
            if armOfSubject[row] >= 0 {
                rows.append(row)
            } else {
                problems.append(Diagnostic(.error, "data.adsl.unknown-arm", at: subjects.adsl.location(ofRow: row),
                                           "subject of population '\(populationID)' has no valid arm", variable: variable,
                                           value: values?[row] ?? "", expected: "one of \(arms.joined(separator: ", "))"))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems.result) }
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

    /// The subject of each row of `dataset` (interned once at bind time).
    public func subjects(of dataset: Dataset, name: String) throws(DiagnosticsError) -> [Int32] {
        if let interned = subjectOfRow[name.lowercased()] { return interned }
        return try subjects.subjects(of: dataset)
    }
}
