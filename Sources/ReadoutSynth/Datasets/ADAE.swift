// ADAE: one row per adverse event, in USUBJID then AESEQ (onset) order: events of treated subjects,
// and events of randomized subjects never treated (ASTDY missing, TRTEMFL "N"). AEACN: "DRUG
// WITHDRAWN" for a grade ≥ 3 event of the blinatumomab phase, "DOSE NOT CHANGED" for its other events,
// "NOT APPLICABLE" outside it (before the first dose, and transplant, a one-time procedure).
// ASTDY is the ADaM study day from TRTSDT (day 1 = first dose, no day 0); HSCTDY counts days from
// transplant (day 0 = HSCTDT). TRTEMFL = "Y" when TRTSDT ≤ ASTDT ≤ end of the window (day 100 after
// transplant, or 30 days after the last dose for subjects never transplanted).

import ReadoutData

extension SampleTrial {
    static func makeADAE(_ subjects: [SimulatedSubject], _ adverseEvents: [[SimulatedAdverseEvent]]) -> Dataset {
        var rows: [(subject: Int, sequence: Int, event: SimulatedAdverseEvent)] = []
        for (i, events) in adverseEvents.enumerated() {
            for (k, event) in events.enumerated() { rows.append((i, k + 1, event)) }
        }
        func subject(_ row: (subject: Int, sequence: Int, event: SimulatedAdverseEvent)) -> SimulatedSubject { subjects[row.subject] }
        func term(_ row: (subject: Int, sequence: Int, event: SimulatedAdverseEvent)) -> AdverseEventTerm {
            AdverseEventCatalog.term(row.event.term)
        }
        var c = ColumnList()
        c.text("STUDYID", "Study Identifier", rows.map { _ in SampleTrialTerms.studyID })
        c.text("USUBJID", "Unique Subject Identifier", rows.map { subject($0).usubjid })
        c.text("TRT01A", "Actual Treatment for Period 01", rows.map { subject($0).actualArm?.label })
        c.integer("AESEQ", "Sequence Number", rows.map(\.sequence))
        c.text("AETERM", "Reported Term for the Adverse Event", rows.map { term($0).verbatim })
        c.text("AEDECOD", "Dictionary-Derived Term", rows.map { term($0).decoded })
        c.text("AEBODSYS", "Body System or Organ Class", rows.map { term($0).bodySystem })
        c.text("AETOXGR", "Standard Toxicity Grade", rows.map { String($0.event.grade) })
        c.text("AESER", "Serious Event", rows.map { flag(AdverseEventCatalog.isSerious($0.event.term, grade: $0.event.grade)) })
        c.text("AEACN", "Action Taken with Study Treatment", rows.map { row in
            row.event.phase != 1 ? "NOT APPLICABLE" : row.event.grade >= 3 ? "DRUG WITHDRAWN" : "DOSE NOT CHANGED"
        })
        c.text("AREL", "Analysis Causality", rows.map { SampleTrialTerms.relatedness[$0.event.related] })
        c.text("ASTDT", "Analysis Start Date", rows.map { $0.event.start.description })
        c.integer("ASTDY", "Analysis Start Relative Day", rows.map { row in subject(row).firstDoseDate.map { CivilDate.studyDay(row.event.start, reference: $0) } })
        c.integer("HSCTDY", "Analysis Start Day Relative to HSCT", rows.map { row in subject(row).transplantDate.map { row.event.start - $0 } })
        c.text("TRTEMFL", "Treatment Emergent Analysis Flag", rows.map { row in
            let s = subject(row)
            guard let firstDose = s.firstDoseDate, let windowEnd = s.treatmentEmergentWindowEnd else { return "N" }
            return flag(row.event.start >= firstDose && row.event.start <= windowEnd)
        })
        return c.dataset("ADAE", rows: rows.count)
    }
}
