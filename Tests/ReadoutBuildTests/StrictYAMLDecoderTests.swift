import Testing
import ReadoutCore
@testable import ReadoutBuild

private struct Settings: Decodable {
    struct Arm: Decodable { var value: String; var color: String? }
    var title: String
    var landmarks: [Double]?
    var arms: [Arm]
}

@Suite struct StrictYAMLDecoderTests {
    @Test func decodesAValidDocument() throws {
        let value = try StrictYAMLDecoder().decode(Settings.self, from: "title: T\nlandmarks: [12, 24]\narms:\n  - value: A\n", file: "t.yaml")
        #expect(value.title == "T")
        #expect(value.landmarks == [12, 24])
        #expect(value.arms.first?.value == "A")
    }

    @Test func unknownKeyNamesKeyFileAndLine() {
        let yaml = "title: T\narms:\n  - value: A\n    colour: red\n"
        #expect {
            try StrictYAMLDecoder().decode(Settings.self, from: yaml, file: "content/x/trial.yaml")
        } throws: { error in
            guard let d = (error as? DiagnosticsError)?.diagnostics.first else { return false }
            return d.identifier == "plan.unknown-key" && d.location?.file == "content/x/trial.yaml" && d.location?.line == 4
                && d.subject.variable == "arms[0].colour" && d.notes.contains("did you mean 'color'?")
        }
    }

    @Test func misspelledRequiredKeyIsReportedAsUnknown() {
        #expect {
            try StrictYAMLDecoder().decode(Settings.self, from: "titel: T\narms: []\n", file: "t.yaml")
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics.first
            return d?.identifier == "plan.unknown-key" && d?.subject.variable == "titel" && d?.location?.line == 1
        }
    }

    @Test func wrongTypeGivesLineValueAndExpectation() {
        #expect {
            try StrictYAMLDecoder().decode(Settings.self, from: "title: T\nlandmarks: [12, two]\narms: []\n", file: "t.yaml")
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics.first
            return d?.location?.line == 2 && d?.subject.value == "two" && d?.subject.expected == "a number"
        }
    }

    @Test func missingRequiredKey() {
        #expect {
            try StrictYAMLDecoder().decode(Settings.self, from: "arms: []\n", file: "t.yaml")
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics.first
            return d?.identifier == "plan.missing-key" && d?.subject.variable == "title"
        }
    }

    @Test func syntaxErrorHasLine() {
        #expect {
            try StrictYAMLDecoder().decode(Settings.self, from: "title: T\narms: [\n", file: "t.yaml")
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics.first
            return d?.identifier == "yaml.syntax" && d?.location?.line != nil
        }
    }
}
