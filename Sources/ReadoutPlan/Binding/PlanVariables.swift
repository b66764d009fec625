/// The variables a validated plan reads from each dataset, so a reader can skip the values of every
/// other column (`CSVReader`'s `variables:`): at a million subjects most bytes of ADSL and ADAE belong
/// to columns no analysis reads (SUBJID, dates, study days, verbatim terms).
///
/// The list is the union of what the binding and the analyses ask for: USUBJID of every dataset
/// (`TrialContext` maps rows to subjects), the arm and actual-arm variables and every population flag
/// (ADSL), each endpoint's variables (`SurvivalBinding.adtteVariables`, the binary flag, the adverse-event
/// variables with the optional ones it looks for by default), strata, subgroup and baseline variables
/// and the CONSORT flow's reasons and statuses. A variable an analysis reads but this list misses stops
/// a debug build (`Dataset.column`), so the tests of every analysis check the list.
extension ValidatedPlan {
    /// Upper-case names of the variables read from dataset `name` (a key of `data:`, any case).
    public func variablesRead(from name: String) -> Set<String> {
        let dataset = name.lowercased()
        var names: Set<String> = ["USUBJID"]
        if dataset == "adsl" {
            names.insert(plan.arms.variable)
            names.insert(plan.arms.actualVariable ?? SafetyArm.defaultVariable)
            for population in plan.populations { names.formUnion(population.flags) }
            for spec in subgroups { names.insert(spec.variable) }
            for variable in plan.baseline.variables { names.insert(variable.variable) }
            let consort = plan.consort
            names.insert(consort.screenFailureReason)
            for stage in consort.stages {
                names.formUnion(stage.flags)
                if let reason = stage.reason { names.insert(reason) }
            }
            if let followUp = consort.followUp {
                names.insert(followUp.reason)
                if let status = followUp.endOfStudyStatus { names.insert(status) }
            }
            for box in consort.analysis ?? [] {
                if let reason = box.reason { names.insert(reason) }
            }
        }
        for endpoint in plan.endpoints {
            switch endpoint {
            case .timeToEvent(let e):
                if dataset == "adsl" { names.formUnion(e.strata) }
                if e.header.dataset.lowercased() == dataset {
                    names.formUnion(SurvivalBinding.adtteVariables(competing: false))
                }
            case .competingRisks(let e):
                if dataset == "adsl" { names.formUnion(e.strata) }
                if e.header.dataset.lowercased() == dataset {
                    names.formUnion(SurvivalBinding.adtteVariables(competing: true))
                }
            case .binary(let e):
                // Read from ADSL (one row per subject), whatever dataset the endpoint names.
                if dataset == "adsl" || e.header.dataset.lowercased() == dataset { names.insert(e.variable) }
            case .adverseEvents(let e):
                guard e.header.dataset.lowercased() == dataset else { continue }
                names.formUnion(e.adverseEvents.variablesRead)
            }
        }
        return Set(names.map { $0.uppercased() })
    }
}

extension AdverseEventVariables {
    /// What `AdverseEventAnalysis` reads: the declared variables, and the optional ones it looks for
    /// when they are not declared (AEACN; AEREL, else AREL), and the severity scale's variable.
    var variablesRead: [String] {
        [term, systemOrganClass] + [grade, windowFlag, serious, severity?.variable].compactMap { $0 }
            + (actionTaken.map { [$0] } ?? ["AEACN"]) + (relationship.map { [$0] } ?? ["AEREL", "AREL"])
    }
}
