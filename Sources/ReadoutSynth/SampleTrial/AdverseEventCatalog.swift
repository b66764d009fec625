// The adverse events the sample trial can produce: verbatim term (AETERM), CTCAE v5.0 term (AEDECOD;
// CRS and ICANS graded by ASTCT consensus, Lee et al. 2019; acute GVHD by MAGIC overall grade I–IV),
// MedDRA system organ class (AEBODSYS), and the grade from which an event counts as serious. Per-phase
// risks give the probability per subject, grade weights for grades 1–4 and the onset window.

/// One codable adverse-event term.
struct AdverseEventTerm: Sendable {
    var verbatim: String
    var decoded: String
    var bodySystem: String
    /// Grade at or above which the event is serious (grade 5 is always serious); nil: only grade 5.
    var seriousFromGrade: Int?
}

/// Identifiers of the catalog's terms (index into ``AdverseEventCatalog/terms``).
enum AETerm: Int, CaseIterable, Sendable {
    case neutrophilsDecreased, plateletsDecreased, anemia, febrileNeutropenia, sepsis, lungInfection,
         cmvReactivation, bacteremia, cytokineRelease, neurotoxicity, acuteGVHD, mucositis, diarrhea,
         nausea, sinusoidalObstruction, fever, headache, tremor
}

/// What anchors an onset window: the first blinatumomab dose or the day of transplant.
enum AEAnchor: Sendable { case firstDose, transplant }

/// How a risk's probability varies between subjects.
enum AEProbability: Sendable {
    case fixed(Double)
    /// Myeloablative, reduced intensity.
    case byConditioning(Double, Double)
    /// By donor type in the order of SampleTrialTerms.donorTypes.
    case byDonor([Double])
}

/// The chance that a subject has one episode of a term in one phase, and what the episode looks like.
struct AERisk: Sendable {
    var term: AETerm
    var probability: AEProbability
    /// Relative weights of grades 1, 2, 3, 4.
    var gradeWeights: [Double]
    var onset: ClosedRange<Int>
    /// Index into SampleTrialTerms.relatedness.
    var related: Int
}

/// The sample trial's adverse-event dictionary and risks.
enum AdverseEventCatalog {
    static let investigations = "Investigations"
    static let blood = "Blood and lymphatic system disorders"
    static let infections = "Infections and infestations"
    static let immune = "Immune system disorders"
    static let nervous = "Nervous system disorders"
    static let gastrointestinal = "Gastrointestinal disorders"
    static let hepatobiliary = "Hepatobiliary disorders"
    static let general = "General disorders and administration site conditions"

    /// Indexed by ``AETerm``.
    static let terms: [AdverseEventTerm] = [
        .init(verbatim: "Neutropenia", decoded: "Neutrophil count decreased", bodySystem: investigations, seriousFromGrade: nil),
        .init(verbatim: "Thrombocytopenia", decoded: "Platelet count decreased", bodySystem: investigations, seriousFromGrade: nil),
        .init(verbatim: "Anemia", decoded: "Anemia", bodySystem: blood, seriousFromGrade: nil),
        .init(verbatim: "Febrile neutropenia", decoded: "Febrile neutropenia", bodySystem: blood, seriousFromGrade: 3),
        .init(verbatim: "Sepsis", decoded: "Sepsis", bodySystem: infections, seriousFromGrade: 3),
        .init(verbatim: "Pneumonia", decoded: "Lung infection", bodySystem: infections, seriousFromGrade: 3),
        .init(verbatim: "CMV reactivation", decoded: "Cytomegalovirus infection reactivation", bodySystem: infections, seriousFromGrade: 3),
        .init(verbatim: "Bacteremia", decoded: "Bacteremia", bodySystem: infections, seriousFromGrade: nil),
        .init(verbatim: "Cytokine release syndrome", decoded: "Cytokine release syndrome", bodySystem: immune, seriousFromGrade: 3),
        .init(verbatim: "ICANS", decoded: "Immune effector cell-associated neurotoxicity syndrome", bodySystem: nervous, seriousFromGrade: 3),
        .init(verbatim: "Acute GVHD", decoded: "Acute graft versus host disease", bodySystem: immune, seriousFromGrade: 3),
        .init(verbatim: "Oral mucositis", decoded: "Mucositis oral", bodySystem: gastrointestinal, seriousFromGrade: 4),
        .init(verbatim: "Diarrhea", decoded: "Diarrhea", bodySystem: gastrointestinal, seriousFromGrade: 4),
        .init(verbatim: "Nausea", decoded: "Nausea", bodySystem: gastrointestinal, seriousFromGrade: nil),
        .init(verbatim: "Hepatic VOD", decoded: "Sinusoidal obstruction syndrome", bodySystem: hepatobiliary, seriousFromGrade: 2),
        .init(verbatim: "Fever", decoded: "Fever", bodySystem: general, seriousFromGrade: 4),
        .init(verbatim: "Headache", decoded: "Headache", bodySystem: nervous, seriousFromGrade: nil),
        .init(verbatim: "Tremor", decoded: "Tremor", bodySystem: nervous, seriousFromGrade: nil),
    ]

    static func term(_ id: AETerm) -> AdverseEventTerm { terms[id.rawValue] }

    /// Whether an event of this term and grade is serious.
    static func isSerious(_ id: AETerm, grade: Int) -> Bool {
        grade == 5 || term(id).seriousFromGrade.map { grade >= $0 } ?? false
    }

