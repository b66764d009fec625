import Foundation
import Testing
import ReadoutCore
import ReadoutPlan
import ReadoutTestSupport
@testable import ReadoutBuild

/// `subgroups:` and `rmst:` end to end: the sample's results.json against R (Tests/Fixtures/subgroups/gold.json,
/// Breslow ties as the sample's SAS profile), the pages, and every plan or data mistake as a diagnostic at its line.
@Suite(.serialized) struct SubgroupProjectTests {
    nonisolated(unsafe) static let gold: Any = try! JSONSerialization.jsonObject(with: Fixtures.data("subgroups/gold.json"))

    static func goldCase(_ section: String, _ name: String) -> Any {
        (JSONPath.value(gold, section) as! [Any]).first { JSONPath.value($0, "name") as? String == name }!
    }

    /// The sample built with R's conventions and Breslow ties (the gold's), unlocked: the SAS profile's
    /// PHREG convergence rule stops at another iterate than coxph (docs/methods/cox.md).
    static func buildSample() throws -> (results: [String: Any], efficacy: String) {
        let project = try MutatedProjectTests.copy()
        defer { try? FileManager.default.removeItem(atPath: project + "/..") }
        try MutatedProjectTests.replaceInPlan(project, "  profile: sas\n", "  profile: r\n  ties: breslow\n")
        let output = project + "/../output"
        _ = try BuildAction(projects: [project], outputRoot: output, themeRoot: MutatedProjectTests.theme,
                            lockPolicy: .warn).run()
        let bundle = output + "/trial/ia1"
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundle + "/results.json"))) as! [String: Any]
        return (results, try String(contentsOfFile: bundle + "/efficacy.html", encoding: .utf8))
    }

    static func endpoint(_ results: [String: Any], _ id: String) -> [String: Any] {
        (results["endpoints"] as! [[String: Any]]).first { $0["endpoint"] as? String == id }!
    }

    @Test func theSampleMatchesR() throws {
        let (results, efficacy) = try Self.buildSample()
        let rfs = Self.endpoint(results, "rfs")
        // Subgroups: per level counts and HR (matched by value), interaction LRT and Wald.
        let subgroups = try #require(rfs["subgroups"] as? [[String: Any]])
        #expect(subgroups.map { $0["variable"] as! String } == ["AGEGR1", "CRNUM", "DONORTYP", "MRDMETH", "SEX"])
        for subgroup in subgroups {
            let variable = subgroup["variable"] as! String
            let gold = JSONPath.value(Self.goldCase("subgroups", "sample RFS \(variable)"), "breslow")
            for g in JSONPath.value(gold, "levels") as! [Any] {
                let value = JSONPath.value(g, "level") as! String
                let level = try #require((subgroup["levels"] as! [[String: Any]]).first { $0["value"] as? String == value })
                // R lists counts with the reference arm (Direct) first; results.json in plan order (Blina, Direct).
                #expect((level["n"] as! [Int]).reversed() == JSONPath.numbers(JSONPath.value(g, "n")).map { Int($0!) }, "\(variable) \(value) n")
                let hr = (level["hazardRatios"] as! [[String: Any]])[0]
                expectClose(hr["estimate"] as? Double, JSONPath.number(JSONPath.value(g, "hr")), relative: Tolerance.iterative, "\(variable) \(value) HR")
                expectClose(hr["lower"] as? Double, JSONPath.number(JSONPath.value(g, "lower")), relative: Tolerance.iterative, "\(variable) \(value) lower")
                expectClose(hr["upper"] as? Double, JSONPath.number(JSONPath.value(g, "upper")), relative: Tolerance.iterative, "\(variable) \(value) upper")
            }
            let interaction = subgroup["interaction"] as! [String: Any]
            let lrt = interaction["likelihoodRatio"] as! [String: Any], wald = interaction["wald"] as! [String: Any]
            expectClose(lrt["statistic"] as? Double, JSONPath.number(JSONPath.value(gold, "lrt")), relative: Tolerance.iterative, "\(variable) LRT")
            expectClose(lrt["p"] as? Double, JSONPath.number(JSONPath.value(gold, "lrt_p")), relative: Tolerance.iterative, "\(variable) LRT p")
            expectClose(wald["statistic"] as? Double, JSONPath.number(JSONPath.value(gold, "wald")), relative: Tolerance.iterative, "\(variable) Wald")
        }
        #expect((subgroups[3]["missing"] as? Int) == 7, "MRDMETH is missing for 7 transplanted subjects")

        // RMST at the last landmark (24 months), R's arms in reference-first order.
        let rmst = try #require(rfs["restrictedMean"] as? [String: Any])
        #expect(rmst["horizon"] as? Double == 24)
        let goldRMST = (JSONPath.value(Self.goldCase("rmst", "sample RFS"), "results") as! [Any]).first { JSONPath.number(JSONPath.value($0, "tau")) == 24 }!
        let arms = rmst["arms"] as! [[String: Any]]
        expectClose(arms.reversed().map { $0["estimate"] as? Double }, JSONPath.numbers(JSONPath.value(goldRMST, "rmean")),
                    relative: Tolerance.closedForm, "RMST")
        expectClose(arms.reversed().map { $0["standardError"] as? Double }, JSONPath.numbers(JSONPath.value(goldRMST, "se")),
                    relative: Tolerance.closedForm, "se(RMST)")
        let difference = (rmst["differences"] as! [[String: Any]])[0]
        expectClose(difference["estimate"] as? Double, JSONPath.number(JSONPath.value(goldRMST, "difference")),
                    relative: Tolerance.closedForm, "RMST difference, Blina − Direct")

        // cox.zph of the arm-only model.
        let ph = try #require(rfs["proportionalHazards"] as? [String: Any])
        let goldZph = JSONPath.value(Self.goldCase("zph", "sample RFS"), "breslow")
        expectClose((ph["arm"] as! [String: Any])["statistic"] as? Double, JSONPath.numbers(JSONPath.value(goldZph, "chisq"))[0],
                    relative: Tolerance.iterative, "cox.zph chisq")

        // Competing-risks endpoints have none of these.
        #expect(Self.endpoint(results, "cir")["subgroups"] == nil && Self.endpoint(results, "cir")["restrictedMean"] == nil)

        // The page shows a forest plot per time-to-event endpoint, the interaction p and the RMST row.
        #expect(efficacy.contains("id=\"forest-rfs-0\"") && efficacy.contains("id=\"forest-os-0\""))
        #expect(efficacy.contains("Favours Blinatumomab → allo-HSCT") || efficacy.contains("Favours Blinatumomab &#8594; allo-HSCT")
                || efficacy.contains("Favours Blinatumomab"))
        #expect(efficacy.contains("Restricted mean survival time to 24 months"))
        #expect(efficacy.contains("Proportional-hazards test p (Grambsch–Therneau)"))
        let agegr = subgroups[0]["interaction"] as! [String: Any]
        #expect(efficacy.contains("Interaction p = \(NumberFormat.pValue((agegr["likelihoodRatio"] as! [String: Any])["p"] as? Double))"))
    }

    // MARK: The plan

    @Test func aSubgroupEndpointMustBeTimeToEvent() throws {
        let yaml = try PlanValidationTests.sample(replacing: "subgroups:\n  variables:\n", with: "subgroups:\n  endpoints: [rfs, cir]\n  variables:\n")
        let d = try #require(PlanValidationTests.diagnostics(yaml).first)
        #expect(d.identifier == "plan.subgroup-endpoint")
        #expect(d.subject.variable == "subgroups.endpoints[1]" && d.subject.value == "cir")
        #expect(d.location?.line == PlanValidationTests.line(of: "  endpoints: [rfs, cir]", in: yaml))
    }

    @Test func aVariableListedTwiceIsAnError() throws {
        let yaml = try PlanValidationTests.sample(replacing: "    - variable: MRDMETH\n      label: \"MRD method before transplant\"\n    - variable: SEX",
                                                  with: "    - variable: CRNUM\n      label: \"MRD method before transplant\"\n    - variable: SEX")
        let d = try #require(PlanValidationTests.diagnostics(yaml).first)
        #expect(d.identifier == "plan.duplicate-subgroup")
        #expect(d.subject.variable == "subgroups.variables[3].variable")
    }

    @Test(arguments: ["-1", "0", "1e7"]) func anRMSTHorizonOutOfRangeIsAnError(tau: String) throws {
        let yaml = try PlanValidationTests.sample() + "\nrmst:\n  tau: \(tau)\n"
        let d = try #require(PlanValidationTests.diagnostics(yaml).first)
        #expect(d.identifier == "plan.invalid-value" && d.subject.variable == "rmst.tau")
    }

    @Test func anRMSTHorizonIsUsed() throws {
        let yaml = try PlanValidationTests.sample() + "\nrmst:\n  tau: 12\n"
        #expect(PlanValidationTests.diagnostics(yaml).isEmpty)
    }

    // MARK: The data

    @Test func aVariableNotInADSLIsAnErrorAtThePlanLine() throws {
        let project = try MutatedProjectTests.copy()
        defer { try? FileManager.default.removeItem(atPath: project + "/..") }
        try MutatedProjectTests.replaceInPlan(project, "    - variable: DONORTYP\n      label: \"Donor type\"\n    - variable: MRDMETH",
                                              "    - variable: DONORTYPE\n      label: \"Donor type\"\n    - variable: MRDMETH")
        let diagnostics = try #require(MutatedProjectTests.check(project))
        let d = try #require(diagnostics.first { $0.identifier == "data.adsl.subgroup-variable" })
        let yaml = try String(contentsOfFile: project + "/trial.yaml", encoding: .utf8)
        #expect(d.location?.line == PlanValidationTests.line(of: "    - variable: DONORTYPE", in: yaml))
        #expect(d.subject.value == "DONORTYPE")
    }

    @Test func anIdentifierAsSubgroupIsRefusedNotPlotted() throws {
        let project = try MutatedProjectTests.copy()
        defer { try? FileManager.default.removeItem(atPath: project + "/..") }
        try MutatedProjectTests.replaceInPlan(project, "    - variable: DONORTYP\n      label: \"Donor type\"\n    - variable: MRDMETH",
                                              "    - variable: USUBJID\n      label: \"Donor type\"\n    - variable: MRDMETH")
        let diagnostics = try #require(MutatedProjectTests.check(project))
        let d = try #require(diagnostics.first { $0.identifier == "data.adsl.subgroup-levels" })
        #expect(d.subject.variable == "USUBJID")
        #expect(d.location?.file.hasSuffix("trial.yaml") == true)
    }

    @Test func aValueOutsideTheDeclaredLevelsIsAnError() throws {
        let project = try MutatedProjectTests.copy()
        defer { try? FileManager.default.removeItem(atPath: project + "/..") }
        try MutatedProjectTests.replaceInPlan(project, "        - value: \"55-70\"\n", "")
        let diagnostics = try #require(MutatedProjectTests.check(project))
        let d = try #require(diagnostics.first { $0.identifier == "data.adsl.undeclared-level" })
        #expect(d.subject.variable == "AGEGR1" && d.subject.value == "55-70")
        #expect(d.location?.file.hasSuffix("adsl.csv") == true)
    }

    @Test func hostileLabelsAreEscapedOnThePage() throws {
        let project = try MutatedProjectTests.copy()
        defer { try? FileManager.default.removeItem(atPath: project + "/..") }
        try MutatedProjectTests.replaceInPlan(project, "      label: \"Age group, years\"\n", "      label: \"<script>alert(1)</script>\"\n")
        try MutatedProjectTests.replaceInPlan(project, "          label: Female\n", "          label: \"F & <b>\"\n")
        let output = project + "/../output"
        _ = try BuildAction(projects: [project], outputRoot: output, themeRoot: MutatedProjectTests.theme, lockPolicy: .warn).run()
        let efficacy = try String(contentsOfFile: output + "/trial/ia1/efficacy.html", encoding: .utf8)
        #expect(!efficacy.contains("<script>alert(1)"))
        #expect(!efficacy.contains("F & <b>"))
        #expect(efficacy.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func aDeclaredLevelWithoutSubjectsIsAWarning() throws {
        let project = try MutatedProjectTests.copy()
        defer { try? FileManager.default.removeItem(atPath: project + "/..") }
        try MutatedProjectTests.replaceInPlan(project, "        - value: \"55-70\"\n", "        - value: \"55-70\"\n        - value: \"71+\"\n")
        let outcome = try BuildAction(projects: [project], outputRoot: project + "/../output", themeRoot: MutatedProjectTests.theme,
                                      dryRun: true).run()
        let d = try #require(outcome.warnings.first { $0.identifier == "data.adsl.subgroup-level-absent" })
        #expect(d.subject.value == "71+")
    }
}
