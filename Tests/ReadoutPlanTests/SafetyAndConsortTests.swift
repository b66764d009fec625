import Foundation
import Testing
import ReadoutCore
import ReadoutData
@testable import ReadoutPlan

/// Safety by actual treatment, AE record accounting, CONSORT 2010 per-arm stages, follow-up and
/// analysis boxes, and baseline table conventions, on a hand-counted five-subject trial. S2 was
/// randomized to A and treated with B; S4 was randomized and never treated; S5 is a screen failure.
@Suite struct SafetyAndConsortTests {
    static let adsl = """
    USUBJID,TRT01P,TRT01A,SCRNFL,ITTFL,SAFFL,HSCTFL,SCRFREAS,NOHSCTRS,EOSSTT,DCSREAS,AGE,WEIGHT,RACE
    S1,A,A,Y,Y,Y,Y,,,COMPLETED,,30,70.25,W
    S2,A,B,Y,Y,Y,Y,,,DISCONTINUED,LOST TO FOLLOW-UP,50,80.5,W
    S3,B,B,Y,Y,Y,N,,Relapse,DISCONTINUED,DEATH,40,,B
    S4,B,,Y,Y,N,N,,Withdrew,DISCONTINUED,WITHDRAWAL BY SUBJECT,41,60,A
    S5,,,Y,N,N,N,MRD positive,,DISCONTINUED,SCREEN FAILURE,60,90,W
    """
    static let adae = """
    USUBJID,AEDECOD,AEBODSYS,AETOXGR,AESER,TRTEMFL,AEACN,AEREL
    S1,Nausea,GI,1,N,Y,DOSE NOT CHANGED,NONE
    S1,Nausea,GI,3,Y,Y,DRUG WITHDRAWN,PROBABLE
    S2,Fever,General,2,N,Y,DOSE NOT CHANGED,POSSIBLE
    S2,Nausea,GI,,N,Y,DOSE NOT CHANGED,NONE
    S3,Nausea,GI,4,N,N,DOSE NOT CHANGED,NONE
    S4,Fever,General,1,N,N,NOT APPLICABLE,NONE
    ,Fever,General,1,N,Y,,
    S3,Fever,General,5,Y,Y,NOT APPLICABLE,NONE
    """
    static let plan = #"{"trial":{"title":"T","acronym":"T"},"report":{"version":"v1","status":"Final","dataCutoff":"2026-01-01"},"data":{"adsl":"adsl.csv","adae":"adae.csv"},"arms":{"variable":"TRT01P","reference":"B","levels":[{"value":"A"},{"value":"B"}]},"populations":[{"id":"screened","label":"Screened","flags":["SCRNFL"]},{"id":"itt","label":"ITT","flags":["ITTFL"]},{"id":"safety","label":"Safety","flags":["SAFFL"]}],"time":{"dataUnit":"days","displayUnit":"months"},"endpoints":[{"id":"ae","title":"AEs","type":"adverse-events","population":"safety","dataset":"adae","adverseEvents":{"term":"AEDECOD","systemOrganClass":"AEBODSYS","grade":"AETOXGR","serious":"AESER","windowFlag":"TRTEMFL"}}],"baseline":{"population":"itt","variables":[{"variable":"AGE","label":"Age","type":"continuous"},{"variable":"WEIGHT","label":"Weight","type":"continuous"},{"variable":"RACE","label":"Race","type":"categorical"}]},"consort":{"screened":"screened","screenFailureReason":"SCRFREAS","randomized":"itt","stages":[{"label":"Received A","arms":["A"],"flags":["SAFFL"],"reason":"NOHSCTRS","narrows":false},{"label":"Transplanted","flags":["HSCTFL"],"reason":"NOHSCTRS"}],"followUp":{"endOfStudyStatus":"EOSSTT","reason":"DCSREAS"},"analysis":[{"population":"safety","reason":"NOHSCTRS"},{"population":"itt","label":"Analysed (ITT)"}]}}"#

    static func context(adsl: String = adsl, plan: String = plan) throws -> TrialContext {
        let decoded = try JSONDecoder().decode(TrialPlan.self, from: Data(plan.utf8))
        let validated = try PlanValidation.validate(decoded, sources: SourceMap(file: "trial.yaml"))
        return try TrialContext(plan: validated, datasets: ["adsl": dataset("ADSL", adsl), "adae": dataset("ADAE", adae)])
    }

    static func adverseEvents(_ context: TrialContext) throws -> AdverseEventSummary {
        guard case .adverseEvents(let endpoint) = context.plan.endpoints[0] else { throw CancellationError() }
        var warnings: [Diagnostic] = []
        return try AdverseEventAnalysis.run(context, endpoint: endpoint, warnings: &warnings)
    }

