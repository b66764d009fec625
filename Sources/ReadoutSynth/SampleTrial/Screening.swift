// Stage 1: baseline characteristics and screening outcome of each screened subject. Screening dates
// are uniform over the accrual period; sites have random relative sizes (0.4–1.6). Age is normal
// (mean 41, SD 14) truncated to 18–70; sex, race, ECOG, remission number, cytogenetic risk, donor
// and MRD method are categorical with the weights below (docs/sample-trial.md). Subjects are then
// numbered within site in screening-date order (four digits, more when a site has 10 000 or more).

extension SampleTrial {
    static let raceWeights = [0.72, 0.07, 0.12, 0.01, 0.005, 0.02, 0.055]
    static let ecogWeights = [0.50, 0.42, 0.08]
    static let cytogeneticWeights = [0.20, 0.15, 0.12, 0.18, 0.35]
    static let screenFailureWeights = [0.40, 0.20, 0.15, 0.12, 0.13]
    static let donorWeights = [0.30, 0.40, 0.22, 0.08]
    /// Probability of reduced-intensity conditioning by age group.
    static let reducedIntensityByAgeGroup = [0.05, 0.25, 0.70]
    static let maleProbability = 0.56
    static let flowCytometryProbability = 0.6

    /// Every screened subject with baseline data, numbered within site.
    static func screen(_ parameters: SampleTrialParameters) -> [SimulatedSubject] {
        var siteStream = RandomStream(seed: parameters.seed, trialWide: 1)
        let siteWeights = (0..<parameters.siteCount).map { _ in siteStream.uniform(0.4, 1.6) }
        var subjects: [SimulatedSubject] = []
        subjects.reserveCapacity(parameters.screened)
        for i in 0..<parameters.screened {
            var r = RandomStream(seed: parameters.seed, subject: i, purpose: .baseline)
            let screeningDay = r.integer(in: 0...(parameters.accrualDays - 1))
            let site = r.categorical(siteWeights)
            let age = Int(r.truncatedNormal(mean: parameters.ageMean, standardDeviation: parameters.ageStandardDeviation,
                                            lower: 17.5, upper: 70.5).rounded(.toNearestOrEven))
            let male = r.bernoulli(maleProbability)
            let race = r.categorical(raceWeights)
            let ecog = r.categorical(ecogWeights)
            let secondRemission = r.bernoulli(parameters.secondRemissionProbability)
            let cytogenetics = r.categorical(cytogeneticWeights)
            let fails = r.bernoulli(parameters.screenFailureProbability)
            let failureReason = r.categorical(screenFailureWeights)
            let donor = r.categorical(donorWeights)
            let ageGroup = age < 40 ? 0 : (age < 55 ? 1 : 2)
            let reducedIntensity = r.bernoulli(reducedIntensityByAgeGroup[ageGroup])
            let flow = r.bernoulli(flowCytometryProbability)
            let randomizationDelay = r.integer(in: 7...28)
            subjects.append(SimulatedSubject(
                generationIndex: i, screeningDate: parameters.studyStart + screeningDay, site: site,
                age: age, male: male, race: race, ecog: ecog, secondRemission: secondRemission,
                cytogenetics: cytogenetics, screenFailureReason: fails ? failureReason : nil,
                donorType: donor, reducedIntensity: reducedIntensity, mrdMethod: flow ? 0 : 1,
                randomizationDelay: randomizationDelay))
        }
        // Number subjects within site in order of screening (ties by generation order).
        let order = subjects.indices.sorted {
            (subjects[$0].screeningDate, $0) < (subjects[$1].screeningDate, $1)
        }
        var nextNumber = [Int](repeating: 1, count: parameters.siteCount)
        for i in order {
            subjects[i].numberAtSite = nextNumber[subjects[i].site]
            nextNumber[subjects[i].site] += 1
        }
        let width = max(4, String(nextNumber.max().map { $0 - 1 } ?? 0).count)
        if width > 4 {
            for i in subjects.indices { subjects[i].numberWidth = width }
        }
        return subjects
    }
}
