// Stage 3: from randomization to transplant.
// Blinatumomab arm: first infusion 3–10 days after randomization; 1 cycle (probability 0.35) or 2;
// a cycle is 28 days of continuous infusion then 14 days off; conditioning starts 8–29 days after the
// last infusion day (transplant 15–36 days after it). Direct arm: transplant 14–42 days after
// randomization. Conditioning starts 7 (myeloablative) or 5 (reduced intensity) days before transplant.
// A randomized subject is not transplanted with an arm-specific probability; the reason and its date
// (uniform over the pre-transplant period) end the subject's participation.

extension SampleTrial {
    /// Reason weights for not being transplanted (order of SampleTrialTerms.noTransplantReasons).
    static let noTransplantWeights: [TrialArm: [Double]] = [
        .blinatumomab: [0.35, 0.20, 0.15, 0.15, 0.15],
        .direct: [0.25, 0.15, 0.30, 0.20, 0.10],
    ]
    static let cycleDays = 42, infusionDays = 28
    /// CDISC NCOMPLT reason for each not-transplanted reason.
    static let noTransplantDiscontinuation = ["PROGRESSIVE DISEASE", "ADVERSE EVENT", "PHYSICIAN DECISION",
                                              "WITHDRAWAL BY SUBJECT", "DEATH"]

    /// Fills in dates of therapy and transplant, or the reason a subject was not transplanted.
    static func simulateCourse(_ s: inout SimulatedSubject, _ parameters: SampleTrialParameters) {
        guard let arm = s.arm, let randomized = s.randomizationDate else { return }
        var r = RandomStream(seed: parameters.seed, subject: s.generationIndex, purpose: .course)
        let firstDoseDelay = r.integer(in: 3...10)
        let singleCycle = r.bernoulli(parameters.singleCycleProbability)
        let gapAfterInfusion = r.integer(in: 15...36)
        let directDelay = r.integer(in: 14...42)
        let notTransplanted = r.bernoulli(arm == .blinatumomab ? parameters.blinatumomabNoTransplantProbability
                                                               : parameters.directNoTransplantProbability)
        let reason = r.categorical(noTransplantWeights[arm]!)
        let eventPosition = r.uniform()
        let withdrewBeforeFirstDose = r.bernoulli(0.3)
        let conditioningDays = s.reducedIntensity ? 5 : 7

        func day(in range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(eventPosition * Double(range.count))
        }

        switch arm {
        case .blinatumomab:
            let firstDose = randomized + firstDoseDelay
            let cycles = singleCycle ? 1 : 2
            let lastInfusion = firstDose + (cycleDays * (cycles - 1) + infusionDays - 1)
            let transplant = lastInfusion + gapAfterInfusion
            let conditioningStart = transplant - conditioningDays
            guard notTransplanted else {
                s.firstDoseDate = firstDose
                s.blinatumomabCycles = cycles
                s.conditioningStartDate = conditioningStart
                s.transplantDate = transplant
                s.lastDoseDate = transplant
                return
            }
            s.noTransplantReason = reason
            if reason == 3 && withdrewBeforeFirstDose {
                s.noTransplantEventDate = randomized + day(in: 1...(firstDose - randomized - 1))
                s.blinatumomabCycles = 0
            } else {
                let earliest = reason == 0 ? 14 : 3
                let event = firstDose + day(in: earliest...(conditioningStart - firstDose - 1))
                let started = event - firstDose >= cycleDays && cycles == 2 ? 2 : 1
                let lastStartedInfusion = firstDose + (cycleDays * (started - 1) + infusionDays - 1)
                s.noTransplantEventDate = event
                s.firstDoseDate = firstDose
                s.blinatumomabCycles = started
                s.lastDoseDate = min(event, lastStartedInfusion)
            }
        case .direct:
            let transplant = randomized + directDelay
            let conditioningStart = transplant - conditioningDays
            guard notTransplanted else {
                s.firstDoseDate = conditioningStart
                s.conditioningStartDate = conditioningStart
                s.transplantDate = transplant
                s.lastDoseDate = transplant
                return
            }
            s.noTransplantReason = reason
            s.noTransplantEventDate = randomized + day(in: 1...(conditioningStart - randomized - 1))
        }
        s.discontinuationReason = noTransplantDiscontinuation[reason]
        s.lastContactDate = s.noTransplantEventDate
        if reason == 4 { s.deathDate = s.noTransplantEventDate }
    }
}
