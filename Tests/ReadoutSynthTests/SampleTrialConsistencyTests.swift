import Testing
import ReadoutData
@testable import ReadoutSynth

/// Cross-dataset consistency, checked on the default seed and on two other seeds with more subjects.
@Suite struct SampleTrialConsistencyTests {
    static let cases: [SampleDatasets] = [
        SampleDatasets(SampleTrial.generate()),
        SampleDatasets(SampleTrial.generate({ var p = SampleTrialParameters(); p.seed = 1; p.screened = 1500; return p }())),
        SampleDatasets(SampleTrial.generate({ var p = SampleTrialParameters(); p.seed = 99; p.screened = 1500; p.accrualDays = 400; return p }())),
    ]

    static func date(_ s: String?) -> CivilDate? { s.flatMap { CivilDate($0) } }

    @Test(arguments: 0..<3) func populationsAndFlags(_ k: Int) {
        let adsl = Self.cases[k].adsl
        let cutoff = SampleTrialParameters().dataCutoff
        for i in 0..<adsl.rowCount {
            let randomized = adsl.texts("RANDFL")[i] == "Y"
            #expect(adsl.texts("ITTFL")[i] == adsl.texts("RANDFL")[i])
            #expect((adsl.texts("SCRFREAS")[i] == nil) == randomized)
            #expect((adsl.texts("TRT01P")[i] != nil) == randomized)
            #expect((adsl.texts("RANDDT")[i] != nil) == randomized)
            #expect((adsl.texts("STRAT1")[i] != nil) == randomized)
            #expect(adsl.texts("STRAT1")[i] == (randomized ? adsl.texts("CRNUM")[i] : nil))
            if randomized { #expect(adsl.texts("STRAT2")[i] == (adsl.numerics("AGE")[i]! < 40 ? "<40" : ">=40")) }
            let treated = adsl.texts("SAFFL")[i] == "Y"
            #expect((adsl.texts("TRTSDT")[i] != nil) == treated)
            // Treated subjects receive their arm, except blinatumomab-arm subjects sent straight to transplant.
            let offArm = adsl.texts("BLINNRS")[i] == SampleTrialTerms.offArmReason
            #expect(adsl.texts("TRT01A")[i] == (!treated ? nil : offArm ? SampleTrialTerms.directArm : adsl.texts("TRT01P")[i]))
            #expect(!offArm || (transplantedFlag(adsl, i) && adsl.texts("TRT01P")[i] == SampleTrialTerms.blinatumomabArm))
            #expect(adsl.texts("BLINFL")[i] == (randomized ? (adsl.texts("TRT01A")[i] == SampleTrialTerms.blinatumomabArm ? "Y" : "N") : nil))
            let transplanted = adsl.texts("HSCTFL")[i] == "Y"
            #expect((adsl.texts("HSCTDT")[i] != nil) == transplanted)
            #expect((adsl.texts("DONORTYP")[i] != nil) == transplanted)
            #expect((adsl.texts("CONDREG")[i] != nil) == transplanted)
            #expect(!transplanted || treated)
            #expect((adsl.texts("NOHSCTRS")[i] != nil) == (randomized && !transplanted))
            #expect(adsl.texts("MRDNEGFL")[i] == nil || transplanted)
            #expect((adsl.texts("MRDMETH")[i] == nil) == (adsl.texts("MRDNEGFL")[i] == nil))
            let blina = adsl.texts("TRT01P")[i] == "Blinatumomab then allo-HSCT"
            let cycles = adsl.numerics("BLINCYC")[i]
            #expect(blina ? cycles != nil && cycles! <= 2 && (cycles! >= 1) == (treated && !offArm) : cycles == nil)
            // Dates in order: screening < randomization < first dose ≤ transplant ≤ last contact ≤ cut-off.
            let screened = Self.date(adsl.texts("SCRNDT")[i])!
            if let r = Self.date(adsl.texts("RANDDT")[i]) { #expect(r > screened) }
            if let f = Self.date(adsl.texts("TRTSDT")[i]) {
                #expect(f > Self.date(adsl.texts("RANDDT")[i])!)
                #expect(Self.date(adsl.texts("TRTEDT")[i])! >= f)
            }
            if let h = Self.date(adsl.texts("HSCTDT")[i]) {
                #expect(h > Self.date(adsl.texts("TRTSDT")[i])!)
                #expect(Self.date(adsl.texts("TRTEDT")[i]) == h)
            }
            let lastContact = Self.date(adsl.texts("LSTCNTDT")[i])!
            #expect(lastContact <= cutoff)
            // Death flag, date and end-of-study status agree.
            let dead = adsl.texts("DTHFL")[i] == "Y"
            #expect((adsl.texts("DTHDT")[i] != nil) == dead)
            if dead { #expect(Self.date(adsl.texts("DTHDT")[i]) == lastContact) }
            #expect((adsl.texts("DCSREAS")[i] == "DEATH") == dead)
            let status = adsl.texts("EOSSTT")[i]!
            #expect((status == "DISCONTINUED") == (adsl.texts("DCSREAS")[i] != nil))
            if status != "DISCONTINUED" { #expect(transplanted) }
            if !randomized { #expect(adsl.texts("DCSREAS")[i] == "SCREEN FAILURE") }
            if adsl.texts("NOHSCTRS")[i] == "Death before HSCT" { #expect(dead) }
        }
    }

    @Test(arguments: 0..<3) func timeToEventAgreesWithSubjectLevelData(_ k: Int) {
        let d = Self.cases[k], adsl = d.adsl, adtte = d.adtte
        let row = d.adslRow
        let transplanted = Set((0..<adsl.rowCount).filter { adsl.texts("HSCTFL")[$0] == "Y" }.map { adsl.texts("USUBJID")[$0]! })
        var rfs: [String: Int] = [:], os: [String: Int] = [:]
        for i in 0..<adtte.rowCount {
            let id = adtte.texts("USUBJID")[i]!
            #expect(row[id] != nil)
            if adtte.texts("PARAMCD")[i] == "RFS" { #expect(rfs.updateValue(i, forKey: id) == nil) }
            else { #expect(os.updateValue(i, forKey: id) == nil) }
        }
        #expect(Set(rfs.keys) == transplanted)
        #expect(Set(os.keys) == transplanted)
        for id in transplanted {
            let a = row[id]!, r = rfs[id]!, o = os[id]!
            #expect(adtte.texts("STARTDT")[r] == adsl.texts("HSCTDT")[a])
            #expect(adtte.texts("STARTDT")[o] == adsl.texts("HSCTDT")[a])
            #expect(adtte.texts("TRT01P")[r] == adsl.texts("TRT01P")[a])
            #expect(adtte.texts("STRAT1")[r] == adsl.texts("STRAT1")[a])
            let rfsTime = adtte.numerics("AVAL")[r]!, osTime = adtte.numerics("AVAL")[o]!
            let rfsEvent = adtte.numerics("CNSR")[r] == 0, osEvent = adtte.numerics("CNSR")[o] == 0
            #expect(osTime >= rfsTime)
            if !rfsEvent { #expect(!osEvent && osTime == rfsTime && adtte.texts("CNSDTDSC")[o] == adtte.texts("CNSDTDSC")[r]) }
            if adtte.texts("EVNTDESC")[r] == "DEATH WITHOUT RELAPSE" { #expect(osEvent && osTime == rfsTime) }
            if adtte.texts("EVNTDESC")[r] == "RELAPSE", osEvent { #expect(osTime > rfsTime) }
            // Death in ADSL iff OS event, on the same date; last contact is the OS date.
            #expect((adsl.texts("DTHFL")[a] == "Y") == osEvent)
            if osEvent { #expect(adsl.texts("DTHDT")[a] == adtte.texts("ADT")[o]) }
            #expect(adsl.texts("LSTCNTDT")[a] == adtte.texts("ADT")[o])
            let censorReason = adtte.texts("CNSDTDSC")[o]
            switch adsl.texts("EOSSTT")[a] {
            case "COMPLETED": #expect(censorReason == "END OF FOLLOW-UP" && osTime == 1095)
            case "ONGOING": #expect(censorReason == "DATA CUT-OFF")
            default: #expect(adsl.texts("DCSREAS")[a] == (osEvent ? "DEATH" : "LOST TO FOLLOW-UP"))
            }
            if censorReason == "LOST TO FOLLOW-UP" { #expect(adsl.texts("DCSREAS")[a] == "LOST TO FOLLOW-UP") }
            if censorReason == "DATA CUT-OFF" { #expect(adtte.texts("ADT")[o] == "2026-06-30") }
        }
    }

    @Test(arguments: 0..<3) func adverseEventsAgreeWithSubjectLevelData(_ k: Int) {
        let d = Self.cases[k], adsl = d.adsl, adae = d.adae
        let row = d.adslRow
        var fatal: [String: Int] = [:]
        for i in 0..<adae.rowCount {
            let id = adae.texts("USUBJID")[i]!
            guard let a = row[id] else { Issue.record("\(id) not in ADSL"); continue }
            #expect(adae.texts("TRT01A")[i] == adsl.texts("TRT01A")[a])
            let start = Self.date(adae.texts("ASTDT")[i])!
            // A randomized subject never treated: one grade 1 event on the day they left, outside the window.
            guard adsl.texts("SAFFL")[a] == "Y" else {
                #expect(adsl.texts("RANDFL")[a] == "Y" && adae.texts("TRTEMFL")[i] == "N" && adae.numerics("ASTDY")[i] == nil)
                #expect(start == Self.date(adsl.texts("LSTCNTDT")[a])! && adae.texts("AETOXGR")[i] == "1")
                continue
            }
            let firstDose = Self.date(adsl.texts("TRTSDT")[a])!
            #expect(adae.numerics("ASTDY")[i] == Double(CivilDate.studyDay(start, reference: firstDose)))
            #expect(start <= Self.date(adsl.texts("LSTCNTDT")[a])!)
            #expect(start >= Self.date(adsl.texts("RANDDT")[a])!)
            let transplant = Self.date(adsl.texts("HSCTDT")[a])
            #expect(adae.numerics("HSCTDY")[i] == transplant.map { Double(start - $0) })
            let windowEnd = transplant.map { $0 + 100 } ?? Self.date(adsl.texts("TRTEDT")[a])! + 30
            let emergent = start >= firstDose && start <= windowEnd
            #expect(adae.texts("TRTEMFL")[i] == (emergent ? "Y" : "N"))
            if adae.texts("TRTEMFL")[i] == "Y", let transplant { #expect(start - transplant <= 100) }
            if adae.texts("AETOXGR")[i] == "5" {
                #expect(fatal.updateValue(i, forKey: id) == nil, "one fatal event per subject")
                #expect(adsl.texts("DTHFL")[a] == "Y")
                let death = Self.date(adsl.texts("DTHDT")[a])!
                #expect(start <= death && death <= windowEnd)
                #expect(adae.texts("TRTEMFL")[i] == "Y")
                #expect(adae.texts("AESER")[i] == "Y")
            }
        }
        // Every treated subject who died in the window without relapse has exactly one fatal event.
        let relapsed = Set((0..<d.adtte.rowCount).filter { d.adtte.texts("EVNTDESC")[$0] == "RELAPSE" }.map { d.adtte.texts("USUBJID")[$0]! })
        for a in 0..<adsl.rowCount where adsl.texts("DTHFL")[a] == "Y" && adsl.texts("SAFFL")[a] == "Y" {
            let id = adsl.texts("USUBJID")[a]!
            let death = Self.date(adsl.texts("DTHDT")[a])!
            let windowEnd = Self.date(adsl.texts("HSCTDT")[a]).map { $0 + 100 } ?? Self.date(adsl.texts("TRTEDT")[a])! + 30
            #expect((fatal[id] != nil) == (death <= windowEnd && !relapsed.contains(id)), "\(id)")
        }
    }

    @Test(arguments: 0..<3) func randomizationIsBalancedWithinStrata(_ k: Int) {
        let adsl = Self.cases[k].adsl
        let randomized = (0..<adsl.rowCount).filter { adsl.texts("RANDFL")[$0] == "Y" }
            .sorted { (adsl.texts("RANDDT")[$0]!, adsl.texts("USUBJID")[$0]!) < (adsl.texts("RANDDT")[$1]!, adsl.texts("USUBJID")[$1]!) }
        var total = 0
        for s1 in ["CR1", "CR2"] {
            for s2 in ["<40", ">=40"] {
                let stratum = randomized.filter { adsl.texts("STRAT1")[$0] == s1 && adsl.texts("STRAT2")[$0] == s2 }
                let blina = stratum.filter { adsl.texts("TRT01P")[$0] == "Blinatumomab then allo-HSCT" }.count
                // Blocks of 4 complete within a stratum: final imbalance at most 2.
                #expect(abs(2 * blina - stratum.count) <= 2, "\(s1) \(s2)")
                total += blina
            }
        }
        #expect(abs(2 * total - randomized.count) <= 8)
    }

    func transplantedFlag(_ adsl: Dataset, _ i: Int) -> Bool { adsl.texts("HSCTFL")[i] == "Y" }

    @Test(arguments: 0..<3) func actionTakenFollowsPhaseAndGrade(_ k: Int) {
        let adae = Self.cases[k].adae
        for i in 0..<adae.rowCount {
            let action = adae.texts("AEACN")[i]
            #expect(["DRUG WITHDRAWN", "DOSE NOT CHANGED", "NOT APPLICABLE"].contains(action))
            if action == "DRUG WITHDRAWN" {
                #expect(["3", "4", "5"].contains(adae.texts("AETOXGR")[i]) && adae.texts("TRT01A")[i] == SampleTrialTerms.blinatumomabArm)
            }
        }
    }
}