    @Test func adverseEventsCountByActualTreatment() throws {
        let ae = try Self.adverseEvents(Self.context())
        #expect(ae.armVariable == "TRT01A" && ae.byActualTreatment)
        #expect(ae.arms.map(\.n) == [1, 2], "S2 counts in B, where it was treated; by TRT01P it would be [2, 1]")
        #expect(ae.overall.anyGrade == [1, 2])
        #expect(ae.overall.grade1to2 == [0, 1])
        #expect(ae.overall.grade3to4 == [1, 0])
        #expect(ae.overall.grade5 == [0, 1])
        #expect(ae.overall.grade3OrHigher == [1, 1])
        #expect(ae.overall.serious == [1, 1])
        #expect(ae.actionVariable == "AEACN" && ae.leadingToDiscontinuation == [1, 0])
        #expect(ae.relationshipVariable == "AEREL" && ae.related == [1, 1], "NONE is not related; PROBABLE and POSSIBLE are")
        #expect(ae.systemOrganClasses.map(\.systemOrganClass) == ["GI", "General"], "equal totals: alphabetical")
        let gi = try #require(ae.systemOrganClasses.first)
        #expect(gi.counts.anyGrade == [1, 1] && gi.counts.grade3OrHigher == [1, 0], "S2's ungraded nausea counts under any grade only")
        let general = try #require(ae.systemOrganClasses.last)
        #expect(general.counts.anyGrade == [0, 2] && general.counts.grade5 == [0, 1])
    }

