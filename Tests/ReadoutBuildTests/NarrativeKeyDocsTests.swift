import Foundation
import Testing
import ReadoutCore
import ReadoutPlan
import ReadoutTestSupport
@testable import ReadoutRender
@testable import ReadoutBuild

/// docs/narrative.md lists every `{{result:KEY}}` the code can produce, and nothing else: the
/// sample plan has every endpoint type, strata and landmarks, so its keys, with endpoint and
/// population ids, arm numbers, subgroup variables and landmark times replaced by the docs' placeholders, are the
/// documented patterns.
@Suite struct NarrativeKeyDocsTests {
    static func pattern(_ key: ResultKey, plan: ValidatedPlan) -> String {
        var parts = key.rawValue.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "population", parts.count == 3 { parts[1] = "<id>" }
        if plan.plan.endpoints.contains(where: { $0.id.rawValue == parts.first }) { parts[0] = "<endpoint>" }
        if parts.count == 5, parts[1] == "subgroup", parts[3] == "interaction" { parts[2] = "<VARIABLE>" }
        var text = parts.joined(separator: ".")
        for (regex, replacement) in [(#"\.arm[0-9]+\."#, ".armN."), (#"landmark[0-9]+(\.[0-9])?(?=\.|$)"#, "landmarkT"),
                                     (#"incidence[0-9]+(\.[0-9])?$"#, "incidenceT")] {
            text = text.replacingOccurrences(of: regex, with: replacement, options: .regularExpression)
        }
        return text
    }

    static func documented() throws -> Set<String> {
        let docs = try String(contentsOfFile: Fixtures.repositoryRoot.path + "/docs/narrative.md", encoding: .utf8)
        var keys: Set<String> = []
        for line in docs.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(3).prefix { $0 != "`" }
            keys.insert(String(cell))
        }
        return keys
    }

    @Test func theDocsListEveryKeyAndNoStaleOne() throws {
        let project = try ProjectLoader.load(directory: ResultKeyTests.sample, display: "content/blinatumomab-mrd")
        let produced = Set(ResultKey.produced(by: project.plan).map { Self.pattern($0, plan: project.plan) })
        let documented = try Self.documented()
        #expect(produced.subtracting(documented).isEmpty, "keys missing from docs/narrative.md: \(produced.subtracting(documented).sorted())")
        #expect(documented.subtracting(produced).isEmpty, "stale keys in docs/narrative.md: \(documented.subtracting(produced).sorted())")
        #expect(produced.count >= 20)
    }

    @Test func patternsReplaceIdsArmsAndTimes() throws {
        let project = try ProjectLoader.load(directory: ResultKeyTests.sample, display: "content/blinatumomab-mrd")
        #expect(Self.pattern(ResultKey("rfs.arm2.landmark24"), plan: project.plan) == "<endpoint>.armN.landmarkT")
        #expect(Self.pattern(ResultKey("cir.landmark2.5.difference"), plan: project.plan) == "<endpoint>.landmarkT.difference")
        #expect(Self.pattern(ResultKey("cir.arm1.incidence12"), plan: project.plan) == "<endpoint>.armN.incidenceT")
        #expect(Self.pattern(ResultKey("population.itt.n"), plan: project.plan) == "population.<id>.n")
        #expect(Self.pattern(ResultKey("consort.screened"), plan: project.plan) == "consort.screened")
        #expect(Self.pattern(ResultKey("rfs.subgroup.SEX.interaction.p"), plan: project.plan) == "<endpoint>.subgroup.<VARIABLE>.interaction.p")
    }
}
