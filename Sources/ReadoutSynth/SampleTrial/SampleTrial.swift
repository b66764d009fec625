// The sample trial generator: runs the simulation stages in order (screening, randomization,
// pre-transplant course, actual treatment, post-transplant outcomes, adverse events) and assembles ADSL, ADTTE and ADAE.

public import ReadoutData

/// The synthetic sample trial BLINA-MRD-01 (blinatumomab then allo-HSCT versus direct allo-HSCT in
/// MRD-negative B-ALL): seeded, deterministic ADaM datasets for demonstrations and tests.
public enum SampleTrial {
    /// Longest possible interval from screening to transplant, in days (28 to randomization, 10 to the
    /// first dose, 69 to the last infusion day of cycle 2, 36 to transplant), used to check the cut-off.
    public static let longestScreeningToTransplantDays = 28 + 10 + 42 + 27 + 36

    /// ADSL, ADTTE and ADAE (in that order) simulated from `parameters`; the same parameters give
    /// identical datasets on every platform. Requires `parameters.problems` to be empty.
    public static func generate(_ parameters: SampleTrialParameters = .init()) -> [Dataset] {
        let subjects = simulate(parameters)
        let adverseEvents = subjects.map { simulateAdverseEvents($0, seed: parameters.seed) }
        return [
            makeADSL(subjects),
            makeADTTE(subjects),
            makeADAE(subjects, adverseEvents),
        ]
    }

    /// Every screened subject after all stages, in USUBJID order.
    static func simulate(_ parameters: SampleTrialParameters) -> [SimulatedSubject] {
        let problems = parameters.problems
        precondition(problems.isEmpty, "invalid sample-trial parameters: " + problems.joined(separator: "; "))
        var subjects = screen(parameters)
        randomize(&subjects, seed: parameters.seed)
        for i in subjects.indices {
            if subjects[i].screenFailureReason != nil {
                subjects[i].discontinuationReason = "SCREEN FAILURE"
                subjects[i].lastContactDate = subjects[i].screeningDate
            }
            simulateCourse(&subjects[i], parameters)
            assignActualTreatment(&subjects[i], seed: parameters.seed)
            simulateOutcomes(&subjects[i], parameters)
        }
        subjects.sort { ($0.site, $0.numberAtSite) < ($1.site, $1.numberAtSite) }
        return subjects
    }
}
