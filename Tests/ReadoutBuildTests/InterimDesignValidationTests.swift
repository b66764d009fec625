import Foundation
import Testing
import ReadoutCore
import ReadoutPlan
import ReadoutStats
import ReadoutTestSupport
@testable import ReadoutBuild

/// The sample's `interim:` block with one change: one exact diagnostic at the changed line, never a crash.
@Suite struct InterimDesignValidationTests {
    typealias P = PlanValidationTests

    @Test func theSampleDesignIsTyped() throws {
        let decoded = try StrictYAMLDecoder().decodeWithSources(TrialPlan.self, from: P.sample(), file: "trial.yaml")
        let plan = try PlanValidation.validate(decoded.value, sources: decoded.sources)
        let interim = try #require(plan.interim)
        #expect(interim.endpoint == EndpointID(rawValue: "rfs"))
        #expect(interim.efficacy == .obrienFleming && interim.futility == .hwangShihDeCani(gamma: -2))
        #expect(interim.plannedEvents == 170 && interim.sided == 1 && abs(interim.beta - 0.2) < 1e-15)
        // The looks of a build: planned looks at or before this one are dropped; the final look is 1.
        #expect(interim.design(currentFraction: 0.5).informationRates == [0.5, 0.75, 1])
        #expect(interim.design(currentFraction: 0.8).informationRates == [0.8, 1])
        #expect(interim.design(currentFraction: 1.2).informationRates == [1])
    }

    @Test(arguments: [
        // (line in the sample's interim block, its replacement, identifier, key named, text of the line the diagnostic is at)
        ("  plannedEvents: 170\n", "  plannedEvents: 0\n", "plan.invalid-value", "interim.plannedEvents", "plannedEvents:"),
        ("  plannedEvents: 170\n", "  plannedEvents: -5\n", "plan.invalid-value", "interim.plannedEvents", "plannedEvents:"),
        ("  hazardRatio: 0.65\n", "  hazardRatio: 1.3\n", "plan.invalid-value", "interim.hazardRatio", "hazardRatio:"),
        ("  alpha: 0.025\n", "  alpha: 0.5\n", "plan.invalid-value", "interim.alpha", "alpha:"),
        ("  alpha: 0.025\n", "  alpha: 0\n", "plan.invalid-value", "interim.alpha", "alpha:"),
        ("  sided: 1\n", "  sided: 3\n", "plan.invalid-value", "interim.sided", "sided:"),
        ("  power: 0.8\n", "  power: 0.4\n", "plan.invalid-value", "interim.power", "power:"),
        ("  endpoint: rfs\n", "  endpoint: cir\n", "plan.interim.endpoint", "interim.endpoint", "endpoint: cir"),
        ("  endpoint: rfs\n", "  endpoint: nope\n", "plan.interim.endpoint", "interim.endpoint", "endpoint: nope"),
        ("    family: obrien-fleming\n", "    family: obrien-flemming\n", "plan.interim.unknown-spending", "interim.efficacy.family", "obrien-flemming"),
        ("    family: obrien-fleming\n", "    family: obrien-fleming\n    gamma: 1\n", "plan.invalid-value", "interim.efficacy.gamma", "gamma: 1"),
        ("    gamma: -2\n", "    gamma: 7\n", "plan.invalid-value", "interim.futility.gamma", "gamma: 7"),
        ("    gamma: -2\n", "", "plan.missing-key", "interim.futility", "family: hwang-shih-decani"),
        ("  plannedLooks: [0.75]\n", "  plannedLooks: [0.75, 0.6]\n", "plan.invalid-value", "interim.plannedLooks[1]", "plannedLooks:"),
        ("  plannedLooks: [0.75]\n", "  plannedLooks: [1]\n", "plan.invalid-value", "interim.plannedLooks[0]", "plannedLooks:"),
        ("  plannedLooks: [0.75]\n", "  earlierLooks: [0.4, 0.3]\n", "plan.invalid-value", "interim.earlierLooks[1]", "earlierLooks:"),
        ("  plannedLooks: [0.75]\n", "  earlierLooks: [0]\n", "plan.invalid-value", "interim.earlierLooks[0]", "earlierLooks:"),
        ("  plannedLooks: [0.75]\n", "  earlierLooks: [0.5]\n  plannedLooks: [0.45]\n", "plan.invalid-value", "interim.plannedLooks[0]", "plannedLooks:"),
        // A mapping's problem is at its first key's line, as everywhere in trial.yaml.
        ("  sided: 1\n", "  sided: 2\n", "plan.invalid-value", "interim.futility", "family: hwang-shih-decani"),
    ])
    func aWrongValueIsOneDiagnosticAtItsLine(old: String, new: String, identifier: String, key: String, at fragment: String) throws {
        let yaml = try interimSample(replacing: old, with: new)
        let diagnostics = P.diagnostics(yaml)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let d = try #require(diagnostics.first)
        #expect(d.identifier == identifier)
        #expect(d.subject.variable == key)
        let offset = yaml[..<yaml.range(of: "\ninterim:\n")!.lowerBound].filter { $0 == "\n" }.count + 1
        let block = String(yaml[yaml.range(of: "\ninterim:\n")!.upperBound...])
        let line = try #require(P.line(of: fragment, in: block))
        #expect(d.location?.line == offset + 1 + line, "\(d)")  // offset + 1 is the line of `interim:`
    }

    @Test func anUnknownFamilyGetsADidYouMean() throws {
        let yaml = try interimSample(replacing: "    family: hwang-shih-decani\n", with: "    family: hwang-shih-dcani\n")
        let d = try #require(P.diagnostics(yaml).first)
        #expect(d.identifier == "plan.interim.unknown-spending")
        #expect(d.notes == ["did you mean 'hwang-shih-decani'?"])
        #expect(d.subject.expected == "one of obrien-fleming, pocock, hwang-shih-decani")
    }

    @Test func anUnknownKeyOfTheBlockIsAnError() throws {
        let yaml = try interimSample(replacing: "  alpha: 0.025\n", with: "  alpha: 0.025\n  alhpa: 0.05\n")
        let d = try #require(P.diagnostics(yaml).first)
        #expect(d.identifier == "plan.unknown-key")
    }

    @Test func aThreeArmPlanCannotDeclareADesign() throws {
        let third = "    - value: \"Direct allo-HSCT\"\n"
        let yaml = try interimSample(replacing: third, with: "    - value: \"Third\"\n" + third)
        let d = try #require(P.diagnostics(yaml).first)
        #expect(d.identifier == "plan.interim.arms")
    }

    // MARK: helpers

    /// The sample with `old` replaced inside its `interim:` block only.
    func interimSample(replacing old: String, with new: String) throws -> String {
        let text = try P.sample()
        let range = try #require(text.range(of: "\ninterim:\n"))
        let head = String(text[..<range.lowerBound]), block = String(text[range.lowerBound...])
        if block.contains(old) {
            #expect(block.components(separatedBy: old).count == 2, "'\(old)' occurs once in the interim block")
            return head + block.replacingOccurrences(of: old, with: new)
        }
        #expect(head.components(separatedBy: old).count == 2, "'\(old)' occurs once in the sample")
        return head.replacingOccurrences(of: old, with: new) + block
    }
}
