import Testing
import ReadoutCore
import ReadoutData
@testable import ReadoutPlan

@Suite struct SurvivalBindingTests {
    static let adsl = """
    USUBJID,TRT01P,ITTFL,STRAT1
    S1,B,Y,CR1
    S2,A,Y,CR2
    S3,A,Y,
    S4,B,N,CR1
    """

    static func bind(_ adtte: String, causes: [String] = [], strata: [String] = []) throws(DiagnosticsError) -> (SurvivalInput, [Diagnostic]) {
        let subjects = try SubjectIndex(adsl: try! dataset("ADSL", adsl))
        var warnings: [Diagnostic] = []
        let request = SurvivalRequest(parameter: "OS", strata: strata, causes: causes)
        let input = try SurvivalBinding.bind(adsl: subjects, adtte: try! dataset("ADTTE", adtte), request: request, warnings: &warnings)
        return (input, warnings)
    }

    @Test func joinsPopulationAndSortsArmsByBytes() throws {
        let (input, warnings) = try Self.bind("USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,5,0\nS2,OS,7,1\nS4,OS,1,0\nS1,PFS,2,0\n", strata: ["STRAT1"])
        #expect(input.arms == ["A", "B"])
        #expect(input.time == [5, 7])
        #expect(input.event == [true, false])
        #expect(input.arm == [1, 0])
        #expect(input.stratum == [0, 1])
        #expect(warnings.map(\.identifier) == ["data.adtte.missing-records"], "S3 is in the population without an OS record")
    }

    @Test func missingStratumIsNil() throws {
        let (input, _) = try Self.bind("USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,5,0\nS3,OS,7,1\n", strata: ["STRAT1"])
        #expect(input.stratum == [0, nil])
    }

    @Test func reportsEveryBadRowWithLineVariableAndValue() {
        #expect {
            try Self.bind("USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,-1,0\nS9,OS,3,0\nS2,OS,4,0.5\nS2,OS,4,1\n")
        } throws: { error in
            let d = (error as! DiagnosticsError).diagnostics
            return d.map(\.identifier) == ["data.adtte.aval-invalid", "data.adtte.unknown-subject", "data.adtte.cnsr-range", "data.adtte.duplicate-record"]
                && d.map { $0.location?.line } == [2, 3, 4, 5]
                && d[0].subject.variable == "AVAL" && d[0].subject.value == "-1"
                && d[1].subject.value == "S9"
                && d[2].subject.value == "0.5"
        }
    }

    @Test func eventWithAnUndeclaredCauseIsAnError() {
        #expect {
            try Self.bind("USUBJID,PARAMCD,AVAL,CNSR,EVNTDESC\nS1,OS,5,0,RELAPSE\nS2,OS,6,0,OTHER\n", causes: ["RELAPSE", "DEATH"])
        } throws: { error in
            let d = (error as! DiagnosticsError).diagnostics.first
            return d?.identifier == "data.adtte.unknown-cause" && d?.location?.line == 3 && d?.subject.value == "OTHER"
        }
    }

    @Test func causesAreCodedInDeclaredOrder() throws {
        let (input, _) = try Self.bind("USUBJID,PARAMCD,AVAL,CNSR,EVNTDESC\nS1,OS,5,0,DEATH\nS2,OS,6,0,RELAPSE\nS3,OS,7,1,\n", causes: ["RELAPSE", "DEATH"])
        #expect(input.cause == [2, 1, 0])
    }
}
