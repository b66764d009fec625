import Foundation
import Testing
import ReadoutTestSupport
@testable import ReadoutBuild

/// A second trial written from the docs alone, unlike the sample in every way the docs allow:
/// 2:1 randomization with the reference arm listed last, times in days shown in months, the `r`
/// profile (log CIs, Efron ties), eight subjects treated on the other arm and six never treated,
/// screen failures, a stratified primary endpoint, competing risks, a binary endpoint, subgroups and
/// RMST. Data and gold come from `Tests/Fixtures/trials/zen301/R` (`generate.R`, seeded; `gold.R`
/// with survival and cmprsk). Every gold value is a (results.json path, value) pair, so the test reads
/// the build's own output as a reader of results.json would.
@Suite struct SecondTrialAgainstRTests {
    static let project = Fixtures.root.appendingPathComponent("trials/zen301").path

    @Test func everyNumberAgreesWithR() throws {
        let output = NSTemporaryDirectory() + "readout-zen301-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try BuildAction(projects: [Self.project], outputRoot: output,
                            themeRoot: Fixtures.repositoryRoot.path + "/themes/default").run()
        let results = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: output + "/zen301/v1/results.json")))
        let gold = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Self.project + "/R/gold.json"))) as! [String: Any]
        let values = gold["values"] as! [[String: Any]]
        #expect(values.count == 238)
        for entry in values {
            let path = entry["path"] as! String
            guard let actual = Self.resolve(path, in: results) else {
                Issue.record("\(path): not in results.json")
                continue
            }
            let expected = (entry["value"] as? [Any]) ?? [entry["value"]!]
            let got = (actual as? [Any]) ?? [actual]
            expectClose(got.map { ($0 as? NSNumber)?.doubleValue }, expected.map { ($0 as? NSNumber)?.doubleValue },
                        relative: Tolerance.iterative, path)
        }
    }

    /// ZEN-301's one CONSORT stage has no `reason` variable: its side box gives the numbers lost (5 and
    /// 1, R: `table(adsl$TRT01P[adsl$ITTFL == "Y" & adsl$SAFFL != "Y"])`) and no "Not recorded" breakdown.
    @Test func aStageWithoutAReasonVariableHasNoBreakdown() throws {
        let output = NSTemporaryDirectory() + "readout-zen301-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try BuildAction(projects: [Self.project], outputRoot: output,
                            themeRoot: Fixtures.repositoryRoot.path + "/themes/default").run()
        let results = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: output + "/zen301/v1/results.json")))
        for (arm, lost) in [("Zenatinib 40 mg", 5), ("Placebo", 1)] {
            let stage = Self.resolve("consort/arms/arm=\(arm)/stages/label=Received study drug", in: results) as? [String: Any]
            #expect(stage?["lost"] as? Int == lost, "\(arm)")
            #expect((stage?["reasons"] as? [Any])?.isEmpty == true, "\(arm)")
        }
        let page = try String(contentsOfFile: output + "/zen301/v1/consort.html", encoding: .utf8)
        #expect(!page.contains("Not recorded"))
    }

    /// The path resolver itself: selectors, indexes, and no answer when a selector is ambiguous.
    @Test func resolverFindsSelectorsAndFailsOnAmbiguity() {
        let doc: [String: Any] = ["a": [["arm": "X", "cause": "P", "v": 1], ["arm": "X", "cause": "D", "v": 2], ["time": 12, "v": 3]]]
        #expect(Self.resolve("a/arm=X&cause=D/v", in: doc) as? Int == 2)
        #expect(Self.resolve("a/time=12/v", in: doc) as? Int == 3)
        #expect(Self.resolve("a/arm=X/v", in: doc) == nil)      // two elements match
        #expect(Self.resolve("a/arm=Y/v", in: doc) == nil)
        #expect(Self.resolve("a/2/v", in: doc) as? Int == 3)
    }

    /// Follows a gold path: a key, an array index, or `key=value[&key=value]` selecting the one array
    /// element whose keys have those values (numbers compared as numbers). `nil` when nothing, or more
    /// than one element, matches.
    static func resolve(_ path: String, in root: Any) -> Any? {
        var node: Any? = root
        for segment in path.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            if segment.contains("=") {
                let conditions = segment.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
                let matches = (node as? [Any] ?? []).compactMap { $0 as? [String: Any] }.filter { element in
                    conditions.allSatisfy { c in
                        guard c.count == 2, let value = element[c[0]] else { return false }
                        if let s = value as? String { return s == c[1] }
                        if let n = value as? NSNumber, let wanted = Double(c[1]) { return n.doubleValue == wanted }
                        return false
                    }
                }
                guard matches.count == 1 else { return nil }
                node = matches[0]
            } else if let array = node as? [Any], let index = Int(segment) {
                guard array.indices.contains(index) else { return nil }
                node = array[index]
            } else {
                node = (node as? [String: Any])?[segment]
            }
            if node == nil { return nil }
        }
        return node
    }
}
