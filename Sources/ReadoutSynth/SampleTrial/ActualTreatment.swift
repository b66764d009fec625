// Stage 3b: treatment actually received. A transplanted subject randomized to blinatumomab goes
// straight to transplant with probability `offArmProbability` (never receives blinatumomab; protocol
// therapy starts with conditioning), so TRT01A differs from TRT01P; every other treated subject
// receives the randomized arm, and untreated subjects none (TRT01A missing). Outcomes stay simulated
// by randomized arm (the intention-to-treat effect); adverse events follow the actual treatment.
// The draw comes from the subject's own stream (purpose 5), made whatever the branch.

extension SampleTrial {
    /// Probability that a transplanted subject randomized to blinatumomab is treated with direct transplant.
    static let offArmProbability = 0.03

    /// Sets the actual treatment, and for an off-arm subject the first dose and cycles of the direct arm.
    static func assignActualTreatment(_ s: inout SimulatedSubject, seed: UInt64) {
        var r = RandomStream(seed: seed, subject: s.generationIndex, purpose: .actualTreatment)
        let offArm = r.bernoulli(offArmProbability)
        guard let arm = s.arm, s.treated else { return }
        s.actualArm = arm
        if offArm, arm == .blinatumomab, s.transplanted, let conditioning = s.conditioningStartDate {
            s.actualArm = .direct
            s.firstDoseDate = conditioning
            s.blinatumomabCycles = 0
        }
    }
}
