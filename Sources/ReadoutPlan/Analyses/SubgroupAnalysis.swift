public import ReadoutCore
import ReadoutData
import ReadoutStats

/// Subgroup analysis of one time-to-event endpoint by one ADSL variable: binds the variable's levels to
/// the endpoint's subjects, checks them against the declared levels, and runs `SubgroupCox` with the
/// endpoint's ties, convention and confidence level. Within each level the Cox model is unstratified
/// (arm only), whatever the endpoint's strata: the usual forest-plot convention (docs/methods/subgroups.md).
public enum SubgroupAnalysis {
    /// Most levels a subgrouping variable may have: a forest plot of more is unreadable, and more
    /// usually means a continuous or identifier variable was named by mistake.
    public static let maximumLevels = 20

    /// - Parameter collapsedTime: `TiedTimes.collapse(input.time)` when the caller has it (one block's
    ///   subgroup analyses share it).
    public static func run(_ input: SurvivalInput, spec: SubgroupSpec, context: TrialContext, methods: ResolvedMethods,
                           collapsedTime: [Double]? = nil, warnings: inout [Diagnostic]) throws(DiagnosticsError) -> SubgroupSummary {
        let adsl = context.subjects.adsl
        guard adsl.column(spec.variable) != nil else {
            throw DiagnosticsError([Diagnostic(.error, "data.adsl.subgroup-variable", at: spec.location,
                                               "the subgroup variable is not a column of ADSL", variable: spec.variable,
                                               value: spec.variable, expected: "an ADSL column")])
        }
        let values = try adsl.textColumn(spec.variable)
        // On dictionary codes: which codes the endpoint's subjects hold, each decided once.
        var codePresent = [Bool](repeating: false, count: values.dictionary.count)
        for s in input.subjects where values.codes[s] >= 0 { codePresent[Int(values.codes[s])] = true }
        let presentCodes = codePresent.indices.filter { codePresent[$0] }
        let present = Set(presentCodes.map { values.dictionary[$0] })
        let levels: [(value: String, label: String)]
        if let declared = spec.levels {
            levels = declared
            var problems = ProblemDigest()
            let declaredValues = Set(declared.map(\.value))
            let undeclared = codePresent.indices.map { codePresent[$0] && !declaredValues.contains(values.dictionary[$0]) }
            for s in input.subjects where values.codes[s] >= 0 && undeclared[Int(values.codes[s])] {
                let value = values.dictionary[Int(values.codes[s])]
                problems.append(Diagnostic(.error, "data.adsl.undeclared-level", at: adsl.location(ofRow: s),
                                           "value is not one of the levels declared for this subgroup", variable: spec.variable,
                                           value: value, expected: "one of \(declared.map(\.value).joined(separator: ", "))"))
            }
            if !problems.isEmpty { throw DiagnosticsError(problems.result) }
            for level in declared where !present.contains(level.value) {
                warnings.append(Diagnostic(.warning, "data.adsl.subgroup-level-absent", at: spec.location,
                                           "no subject of the endpoint's population has this subgroup level", variable: spec.variable,
                                           value: level.value, expected: "a value found in ADSL"))
            }
        } else {
            levels = present.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, $0) }
        }
        if levels.count > maximumLevels {
            throw DiagnosticsError([Diagnostic(.error, "data.adsl.subgroup-levels", at: spec.location,
                                               "a subgroup variable has too many levels (\(levels.count)) for subgroup analyses",
                                               variable: spec.variable, value: "\(levels.count) levels",
                                               expected: "a categorical variable with at most \(maximumLevels) levels (group a continuous one first, e.g. AGEGR1)")])
        }
        let indexOfValue = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1.value, $0) })
        let levelOfCode: [Int?] = values.dictionary.map { indexOfValue[$0] }
        let level: [Int?] = input.subjects.map { s in values.codes[s] < 0 ? nil : levelOfCode[Int(values.codes[s])] }
        let options = CoxOptions(ties: methods.ties, convention: methods.profile, level: methods.confidenceLevel)
        let result: SubgroupCox.Result
        do {
            result = try SubgroupCox.analyse(time: collapsedTime ?? TiedTimes.collapse(input.time), event: input.event, arm: input.arm,
                                             armNames: input.arms, reference: input.referenceArm, level: level,
                                             levelCount: levels.count, options: options)
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "stats.invalid-input", at: spec.location,
                                               "cannot analyse subgroups by \(spec.variable): \(error)", variable: spec.variable)])
        }
        let others = input.arms.indices.filter { $0 != input.referenceArm }
        let rows = result.levels.map { l in
            SubgroupLevelResult(value: levels[l.level].value, label: levels[l.level].label, n: l.n, events: l.events,
                                hazardRatios: others.enumerated().map { k, a in
                                    let hr = l.hazardRatios[k]
                                    let p: Double? = l.coefficients[k].flatMap { b in l.standardErrors[k].map { ChiSquared.survival((b / $0) * (b / $0), df: 1) } }
                                    return HazardRatioJSON(arm: input.arms[a], versus: input.arms[input.referenceArm],
                                                           coefficient: l.coefficients[k], standardError: l.standardErrors[k],
                                                           estimate: hr.estimate, lower: hr.lower, upper: hr.upper, p: p,
                                                           estimable: hr.estimate != nil, reason: l.reasons[k])
                                })
        }
        var reason: String?
        if result.likelihoodRatio == nil {
            reason = "fewer than two subgroup levels with an estimable interaction"
        } else if !result.interactionEstimable {
            reason = "an interaction coefficient is infinite (a level without events in an arm); the Wald test is not shown"
        }
        let interaction = InteractionJSON(likelihoodRatio: result.likelihoodRatio.map(TestJSON.init),
                                          wald: result.wald.map(TestJSON.init), reason: reason)
        return SubgroupSummary(variable: spec.variable, label: spec.label, missing: result.missing, levels: rows,
                               interaction: interaction)
    }
}
