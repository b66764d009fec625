// The knobs of the sample-trial simulation with defaults calibrated (by simulating 200 000 transplanted
// subjects) to: 2-year RFS ≈ 65% (blinatumomab) vs ≈ 53% (direct), marginal relapse hazard ratio
// ≈ 0.56, non-relapse mortality ≈ 13% at 2 years in both arms with ≈ 70% of it in the first 6 months.
// docs/sample-trial.md explains each parameter and the model it feeds.

/// Settings of the synthetic sample trial (BLINA-MRD-01); every default is documented in
/// `docs/sample-trial.md`, and ``problems`` lists settings that cannot be simulated.
public struct SampleTrialParameters: Sendable, Equatable {
    /// Seed of every random stream; the same seed gives byte-identical datasets on every platform.
    public var seed: UInt64 = 20_261_126
    /// Number of subjects screened (rows of ADSL).
    public var screened: Int = 300
    /// Date the first subject could be screened.
    public var studyStart = CivilDate(year: 2023, month: 1, day: 9)!
    /// Screening dates are uniform over this many days from ``studyStart``.
    public var accrualDays: Int = 730
    /// Administrative data cut-off: nothing after this date is observed.
    public var dataCutoff = CivilDate(year: 2026, month: 6, day: 30)!
    /// Protocol follow-up after transplant, in days; subjects reaching it alive complete the study.
    public var followUpDays: Int = 1095
    /// Number of sites (site identifiers "101", "102", …).
    public var siteCount: Int = 10

    /// Probability that a screened subject fails screening.
    public var screenFailureProbability: Double = 1.0 / 3.0
    /// Probability of being in second complete remission (CR2) rather than CR1.
    public var secondRemissionProbability: Double = 0.25
    /// Mean age at screening, in years (normal before truncation to 18–70 years).
    public var ageMean: Double = 41
    /// Standard deviation of age at screening, in years.
    public var ageStandardDeviation: Double = 14

    /// Probability that a randomized subject in the blinatumomab arm is never transplanted.
    public var blinatumomabNoTransplantProbability: Double = 0.08
    /// Probability that a randomized subject in the direct arm is never transplanted.
    public var directNoTransplantProbability: Double = 0.05
    /// Probability that the blinatumomab arm receives one cycle only (otherwise two).
    public var singleCycleProbability: Double = 0.35

    /// Probability that pre-transplant MRD is assessed in a transplanted subject.
    public var mrdAssessedProbability: Double = 0.97
    /// Probability of MRD negativity immediately before transplant, blinatumomab arm.
    public var blinatumomabMRDNegativeProbability: Double = 0.85
    /// Probability of MRD negativity immediately before transplant, direct arm.
    public var directMRDNegativeProbability: Double = 0.70

    /// Weibull shape of the relapse hazard after transplant (below 1: hazard falls with time).
    public var relapseWeibullShape: Double = 0.8
    /// Cumulative relapse hazard at day 730 for the reference profile (direct arm, CR1, MRD negative).
    public var relapseCumulativeHazard730: Double = 0.35
    /// Relapse hazard ratio of blinatumomab versus direct transplant, given pre-transplant MRD status.
    public var blinatumomabRelapseHazardRatio: Double = 0.62
    /// Relapse hazard ratio for MRD positivity before transplant.
    public var mrdPositiveRelapseHazardRatio: Double = 2.0
    /// Relapse hazard ratio for CR2 versus CR1.
    public var secondRemissionRelapseHazardRatio: Double = 1.4

    /// Baseline cumulative non-relapse-mortality hazard gained over days 0–100, 100–365 and 365–730,
    /// then per year afterwards (piecewise-constant hazard, front-loaded).
    public var nrmCumulativeHazardIncrements: [Double] = [0.075, 0.04, 0.02, 0.009]
    /// NRM hazard ratios for age groups 18–39, 40–54 and 55–70.
    public var nrmAgeHazardRatios: [Double] = [0.85, 1.15, 1.6]
    /// NRM hazard ratio for haploidentical or mismatched unrelated donors.
    public var alternativeDonorNRMHazardRatio: Double = 1.3

