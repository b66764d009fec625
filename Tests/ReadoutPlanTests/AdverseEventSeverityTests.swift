import Foundation
import Testing
import ReadoutCore
import ReadoutData
@testable import ReadoutPlan

/// `adverseEvents.severity`: subjects once per row, under the severe column when any of their records in
/// the row is at `severeFrom` or worse; hand-counted on the five-subject trial of SafetyAndConsortTests
/// (S1 and S2 treated with A and B, S3 with B; safety population by TRT01A: A = {S1}, B = {S2, S3}).
@Suite struct AdverseEventSeverityTests {
    static let adae = """
    USUBJID,AEDECOD,AEBODSYS,AESEV,TRTEMFL
    S1,Nausea,GI,MILD,Y
    S1,Nausea,GI,SEVERE,Y
    S1,Nausea,GI,SEVERE,Y
    S2,Fever,General,MODERATE,Y
    S2,Nausea,GI,,Y
    S3,Nausea,GI,MODERATE,Y
    S3,Fever,General,SEVERE,Y
    S3,Fever,General,MILD,Y
    S3,Rash,Skin,SEVERE,N
    """
    static let scale = #""severity":{"variable":"AESEV","levels":["MILD","MODERATE","SEVERE"],"severeFrom":"SEVERE","label":"Severe"}"#

    static func plan(_ severity: String = scale) -> String {
        SafetyAndConsortTests.plan.replacingOccurrences(of: #""grade":"AETOXGR","serious":"AESER","windowFlag":"TRTEMFL""#,
                                                        with: #""windowFlag":"TRTEMFL","# + severity)
    }

    static func validate(_ plan: String) throws -> ValidatedPlan {
        try PlanValidation.validate(try JSONDecoder().decode(TrialPlan.self, from: Data(plan.utf8)), sources: SourceMap(file: "trial.yaml"))
    }

    static func run(_ adae: String = adae, plan: String = plan()) throws -> AdverseEventSummary {
        let context = try TrialContext(plan: try validate(plan),
                                       datasets: ["adsl": dataset("ADSL", SafetyAndConsortTests.adsl), "adae": dataset("ADAE", adae)])
        guard case .adverseEvents(let endpoint) = context.plan.endpoints[0] else { throw CancellationError() }
        var warnings: [Diagnostic] = []
        return try AdverseEventAnalysis.run(context, endpoint: endpoint, warnings: &warnings)
    }

    @Test func subjectsCountOncePerRowAtTheirWorstSeverity() throws {
        let ae = try Self.run()
        #expect(ae.arms.map(\.n) == [1, 2])
        #expect(ae.overall.anyGrade == [1, 2])
        #expect(ae.overall.severe == [1, 1], "S1 (two severe nauseas) once; S3's severe fever; S2 none")
        let gi = try #require(ae.systemOrganClasses.first { $0.systemOrganClass == "GI" })
        #expect(gi.counts.anyGrade == [1, 2] && gi.counts.severe == [1, 0])
        let general = try #require(ae.systemOrganClasses.first { $0.systemOrganClass == "General" })
        #expect(general.counts.anyGrade == [0, 2] && general.counts.severe == [0, 1], "S3's fevers: one severe, one mild → severe once")
        #expect(!ae.systemOrganClasses.contains { $0.systemOrganClass == "Skin" }, "outside the window")
        #expect(ae.severity == AESeverityScale(variable: "AESEV", levels: ["MILD", "MODERATE", "SEVERE"], severeFrom: "SEVERE",
                                               label: "Severe", missing: 1))
        #expect(ae.gradeVariable == nil && ae.overall.grade3OrHigher == [0, 0])
    }

    @Test func severeFromAnInnerLevelCountsItAndWorse() throws {
        let ae = try Self.run(plan: Self.plan(Self.scale.replacingOccurrences(of: #""severeFrom":"SEVERE""#, with: #""severeFrom":"MODERATE""#)))
        #expect(ae.overall.severe == [1, 2])
        let general = try #require(ae.systemOrganClasses.first { $0.systemOrganClass == "General" })
        #expect(general.counts.severe == [0, 2])
    }

    @Test func withoutAScaleThereIsNoSevereCount() throws {
        let ae = try Self.run(plan: Self.plan(#""windowDescription":"w""#))
        #expect(ae.severity == nil && ae.overall.severe == nil)
    }

    @Test func aValueOutsideTheScaleIsAnErrorAtItsRow() throws {
        let adae = Self.adae.replacingOccurrences(of: "S3,Fever,General,MILD,Y", with: "S3,Fever,General,LIFE-THREATENING,Y")
        #expect {
            _ = try Self.run(adae)
        } throws: { error in
            guard let d = (error as? DiagnosticsError)?.diagnostics.first else { return false }
            return d.identifier == "data.adae.severity-value" && d.location?.line == 9 && d.subject.variable == "AESEV"
                && d.subject.value == "LIFE-THREATENING" && d.subject.expected == "one of MILD, MODERATE, SEVERE or empty"
        }
    }

    @Test func theScaleIsValidated() throws {
        func problems(_ severity: String) -> [Diagnostic] {
            do { _ = try Self.validate(Self.plan(severity)); return [] } catch { return (error as? DiagnosticsError)?.diagnostics ?? [] }
        }
        let notALevel = problems(Self.scale.replacingOccurrences(of: #""severeFrom":"SEVERE""#, with: #""severeFrom":"GRAVE""#))
        #expect(notALevel.map(\.subject.variable) == ["endpoints[0].adverseEvents.severity.severeFrom"])
        #expect(notALevel.first?.identifier == "plan.invalid-value" && notALevel.first?.subject.value == "GRAVE")
        let repeated = problems(Self.scale.replacingOccurrences(of: #"["MILD","MODERATE","SEVERE"]"#, with: #"["MILD","SEVERE","SEVERE"]"#))
        #expect(repeated.map(\.subject.variable) == ["endpoints[0].adverseEvents.severity.levels[2]"])
        let empty = problems(Self.scale.replacingOccurrences(of: #"["MILD","MODERATE","SEVERE"]"#, with: "[]"))
        #expect(empty.map(\.subject.variable) == ["endpoints[0].adverseEvents.severity.levels"], "and no second error for severeFrom")
        let blankLabel = problems(Self.scale.replacingOccurrences(of: #""label":"Severe""#, with: #""label":"  ""#))
        #expect(blankLabel.map(\.subject.variable) == ["endpoints[0].adverseEvents.severity.label"])
        #expect(problems(Self.scale).isEmpty)
    }
}
