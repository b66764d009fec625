import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// Data problems the readers catch in a real project: one root cause, at its file and line, once.
@Suite(.serialized) struct DataValidationTests {
    typealias Project = ProjectDiagnosticsTests

    /// `edit` applied to the data lines (not the header) of `file`.
    static func build(editing file: String, _ edit: @escaping (_ line: Int, _ fields: inout [String], _ header: [String]) -> Void) throws -> (String, [Diagnostic]) {
        let project = try Project.project(editing: "data/" + file) { text in
            var lines = text.components(separatedBy: "\n")
            let header = lines[0].components(separatedBy: ",")
            for i in 1..<lines.count where !lines[i].isEmpty {
                var fields = lines[i].components(separatedBy: ",")
                edit(i + 1, &fields, header)
                lines[i] = fields.joined(separator: ",")
            }
            return lines.joined(separator: "\n")
        }
        // The edit makes the data differ from the sample's data.lock by design; those findings are not under test.
        return (project, Project.diagnostics(building: project, output: project + "/../../output").filter { !$0.identifier.hasPrefix("lock.") })
    }

    @Test func ageTooLargeForADoubleIsAnErrorNotNE() throws {
        let (project, errors) = try Self.build(editing: "adsl.csv") { line, fields, header in
            if line == 5 { fields[header.firstIndex(of: "AGE")!] = "1e400" }
        }
        #expect(errors.map(\.identifier) == ["data.value.not-finite"])
        #expect(errors.first?.location == SourceLocation(file: project + "/data/adsl.csv", line: 5))
        #expect(errors.first?.subject.variable == "AGE")
        #expect(errors.first?.subject.value == "1e400")
    }

    @Test func aNULByteIsAnErrorAtLineAndColumn() throws {
        let (project, errors) = try Self.build(editing: "adae.csv") { line, fields, header in
            if line == 9 { fields[header.firstIndex(of: "AETERM")!] = "Sep\u{0}sis" }
        }
        #expect(errors.map(\.identifier) == ["data.csv.control-character"])
        #expect(errors.first?.location?.file == project + "/data/adae.csv")
        #expect(errors.first?.location?.line == 9)
        #expect(errors.first?.subject.variable == "AETERM")
    }

    @Test func headerOnlyADSLIsOneRootCause() throws {
        let project = try Project.project(editing: "data/adsl.csv") { text in
            String(text.prefix { $0 != "\n" }) + "\n"
        }
        let errors = Project.diagnostics(building: project, output: project + "/../../output")
        #expect(errors.map(\.identifier) == ["data.dataset.no-rows"])
        #expect(errors.first?.summary == "ADSL has no rows")
    }

    @Test func aBadAVALIsReportedOnceForAllEndpointsWithACount() throws {
        // Every RFS record has a negative AVAL: three endpoints read RFS; one diagnostic, with the count.
        var bad = 0
        let (project, errors) = try Self.build(editing: "adtte.csv") { _, fields, header in
            if fields[header.firstIndex(of: "PARAMCD")!] == "RFS" {
                fields[header.firstIndex(of: "AVAL")!] = "-1"
                bad += 1
            }
        }
        let aval = errors.filter { $0.subject.variable == "AVAL" }
        #expect(aval.count == 1)
        #expect(aval.first?.identifier == "data.adtte.aval-invalid")
        #expect(aval.first?.location?.file == project + "/data/adtte.csv")
        #expect(aval.first?.notes.first?.hasPrefix("… and ") == true)
        #expect(bad > 10)
    }

    @Test func unknownAdverseEventSubjectsAreNoErrorOfTheBuild() throws {
        // Every ADAE subject unknown: a warning (OrphanAdverseEventTests), not an error.
        let (_, errors) = try Self.build(editing: "adae.csv") { _, fields, header in
            fields[header.firstIndex(of: "USUBJID")!] += "-X"
        }
        #expect(errors.filter { $0.severity == .error }.isEmpty)
        #expect(errors.map(\.identifier) == ["data.adae.unknown-subject"], "the warning, with the data-lock errors left out")
    }

    @Test func unknownTimeToEventSubjectsStayAnErrorWithACount() throws {
        let (_, errors) = try Self.build(editing: "adtte.csv") { _, fields, header in
            fields[header.firstIndex(of: "USUBJID")!] += "-X"
        }
        let unknown = errors.filter { $0.identifier == "data.adtte.unknown-subject" }
        #expect(!unknown.isEmpty)
        #expect(unknown.allSatisfy { $0.severity == .error })
        #expect(unknown.first?.location?.line == 2)
        #expect(unknown.first?.notes.first?.contains("more rows with the same problem") == true)
    }
}
