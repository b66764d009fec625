import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// The sample's `interim:` design applied at a build: boundaries and conditional power against the rpact
/// gold of the same design (`Tests/Fixtures/group-sequential`, design "OF-bsHSDm2-sample"), the signed z,
/// the efficacy page, and the observed path across versions.
@Suite(.serialized) struct InterimBuildTests {
    static let root = Fixtures.repositoryRoot.path

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    static func numbers(_ value: Any?) -> [Double] { (value as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } }

    @Test func theSampleIsJudgedAgainstTheRpactBoundariesOfItsDesign() throws {
        let output = SampleBuildTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try SampleBuildTests.build(output: output)
        let bundle = output + "/blinatumomab-mrd/ia1"
        let results = try Self.json(bundle + "/results.json")
        let interim = try #require(results["interim"] as? [String: Any])
        let gold = try JSONSerialization.jsonObject(with: Fixtures.data("group-sequential/designs.json")) as! [String: Any]
        let design = try #require((gold["designs"] as! [[String: Any]]).first { $0["name"] as? String == "OF-bsHSDm2-sample" })
        let looks = interim["looks"] as! [[String: Any]]

        #expect(interim["observedEvents"] as? Int == 85 && interim["plannedEvents"] as? Int == 170)
        #expect(Self.numbers(looks.map { $0["informationFraction"]! }) == Self.numbers(design["informationRates"]))
        #expect(looks.map { $0["kind"] as! String } == ["current", "planned", "final"])
        expectClose(Self.numbers(looks.map { $0["efficacyZ"]! }), Self.numbers(design["criticalValues"]), relative: Tolerance.iterative, "criticalValues")
        expectClose(Self.numbers(looks.map { $0["alphaSpent"]! }), Self.numbers(design["alphaSpent"]), relative: Tolerance.iterative, "alphaSpent")
        expectClose(Self.numbers(looks.map { $0["efficacyP"]! }), Self.numbers(design["stageLevels"]), relative: Tolerance.iterative, "stageLevels")
        expectClose(Self.numbers(looks.dropLast().map { $0["futilityZ"]! }), Self.numbers(design["futilityBounds"]), relative: Tolerance.iterative, "futilityBounds")
        expectClose(Self.numbers(looks.dropLast().map { $0["betaSpent"]! }), Array(Self.numbers(design["betaSpent"]).dropLast()),
                    relative: Tolerance.iterative, "betaSpent")

        // The signed z: √χ² of the stratified log-rank test, positive as the experimental arm has fewer events than expected.
        let rfs = (results["endpoints"] as! [[String: Any]]).first { $0["endpoint"] as? String == "rfs" }!
        let stratified = (rfs["logRank"] as! [String: Any])["stratified"] as! [String: Any]
        let observed = interim["observed"] as! [String: Any]
        let z = try #require(observed["z"] as? Double)
        let blina = (stratified["arms"] as! [[String: Any]])[0]
        #expect((blina["observed"] as! Double) < (blina["expected"] as! Double))
        expectClose(z * z, stratified["chiSquare"] as? Double, relative: Tolerance.closedForm, "z² is the stratified χ²")
        #expect(z > 0 && observed["favours"] as? String == "Blinatumomab then allo-HSCT" && observed["stratified"] as? Bool == true)
        #expect(interim["efficacyCrossed"] as? Bool == false && interim["futilityCrossed"] as? Bool == false)

        // Conditional power against the gold (mvtnorm on rpact's boundaries) at the same z and drifts.
        let cps = (gold["conditionalPower"] as! [[String: Any]]).filter { $0["name"] as? String == "OF-bsHSDm2-sample" }
        #expect(cps.count == 2)
        expectClose(z, cps[0]["z"] as? Double, relative: Tolerance.closedForm, "the gold's z is this build's")
        let conditional = interim["conditionalPower"] as! [String: Any]
        let design0 = interim["design"] as! [String: Any]
        expectClose(design0["driftAtHazardRatio"] as? Double, cps[1]["theta"] as? Double, relative: Tolerance.closedForm, "drift at HR 0.65")
        expectClose(conditional["currentTrend"] as? Double, cps[0]["conditionalPower"] as? Double, relative: Tolerance.iterative, "CP trend")
        expectClose(conditional["designHazardRatio"] as? Double, cps[1]["conditionalPower"] as? Double, relative: Tolerance.iterative, "CP design")

        // The efficacy page prints the table and the plot; the narrative quotes the same numbers.
        let efficacy = try String(contentsOfFile: bundle + "/efficacy.html", encoding: .utf8)
        #expect(efficacy.contains("id=\"figure-interim-rfs\""))
        #expect(efficacy.contains("<td class=\"num\">\(NumberFormat.fixed(z, digits: 3))</td>"))
        #expect(efficacy.contains("<td class=\"num\">2.963</td>") && efficacy.contains("<td class=\"num\">0.449</td>"))
        let designPage = try String(contentsOfFile: bundle + "/page-02-design.html", encoding: .utf8)
        #expect(designPage.contains("data-key=\"interim.efficacy.z\">2.963<"))
        let discussion = try String(contentsOfFile: bundle + "/page-03-discussion.html", encoding: .utf8)
        #expect(discussion.contains("data-key=\"interim.z\">\(NumberFormat.fixed(z, digits: 3))<"))
    }

