import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// `readout synth --subjects N` writes a project that `readout build` builds.
@Suite(.serialized) struct ScaledSynthTests {
    static let root = Fixtures.repositoryRoot.path

    @Test func writesABuildableProject() throws {
        let folder = NSTemporaryDirectory() + "readout-scaled-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let project = folder + "/trial-1200"
        let written = try SynthAction(seed: 7, output: project, subjects: 1_200, template: Self.root + "/content/blinatumomab-mrd").run()
        for file in ["trial.yaml", "pages/01-background.md", "data/adsl.csv", "data/adtte.csv", "data/adae.csv"] {
            #expect(written.contains(project + "/" + file), "\(file) not written")
        }
        #expect(!FileManager.default.fileExists(atPath: project + "/data/adsl.csv.partial"))
        let adsl = try String(contentsOfFile: project + "/data/adsl.csv", encoding: .utf8)
        #expect(adsl.split(separator: "\n").count == 1_201)

        let timings = BuildTimings()
        let outcome = try BuildAction(projects: [project], outputRoot: folder + "/output", themeRoot: Self.root + "/themes/default")
            .run(timings: timings)
        #expect(outcome.bundles == [folder + "/output/trial-1200/ia1"])
        let names = timings.phases.map(\.name)
        // ADSL is read first: the other datasets' USUBJID is read against its identifiers.
        #expect(names == ["plan and validate", "read ADSL", "parse+hash ADSL", "read ADAE", "parse+hash ADAE",
                          "read ADTTE", "parse+hash ADTTE", "narrative pages", "analyse", "render", "publish"])
        #expect(timings.phases.allSatisfy { $0.project == project && $0.seconds >= 0 })
        #expect(BuildTimings.current == nil, "the recorder is bound only while the build runs")
    }

    /// `--subjects 300` is the committed sample's data.
    @Test func threeHundredSubjectsAreTheSample() throws {
        let folder = NSTemporaryDirectory() + "readout-scaled-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SynthAction(seed: 20261126, output: folder, subjects: 300, template: Self.root + "/content/blinatumomab-mrd").run()
        for name in ["adsl.csv", "adtte.csv", "adae.csv"] {
            let made = try Data(contentsOf: URL(fileURLWithPath: folder + "/data/" + name))
            let committed = try Data(contentsOf: URL(fileURLWithPath: Self.root + "/content/blinatumomab-mrd/data/" + name))
            #expect(made == committed, "\(name)")
        }
    }

    @Test func rejectsImpossibleSizesAndMissingTemplates() {
        for n in [0, -5, SynthAction.maximumSubjects + 1] {
            #expect(throws: DiagnosticsError.self) { try SynthAction(seed: 1, output: NSTemporaryDirectory() + "never", subjects: n).run() }
            do { _ = try SynthAction(seed: 1, output: NSTemporaryDirectory() + "never", subjects: n).run() } catch {
                #expect(error.diagnostics.first?.identifier == "synth.subjects")
            }
        }
        do {
            _ = try SynthAction(seed: 1, output: NSTemporaryDirectory() + "never", subjects: 10, template: "/nonexistent").run()
            Issue.record("a missing template must fail")
        } catch {
            #expect(error.diagnostics.first?.identifier == "synth.no-template")
        }
        #expect(!FileManager.default.fileExists(atPath: NSTemporaryDirectory() + "never"))
    }
}

/// The phase table of `readout build --timings`.
@Suite struct BuildTimingsTests {
    @Test func tableListsPhasesPerProjectWithTotals() {
        let phases = [
            BuildTimings.Phase(project: "content/a", name: "plan and validate", seconds: 0.0123),
            BuildTimings.Phase(project: "content/a", name: "analyse", seconds: 1.5),
            BuildTimings.Phase(project: "content/b", name: "render", seconds: 0.25),
        ]
        let expected = """
            phase timings (wall seconds)
            content/a
              plan and validate       0.012
              analyse                 1.500
              project total           1.512
            content/b
              render                  0.250
              project total           0.250
            whole build               2.000
            """
        #expect(BuildTimings.table(phases, total: 2) == expected)
    }

    @Test func marksWithoutABoundRecorderDoNothing() {
        BuildTimings.begin("orphan", project: "x")
        BuildTimings.end()
        let recorder = BuildTimings()
        recorder.recording { BuildTimings.begin("inside", project: "p") }
        #expect(recorder.phases.map(\.name) == ["inside"], "the phase running at the end is closed")
        #expect(recorder.running == nil)
    }

    @Test func secondsAreFormattedWithThreeDecimals() {
        #expect(BuildTimings.fixed(0) == "0.000")
        #expect(BuildTimings.fixed(0.0005) == "0.001")
        #expect(BuildTimings.fixed(12.3456) == "12.346")
        #expect(BuildTimings.fixed(.infinity) == "0.000")
    }
}
