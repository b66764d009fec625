import Foundation
import Testing
import ReadoutCore
import ReadoutPlan
import ReadoutTestSupport
@testable import ReadoutBuild

/// The sample's trial.yaml with one change must fail decoding or validation with one exact diagnostic
/// at the right line — never a crash.
@Suite struct PlanValidationTests {
    static func sample() throws -> String {
        try String(contentsOfFile: Fixtures.repositoryRoot.path + "/content/blinatumomab-mrd/trial.yaml", encoding: .utf8)
    }

    /// The sample with `old` replaced by `new` (which must occur exactly once).
    static func sample(replacing old: String, with new: String) throws -> String {
        let text = try sample()
        #expect(text.components(separatedBy: old).count == 2, "'\(old)' occurs once in the sample")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// Decodes and validates, returning the diagnostics (empty when the plan is valid).
    static func diagnostics(_ yaml: String) -> [Diagnostic] {
        do {
            let decoded = try StrictYAMLDecoder().decodeWithSources(TrialPlan.self, from: yaml, file: "trial.yaml")
            _ = try PlanValidation.validate(decoded.value, sources: decoded.sources)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// 1-based line of the first line of `text` containing `fragment`.
    static func line(of fragment: String, in text: String) -> Int? {
        text.components(separatedBy: "\n").firstIndex { $0.contains(fragment) }.map { $0 + 1 }
    }

    @Test func theSampleIsValidWithTypedReferences() throws {
        let decoded = try StrictYAMLDecoder().decodeWithSources(TrialPlan.self, from: Self.sample(), file: "trial.yaml")
        let plan = try PlanValidation.validate(decoded.value, sources: decoded.sources)
        #expect(plan.level(plan.referenceArm).value == "Direct allo-HSCT")
        #expect(plan.arms.count == 2 && plan.referenceArm == plan.arms[1])
        #expect(plan.endpoints.map(\.type) == [.timeToEvent, .competingRisks, .competingRisks, .timeToEvent, .binary, .adverseEvents])
        #expect(plan.endpoints[0].population == PopulationID(rawValue: "transplanted"))
        #expect(plan.time.origin == "transplant" && plan.time.displayUnit == .months)
        guard case .competingRisks(let cir) = plan.endpoints[1] else { Issue.record("cir is a competing-risks endpoint"); return }
        #expect(cir.causeOfInterest == "RELAPSE" && cir.landmarks == [12, 24])
    }

    @Test(arguments: [
        // (endpoint line to extend, key of another type, the endpoint's type)
        ("    parameter: OS\n", "    causes: [DEATH]\n", "time-to-event"),
        ("    causeOfInterest: RELAPSE\n", "    variable: MRDNEGFL\n", "competing-risks"),
        ("    variable: MRDNEGFL\n", "    landmarks: [12]\n", "binary"),
        ("    dataset: adae\n", "    parameter: OS\n", "adverse-events"),
    ])
    func aKeyOfAnotherTypeIsAnErrorAtItsLine(anchor: String, foreign: String, type: String) throws {
        let yaml = try Self.sample(replacing: anchor, with: anchor + foreign)
        let d = try #require(Self.diagnostics(yaml).first)
        let key = String(foreign.drop { $0 == " " }.prefix { $0 != ":" })
        #expect(d.identifier == "plan.key-not-for-type")
        #expect(d.summary == "'\(key)' is not a key of \(type == "adverse-events" ? "an" : "a") \(type) endpoint")
        let inserted = try #require(yaml.range(of: anchor + foreign))
        #expect(d.location?.line == yaml[..<inserted.lowerBound].filter { $0 == "\n" }.count + 2, "the line after the anchor")
        #expect(d.subject.variable?.hasSuffix("].\(key)") == true)
        #expect(d.subject.expected?.hasPrefix("one of id, title, type") == true)
    }

    @Test(arguments: [
        // (line removed, the endpoint's first line, missing key, type)
        ("    parameter: OS\n", "  - id: os", "parameter", "time-to-event"),
        ("    causeOfInterest: RELAPSE\n", "  - id: cir", "causeOfInterest", "competing-risks"),
        ("    variable: MRDNEGFL\n", "  - id: mrd", "variable", "binary"),
        ("    population: safety\n", "  - id: ae", "population", "adverse-events"),
    ])
    func aMissingKeyNamesTheEndpointsLine(removed: String, endpointLine: String, key: String, type: String) throws {
        let yaml = try Self.sample(replacing: removed, with: "")
        let d = try #require(Self.diagnostics(yaml).first)
        #expect(d.identifier == "plan.missing-key")
        #expect(d.summary == "\(type == "adverse-events" ? "an" : "a") \(type) endpoint needs '\(key)'")
        #expect(d.location?.line == Self.line(of: endpointLine, in: yaml))
    }

    @Test func aHugeLandmarkIsAnErrorNotATrap() throws {
        let text = try Self.sample()
        let first = try #require(text.range(of: "    landmarks: [12, 24]\n"))
        let yaml = text.replacingCharacters(in: first, with: "    landmarks: [12, 24, 1e19]\n")
        let d = try #require(Self.diagnostics(yaml).first)
        #expect(d.identifier == "plan.invalid-landmark")
        #expect(d.subject.variable == "endpoints[0].landmarks[2]")
        #expect(d.location?.line == Self.line(of: "1e19", in: yaml))
    }

    @Test(arguments: ["nan", ".nan", ".inf", "-.inf", "1e400"])
    func nonFiniteNumbersAreErrors(number: String) throws {
        let text = try Self.sample()
        let first = try #require(text.range(of: "    landmarks: [12, 24]\n"))
        let yaml = text.replacingCharacters(in: first, with: "    landmarks: [12, \(number)]\n")
        let d = try #require(Self.diagnostics(yaml).first)
        #expect(["plan.invalid-value", "plan.invalid-landmark"].contains(d.identifier))
        #expect(d.location?.line == Self.line(of: "[12, \(number)]", in: yaml))
    }

    @Test func aNullRequiredTextIsAnError() throws {
        let yaml = try Self.sample(replacing: "  acronym: BLINA-MRD", with: "  acronym: ~")
        let d = try #require(Self.diagnostics(yaml).first)
        #expect(d.identifier == "plan.null-value")
        #expect(d.subject.variable == "trial.acronym")
        #expect(d.location?.line == Self.line(of: "acronym: ~", in: yaml))
    }

    @Test func aQuotedTildeIsText() throws {
        let yaml = try Self.sample(replacing: "  acronym: BLINA-MRD", with: "  acronym: \"~\"")
        #expect(Self.diagnostics(yaml).isEmpty)
    }

    @Test(arguments: ["\\a", "\\x1b[31m", "\\u007f", "\\u009b"])
    func controlCharactersInTextAreErrors(escape: String) throws {
        let yaml = try Self.sample(replacing: "  status: \"Interim analysis 1\"", with: "  status: \"Interim\(escape) analysis 1\"")
        let d = try #require(Self.diagnostics(yaml).first)
        #expect(d.identifier == "plan.control-character")
        #expect(d.subject.variable == "report.status")
        #expect(d.location?.line == Self.line(of: "  status:", in: yaml))
    }

    @Test(arguments: [("  version: ia1", "  version: \"..\"", "plan.invalid-version"),
                      ("  version: ia1", "  version: \".hidden\"", "plan.invalid-version"),
                      ("  version: ia1", "  version: \"a/b\"", "plan.invalid-version"),
                      ("  - id: itt", "  - id: \"../itt\"", "plan.invalid-id"),
                      ("  - id: rfs", "  - id: \"r fs\"", "plan.invalid-id")])
    func idsAndVersionAreSafeSlugs(old: String, new: String, identifier: String) throws {
        let yaml = try Self.sample(replacing: old, with: new)
        let found = Self.diagnostics(yaml)
        let d = try #require(found.first { $0.identifier == identifier })
        #expect(d.location?.line == Self.line(of: new, in: yaml))
    }

    @Test func theReferenceArmIsCheckedOnceAtItsLine() throws {
        let yaml = try Self.sample(replacing: "  reference: \"Direct allo-HSCT\"", with: "  reference: \"Direct\"")
        let found = Self.diagnostics(yaml)
        #expect(found.filter { $0.identifier == "plan.unknown-reference-arm" }.count == 1)
        #expect(found.first?.location?.line == Self.line(of: "  reference: \"Direct\"", in: yaml))
    }

    @Test func unknownReferencesAreAllCollectedWithLines() throws {
        var yaml = try Self.sample(replacing: "    population: itt\n    dataset: adsl", with: "    population: everyone\n    dataset: adxx")
        yaml = yaml.replacingOccurrences(of: "causeOfInterest: RELAPSE", with: "causeOfInterest: GVHD")
        let found = Self.diagnostics(yaml)
        #expect(found.map(\.identifier).sorted() == ["plan.invalid-value", "plan.unknown-dataset", "plan.unknown-population"])
        #expect(found.first { $0.identifier == "plan.unknown-population" }?.location?.line == Self.line(of: "population: everyone", in: yaml))
        #expect(found.first { $0.identifier == "plan.unknown-dataset" }?.location?.line == Self.line(of: "dataset: adxx", in: yaml))
        #expect(found.first { $0.identifier == "plan.invalid-value" }?.subject.variable == "endpoints[1].causeOfInterest")
    }

    @Test func confidenceLevelAndDigitsAreInRange() throws {
        var yaml = try Self.sample(replacing: "  profile: sas", with: "  profile: sas\n  confidenceLevel: 1.5")
        #expect(Self.diagnostics(yaml).first?.subject.variable == "methods.confidenceLevel")
        yaml = try Self.sample(replacing: "  profile: sas", with: "  profile: sas\n  confidenceLevel: .nan")
        #expect(Self.diagnostics(yaml).first?.subject.expected == "a finite number")
    }

    @Test func theTimeOriginIsOptional() throws {
        let yaml = try Self.sample(replacing: "  origin: transplant\n", with: "")
        #expect(Self.diagnostics(yaml).isEmpty)
    }

    @Test func checkingAProjectWithAHugeLandmarkReportsIt() throws {
        let directory = NSTemporaryDirectory() + "readout-plan-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Fixtures.repositoryRoot.path + "/content/blinatumomab-mrd", toPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try Self.sample()
        let first = try #require(text.range(of: "    landmarks: [12, 24]\n"))
        try text.replacingCharacters(in: first, with: "    landmarks: [12, 24, 1e19]\n")
            .write(toFile: directory + "/trial.yaml", atomically: true, encoding: .utf8)
        #expect {
            _ = try ProjectLoader.load(directory: directory, display: "content/t")
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics.first
            return d?.identifier == "plan.invalid-landmark" && d?.location?.file == "content/t/trial.yaml" && d?.location?.line != nil
        }
    }
}
