// Stage 5: adverse events of treated subjects. Each risk of the subject's phases (blinatumomab phase:
// subjects actually treated with blinatumomab; transplant phase: transplanted subjects) occurs at most once with its probability,
// with a grade drawn from its weights and an onset uniform in its window. Then, in order:
// a subject stopped by infection before transplant gets a grade 3–4 infection on that day; a death
// without relapse inside the treatment-emergent window gets one grade 5 event (cause by timing,
// onset 0–10 days before death, replacing any same-phase episode of that term); events after death
// or after the end of observation are dropped; 6% of subjects get a grade 1 event between
// randomization and first dose, and 10% of transplanted subjects one event on days 101–365 after
// transplant (both outside the window, TRTEMFL "N"). Deaths after relapse are disease progression,
// not adverse events, so they carry no grade 5 event. Every draw is made whatever the branch.
// A randomized subject never treated reports one grade 1 event with probability 1/2 (TRTEMFL "N",
// outside the safety population), from the same stream, otherwise unused for them.

/// One simulated adverse event.
struct SimulatedAdverseEvent: Sendable {
    var term: AETerm
    var grade: Int
    var start: CivilDate
    /// Index into SampleTrialTerms.relatedness.
    var related: Int
    /// 0 before first dose, 1 blinatumomab phase, 2 transplant phase, 3 late.
    var phase: Int
}

extension SampleTrial {
    /// The adverse events of one subject, in order of onset (ties in catalog order).
    static func simulateAdverseEvents(_ s: SimulatedSubject, seed: UInt64) -> [SimulatedAdverseEvent] {
        if s.randomized, !s.treated { return untreatedSubjectEvents(s, seed: seed) }
        guard let firstDose = s.firstDoseDate, s.arm != nil, let randomized = s.randomizationDate,
              let observationEnd = s.lastContactDate ?? s.deathDate else { return [] }
        var r = RandomStream(seed: seed, subject: s.generationIndex, purpose: .adverseEvents)
        var events: [SimulatedAdverseEvent] = []

        func draw(_ risks: [AERisk], anchor: CivilDate, phase: Int, include: Bool) {
            for risk in risks {
                let p: Double
                switch risk.probability {
                case .fixed(let value): p = value
                case .byConditioning(let mac, let ric): p = s.reducedIntensity ? ric : mac
                case .byDonor(let values): p = values[s.donorType]
                }
                let occurs = r.bernoulli(p)
                let grade = 1 + r.categorical(risk.gradeWeights)
                let offset = r.integer(in: risk.onset)
                if include && occurs {
                    events.append(.init(term: risk.term, grade: grade, start: anchor + offset, related: risk.related, phase: phase))
                }
            }
        }
        draw(AdverseEventCatalog.blinatumomabRisks, anchor: firstDose, phase: 1, include: s.actualArm == .blinatumomab)
        let transplant = s.transplantDate ?? firstDose
        draw(AdverseEventCatalog.transplantRisks, anchor: transplant, phase: 2, include: s.transplanted)
        if !s.transplanted, let stop = s.noTransplantEventDate {
            events.removeAll { $0.start > stop }
        }

        // Fixed sequence of the remaining draws.
        let deathDay = s.deathDate.map { $0 - transplant } ?? 0
        let fatalCauses = !s.transplanted ? AdverseEventCatalog.pretransplantFatalCauses
            : (deathDay < 21 ? AdverseEventCatalog.earlyFatalCauses : AdverseEventCatalog.lateFatalCauses)
        let fatalCause = r.choose(fatalCauses)
        let fatalLead = r.integer(in: 0...10)
        let infectionIsSepsis = r.bernoulli(0.5)
        let infectionGrade = r.bernoulli(0.4) ? 4 : 3
        let hasPretreatment = r.bernoulli(0.06)
        let pretreatmentTerm = AdverseEventCatalog.pretreatmentTerms[r.integer(in: 0...2)]
        let pretreatmentPosition = r.uniform()
        let hasLate = r.bernoulli(0.10)
        let (lateTerm, lateGrades) = AdverseEventCatalog.lateTerms[r.integer(in: 0...2)]
        let lateGrade = r.integer(in: lateGrades)
        let lateDay = r.integer(in: 101...365)

        if !s.transplanted, s.noTransplantReason == 1, let day = s.noTransplantEventDate {
            events.append(.init(term: infectionIsSepsis ? .sepsis : .lungInfection, grade: infectionGrade,
                                start: day, related: 2, phase: 1))
        }
        if let death = s.deathDate, s.relapseDate == nil, let windowEnd = s.treatmentEmergentWindowEnd,
           death >= firstDose, death <= windowEnd {
            let phase = s.transplanted ? 2 : 1
            let earliest = !s.transplanted ? firstDose : (fatalCause == .acuteGVHD ? transplant + 14 : transplant)
            events.removeAll { $0.term == fatalCause && $0.phase == phase }
            events.append(.init(term: fatalCause, grade: 5, start: max(earliest, death - fatalLead),
                                related: s.transplanted ? 1 : 2, phase: phase))
        }
        events.removeAll { $0.start > observationEnd }
        if hasPretreatment, firstDose - randomized >= 2 {
            let day = randomized + Int(pretreatmentPosition * Double(firstDose - randomized))
            events.append(.init(term: pretreatmentTerm, grade: 1, start: day, related: 2, phase: 0))
        }
        if hasLate, s.transplanted, transplant + lateDay <= observationEnd {
            events.append(.init(term: lateTerm, grade: lateGrade, start: transplant + lateDay, related: 2, phase: 3))
        }
        events.sort { ($0.start, $0.term.rawValue, $0.phase) < ($1.start, $1.term.rawValue, $1.phase) }
        return events
    }

    /// A randomized subject who never received protocol therapy reports, with probability 1/2, one
    /// grade 1 nausea on the day they left the study: a record outside the safety population.
    static func untreatedSubjectEvents(_ s: SimulatedSubject, seed: UInt64) -> [SimulatedAdverseEvent] {
        var r = RandomStream(seed: seed, subject: s.generationIndex, purpose: .adverseEvents)
        let reports = r.bernoulli(0.5)
        guard reports, let day = s.noTransplantEventDate else { return [] }
        return [SimulatedAdverseEvent(term: AdverseEventCatalog.pretreatmentTerms[0], grade: 1, start: day, related: 2, phase: 0)]
    }
}
