import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// `adverseEvents.severity` in a real trial.yaml: a problem is reported at its key's line.
@Suite struct AdverseEventSeverityPlanTests {
    typealias Project = ProjectDiagnosticsTests

    @Test func aSevereFromOutsideTheLevelsIsAnErrorAtItsLine() throws {
        let project = try Project.project(editing: "trial.yaml") { text in
            text.replacingOccurrences(of: "      windowDescription: \"from the first dose of protocol therapy to day 100 after transplant\"\n", with: """
                  windowDescription: "from the first dose of protocol therapy to day 100 after transplant"
                  severity:
                    variable: AETOXGR
                    levels: [1, 2, 3, 4, 5]
                    severeFrom: 6
                    label: "Grade ≥ 6"

            """)
        }
        let errors = Project.diagnostics(building: project, output: project + "/../../output").filter { !$0.identifier.hasPrefix("lock.") }
        let d = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(d.identifier == "plan.invalid-value")
        #expect(d.location?.file == project + "/trial.yaml" && d.location?.line == 125)
        #expect(d.subject.variable == "endpoints[5].adverseEvents.severity.severeFrom" && d.subject.value == "6")
        #expect(d.subject.expected == "one of 1, 2, 3, 4, 5")
    }
}
