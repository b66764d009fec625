import Testing
import ReadoutData
@testable import ReadoutSynth

@Suite struct SampleTrialParametersTests {
    @Test func defaultsAreUsable() {
        let p = SampleTrialParameters()
        #expect(p.problems.isEmpty)
        #expect(p.seed == 20_261_126)
        #expect(p.screened == 300)
        #expect(p.dataCutoff.description == "2026-06-30")
    }

    @Test func unusableSettingsAreNamed() {
        var p = SampleTrialParameters()
        p.dataCutoff = CivilDate("2025-01-01")!
        p.screenFailureProbability = 1.5
        p.siteCount = 0
        p.nrmAgeHazardRatios = [1, 1]
        let problems = p.problems
        #expect(problems.count == 4)
        #expect(problems.contains { $0.hasPrefix("dataCutoff 2025-01-01 must be after") })
        #expect(problems.contains { $0.hasPrefix("screenFailureProbability") })
        #expect(problems.contains { $0.hasPrefix("siteCount") })
        #expect(problems.contains { $0.hasPrefix("nrmAgeHazardRatios") })
    }

    @Test func noSubjectsGivesEmptyDatasets() {
        var p = SampleTrialParameters()
        p.screened = 0
        let datasets = SampleTrial.generate(p)
        #expect(datasets.map(\.rowCount) == [0, 0, 0])
        #expect(datasets[0].columnNames.count == 40)
    }

    @Test func extremeSettingsStayConsistent() {
        // Everyone randomized, no one lost, no NRM: every RFS event is a relapse and no grade 5 event occurs.
        var p = SampleTrialParameters()
        p.screened = 400
        p.screenFailureProbability = 0
        p.lostToFollowUpProbability3Years = 0
        p.nrmCumulativeHazardIncrements = [0, 0, 0, 0]
        let d = SampleDatasets(SampleTrial.generate(p))
        #expect(d.adsl.rows(where: "RANDFL", is: "Y").count == 400)
        #expect(d.adtte.rows(where: "EVNTDESC", is: "DEATH WITHOUT RELAPSE").isEmpty)
        #expect(d.adtte.rows(where: "CNSDTDSC", is: "LOST TO FOLLOW-UP").isEmpty)
        #expect(!d.adtte.rows(where: "EVNTDESC", is: "RELAPSE").isEmpty)
        let fatal = d.adae.rows(where: "AETOXGR", is: "5")
        // Only pre-transplant deaths (blinatumomab arm) can still carry a fatal event.
        #expect(fatal.allSatisfy { d.adae.numerics("HSCTDY")[$0] == nil })
    }
}
