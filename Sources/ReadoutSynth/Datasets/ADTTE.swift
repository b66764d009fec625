// ADTTE: two rows (RFS, then OS) per transplanted subject, in USUBJID order. AVAL is days from
// transplant (STARTDT = HSCTDT) to the event or censoring date ADT, so AVAL = ADT − STARTDT ≥ 1.

import ReadoutData

extension SampleTrial {
    static func makeADTTE(_ subjects: [SimulatedSubject]) -> Dataset {
        var rows: [(subject: SimulatedSubject, parameter: Int, record: TimeToEvent)] = []
        for s in subjects {
            guard let rfs = s.relapseFreeSurvival, let os = s.overallSurvival else { continue }
            rows.append((s, 0, rfs))
            rows.append((s, 1, os))
        }
        let parameters = SampleTrialTerms.parameters
        var c = ColumnList()
        c.text("STUDYID", "Study Identifier", rows.map { _ in SampleTrialTerms.studyID })
        c.text("USUBJID", "Unique Subject Identifier", rows.map(\.subject.usubjid))
        c.text("TRT01P", "Planned Treatment for Period 01", rows.map { $0.subject.arm?.label })
        c.text("STRAT1", "Stratification Factor 1: Remission", rows.map { $0.subject.secondRemission ? "CR2" : "CR1" })
        c.text("STRAT2", "Stratification Factor 2: Age Group", rows.map { $0.subject.age < 40 ? "<40" : ">=40" })
        c.text("PARAMCD", "Parameter Code", rows.map { parameters[$0.parameter].0 })
        c.text("PARAM", "Parameter", rows.map { parameters[$0.parameter].1 })
        c.integer("AVAL", "Analysis Value", rows.map(\.record.days))
        c.text("AVALU", "Analysis Value Unit", rows.map { _ in "DAYS" })
        c.integer("CNSR", "Censor", rows.map { $0.record.eventDescription == nil ? 1 : 0 })
        c.text("EVNTDESC", "Event or Censoring Description", rows.map(\.record.eventDescription))
        c.text("CNSDTDSC", "Censor Date Description", rows.map(\.record.censorDescription))
        c.text("STARTDT", "Time-to-Event Origin Date (HSCT)", rows.map { $0.subject.transplantDate?.description })
        c.text("ADT", "Analysis Date", rows.map { ($0.subject.transplantDate! + $0.record.days).description })
        return c.dataset("ADTTE", rows: rows.count)
    }
}
