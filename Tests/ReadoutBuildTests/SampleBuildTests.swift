import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// Builds the committed sample trial into a temporary folder, as a new user would, and checks the bundle.
@Suite(.serialized) struct SampleBuildTests {
    static let root = Fixtures.repositoryRoot.path

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "readout-test-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func build(output: String, project: String = root + "/content/blinatumomab-mrd") throws -> BuildAction.Outcome {
        try BuildAction(projects: [project], outputRoot: output, themeRoot: root + "/themes/default").run()
    }

    @Test func buildsEveryPageAndEndpoint() throws {
        let output = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = try Self.build(output: output)
        let bundle = output + "/blinatumomab-mrd/ia1"
        #expect(outcome.bundles == [bundle])
        for page in ["index.html", "consort.html", "baseline.html", "efficacy.html", "safety.html", "report.html",
                     "results.json", "manifest.json", "assets/readout.css"] {
            #expect(FileManager.default.fileExists(atPath: bundle + "/" + page), "missing \(page)")
        }
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundle + "/results.json"))) as! [String: Any]
        let endpoints = (results["endpoints"] as! [[String: Any]]).map { $0["endpoint"] as! String }
        #expect(endpoints == ["rfs", "cir", "nrm", "os", "mrd", "ae"])
        let report = try String(contentsOfFile: bundle + "/report.html", encoding: .utf8)
        #expect(report.contains("SYNTHETIC"))
        // Nothing is loaded from outside the bundle: no src/href to another origin (the SVG namespace URI is not a load).
        for attribute in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(http", "@import"] {
            #expect(!report.contains(attribute), "report.html must not load \(attribute)…")
        }
    }

    @Test func pagesPrintTheNumbersOfResultsJSON() throws {
        let output = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try Self.build(output: output)
        let bundle = output + "/blinatumomab-mrd/ia1"
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundle + "/results.json"))) as! [String: Any]
        let rfs = (results["endpoints"] as! [[String: Any]]).first { $0["endpoint"] as? String == "rfs" }!
        let hr = ((rfs["cox"] as! [String: Any])["hazardRatios"] as! [[String: Any]])[0]
        let text = "\(NumberFormat.fixed(hr["estimate"] as? Double, digits: 2)) (\(NumberFormat.fixed(hr["lower"] as? Double, digits: 2))–\(NumberFormat.fixed(hr["upper"] as? Double, digits: 2)))"
        let efficacy = try String(contentsOfFile: bundle + "/efficacy.html", encoding: .utf8)
        #expect(efficacy.contains(text), "efficacy page should print HR \(text)")
        let arm = (rfs["arms"] as! [[String: Any]])[0]
        let mark = (arm["landmarks"] as! [[String: Any]]).last!
        let landmark = "\(NumberFormat.percent(mark["estimate"] as? Double)) (\(NumberFormat.percent(mark["lower"] as? Double))–\(NumberFormat.percent(mark["upper"] as? Double)))"
        #expect(efficacy.contains(landmark), "efficacy page should print landmark \(landmark)")
    }

    @Test func rebuildingTheSameDataIsByteIdentical() throws {
        let output = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try Self.build(output: output)
        let first = try Data(contentsOf: URL(fileURLWithPath: output + "/blinatumomab-mrd/ia1/report.html"))
        _ = try Self.build(output: output)
        let second = try Data(contentsOf: URL(fileURLWithPath: output + "/blinatumomab-mrd/ia1/report.html"))
        #expect(first == second)
    }

    @Test func buildsEveryTrialInContentAndListsThemOnTheHome() throws {
        let root = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        for name in ["trial-a", "trial-b"] {
            try FileManager.default.copyItem(atPath: Self.root + "/content/blinatumomab-mrd", toPath: root + "/content/" + name)
        }
        let outcome = try BuildAction(contentRoot: root + "/content", outputRoot: root + "/output", themeRoot: Self.root + "/themes/default").run()
        #expect(outcome.bundles.count == 2)
        let home = try String(contentsOfFile: root + "/output/index.html", encoding: .utf8)
        #expect(home.contains("href=\"trial-a/ia1/index.html\"") && home.contains("href=\"trial-b/ia1/index.html\""))
        #expect(FileManager.default.fileExists(atPath: root + "/output/assets/readout.css"))
    }
}
