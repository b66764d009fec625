import Testing
import ReadoutCore
import ReadoutData
@testable import ReadoutPlan

/// USUBJID is interned once: subject = ADSL row; other datasets map each distinct id once.
@Suite struct SubjectIndexTests {
    static let adsl = "USUBJID,TRT01P,ITTFL,SAFFL\nS1,B,Y,Y\nS2,A,Y,N\nS3,A,N,\nS4,B,Y,Y\n"

    @Test func rowsOfOtherDatasetsMapToSubjects() throws {
        let subjects = try SubjectIndex(adsl: try dataset("ADSL", Self.adsl))
        #expect(subjects.count == 4)
        #expect(subjects.row(of: "S3") == 2)
        #expect(subjects.row(of: "S9") == nil)
        let adae = try dataset("ADAE", "USUBJID,AETERM\nS4,x\nS9,y\n,z\nS1,w\nS4,v\n")
        #expect(try subjects.subjects(of: adae) == [3, SubjectIndex.unknownID, SubjectIndex.missingID, 0, 3])
    }

    @Test func numericIdsJoinAsTheirText() throws {
        let subjects = try SubjectIndex(adsl: try dataset("ADSL", "USUBJID,ITTFL\n101,Y\n102,Y\n"))
        let adtte = try dataset("ADTTE", "USUBJID,AVAL\n102,1\n101,2\n")
        #expect(try subjects.subjects(of: adtte) == [1, 0])
    }

    @Test func populationsAreBitsetsOverSubjects() throws {
        let subjects = try SubjectIndex(adsl: try dataset("ADSL", Self.adsl))
        #expect(try subjects.rows(withFlags: ["ITTFL"]).indices == [0, 1, 3])
        #expect(try subjects.rows(withFlags: ["ITTFL", "SAFFL"]).indices == [0, 3])
        #expect(try subjects.rows(withFlags: []).cardinality == 4)
    }

    @Test func duplicateAndMissingIdsAreReportedOncePerKindWithACount() {
        var text = "USUBJID,ITTFL\n"
        for i in 0..<60 { text += "S\(i % 20),Y\n" }
        text += ",Y\n,Y\n"
        #expect {
            _ = try SubjectIndex(adsl: try dataset("ADSL", text))
        } throws: { error in
            let d = (error as! DiagnosticsError).diagnostics
            return d.map(\.identifier) == ["data.adsl.duplicate-subject", "data.adsl.missing-usubjid"]
                && d.map { $0.location?.line } == [22, 62]
                && d[0].notes == ["… and 39 more rows with the same problem"]
                && d[1].notes == ["… and 1 more row with the same problem"]
        }
    }

    @Test func emptyADSLIsOneRootCause() {
        #expect {
            _ = try SubjectIndex(adsl: try dataset("ADSL", "USUBJID,ITTFL\n"))
        } throws: { error in
            let d = (error as! DiagnosticsError).diagnostics
            return d.map(\.identifier) == ["data.dataset.no-rows"] && d[0].summary == "ADSL has no rows"
        }
    }
}
