import Testing
import ReadoutData
@testable import ReadoutSynth

/// The simulated distributions are near their design targets, checked on a large trial (30 000 screened,
/// ≈ 18 800 transplanted): estimates within ±0.025 (about 5 standard errors) of the calibration values in
/// docs/sample-trial.md.
@Suite struct SampleTrialDistributionTests {
    static let data: SampleDatasets = {
        var p = SampleTrialParameters()
        p.seed = 424_242
        p.screened = 30_000
        return SampleDatasets(SampleTrial.generate(p))
    }()

    /// Kaplan–Meier estimate at `t` (events at t included), with the arms' rows of ADTTE for `paramcd`.
    func kaplanMeier(_ paramcd: String, arm: String, at t: Double) -> Double {
        let d = Self.data.adtte
        var pairs: [(time: Double, event: Bool)] = []
        for i in 0..<d.rowCount where d.texts("PARAMCD")[i] == paramcd && d.texts("TRT01P")[i] == arm {
            pairs.append((d.numerics("AVAL")[i]!, d.numerics("CNSR")[i] == 0))
        }
        pairs.sort { $0.time < $1.time }
        var atRisk = Double(pairs.count), survival = 1.0, i = 0
        while i < pairs.count && pairs[i].time <= t {
            let time = pairs[i].time
            var events = 0.0, leaving = 0.0
            while i < pairs.count && pairs[i].time == time {
                if pairs[i].event { events += 1 }
                leaving += 1; i += 1
            }
            survival *= 1 - events / atRisk
            atRisk -= leaving
        }
        return survival
    }

    /// Aalen–Johansen cumulative incidence of one RFS cause at `t`: the sum over event times u ≤ t of
    /// S(u−) · d_cause(u) / n(u), with S the all-cause Kaplan–Meier estimate.
    func cumulativeIncidence(_ cause: String, arm: String, at t: Double) -> Double {
        let d = Self.data.adtte
        var rows: [(time: Double, cause: String?)] = []
        for i in 0..<d.rowCount where d.texts("PARAMCD")[i] == "RFS" && d.texts("TRT01P")[i] == arm {
            rows.append((d.numerics("AVAL")[i]!, d.texts("EVNTDESC")[i]))
        }
        rows.sort { $0.time < $1.time }
        var atRisk = Double(rows.count), survival = 1.0, incidence = 0.0, i = 0
        while i < rows.count && rows[i].time <= t {
            let time = rows[i].time
            var events = 0.0, ofCause = 0.0, leaving = 0.0
            while i < rows.count && rows[i].time == time {
                if let c = rows[i].cause { events += 1; if c == cause { ofCause += 1 } }
                leaving += 1; i += 1
            }
            incidence += survival * ofCause / atRisk
            survival *= 1 - events / atRisk
            atRisk -= leaving
        }
        return incidence
    }

    let blina = "Blinatumomab then allo-HSCT", direct = "Direct allo-HSCT"

    @Test func countsAreNearDesign() {
        let adsl = Self.data.adsl
        let randomized = adsl.rows(where: "RANDFL", is: "Y").count
        #expect(abs(Double(randomized) / 30_000 - 2.0 / 3.0) < 0.011)
        let transplanted = Double(adsl.rows(where: "HSCTFL", is: "Y").count) / Double(randomized)
        #expect(abs(transplanted - 0.935) < 0.008)
        let blinaRows = adsl.rows(where: "TRT01P", is: blina)
        let mrd = blinaRows.filter { adsl.texts("MRDNEGFL")[$0] != nil }
        #expect(abs(Double(mrd.filter { adsl.texts("MRDNEGFL")[$0] == "Y" }.count) / Double(mrd.count) - 0.85) < 0.017)
    }

    @Test func relapseFreeSurvivalAtTwoYearsIsNearTarget() {
        // Calibration targets: 0.652 (blinatumomab), 0.528 (direct); SE ≈ 0.005 each.
        #expect(abs(kaplanMeier("RFS", arm: blina, at: 730) - 0.652) < 0.025)
        #expect(abs(kaplanMeier("RFS", arm: direct, at: 730) - 0.528) < 0.025)
        #expect(kaplanMeier("OS", arm: blina, at: 730) > kaplanMeier("RFS", arm: blina, at: 730))
    }

    @Test func competingRisksAreNearTarget() {
        // Relapse by 2 years ≈ 0.21 vs 0.34; NRM ≈ 0.13 in both arms, about 70% of it by day 182.
        #expect(abs(cumulativeIncidence("RELAPSE", arm: blina, at: 730) - 0.212) < 0.025)
        #expect(abs(cumulativeIncidence("RELAPSE", arm: direct, at: 730) - 0.345) < 0.025)
        for arm in [blina, direct] {
            let nrm730 = cumulativeIncidence("DEATH WITHOUT RELAPSE", arm: arm, at: 730)
            let nrm182 = cumulativeIncidence("DEATH WITHOUT RELAPSE", arm: arm, at: 182)
            #expect(nrm730 > 0.11 && nrm730 < 0.155, "\(arm)")
            #expect(nrm182 / nrm730 > 0.6 && nrm182 / nrm730 < 0.8, "\(arm)")
        }
    }

    @Test func lossToFollowUpIsRareAndCytokineReleaseMostlyLowGrade() {
        let adtte = Self.data.adtte
        let os = adtte.rows(where: "PARAMCD", is: "OS")
        let lost = os.filter { adtte.texts("CNSDTDSC")[$0] == "LOST TO FOLLOW-UP" }.count
        #expect(Double(lost) / Double(os.count) > 0.005 && Double(lost) / Double(os.count) < 0.05)
        let adae = Self.data.adae
        let crs = adae.rows(where: "AEDECOD", is: "Cytokine release syndrome")
        let low = crs.filter { ["1", "2"].contains(adae.texts("AETOXGR")[$0]!) }.count
        #expect(Double(low) / Double(crs.count) > 0.88)
    }
}