    /// Blinatumomab phase (blinatumomab arm), onset in days after the first dose (day 0 = first dose).
    static let blinatumomabRisks: [AERisk] = [
        .init(term: .cytokineRelease, probability: .fixed(0.14), gradeWeights: [0.62, 0.32, 0.06, 0], onset: 0...2, related: 0),
        .init(term: .neurotoxicity, probability: .fixed(0.12), gradeWeights: [0.45, 0.37, 0.16, 0.02], onset: 1...10, related: 0),
        .init(term: .tremor, probability: .fixed(0.18), gradeWeights: [0.70, 0.26, 0.04, 0], onset: 1...14, related: 0),
        .init(term: .headache, probability: .fixed(0.25), gradeWeights: [0.65, 0.30, 0.05, 0], onset: 0...10, related: 0),
        .init(term: .fever, probability: .fixed(0.40), gradeWeights: [0.75, 0.20, 0.05, 0], onset: 0...2, related: 0),
        .init(term: .neutrophilsDecreased, probability: .fixed(0.18), gradeWeights: [0, 0.25, 0.45, 0.30], onset: 7...27, related: 0),
        .init(term: .nausea, probability: .fixed(0.12), gradeWeights: [0.70, 0.30, 0, 0], onset: 0...20, related: 2),
        .init(term: .lungInfection, probability: .fixed(0.04), gradeWeights: [0, 0.40, 0.50, 0.10], onset: 5...40, related: 2),
        .init(term: .bacteremia, probability: .fixed(0.03), gradeWeights: [0, 1, 0, 0], onset: 5...40, related: 2),
    ]

    /// Transplant phase (both arms), onset in days after transplant (negative: during conditioning).
    static let transplantRisks: [AERisk] = [
        .init(term: .neutrophilsDecreased, probability: .fixed(0.97), gradeWeights: [0, 0, 0.10, 0.90], onset: -2...5, related: 1),
        .init(term: .plateletsDecreased, probability: .fixed(0.93), gradeWeights: [0, 0.05, 0.35, 0.60], onset: 0...7, related: 1),
        .init(term: .anemia, probability: .fixed(0.85), gradeWeights: [0.05, 0.45, 0.50, 0], onset: -3...10, related: 1),
        .init(term: .febrileNeutropenia, probability: .fixed(0.55), gradeWeights: [0, 0, 0.85, 0.15], onset: 2...14, related: 1),
        .init(term: .mucositis, probability: .byConditioning(0.65, 0.35), gradeWeights: [0.25, 0.40, 0.30, 0.05], onset: 2...10, related: 1),
        .init(term: .diarrhea, probability: .fixed(0.45), gradeWeights: [0.45, 0.35, 0.17, 0.03], onset: -3...30, related: 1),
        .init(term: .nausea, probability: .fixed(0.60), gradeWeights: [0.50, 0.40, 0.10, 0], onset: -5...0, related: 1),
        .init(term: .fever, probability: .fixed(0.45), gradeWeights: [0.60, 0.30, 0.10, 0], onset: 0...20, related: 1),
        .init(term: .sepsis, probability: .fixed(0.09), gradeWeights: [0, 0, 0.55, 0.45], onset: 5...60, related: 1),
        .init(term: .lungInfection, probability: .fixed(0.12), gradeWeights: [0, 0.35, 0.45, 0.20], onset: 10...100, related: 1),
        .init(term: .bacteremia, probability: .fixed(0.15), gradeWeights: [0, 1, 0, 0], onset: 3...30, related: 1),
        .init(term: .cmvReactivation, probability: .fixed(0.32), gradeWeights: [0, 0.60, 0.35, 0.05], onset: 20...80, related: 1),
        .init(term: .acuteGVHD, probability: .byDonor([0.30, 0.42, 0.38, 0.55]), gradeWeights: [0.35, 0.35, 0.20, 0.10], onset: 14...100, related: 1),
        .init(term: .sinusoidalObstruction, probability: .byConditioning(0.06, 0.03), gradeWeights: [0, 0.30, 0.45, 0.25], onset: 3...21, related: 1),
        .init(term: .headache, probability: .fixed(0.20), gradeWeights: [0.70, 0.30, 0, 0], onset: -5...30, related: 2),
    ]

    /// Causes of a fatal (grade 5) event in non-relapse deaths: before day 21 after transplant, from
    /// day 21, and before transplant (blinatumomab arm).
    static let earlyFatalCauses: [(AETerm, Double)] = [(.sepsis, 0.5), (.sinusoidalObstruction, 0.3), (.lungInfection, 0.2)]
    static let lateFatalCauses: [(AETerm, Double)] = [(.sepsis, 0.35), (.acuteGVHD, 0.35), (.lungInfection, 0.2), (.cmvReactivation, 0.1)]
    static let pretransplantFatalCauses: [(AETerm, Double)] = [(.sepsis, 0.6), (.lungInfection, 0.4)]
    /// Events outside the treatment-emergent window: before the first dose, and after day 100.
    static let pretreatmentTerms: [AETerm] = [.nausea, .headache, .fever]
    static let lateTerms: [(AETerm, ClosedRange<Int>)] = [(.cmvReactivation, 2...2), (.lungInfection, 2...3), (.diarrhea, 1...2)]
}
