import Foundation
import Testing
import ReadoutCore
import ReadoutData
import ReadoutPlan
import ReadoutTestSupport
@testable import ReadoutBuild

/// A project's datasets are read with only the variables its plan reads (`ValidatedPlan.variablesRead`);
/// the results must be exactly those of reading every column.
@Suite struct PlanVariablesTests {
    static let sample = Fixtures.repositoryRoot.path + "/content/blinatumomab-mrd"

    /// results.json of the sample from `datasets`.
    static func results(_ project: TrialProject, _ datasets: [String: Dataset]) throws -> [UInt8] {
        let context = try TrialContext(plan: project.plan, datasets: datasets)
        var warnings: [Diagnostic] = []
        return try ResultsEncoder.encode(try TrialAnalysis.run(context, warnings: &warnings))
    }

    @Test func resultsFromThePlansVariablesEqualResultsFromEveryColumn() throws {
        let project = try ProjectLoader.load(directory: Self.sample, display: "content/blinatumomab-mrd")
        var full: [String: Dataset] = [:]
        for (name, relative) in project.plan.data {
            let path = Self.sample + "/" + relative
            full[name.lowercased()] = try DatasetLoader.load(path: path, display: path, name: name).dataset
        }
        let selected = project.datasets.mapValues(\.dataset)
        #expect(try Self.results(project, selected) == Self.results(project, full))
        // Columns no analysis reads were skipped …
        #expect(selected["adsl"]?.unreadVariables.contains("SUBJID") == true)
        #expect(selected["adae"]?.unreadVariables.contains("AETERM") == true)
        #expect(selected["adtte"]?.unreadVariables.contains("ADT") == true)
        // … and every column was still hashed for the data lock.
        for (name, loaded) in project.datasets {
            let path = Self.sample + "/" + project.plan.data.first { $0.key.lowercased() == name }!.value
            #expect(loaded.sha256 == DatasetLoader.sha256(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        }
    }

    @Test func thePlanReadsTheOptionalVariablesItLooksFor() throws {
        let project = try ProjectLoader.load(directory: Self.sample, display: "content/blinatumomab-mrd")
        let adsl = project.plan.variablesRead(from: "ADSL")
        for name in ["USUBJID", "TRT01P", "TRT01A", "ITTFL", "HSCTFL", "SAFFL", "SCRNFL", "STRAT1", "STRAT2", "MRDNEGFL", "AGE",
                     "SCRFREAS", "BLINFL", "BLINNRS", "NOHSCTRS", "EOSSTT", "DCSREAS", "CRNUM"] {
            #expect(adsl.contains(name), "ADSL \(name)")
        }
        #expect(!adsl.contains("SUBJID"))
        let adae = project.plan.variablesRead(from: "adae")
        #expect(adae == ["USUBJID", "AEDECOD", "AEBODSYS", "AETOXGR", "AESER", "TRTEMFL", "AEACN", "AEREL", "AREL"])
        #expect(project.plan.variablesRead(from: "adtte") == ["USUBJID", "PARAMCD", "AVAL", "AVALU", "CNSR", "EVNTDESC"])
    }
}
