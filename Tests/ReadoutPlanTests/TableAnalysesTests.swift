import Foundation
import Testing
import ReadoutCore
import ReadoutData
@testable import ReadoutPlan

/// CONSORT, baseline and adverse-event tables on a hand-counted six-subject trial.
@Suite struct TableAnalysesTests {
    static let adsl = """
    USUBJID,TRT01P,SCRNFL,ITTFL,SAFFL,HSCTFL,SCRFREAS,NOHSCTRS,AGE,SEX
    S1,A,Y,Y,Y,Y,,,30,F
    S2,A,Y,Y,Y,N,,Relapse,50,M
    S3,B,Y,Y,Y,Y,,,40,F
    S4,B,Y,Y,N,N,,Withdrew,,F
    S5,,Y,N,N,N,MRD positive,,60,M
    S6,,Y,N,N,N,MRD positive,,61,M
    """
    static let adae = """
    USUBJID,AEDECOD,AEBODSYS,AETOXGR,AESER,TRTEMFL
    S1,Nausea,GI,1,N,Y
    S1,Nausea,GI,3,Y,Y
    S1,Fever,General,2,N,Y
    S3,Nausea,GI,5,Y,Y
    S2,Fever,General,4,N,N
    """
    static let plan = #"{"trial":{"title":"T","acronym":"T"},"report":{"version":"v1","status":"Final","dataCutoff":"2026-01-01"},"data":{"adsl":"adsl.csv","adae":"adae.csv"},"arms":{"variable":"TRT01P","reference":"B","levels":[{"value":"A"},{"value":"B"}]},"populations":[{"id":"screened","label":"Screened","flags":["SCRNFL"]},{"id":"itt","label":"ITT","flags":["ITTFL"]},{"id":"safety","label":"Safety","flags":["SAFFL"]}],"time":{"dataUnit":"days","displayUnit":"months"},"endpoints":[{"id":"ae","title":"AEs","type":"adverse-events","population":"safety","dataset":"adae","adverseEvents":{"term":"AEDECOD","systemOrganClass":"AEBODSYS","grade":"AETOXGR","serious":"AESER","windowFlag":"TRTEMFL"}}],"baseline":{"population":"itt","variables":[{"variable":"AGE","label":"Age","type":"continuous"},{"variable":"SEX","label":"Sex","type":"categorical","levels":[{"value":"F","label":"Female"},{"value":"M","label":"Male"}]}]},"consort":{"screened":"screened","screenFailureReason":"SCRFREAS","randomized":"itt","stages":[{"label":"Treated","flags":["SAFFL"],"reason":"NOHSCTRS"},{"label":"Transplanted","flags":["HSCTFL"],"reason":"NOHSCTRS"}]}}"#

    static func context() throws -> TrialContext {
        let plan = try JSONDecoder().decode(TrialPlan.self, from: Data(Self.plan.utf8))
        let validated = try PlanValidation.validate(plan, sources: SourceMap(file: "trial.yaml"))
        return try TrialContext(plan: validated, datasets: ["adsl": dataset("ADSL", adsl), "adae": dataset("ADAE", adae)])
    }

    @Test func consortCountsEveryStage() throws {
        let consort = try ConsortAnalysis.run(Self.context())
        #expect(consort.screened == 6 && consort.randomized == 4 && consort.notRandomized == 2)
        #expect(consort.notRandomizedReasons.map(\.reason) == ["MRD positive"])
        #expect(consort.arms.map(\.allocated) == [2, 2])
        #expect(consort.arms[1].stages[0].count == 1 && consort.arms[1].stages[0].reasons.first?.reason == "Withdrew")
        #expect(consort.arms[0].stages[1].count == 1 && consort.arms[0].stages[1].reasons.first?.reason == "Relapse")
    }

    @Test func baselineByArmAndOverallWithMissing() throws {
        let baseline = try BaselineAnalysis.run(Self.context())
        let age = baseline.variables[0]
        #expect(age.continuous?.map(\.n) == [2, 1, 3])
        #expect(age.continuous?.map(\.median) == [40, 40, 40])
        #expect(age.missing == [0, 1, 1])
        let sex = baseline.variables[1]
        #expect(sex.levels?.map(\.counts) == [[1, 2, 3], [1, 0, 1]])
    }

    @Test func adverseEventsAtWorstGradeOncePerSubject() throws {
        let context = try Self.context()
        guard case .adverseEvents(let endpoint) = context.plan.endpoints[0] else { Issue.record("not an adverse-events endpoint"); return }
        var warnings: [Diagnostic] = []
        let ae = try AdverseEventAnalysis.run(context, endpoint: endpoint, warnings: &warnings)
        #expect(warnings.isEmpty)
        #expect(ae.arms.map(\.n) == [2, 1])
        #expect(ae.overall.anyGrade == [1, 1])
        #expect(ae.overall.grade3to4 == [1, 0])
        #expect(ae.overall.grade5 == [0, 1])
        #expect(ae.overall.serious == [1, 1])
        #expect(ae.excludedOutsideWindow == 1, "S2's event has TRTEMFL = N")
        let gi = try #require(ae.systemOrganClasses.first { $0.systemOrganClass == "GI" })
        #expect(gi.terms.map(\.term) == ["Nausea"])
        #expect(gi.counts.grade3OrHigher == [1, 1])
        #expect(ae.systemOrganClasses.map(\.systemOrganClass) == ["GI", "General"], "ordered by total frequency")
    }
}
