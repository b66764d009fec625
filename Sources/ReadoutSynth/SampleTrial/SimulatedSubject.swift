// One simulated subject as the stages fill it in: screening → randomization → pre-transplant course →
// post-transplant outcomes → adverse events. Dataset builders only read these records.

/// The two randomized arms.
enum TrialArm: Int, Sendable {
    case blinatumomab = 0, direct = 1

    var label: String { self == .blinatumomab ? SampleTrialTerms.blinatumomabArm : SampleTrialTerms.directArm }
}

/// A time-to-event record in days from transplant: `eventDescription` nil means censored.
struct TimeToEvent: Sendable {
    var days: Int
    var eventDescription: String?
    var censorDescription: String?
}

/// Everything simulated about one screened subject.
struct SimulatedSubject: Sendable {
    // Screening (stream purpose 1).
    var generationIndex: Int
    var screeningDate: CivilDate
    var site: Int
    var numberAtSite = 0
    /// Digits of the number at site in SUBJID: 4, or more when a site has 10 000 subjects or more, so
    /// that USUBJID order (text) stays the numeric order.
    var numberWidth = 4
    var age: Int
    var male: Bool
    var race: Int
    var ecog: Int
    var secondRemission: Bool
    var cytogenetics: Int
    var screenFailureReason: Int?
    var donorType: Int
    var reducedIntensity: Bool
    var mrdMethod: Int
    var randomizationDelay: Int

    // Randomization.
    var arm: TrialArm?
    var randomizationDate: CivilDate?

    // Actual treatment (stream purpose 5): nil when never treated.
    var actualArm: TrialArm?

    // Pre-transplant course (stream purpose 2).
    var firstDoseDate: CivilDate?
    var lastDoseDate: CivilDate?
    var blinatumomabCycles: Int?
    var conditioningStartDate: CivilDate?
    var transplantDate: CivilDate?
    var noTransplantReason: Int?
    var noTransplantEventDate: CivilDate?

    // Outcomes (stream purpose 3).
    var mrdNegativeBeforeTransplant: Bool?
    var relapseFreeSurvival: TimeToEvent?
    var overallSurvival: TimeToEvent?
    var relapseDate: CivilDate?
    var deathDate: CivilDate?
    var lastContactDate: CivilDate?
    var endOfStudyStatus = "DISCONTINUED"
    var discontinuationReason: String?

    var randomized: Bool { arm != nil }
    var transplanted: Bool { transplantDate != nil }
    /// Received protocol therapy (a blinatumomab dose, or conditioning in the direct arm).
    var treated: Bool { firstDoseDate != nil }
    var ageGroup: Int { age < 40 ? 0 : (age < 55 ? 1 : 2) }
    var stratum: Int { (secondRemission ? 2 : 0) + (age < 40 ? 0 : 1) }

    /// Last day of the treatment-emergent AE window: day 100 after transplant, or 30 days after the
    /// last dose for treated subjects never transplanted.
    var treatmentEmergentWindowEnd: CivilDate? {
        if let transplantDate { return transplantDate + 100 }
        return lastDoseDate.map { $0 + 30 }
    }

    var usubjid: String { SampleTrialTerms.studyID + "-" + subjid }
    var subjid: String { siteID + "-" + zeroPadded(numberAtSite, numberWidth) }
    var siteID: String { String(101 + site) }
}

/// Decimal digits left-padded with zeros to `width`.
func zeroPadded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
