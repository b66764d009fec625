import Foundation
import Testing
import ReadoutPlan
import ReadoutStats
import ReadoutTestSupport
@testable import ReadoutBuild

/// `readout estimate --profile r --ci C --ties T --json` on datasets the tool was not developed on
/// (Tests/Fixtures/unseen, gold values from make-unseen.R) and on the reference datasets (gold in the
/// same full-contract layout, unseen/reference_full), for every C and T: every number of the
/// endpoint object against R — closed forms at 1e-9, Cox and Fine-Gray at 1e-6, Fisher's
/// conditional odds ratio and its CI at 1e-4 — `null` exactly where R gives NA (or NaN/Inf, which
/// JSON cannot hold), and every row of each arm's Kaplan-Meier table.
@Suite struct UnseenAgainstRTests {
    @Test(arguments: UnseenCase.combinations)
    func agreesWithR(_ c: UnseenCase, _ transform: ConfidenceTransform, _ ties: TieMethod) throws {
        let gold = try c.gold()
        let out = try UnseenCase.output(c.action(gold, transform: transform, ties: ties))
        let causes = gold["causes"] as? [String] ?? []

        Output.expectString(out, "endpoint", c.param, "endpoint")
        Output.expectString(out, "type", causes.isEmpty ? "time-to-event" : "competing-risks", "endpoint")
        Output.expectString(out, "population", "ITTFL", "endpoint")
        Output.expectString(out, "referenceArm", gold["reference_arm"] as? String, "endpoint")
        let methods = Output.field(out, "methods")
        Output.expectString(methods, "profile", "r", "methods")
        Output.expectString(methods, "confidenceInterval", transform.rawValue, "methods")
        Output.expectString(methods, "ties", ties.rawValue, "methods")
        Output.expectExact(methods, "confidenceLevel", 0.95, "methods")
        Output.expectNull(out, "binary", "time-to-event endpoint")
        Output.expectNull(out, "adverseEvents", "time-to-event endpoint")

        UnseenSurvivalChecks.check(out, gold: gold, transform: transform.rawValue)
        UnseenComparisonChecks.check(out, gold: gold, ties: ties.rawValue)
        UnseenCompetingRisksChecks.check(out, gold: gold)
    }

    static let binaryCombinations: [(String, String, Bool, ConfidenceTransform, TieMethod)] =
        UnseenCase.binaryFlags.flatMap { f in
            ConfidenceTransform.allCases.flatMap { t in TieMethod.allCases.map { (f.dataset, f.flag, f.reference, t, $0) } }
        }

    /// Binary flags with a zero cell (no responders in the reference arm) and a full cell (all
    /// responders in the other arm): binom.test, prop.test (Wilson), Newcombe by formula, fisher.test.
    @Test(arguments: binaryCombinations)
    func binaryAgreesWithR(_ dataset: String, _ flag: String, _ reference: Bool, _ transform: ConfidenceTransform,
                           _ ties: TieMethod) throws {
        let gold = try #require(JSONPath.value(try UnseenCase.goldFile(dataset, reference: reference), "binomial", flag) as? [String: Any])
        let out = try UnseenCase.output(UnseenCase.binaryAction(dataset: dataset, flag: flag, reference: reference,
                                                                transform: transform, ties: ties))
        let rel = Tolerance.closedForm
        Output.expectString(out, "type", "binary", flag)
        Output.expectString(out, "referenceArm", gold["reference_arm"] as? String, flag)
        Output.expectNull(out, "timeUnit", flag)
        Output.expectNull(out, "logRank", flag)
        Output.expectNull(out, "cox", flag)
        Output.expectNull(out, "competingRisks", flag)
        let binary = Output.field(out, "binary")
        Output.expectString(binary, "variable", flag, flag)
        let arms = gold["arms"] as? [String] ?? []
        let rows = Output.array(Output.field(binary, "arms"), "\(flag) arms")
        #expect(rows.count == arms.count)
        for (row, arm) in zip(rows, arms) {
            let g = JSONPath.value(gold, "by_arm", arm)
            let what = "\(flag) \(arm)"
            Output.expectString(row, "arm", arm, what)
            Output.expectExact(row, "responders", JSONPath.value(g, "x"), what)
            Output.expectExact(row, "n", JSONPath.value(g, "n"), what)
            Output.expectExact(row, "missing", 0, what)
            Output.expect(row, "proportion", JSONPath.value(g, "proportion"), relative: rel, what)
            for (key, goldKey) in [("clopperPearson", "clopper_pearson"), ("wilson", "wilson")] {
                let interval = Output.field(row, key)
                Output.expect(interval, "lower", JSONPath.value(g, goldKey, "lower"), relative: rel, "\(what) \(key)")
                Output.expect(interval, "upper", JSONPath.value(g, goldKey, "upper"), relative: rel, "\(what) \(key)")
            }
        }
        let difference = Output.field(binary, "difference")
        for key in ["estimate", "lower", "upper"] {
            Output.expect(difference, key, JSONPath.value(gold, "difference", key), relative: rel, "\(flag) Newcombe")
        }
        let fisher = Output.field(binary, "fisher")
        Output.expect(fisher, "p", JSONPath.value(gold, "fisher", "p"), relative: rel, "\(flag) Fisher")
        Output.expect(fisher, "oddsRatio", JSONPath.value(gold, "fisher", "odds_ratio"), relative: Tolerance.uniroot, "\(flag) Fisher")
        Output.expect(fisher, "lower", JSONPath.value(gold, "fisher", "lower"), relative: Tolerance.uniroot, "\(flag) Fisher")
        Output.expect(fisher, "upper", JSONPath.value(gold, "fisher", "upper"), relative: Tolerance.uniroot, "\(flag) Fisher")
    }

    /// Every gold file under Tests/Fixtures/unseen (and its random/ and reference_full/ folders) is
    /// exercised, with every parameter and flag it holds; every reference dataset has a full-contract gold file.
    @Test(arguments: [("", false), ("random/", false), ("", true)])
    func everyGoldFileIsCovered(_ prefix: String, _ reference: Bool) throws {
        let root = Fixtures.url(reference ? "unseen/reference_full" : "unseen/\(prefix)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).appendingPathComponent("expected.json").path) }
            .map { prefix + $0 }
        #expect(folders.count >= (reference ? 4 : 8))
        if reference {
            let shipped = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("reference").path)
                .filter { FileManager.default.fileExists(atPath: Fixtures.url("reference/\($0)/expected.json").path) }
            #expect(Set(shipped).isSubset(of: Set(folders)), "reference datasets without full-contract gold: \(Set(shipped).subtracting(folders))")
        }
        for folder in folders {
            let gold = try UnseenCase.goldFile(folder, reference: reference)
            let params = (gold["parameters"] as? [String: Any] ?? [:]).keys.sorted()
            let covered = UnseenCase.all.filter { $0.dataset == folder && $0.reference == reference }.map(\.param).sorted()
            #expect(params == covered, "\(folder): parameters \(params), tested \(covered)")
            let flags = (gold["binomial"] as? [String: Any] ?? [:]).keys.sorted()
            let testedFlags = UnseenCase.binaryFlags.filter { $0.dataset == folder && $0.reference == reference }.map(\.flag).sorted()
            #expect(flags == testedFlags, "\(folder): flags \(flags), tested \(testedFlags)")
        }
    }
}
