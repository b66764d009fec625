import Testing
import ReadoutData
@testable import ReadoutSynth

/// Names, order, types and controlled terms of the generated datasets (default parameters).
@Suite struct SampleTrialStructureTests {
    static let data = SampleDatasets(SampleTrial.generate())
    var adsl: Dataset { Self.data.adsl }
    var adtte: Dataset { Self.data.adtte }
    var adae: Dataset { Self.data.adae }

    func expectValues(_ d: Dataset, _ name: String, in allowed: Set<String>, missingAllowed: Bool = false,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        for (i, v) in d.texts(name).enumerated() {
            guard let v else {
                if !missingAllowed { Issue.record("\(d.name) row \(i + 1): \(name) missing", sourceLocation: sourceLocation); return }
                continue
            }
            if !allowed.contains(v) { Issue.record("\(d.name) row \(i + 1): \(name) = \"\(v)\"", sourceLocation: sourceLocation); return }
        }
    }

    func expectDates(_ d: Dataset, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for v in d.texts(name) {
            if let v, CivilDate(v)?.description != v { Issue.record("\(d.name).\(name) = \(v)", sourceLocation: sourceLocation); return }
        }
    }

    @Test func datasetsInOrderWithRowLocations() {
        let all = SampleTrial.generate()
        #expect(all.map(\.name) == ["ADSL", "ADTTE", "ADAE"])
        for d in all {
            #expect(d.rowLocations == Array(stride(from: 1, through: d.rowCount, by: 1)))
            for c in d.columns { #expect(c.count == d.rowCount, "\(d.name).\(c.name)") }
            #expect(d.columns.allSatisfy { $0.label != nil })
        }
    }

    @Test func adslVariablesAndTerms() {
        let t = SampleTrialTerms.self
        #expect(adsl.rowCount == 300)
        #expect(adsl.columnNames == ["STUDYID", "USUBJID", "SUBJID", "SITEID", "AGE", "AGEU", "AGEGR1", "SEX", "RACE",
                                     "ECOGBL", "CRNUM", "CYTOGEN", "SCRNFL", "SCRNDT", "SCRFREAS", "RANDFL", "ITTFL", "SAFFL",
                                     "TRT01P", "TRT01A", "RANDDT", "STRAT1", "STRAT2", "TRTSDT", "TRTEDT", "BLINCYC", "BLINFL", "BLINNRS", "HSCTFL",
                                     "HSCTDT", "NOHSCTRS", "DONORTYP", "CONDREG", "MRDNEGFL", "MRDMETH", "DTHFL", "DTHDT",
                                     "LSTCNTDT", "EOSSTT", "DCSREAS"])
        expectValues(adsl, "STUDYID", in: ["BLINA-MRD-01"])
        expectValues(adsl, "AGEGR1", in: ["18-39", "40-54", "55-70"])
        expectValues(adsl, "SEX", in: ["M", "F"])
        expectValues(adsl, "RACE", in: Set(t.races))
        expectValues(adsl, "ECOGBL", in: ["0", "1", "2"])
        expectValues(adsl, "CRNUM", in: ["CR1", "CR2"])
        expectValues(adsl, "CYTOGEN", in: Set(t.cytogeneticRisks))
        expectValues(adsl, "SCRNFL", in: ["Y"])
        expectValues(adsl, "SCRFREAS", in: Set(t.screenFailureReasons), missingAllowed: true)
        for f in ["RANDFL", "ITTFL", "SAFFL", "HSCTFL", "DTHFL"] { expectValues(adsl, f, in: ["Y", "N"]) }
        expectValues(adsl, "TRT01P", in: ["Blinatumomab then allo-HSCT", "Direct allo-HSCT"], missingAllowed: true)
        expectValues(adsl, "TRT01A", in: ["Blinatumomab then allo-HSCT", "Direct allo-HSCT"], missingAllowed: true)
        expectValues(adsl, "STRAT1", in: ["CR1", "CR2"], missingAllowed: true)
        expectValues(adsl, "STRAT2", in: ["<40", ">=40"], missingAllowed: true)
        expectValues(adsl, "NOHSCTRS", in: Set(t.noTransplantReasons), missingAllowed: true)
        expectValues(adsl, "DONORTYP", in: Set(t.donorTypes), missingAllowed: true)
        expectValues(adsl, "CONDREG", in: ["Myeloablative", "Reduced intensity"], missingAllowed: true)
        expectValues(adsl, "MRDNEGFL", in: ["Y", "N"], missingAllowed: true)
        expectValues(adsl, "MRDMETH", in: ["Flow cytometry", "PCR"], missingAllowed: true)
        expectValues(adsl, "EOSSTT", in: ["COMPLETED", "DISCONTINUED", "ONGOING"])
        expectValues(adsl, "DCSREAS", in: ["SCREEN FAILURE", "DEATH", "LOST TO FOLLOW-UP", "PROGRESSIVE DISEASE",
                                           "ADVERSE EVENT", "PHYSICIAN DECISION", "WITHDRAWAL BY SUBJECT"], missingAllowed: true)
        for d in ["SCRNDT", "RANDDT", "TRTSDT", "TRTEDT", "HSCTDT", "DTHDT", "LSTCNTDT"] { expectDates(adsl, d) }
        let ages = adsl.numerics("AGE").map { $0! }
        #expect(ages.allSatisfy { $0 >= 18 && $0 <= 70 && $0 == $0.rounded() })
        let ids = adsl.texts("USUBJID").map { $0! }
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        #expect(ids.allSatisfy { id in
            let parts = id.split(separator: "-")
            return id.hasPrefix("BLINA-MRD-01-") && parts.count == 5 && parts[3].count == 3 && parts[4].count == 4
        })
        let sites = Set(adsl.texts("SITEID").map { $0! })
        #expect((8...12).contains(sites.count))
    }

    @Test func adtteVariablesAndTerms() {
        #expect(adtte.columnNames == ["STUDYID", "USUBJID", "TRT01P", "STRAT1", "STRAT2", "PARAMCD", "PARAM", "AVAL", "AVALU",
                                      "CNSR", "EVNTDESC", "CNSDTDSC", "STARTDT", "ADT"])
        expectValues(adtte, "PARAMCD", in: ["RFS", "OS"])
        expectValues(adtte, "PARAM", in: ["Relapse-free survival from transplant", "Overall survival from transplant"])
        expectValues(adtte, "AVALU", in: ["DAYS"])
        expectValues(adtte, "CNSDTDSC", in: ["DATA CUT-OFF", "LOST TO FOLLOW-UP", "END OF FOLLOW-UP"], missingAllowed: true)
        expectDates(adtte, "STARTDT")
        expectDates(adtte, "ADT")
        let paramcd = adtte.texts("PARAMCD"), param = adtte.texts("PARAM"), desc = adtte.texts("EVNTDESC")
        let cnsr = adtte.numerics("CNSR"), aval = adtte.numerics("AVAL"), censorDesc = adtte.texts("CNSDTDSC")
        for i in 0..<adtte.rowCount {
            #expect(param[i] == (paramcd[i] == "RFS" ? "Relapse-free survival from transplant" : "Overall survival from transplant"))
            #expect(cnsr[i] == 0 || cnsr[i] == 1)
            #expect(aval[i]! >= 1 && aval[i]! <= 1095 && aval[i]! == aval[i]!.rounded())
            let allowed: Set<String?> = paramcd[i] == "RFS" ? ["RELAPSE", "DEATH WITHOUT RELAPSE"] : ["DEATH"]
            #expect(cnsr[i] == 0 ? allowed.contains(desc[i]) && censorDesc[i] == nil : desc[i] == nil && censorDesc[i] != nil)
            let days = CivilDate(adtte.texts("ADT")[i]!)! - CivilDate(adtte.texts("STARTDT")[i]!)!
            #expect(Double(days) == aval[i])
        }
    }

    @Test func adaeVariablesAndTerms() {
        #expect(adae.columnNames == ["STUDYID", "USUBJID", "TRT01A", "AESEQ", "AETERM", "AEDECOD", "AEBODSYS", "AETOXGR",
                                     "AESER", "AEACN", "AREL", "ASTDT", "ASTDY", "HSCTDY", "TRTEMFL"])
        let socOf: [String: String] = [
            "Neutrophil count decreased": "Investigations", "Platelet count decreased": "Investigations",
            "Anemia": "Blood and lymphatic system disorders", "Febrile neutropenia": "Blood and lymphatic system disorders",
            "Sepsis": "Infections and infestations", "Lung infection": "Infections and infestations",
            "Cytomegalovirus infection reactivation": "Infections and infestations", "Bacteremia": "Infections and infestations",
            "Cytokine release syndrome": "Immune system disorders", "Acute graft versus host disease": "Immune system disorders",
            "Immune effector cell-associated neurotoxicity syndrome": "Nervous system disorders",
            "Headache": "Nervous system disorders", "Tremor": "Nervous system disorders",
            "Mucositis oral": "Gastrointestinal disorders", "Diarrhea": "Gastrointestinal disorders", "Nausea": "Gastrointestinal disorders",
            "Sinusoidal obstruction syndrome": "Hepatobiliary disorders", "Fever": "General disorders and administration site conditions",
        ]
        let decod = adae.texts("AEDECOD"), soc = adae.texts("AEBODSYS")
        for i in 0..<adae.rowCount { #expect(socOf[decod[i]!] == soc[i], "\(decod[i]!)") }
        #expect(Set(decod.map { $0! }) == Set(socOf.keys))
        expectValues(adae, "AETOXGR", in: ["1", "2", "3", "4", "5"])
        expectValues(adae, "AESER", in: ["Y", "N"])
        expectValues(adae, "AREL", in: ["Blinatumomab", "Transplant", "None"])
        expectValues(adae, "TRTEMFL", in: ["Y", "N"])
        expectDates(adae, "ASTDT")
        // CTCAE v5 grade ranges of terms with restricted grades.
        let grade = adae.texts("AETOXGR")
        for i in 0..<adae.rowCount {
            switch decod[i]! {
            case "Sepsis", "Febrile neutropenia": #expect(["3", "4", "5"].contains(grade[i]!))
            case "Bacteremia": #expect(grade[i] == "2")
            case "Nausea", "Tremor", "Headache": #expect(["1", "2", "3"].contains(grade[i]!))
            default: break
            }
        }
        // AESEQ is 1…k within each subject, in onset order.
        let ids = adae.texts("USUBJID"), seq = adae.numerics("AESEQ"), day = adae.numerics("ASTDY")
        for i in 0..<adae.rowCount {
            if i == 0 || ids[i] != ids[i - 1] { #expect(seq[i] == 1) } else {
                #expect(seq[i] == seq[i - 1]! + 1)
                #expect(day[i]! >= day[i - 1]!)
                #expect(ids[i]! > ids[i - 1]! || ids[i] == ids[i - 1])
            }
        }
    }

    @Test func blinatumomabOnlyEventsOnlyInTheBlinatumomabArm() {
        let arm = adae.texts("TRT01A"), decod = adae.texts("AEDECOD"), rel = adae.texts("AREL")
        for i in 0..<adae.rowCount where arm[i] == "Direct allo-HSCT" {
            #expect(!["Cytokine release syndrome", "Immune effector cell-associated neurotoxicity syndrome", "Tremor"].contains(decod[i]!))
            #expect(rel[i] != "Blinatumomab")
        }
        let crs = (0..<adae.rowCount).filter { decod[$0] == "Cytokine release syndrome" }
        #expect(!crs.isEmpty)
    }
}