    @Test func everyAdverseEventRecordIsAccountedFor() throws {
        let ae = try Self.adverseEvents(Self.context())
        #expect(ae.records == 8 && ae.counted == 5 && ae.missingGrade == 1)
        #expect(ae.notCounted == [AERecordExclusion(reason: .outsidePopulation, count: 1),
                                  AERecordExclusion(reason: .outsideWindow, count: 1),
                                  AERecordExclusion(reason: .missingSubject, count: 1)])
        #expect(ae.counted + ae.notCounted.map(\.count).reduce(0, +) == ae.records)
    }

    @Test func orphanRecordsAreAccountedForAndWarnedOnce() throws {
        // Two records of X9 and one of X8, subjects not in ADSL: not counted, one warning at the first.
        let adae = Self.adae + "\nX9,Fever,General,3,N,Y,,\nS1,Fever,General,1,N,Y,,\nX8,Nausea,GI,1,N,Y,,\nX9,Nausea,GI,1,N,Y,,"
        let decoded = try JSONDecoder().decode(TrialPlan.self, from: Data(Self.plan.utf8))
        let validated = try PlanValidation.validate(decoded, sources: SourceMap(file: "trial.yaml"))
        let context = try TrialContext(plan: validated, datasets: ["adsl": dataset("ADSL", Self.adsl), "adae": dataset("ADAE", adae)])
        guard case .adverseEvents(let endpoint) = context.plan.endpoints[0] else { throw CancellationError() }
        var warnings: [Diagnostic] = []
        let ae = try AdverseEventAnalysis.run(context, endpoint: endpoint, warnings: &warnings)
        #expect(ae.records == 12 && ae.counted == 6)
        #expect(ae.notCounted == [AERecordExclusion(reason: .outsidePopulation, count: 1),
                                  AERecordExclusion(reason: .outsideWindow, count: 1),
                                  AERecordExclusion(reason: .missingSubject, count: 1),
                                  AERecordExclusion(reason: .unknownSubject, count: 3)])
        #expect(ae.counted + ae.notCounted.map(\.count).reduce(0, +) == ae.records)
        #expect(ae.overall.anyGrade == [1, 2], "the orphan grade-3 fever changes no count")
        let warning = try #require(warnings.first)
        #expect(warnings.count == 1)
        #expect(warning.severity == .warning && warning.identifier == "data.adae.unknown-subject")
        #expect(warning.location?.line == 10, "header is line 1; X9's first record is the ninth data row")
        #expect(warning.subject.variable == "USUBJID" && warning.subject.value == "X9")
        #expect(warning.summary == "3 ADAE records of 2 subjects not in ADSL")
        #expect(warning.notes.first == "other subjects not in ADSL: X8")
    }

    @Test func declaredActualVariableAndFallback() throws {
        let planned = Self.plan.replacingOccurrences(of: #""variable":"TRT01P","#, with: #""variable":"TRT01P","actualVariable":"TRT01P","#)
        let ae = try Self.adverseEvents(Self.context(plan: planned))
        #expect(!ae.byActualTreatment && ae.armVariable == "TRT01P" && ae.arms.map(\.n) == [2, 1])
        let missing = Self.plan.replacingOccurrences(of: #""variable":"TRT01P","#, with: #""variable":"TRT01P","actualVariable":"TRTXA","#)
        #expect(throws: DiagnosticsError.self) { try Self.context(plan: missing) }
    }

    @Test func populationsShowArmsOnlyWhenEverySubjectHasOne() throws {
        var warnings: [Diagnostic] = []
        let results = try TrialAnalysis.run(Self.context(), warnings: &warnings)
        let byID = Dictionary(uniqueKeysWithValues: results.populations.map { ($0.id, $0) })
        #expect(byID["screened"]?.byArm == false && byID["screened"]?.total == 5)
        #expect(byID["itt"]?.byArm == true && byID["itt"]?.arms == [2, 2] && byID["itt"]?.armVariable == "TRT01P")
        #expect(byID["safety"]?.arms == [1, 2] && byID["safety"]?.armVariable == "TRT01A")
    }

    @Test func consortPerArmStagesFollowUpAndAnalysis() throws {
        let consort = try ConsortAnalysis.run(Self.context())
        let a = consort.arms[0], b = consort.arms[1]
        #expect(a.stages[0].applies && a.stages[0].count == 2 && !a.stages[0].narrows)
        #expect(!b.stages[0].applies && b.stages[0].lost == 0)
        #expect(a.stages[1].count == 2 && b.stages[1].count == 0 && b.stages[1].lost == 2)
        #expect(b.stages[1].reasons.map(\.reason) == ["Relapse", "Withdrew"])
        #expect(a.followUp?.lost == 1 && a.followUp?.discontinued == 0)
        #expect(b.followUp?.lost == 0 && b.followUp?.discontinued == 2)
        #expect(b.followUp?.reasons.map(\.reason) == ["DEATH", "WITHDRAWAL BY SUBJECT"])
        #expect(a.analysis.map(\.analysed) == [2, 2] && b.analysis.map(\.analysed) == [1, 2])
        #expect(b.analysis[0].excluded == 1 && b.analysis[0].reasons.first?.reason == "Withdrew")
        #expect(b.analysis[0].label == "Analysed: Safety" && b.analysis[1].label == "Analysed (ITT)")
        for arm in consort.arms {
            for box in arm.analysis { #expect(box.analysed + box.excluded == arm.allocated) }
        }
    }

    @Test func consortBoxThatDoesNotReconcileFailsNamingIt() throws {
        // S4 is flagged transplanted but never treated: not in the box above "Transplanted".
        let adsl = Self.adsl.replacingOccurrences(of: "S4,B,,Y,Y,N,N,", with: "S4,B,,Y,Y,N,Y,")
        let plan = Self.plan.replacingOccurrences(of: #"{"label":"Received A","arms":["A"],"flags":["SAFFL"],"reason":"NOHSCTRS","narrows":false}"#,
                                                  with: #"{"label":"Treated","flags":["SAFFL"]}"#)
        do {
            _ = try ConsortAnalysis.run(Self.context(adsl: adsl, plan: plan))
            Issue.record("expected data.consort.unreconciled")
        } catch let error as DiagnosticsError {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.identifier == "data.consort.unreconciled")
            #expect(diagnostic.summary.contains("'Transplanted (B)'") && diagnostic.summary.contains("1 subject(s)"))
            #expect(diagnostic.summary.contains("'Treated (B)'"))
        }
    }

    @Test func consortStageOfAnUndeclaredArmIsAPlanError() throws {
        let plan = Self.plan.replacingOccurrences(of: #""arms":["A"]"#, with: #""arms":["C"]"#)
        #expect(throws: DiagnosticsError.self) { try Self.context(plan: plan) }
    }

    @Test func baselineKeepsPrecisionAndOrdersLevelsByFrequency() throws {
        let baseline = try BaselineAnalysis.run(Self.context())
        #expect(baseline.variables[0].precision == 0, "integer ages")
        #expect(baseline.variables[1].precision == 2, "70.25")
        #expect(baseline.variables[2].levels?.map(\.value) == ["W", "A", "B"], "by frequency, ties by value")
    }

    @Test func dataPrecision() {
        #expect(DataPrecision.decimals(of: [19, 20, 64]) == 0)
        #expect(DataPrecision.decimals(of: [19, 20.5]) == 1)
        #expect(DataPrecision.decimals(of: [0.1, 0.25, 1e-3]) == 3)
        #expect(DataPrecision.decimals(of: [1.0 / 3]) == DataPrecision.maximum)
        #expect(DataPrecision.decimals(of: [Double]()) == 0)
    }
}
