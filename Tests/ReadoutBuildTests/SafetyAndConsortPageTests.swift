import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// The committed sample's pages show safety by actual treatment, the record accounting, CONSORT's
/// per-arm stage, follow-up and analysis boxes, and "—" per arm for the screened population.
@Suite(.serialized) struct SafetyAndConsortPageTests {
    static let root = Fixtures.repositoryRoot.path

    @Test func samplePagesShowTheNewBoxesRowsAndFootnotes() throws {
        let output = NSTemporaryDirectory() + "readout-safety-pages-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try BuildAction(projects: [Self.root + "/content/blinatumomab-mrd"], outputRoot: output, themeRoot: Self.root + "/themes/default").run()
        let bundle = output + "/blinatumomab-mrd/ia1/"
        func page(_ name: String) throws -> String { try String(contentsOfFile: bundle + name, encoding: .utf8) }

        let overview = try page("index.html")
        #expect(overview.contains(#"<th scope="row">Screened</th><td class="num">—</td><td class="num">—</td><td class="num">300</td>"#))
        #expect(overview.contains("Safety: by actual treatment (TRT01A)."))

        let safety = try page("safety.html")
        // docs/sample-trial.md: 96 / 102 by TRT01A; 1401 records, 2 of never-treated subjects, 29 outside the window.
        #expect(safety.contains("(N = 96)") && safety.contains("(N = 102)"))
        #expect(safety.contains("ADAE holds 1401 event record(s): 1370 are counted; not counted: 2 of subjects outside the Safety population; 29 outside the analysis window (TRTEMFL not Y)."))
        #expect(safety.contains("Related adverse event") && safety.contains("Adverse event leading to discontinuation"))
        #expect(safety.contains("actually received (TRT01A)"))

        let consort = try page("consort.html")
        // Figure lines wrap at the box width: look for the parts that fit on one line.
        for text in ["Received blinatumomab", "Did not receive blinatumomab", "Lost to follow-up (n = 3)", "Discontinued (n = 37)",
                     "Analysed for safety", "Excluded from analysis"] {
            #expect(consort.contains(Escape.htmlText(text)), "CONSORT figure: \(text)")
        }
        #expect(consort.contains(#"<th scope="row">Received blinatumomab</th><td class="num">96</td><td class="num">—</td>"#))

        let baseline = try page("baseline.html")
        #expect(baseline.contains(#"<td class="num">18, 68</td>"#), "integer ages print as integers")
    }
}