    /// A second version of the trial in the same output folder plots and lists the first version's z.
    @Test func aLaterVersionShowsTheObservedPath() throws {
        let output = SampleBuildTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try SampleBuildTests.build(output: output)
        let first = try Self.json(output + "/blinatumomab-mrd/ia1/results.json")
        let z1 = ((first["interim"] as! [String: Any])["observed"] as! [String: Any])["z"] as! Double

        let project = try Self.copySample(into: output + "/projects")
        try Self.edit(project, "  version: ia1\n", "  version: ia2\n")
        try Self.edit(project, "  dataCutoff: \"2026-06-30\"\n", "  dataCutoff: \"2026-12-31\"\n")
        _ = try BuildAction(projects: [project], outputRoot: output, themeRoot: Self.root + "/themes/default", lockPolicy: .unlocked).run()
        let second = try Self.json(output + "/blinatumomab-mrd/ia2/results.json")
        let history = try #require((second["interim"] as! [String: Any])["history"] as? [[String: Any]])
        #expect(history.count == 1)
        #expect(history.first?["version"] as? String == "ia1" && history.first?["dataCutoff"] as? String == "2026-06-30")
        #expect(history.first?["z"] as? Double == z1 && history.first?["informationFraction"] as? Double == 0.5)
        let efficacy = try String(contentsOfFile: output + "/blinatumomab-mrd/ia2/efficacy.html", encoding: .utf8)
        #expect(efficacy.contains("<th scope=\"row\">ia1 (cut-off 2026-06-30)</th>"))
    }

    /// A look that is not beyond the declared earlier looks is an error at the `earlierLooks` line.
    @Test func aLookNotBeyondTheEarlierLooksIsAnError() throws {
        let output = SampleBuildTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let project = try Self.copySample(into: output + "/projects")
        try Self.edit(project, "  plannedLooks: [0.75]\n", "  earlierLooks: [0.5]\n  plannedLooks: [0.75]\n")
        do {
            _ = try BuildAction(projects: [project], outputRoot: output + "/out", themeRoot: Self.root + "/themes/default", dryRun: true).run()
            Issue.record("the build should fail")
        } catch {
            let d = try #require(error.diagnostics.first { $0.identifier == "analysis.interim.look-order" })
            let text = try String(contentsOfFile: project + "/trial.yaml", encoding: .utf8)
            #expect(d.location?.line == PlanValidationTests.line(of: "  earlierLooks: [0.5]", in: text))
            #expect(d.subject.value == "85/170 = 0.500")
        }
    }

    static func copySample(into directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let project = directory + "/blinatumomab-mrd"
        try FileManager.default.copyItem(atPath: root + "/content/blinatumomab-mrd", toPath: project)
        return project
    }

    static func edit(_ project: String, _ old: String, _ new: String) throws {
        let path = project + "/trial.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.components(separatedBy: old).count == 2, "'\(old)' occurs once")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
