// Stage 4: outcomes after transplant, as latent continuous times in days from transplant.
// Relapse: Weibull, cumulative hazard m·(t/λ)^k with λ chosen so the reference profile (direct arm,
// CR1, MRD negative) has cumulative hazard H730 at day 730; m = HR_blina^[arm] · HR_MRD+^[MRD+] ·
// HR_CR2^[CR2]. Non-relapse mortality (NRM): piecewise-constant hazard with cumulative increments over
// days 0–100, 100–365, 365–730 and per year after, times age-group and alternative-donor ratios, equal
// in both arms. Relapse and NRM are latent competing times (the earlier one happens). Death after
// relapse: exponential with the given median. Loss to follow-up: exponential. Times are rounded up to
// whole days (at least day 1; a death after relapse at least one day after it); an event on the last
// day of observation is observed. Observation ends at the earliest of the data cut-off, the end of
// protocol follow-up (day followUpDays) and loss to follow-up.

extension SampleTrial {
    /// Fills in pre-transplant MRD, RFS, OS, death and end-of-study status of a transplanted subject.
    static func simulateOutcomes(_ s: inout SimulatedSubject, _ parameters: SampleTrialParameters) {
        guard let arm = s.arm, let transplant = s.transplantDate else { return }
        var r = RandomStream(seed: parameters.seed, subject: s.generationIndex, purpose: .outcomes)
        let assessed = r.bernoulli(parameters.mrdAssessedProbability)
        let mrdNegative = r.bernoulli(arm == .blinatumomab ? parameters.blinatumomabMRDNegativeProbability
                                                           : parameters.directMRDNegativeProbability)
        var relapseRatio = arm == .blinatumomab ? parameters.blinatumomabRelapseHazardRatio : 1
        if !mrdNegative { relapseRatio *= parameters.mrdPositiveRelapseHazardRatio }
        if s.secondRemission { relapseRatio *= parameters.secondRemissionRelapseHazardRatio }
        let shape = parameters.relapseWeibullShape
        let scale = 730 / PortableMath.pow(parameters.relapseCumulativeHazard730, 1 / shape)
        let relapseTime = r.weibull(shape: shape, scale: scale, hazardRatio: relapseRatio)

        let increments = parameters.nrmCumulativeHazardIncrements
        var nrmRatio = parameters.nrmAgeHazardRatios[s.ageGroup]
        if s.donorType >= 2 { nrmRatio *= parameters.alternativeDonorNRMHazardRatio }
        let nrmTime = r.piecewiseExponential(starts: [0, 100, 365, 730],
                                             rates: [increments[0] / 100, increments[1] / 265, increments[2] / 365, increments[3] / 365],
                                             hazardRatio: nrmRatio)
        let survivalAfterRelapse = r.exponential(rate: PortableMath.log(2) / parameters.postRelapseMedianSurvivalDays)
        let lossRate = -PortableMath.log(1 - parameters.lostToFollowUpProbability3Years) / 1095
        let lossDraw = r.standardExponential()
        let lossTime = lossRate > 0 ? lossDraw / lossRate : .infinity

        s.mrdNegativeBeforeTransplant = assessed ? mrdNegative : nil

        let relapses = relapseTime < nrmTime
        let firstEventDay = wholeDays(min(relapseTime, nrmTime))
        let deathDay = relapses ? firstEventDay + max(1, wholeDays(survivalAfterRelapse)) : firstEventDay
        let administrativeEnd = min(parameters.followUpDays, parameters.dataCutoff - transplant)
        let lossDay = wholeDays(lossTime)
        let lost = lossDay < administrativeEnd && lossDay < deathDay
        let observationEnd = lost ? lossDay : administrativeEnd
        let censorDescription = lost ? SampleTrialTerms.lostToFollowUp
            : (administrativeEnd == parameters.followUpDays ? SampleTrialTerms.endOfFollowUp : SampleTrialTerms.dataCutoff)

        if firstEventDay <= observationEnd {
            s.relapseFreeSurvival = TimeToEvent(days: firstEventDay,
                eventDescription: relapses ? SampleTrialTerms.relapse : SampleTrialTerms.deathWithoutRelapse)
            if relapses { s.relapseDate = transplant + firstEventDay }
        } else {
            s.relapseFreeSurvival = TimeToEvent(days: observationEnd, censorDescription: censorDescription)
        }
        if deathDay <= observationEnd {
            s.overallSurvival = TimeToEvent(days: deathDay, eventDescription: SampleTrialTerms.death)
            s.deathDate = transplant + deathDay
            s.lastContactDate = s.deathDate
            s.discontinuationReason = "DEATH"
        } else {
            s.overallSurvival = TimeToEvent(days: observationEnd, censorDescription: censorDescription)
            s.lastContactDate = transplant + observationEnd
            if lost {
                s.discontinuationReason = "LOST TO FOLLOW-UP"
            } else {
                s.endOfStudyStatus = administrativeEnd == parameters.followUpDays ? "COMPLETED" : "ONGOING"
            }
        }
    }

    /// A continuous time in days rounded up to a whole day, at least 1 (infinite stays huge).
    static func wholeDays(_ t: Double) -> Int {
        t < 1 ? 1 : (t > 1e9 ? 1_000_000_000 : Int(t.rounded(.up)))
    }
}
