import Foundation
import Testing
import ReadoutCore
import ReadoutPlan
import ReadoutTestSupport
@testable import ReadoutBuild

/// results.json is written by `SortedJSON`; for the real trials it must be byte for byte what
/// Foundation's `JSONEncoder` gives with the options results.json always had.
@Suite struct ResultsJSONTests {
    @Test(arguments: ["blinatumomab-mrd", "cdiscpilot01"])
    func resultsJSONEqualsJSONEncoder(trial: String) throws {
        let directory = Fixtures.repositoryRoot.path + "/content/" + trial
        let project = try ProjectLoader.load(directory: directory, display: "content/" + trial)
        let context = try TrialContext(plan: project.plan, datasets: project.datasets.mapValues(\.dataset))
        var warnings: [Diagnostic] = []
        var results = try TrialAnalysis.run(context, warnings: &warnings)
        results.data = DataLock.dataFiles(project)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = Array(try encoder.encode(results)) + [0x0A]
        // The tree encoder itself, so a silent fallback to JSONEncoder cannot hide a difference.
        #expect(try SortedJSON.fastEncode(results, pretty: true) + [0x0A] == expected)
        #expect(try ResultsEncoder.encode(results) == expected)
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(try SortedJSON.fastEncode(results, pretty: false) == Array(try encoder.encode(results)))
    }
}
