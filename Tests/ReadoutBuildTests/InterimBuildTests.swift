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

/// The sign and sidedness of the observed statistic, on variants of the sample.
@Suite(.serialized) struct InterimSignTests {
    static func interim(_ edits: [(String, String)], design: [(String, String)] = []) throws -> [String: Any] {
        let output = SampleBuildTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let project = try InterimBuildTests.copySample(into: output + "/projects")
        for (old, new) in edits { try InterimBuildTests.edit(project, old, new) }
        let page = project + "/pages/02-design.md"
        for (old, new) in design {
            let text = try String(contentsOfFile: page, encoding: .utf8)
            #expect(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(toFile: page, atomically: true, encoding: .utf8)
        }
        _ = try BuildAction(projects: [project], outputRoot: output + "/out", themeRoot: InterimBuildTests.root + "/themes/default").run()
        return try InterimBuildTests.json(output + "/out/blinatumomab-mrd/ia1/results.json")["interim"] as! [String: Any]
    }

    /// The committed sample's interim block (one build per test that needs it).
    static func sampleInterim() throws -> [String: Any] { try interim([]) }

    /// With the blinatumomab arm as the reference, the same data favour the reference: z changes sign, and
    /// z is below the futility boundary.
    @Test func zFavouringTheReferenceIsNegative() throws {
        let swapped = try Self.interim([("  reference: \"Direct allo-HSCT\"\n", "  reference: \"Blinatumomab then allo-HSCT\"\n")])
        let sample = try Self.sampleInterim()
        let z0 = (sample["observed"] as! [String: Any])["z"] as! Double
        let observed = swapped["observed"] as! [String: Any]
        #expect(observed["z"] as? Double == -z0)
        #expect(observed["favours"] as? String == "Blinatumomab then allo-HSCT")
        expectClose(observed["p"] as? Double, 1 - ((sample["observed"] as! [String: Any])["p"] as! Double), relative: Tolerance.closedForm,
                    "one-sided p of −z")
        #expect(swapped["efficacyCrossed"] as? Bool == false && swapped["futilityCrossed"] as? Bool == true)
    }

    /// A two-sided design: symmetric boundaries, two-sided nominal p of the boundary and of z, no futility.
    @Test func aTwoSidedDesignReportsTwoSidedLevels() throws {
        let twoSided = try Self.interim([("  sided: 1\n", "  sided: 2\n"), ("  alpha: 0.025\n", "  alpha: 0.05\n"),
                                         ("  futility:\n    family: hwang-shih-decani\n    gamma: -2\n", "")],
                                        design: [(" and the futility boundary z = {{result:interim.futility.z}}", "")])
        let z = (twoSided["observed"] as! [String: Any])["z"] as! Double
        let oneSidedP = (try Self.sampleInterim()["observed"] as! [String: Any])["p"] as! Double
        expectClose((twoSided["observed"] as! [String: Any])["p"] as? Double, 2 * oneSidedP, relative: Tolerance.closedForm, "two-sided p of z")
        #expect(z > 0 && twoSided["futilityCrossed"] is NSNull)
        let looks = twoSided["looks"] as! [[String: Any]]
        // α = 0.05 two-sided with O'Brien–Fleming-type spending at t = 0.5: c₁ = 2.9626 as the one-sided 0.025 design.
        expectClose(looks[0]["efficacyZ"] as? Double, 2.9625880427275479, relative: Tolerance.iterative, "two-sided c₁")
        expectClose(looks[0]["efficacyP"] as? Double, 2 * 0.0015253227579890005, relative: Tolerance.iterative, "two-sided nominal level")
        #expect(looks.allSatisfy { $0["futilityZ"] is NSNull })
    }
}
