import Foundation
import Testing
import ReadoutCore
@testable import ReadoutPlan

/// The open report's CONSORT flow (docs/audiences.md): every box counts all arms together, a stage of
/// some arms only is left out and its losses are counted before the next pooled stage, so each pooled
/// box is the one above it less its side box. Hand-counted on a six-subject trial: arm A has S1 (treated,
/// transplanted), S2 (treated, relapsed) and S6 (never treated); arm B has S3 (relapsed) and S4 (withdrew,
/// lost to follow-up); S5 is a screen failure.
@Suite struct OpenConsortTests {
    static let adsl = """
    USUBJID,TRT01P,TRT01A,SCRNFL,ITTFL,SAFFL,HSCTFL,SCRFREAS,NOHSCTRS,EOSSTT,DCSREAS,AGE,WEIGHT,RACE
    S1,A,A,Y,Y,Y,Y,,,COMPLETED,,30,70.25,W
    S2,A,A,Y,Y,Y,N,,Relapse,DISCONTINUED,DEATH,50,80.5,W
    S3,B,B,Y,Y,Y,N,,Relapse,DISCONTINUED,DEATH,40,,B
    S4,B,,Y,Y,N,N,,Withdrew,DISCONTINUED,LOST TO FOLLOW-UP,41,60,A
    S5,,,Y,N,N,N,MRD positive,,DISCONTINUED,SCREEN FAILURE,60,90,W
    S6,A,,Y,Y,N,N,,Withdrew,DISCONTINUED,WITHDRAWAL BY SUBJECT,45,75,W
    """

    /// The plan of `SafetyAndConsortTests` with "Received A" (arm A only) narrowing the flow.
    static func consort() throws -> ConsortSummary {
        let plan = SafetyAndConsortTests.plan.replacingOccurrences(of: #""reason":"NOHSCTRS","narrows":false}"#, with: #""reason":"NOHSCTRS"}"#)
        #expect(plan != SafetyAndConsortTests.plan)
        return try ConsortAnalysis.run(SafetyAndConsortTests.context(adsl: adsl, plan: plan))
    }

    @Test func closedCountsAreTheHandCountedOnes() throws {
        let c = try Self.consort()
        let a = c.arms[0], b = c.arms[1]
        #expect(a.allocated == 3 && b.allocated == 2)
        #expect(a.stages[0].applies && a.stages[0].count == 2 && a.stages[0].lost == 1 && !b.stages[0].applies)
        #expect(a.stages[1].count == 1 && a.stages[1].lost == 1 && b.stages[1].count == 0 && b.stages[1].lost == 2)
    }

    @Test func aStageOfSomeArmsIsLeftOutAndItsLossesCarryToTheNextStage() throws {
        let open = OpenConsort(pooling: try Self.consort())
        #expect(open.randomized == 5 && open.screened == 6 && open.notRandomized == 1)
        #expect(open.stages.map(\.label) == ["Transplanted"])
        let transplanted = try #require(open.stages.first)
        // 5 randomized: 1 lost before "Received A" (arm A), 1 + 2 before "Transplanted"; 1 transplanted.
        #expect(transplanted.count == 1 && transplanted.lost == 4)
        #expect(open.randomized - transplanted.lost == transplanted.count, "the pooled box reconciles with the one above it")
        #expect(transplanted.reasons.map(\.reason) == ["Relapse", "Withdrew"] && transplanted.reasons.map(\.count) == [2, 2])
        #expect(transplanted.reasons.map(\.count).reduce(0, +) == transplanted.lost)
    }

    @Test func aPooledDetailStageAfterALeftOutStageCountsItsLossesToo() throws {
        // "Safety set" (every arm, drawn inside the box above) between "Received A" (arm A, narrowing) and "Transplanted".
        let plan = SafetyAndConsortTests.plan
            .replacingOccurrences(of: #""reason":"NOHSCTRS","narrows":false}"#, with: #""reason":"NOHSCTRS"}"#)
            .replacingOccurrences(of: #"{"label":"Transplanted""#, with: #"{"label":"Safety set","flags":["SAFFL"],"reason":"NOHSCTRS","narrows":false},{"label":"Transplanted""#)
        let open = OpenConsort(pooling: try ConsortAnalysis.run(SafetyAndConsortTests.context(adsl: Self.adsl, plan: plan)))
        #expect(open.stages.map(\.label) == ["Safety set", "Transplanted"])
        let safety = open.stages[0], transplanted = open.stages[1]
        // Safety set: A 2 of its 2 left after "Received A", B 1 of 2 (S4 withdrew); S6 (A, withdrew) left before it.
        #expect(!safety.narrows && safety.count == 3 && safety.lost == 2 && safety.count + safety.lost == open.randomized)
        #expect(safety.reasons.map(\.reason) == ["Withdrew"] && safety.reasons[0].count == 2)
        #expect(transplanted.count == 1 && transplanted.lost == 4 && transplanted.count + transplanted.lost == open.randomized)
    }

    @Test func followUpAndAnalysisArePooledWithReasonsInConsortOrder() throws {
        let closed = try Self.consort()
        let open = OpenConsort(pooling: closed)
        let followUp = try #require(open.followUp)
        #expect(followUp.lost == 1 && followUp.discontinued == 3)
        #expect(followUp.reasons.map(\.reason) == ["DEATH", "WITHDRAWAL BY SUBJECT"] && followUp.reasons.map(\.count) == [2, 1])
        #expect(open.analysis.map(\.population) == ["safety", "itt"])
        let safety = open.analysis[0], itt = open.analysis[1]
        #expect(safety.analysed == 3 && safety.excluded == 2 && safety.reasons.map(\.reason) == ["Withdrew"] && safety.reasons[0].count == 2)
        #expect(itt.label == "Analysed (ITT)" && itt.analysed == 5 && itt.excluded == 0 && itt.reasons.isEmpty)
        // Every pooled number is the sum of the arms' numbers.
        #expect(safety.analysed == closed.arms.map { $0.analysis[0].analysed }.reduce(0, +))
        #expect(followUp.discontinued == closed.arms.compactMap { $0.followUp?.discontinued }.reduce(0, +))
    }

    @Test func theOpenFlowEncodesWithoutAnArmDimension() throws {
        let open = OpenConsort(pooling: try Self.consort())
        let json = String(decoding: try JSONEncoder().encode(open), as: UTF8.self)
        #expect(json.contains("\"followUp\":{") && json.contains("\"analysis\":[{"))
        #expect(!json.contains("\"arm") && !json.contains("Received A"))
    }

    @Test func withoutFollowUpTheOpenFlowHasNone() throws {
        let plan = SafetyAndConsortTests.plan.replacingOccurrences(of: #","followUp":{"endOfStudyStatus":"EOSSTT","reason":"DCSREAS"}"#, with: "")
        #expect(plan != SafetyAndConsortTests.plan)
        let open = OpenConsort(pooling: try ConsortAnalysis.run(SafetyAndConsortTests.context(adsl: Self.adsl, plan: plan)))
        #expect(open.followUp == nil && open.analysis.count == 2)
        #expect(String(decoding: try JSONEncoder().encode(open), as: UTF8.self).contains("\"followUp\":null"))
    }
}
