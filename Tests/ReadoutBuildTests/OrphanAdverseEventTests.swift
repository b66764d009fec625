import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// An ADAE record whose subject is not in ADSL is a reconciliation finding: the sample builds, the
/// record is accounted for in the footnote and results.json, and one warning names its file and line.
@Suite(.serialized) struct OrphanAdverseEventTests {
    typealias Project = ProjectDiagnosticsTests
    static let orphan = "BLINA-MRD-01-999-9999"

    /// The sample with the USUBJID of ADAE's first data record (line 2) replaced by one not in ADSL.
    static func project() throws -> String {
        try Project.project(editing: "data/adae.csv") { text in
            var lines = text.components(separatedBy: "\n")
            var fields = lines[1].components(separatedBy: ",")
            fields[1] = orphan
            lines[1] = fields.joined(separator: ",")
            return lines.joined(separator: "\n")
        }
    }

    @Test func aProjectWithAnOrphanRecordBuildsAndAccountsForIt() throws {
        let project = try Self.project()
        let output = project + "/../../output"
        let outcome = try BuildAction(projects: [project], outputRoot: output, themeRoot: Project.theme, lockPolicy: .unlocked).run()
        let warning = try #require(outcome.warnings.first { $0.identifier == "data.adae.unknown-subject" })
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: project + "/data/adae.csv", line: 2))
        #expect(warning.subject.value == Self.orphan && warning.subject.variable == "USUBJID")
        #expect(warning.summary == "1 ADAE record of 1 subject not in ADSL")

        let bundle = try #require(outcome.bundles.first)
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundle + "/results.json"))) as! [String: Any]
        let endpoints = results["endpoints"] as! [[String: Any]]
        let ae = try #require(endpoints.compactMap { $0["adverseEvents"] as? [String: Any] }.first)
        let records = ae["records"] as! Int, counted = ae["counted"] as! Int
        let notCounted = ae["notCounted"] as! [[String: Any]]
        let unknown = notCounted.first { $0["reason"] as? String == "unknown-subject" }?["count"] as? Int
        #expect(unknown == 1)
        #expect(records == 1401, "every data line of adae.csv")
        #expect(counted + notCounted.map { $0["count"] as! Int }.reduce(0, +) == records)

        let safety = try String(contentsOfFile: bundle + "/safety.html", encoding: .utf8)
        #expect(safety.contains("ADAE holds 1401 event record(s): \(counted) are counted; not counted: "))
        #expect(safety.contains("1 of subjects not in ADSL."))
    }

    @Test func warningsAsErrorsRefusesIt() throws {
        let project = try Self.project()
        let output = project + "/../../output"
        #expect {
            _ = try BuildAction(projects: [project], outputRoot: output, themeRoot: Project.theme, warningsAsErrors: true,
                                lockPolicy: .unlocked).run()
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.contains { $0.identifier == "data.adae.unknown-subject" && $0.severity == .error } == true
        }
        #expect(!FileManager.default.fileExists(atPath: output + "/trial"), "no bundle")
    }
}
