// Controlled terms written into the sample trial's datasets. The analysis plan binds these exact
// strings; docs/sample-trial.md lists them with their meaning.

/// The exact values the sample trial writes into its datasets, for binding analysis plans and tests.
public enum SampleTrialTerms {
    /// STUDYID.
    public static let studyID = "BLINA-MRD-01"
    /// TRT01P/TRT01A of the experimental arm.
    public static let blinatumomabArm = "Blinatumomab then allo-HSCT"
    /// TRT01P/TRT01A of the control arm.
    public static let directArm = "Direct allo-HSCT"
    /// AGEGR1 groups, youngest first.
    public static let ageGroups = ["18-39", "40-54", "55-70"]
    /// RACE (CDISC controlled terminology).
    public static let races = [
        "WHITE", "BLACK OR AFRICAN AMERICAN", "ASIAN", "AMERICAN INDIAN OR ALASKA NATIVE",
        "NATIVE HAWAIIAN OR OTHER PACIFIC ISLANDER", "MULTIPLE", "NOT REPORTED",
    ]
    /// CYTOGEN (cytogenetic/molecular high-risk category at diagnosis).
    public static let cytogeneticRisks = [
        "High risk KMT2A-r", "Complex karyotype", "Hypodiploid", "BCR::ABL1-like", "Other high risk",
    ]
    /// SCRFREAS (screen-failure reason).
    public static let screenFailureReasons = [
        "MRD positive at screening", "No suitable donor", "Inadequate organ function", "Withdrew consent", "Other",
    ]
    /// NOHSCTRS (why a randomized subject was not transplanted).
    public static let noTransplantReasons = [
        "Relapse before HSCT", "Infection", "Donor unavailable", "Withdrew consent", "Death before HSCT",
    ]
    /// DONORTYP.
    public static let donorTypes = ["Matched sibling", "Matched unrelated", "Haploidentical", "Mismatched unrelated"]
    /// CONDREG.
    public static let conditioningRegimens = ["Myeloablative", "Reduced intensity"]
    /// MRDMETH.
    public static let mrdMethods = ["Flow cytometry", "PCR"]
    /// ADTTE PARAMCD/PARAM pairs.
    public static let parameters = [
        ("RFS", "Relapse-free survival from transplant"), ("OS", "Overall survival from transplant"),
    ]
    /// EVNTDESC of the two competing RFS events (cause of interest first), and of an OS event.
    public static let relapse = "RELAPSE", deathWithoutRelapse = "DEATH WITHOUT RELAPSE", death = "DEATH"
    /// CNSDTDSC values: administrative cut-off, loss to follow-up, and completion of protocol follow-up.
    public static let dataCutoff = "DATA CUT-OFF", lostToFollowUp = "LOST TO FOLLOW-UP", endOfFollowUp = "END OF FOLLOW-UP"
    /// AREL values.
    public static let relatedness = ["Blinatumomab", "Transplant", "None"]
    /// BLINNRS of a subject randomized to blinatumomab and treated with direct transplant.
    public static let offArmReason = "Physician decision: direct transplant"
}