    /// Median survival after relapse post-transplant, in days (exponential).
    public var postRelapseMedianSurvivalDays: Double = 210
    /// Probability of being lost to follow-up within 3 years of transplant (exponential).
    public var lostToFollowUpProbability3Years: Double = 0.04

    /// The defaults.
    public init() {}

    /// Settings that cannot be simulated, in words (empty when the parameters are usable).
    public var problems: [String] {
        var found: [String] = []
        if screened < 0 || screened > 10_000_000 { found.append("screened must be between 0 and 10000000 (is \(screened))") }
        if accrualDays < 1 { found.append("accrualDays must be at least 1 (is \(accrualDays))") }
        if followUpDays < 1 { found.append("followUpDays must be at least 1 (is \(followUpDays))") }
        if !(1...99).contains(siteCount) { found.append("siteCount must be between 1 and 99 (is \(siteCount))") }
        let lastPossibleTransplant = studyStart + (accrualDays + SampleTrial.longestScreeningToTransplantDays)
        if dataCutoff <= lastPossibleTransplant {
            found.append("dataCutoff \(dataCutoff) must be after \(lastPossibleTransplant) (studyStart + accrualDays + \(SampleTrial.longestScreeningToTransplantDays) days), so every transplant precedes the cut-off")
        }
        let probabilities: [(String, Double)] = [
            ("screenFailureProbability", screenFailureProbability),
            ("secondRemissionProbability", secondRemissionProbability),
            ("blinatumomabNoTransplantProbability", blinatumomabNoTransplantProbability),
            ("directNoTransplantProbability", directNoTransplantProbability),
            ("singleCycleProbability", singleCycleProbability),
            ("mrdAssessedProbability", mrdAssessedProbability),
            ("blinatumomabMRDNegativeProbability", blinatumomabMRDNegativeProbability),
            ("directMRDNegativeProbability", directMRDNegativeProbability),
        ]
        for (name, p) in probabilities where !(p >= 0 && p <= 1) { found.append("\(name) must be in [0, 1] (is \(p))") }
        if !(lostToFollowUpProbability3Years >= 0 && lostToFollowUpProbability3Years < 1) {
            found.append("lostToFollowUpProbability3Years must be in [0, 1) (is \(lostToFollowUpProbability3Years))")
        }
        let positive: [(String, Double)] = [
            ("ageStandardDeviation", ageStandardDeviation), ("relapseWeibullShape", relapseWeibullShape),
            ("relapseCumulativeHazard730", relapseCumulativeHazard730),
            ("blinatumomabRelapseHazardRatio", blinatumomabRelapseHazardRatio),
            ("mrdPositiveRelapseHazardRatio", mrdPositiveRelapseHazardRatio),
            ("secondRemissionRelapseHazardRatio", secondRemissionRelapseHazardRatio),
            ("alternativeDonorNRMHazardRatio", alternativeDonorNRMHazardRatio),
            ("postRelapseMedianSurvivalDays", postRelapseMedianSurvivalDays),
        ]
        for (name, x) in positive where !(x > 0 && x.isFinite) { found.append("\(name) must be positive and finite (is \(x))") }
        if !(ageMean >= 18 && ageMean <= 70) { found.append("ageMean must be in [18, 70] (is \(ageMean))") }
        if nrmCumulativeHazardIncrements.count != 4 || nrmCumulativeHazardIncrements.contains(where: { !($0 >= 0 && $0.isFinite) }) {
            found.append("nrmCumulativeHazardIncrements must be 4 non-negative finite numbers")
        }
        if nrmAgeHazardRatios.count != 3 || nrmAgeHazardRatios.contains(where: { !($0 > 0 && $0.isFinite) }) {
            found.append("nrmAgeHazardRatios must be 3 positive finite numbers")
        }
        return found
    }
}
