// ADSL: one row per screened subject, in USUBJID order (site, then number at site).

import ReadoutData

extension SampleTrial {
    static func makeADSL(_ subjects: [SimulatedSubject]) -> Dataset {
        let t = SampleTrialTerms.self
        func text(_ transform: (SimulatedSubject) -> String?) -> [String?] { subjects.map(transform) }
        func date(_ transform: (SimulatedSubject) -> CivilDate?) -> [String?] { subjects.map { transform($0)?.description } }
        var c = ColumnList()
        c.text("STUDYID", "Study Identifier", text { _ in t.studyID })
        c.text("USUBJID", "Unique Subject Identifier", text(\.usubjid))
        c.text("SUBJID", "Subject Identifier for the Study", text(\.subjid))
        c.text("SITEID", "Study Site Identifier", text(\.siteID))
        c.integer("AGE", "Age", subjects.map(\.age))
        c.text("AGEU", "Age Units", text { _ in "YEARS" })
        c.text("AGEGR1", "Pooled Age Group 1", text { t.ageGroups[$0.ageGroup] })
        c.text("SEX", "Sex", text { $0.male ? "M" : "F" })
        c.text("RACE", "Race", text { t.races[$0.race] })
        c.text("ECOGBL", "Baseline ECOG Performance Status", text { String($0.ecog) })
        c.text("CRNUM", "Complete Remission Number at Entry", text { $0.secondRemission ? "CR2" : "CR1" })
        c.text("CYTOGEN", "Cytogenetic/Molecular Risk Group", text { t.cytogeneticRisks[$0.cytogenetics] })
        c.text("SCRNFL", "Screened Population Flag", text { _ in "Y" })
        c.text("SCRNDT", "Date of Screening", date(\.screeningDate))
        c.text("SCRFREAS", "Reason for Screen Failure", text { $0.screenFailureReason.map { t.screenFailureReasons[$0] } })
        c.text("RANDFL", "Randomized Population Flag", text { flag($0.randomized) })
        c.text("ITTFL", "Intent-To-Treat Population Flag", text { flag($0.randomized) })
        c.text("SAFFL", "Safety Population Flag", text { flag($0.treated) })
        c.text("TRT01P", "Planned Treatment for Period 01", text { $0.arm?.label })
        c.text("TRT01A", "Actual Treatment for Period 01", text { $0.actualArm?.label })
        c.text("RANDDT", "Date of Randomization", date(\.randomizationDate))
        c.text("STRAT1", "Stratification Factor 1: Remission", text { $0.randomized ? ($0.secondRemission ? "CR2" : "CR1") : nil })
        c.text("STRAT2", "Stratification Factor 2: Age Group", text { $0.randomized ? ($0.age < 40 ? "<40" : ">=40") : nil })
        c.text("TRTSDT", "Date of First Exposure to Treatment", date(\.firstDoseDate))
        c.text("TRTEDT", "Date of Last Exposure to Treatment", date(\.lastDoseDate))
        c.integer("BLINCYC", "Number of Blinatumomab Cycles Started", subjects.map(\.blinatumomabCycles))
        c.text("BLINFL", "Received Blinatumomab Flag", text { $0.randomized ? flag($0.actualArm == .blinatumomab) : nil })
        c.text("BLINNRS", "Reason Blinatumomab Not Received", text { s in
            guard s.arm == .blinatumomab, s.actualArm != .blinatumomab else { return nil }
            return s.actualArm == .direct ? t.offArmReason : s.noTransplantReason.map { t.noTransplantReasons[$0] }
        })
        c.text("HSCTFL", "Transplanted Flag", text { flag($0.transplanted) })
        c.text("HSCTDT", "Date of Allogeneic HSCT", date(\.transplantDate))
        c.text("NOHSCTRS", "Reason Not Transplanted", text { $0.noTransplantReason.map { t.noTransplantReasons[$0] } })
        c.text("DONORTYP", "Donor Type", text { $0.transplanted ? t.donorTypes[$0.donorType] : nil })
        c.text("CONDREG", "Conditioning Regimen Intensity", text { $0.treated && $0.conditioningStartDate != nil ? t.conditioningRegimens[$0.reducedIntensity ? 1 : 0] : nil })
        c.text("MRDNEGFL", "MRD Negative Before HSCT Flag", text { $0.mrdNegativeBeforeTransplant.map(flag) })
        c.text("MRDMETH", "Pre-HSCT MRD Assessment Method", text { $0.mrdNegativeBeforeTransplant == nil ? nil : t.mrdMethods[$0.mrdMethod] })
        c.text("DTHFL", "Subject Death Flag", text { flag($0.deathDate != nil) })
        c.text("DTHDT", "Date of Death", date(\.deathDate))
        c.text("LSTCNTDT", "Date of Last Contact", date(\.lastContactDate))
        c.text("EOSSTT", "End of Study Status", text(\.endOfStudyStatus))
        c.text("DCSREAS", "Reason for Discontinuation from Study", text(\.discontinuationReason))
        return c.dataset("ADSL", rows: subjects.count)
    }
}
