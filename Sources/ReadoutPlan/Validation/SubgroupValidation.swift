import ReadoutCore

/// Checks of `subgroups:` and `rmst:` (the plan side; the data side is in `SubgroupAnalysis`):
/// the endpoints exist and are time-to-event, no variable is listed twice or is the arm variable,
/// declared levels are unique, τ is a positive time.
extension PlanValidation {
    static func subgroups(_ plan: TrialPlan, sources: SourceMap,
                          _ error: (String, String, String, String?, String?) -> Void) -> [SubgroupSpec] {
        if let tau = plan.rmst?.tau, !(tau > 0 && tau <= maximumLandmark) {
            error("rmst.tau", "plan.invalid-value", "the RMST horizon must be a positive time in the display unit", "\(tau)",
                  "a number > 0 and at most \(Int(maximumLandmark))")
        }
        guard let settings = plan.subgroups else { return [] }
        let timeToEvent = plan.endpoints.filter { $0.type == .timeToEvent }.map(\.id)
        var endpoints = timeToEvent
        if let listed = settings.endpoints {
            for (i, id) in listed.enumerated() where !timeToEvent.contains(id) {
                error("subgroups.endpoints[\(i)]", "plan.subgroup-endpoint", "subgroup analyses are for time-to-event endpoints",
                      id.rawValue, timeToEvent.isEmpty ? "a time-to-event endpoint" : "one of \(timeToEvent.map(\.rawValue).joined(separator: ", "))")
            }
            endpoints = listed.filter { timeToEvent.contains($0) }
        }
        if settings.variables.isEmpty {
            error("subgroups.variables", "plan.invalid-value", "subgroups need at least one variable", nil, "a list of ADSL variables")
        }
        var specs: [SubgroupSpec] = []
        var seen = Set<String>()
        for (i, variable) in settings.variables.enumerated() {
            let path = "subgroups.variables[\(i)]"
            if !seen.insert(variable.variable).inserted {
                error(path + ".variable", "plan.duplicate-subgroup", "this variable is already a subgroup", variable.variable, nil)
            }
            if variable.variable == plan.arms.variable {
                error(path + ".variable", "plan.invalid-value", "the arm variable cannot be a subgroup", variable.variable, "another ADSL variable")
            }
            if let levels = variable.levels {
                if levels.isEmpty {
                    error(path + ".levels", "plan.invalid-value", "declared levels must not be empty", nil, "a list of values, or no 'levels' key")
                }
                for (j, level) in levels.enumerated() where levels[..<j].contains(where: { $0.value == level.value }) {
                    error(path + ".levels[\(j)].value", "plan.duplicate-subgroup", "this level is already declared", level.value, nil)
                }
            }
            specs.append(SubgroupSpec(variable: variable.variable, label: variable.label ?? variable.variable,
                                      levels: variable.levels.map { $0.map { ($0.value, $0.label ?? $0.value) } },
                                      endpoints: endpoints, location: sources.location(path + ".variable")))
        }
        return specs
    }
}
