import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// Open and closed reports from one source (docs/audiences.md): the sample built for both audiences; no
/// by-arm or comparative result of the closed build appears anywhere in the open bundle.
@Suite(.serialized) struct AudienceLeakTests {
    static let root = Fixtures.repositoryRoot.path

    /// Builds the sample closed (as committed) and open (a copy with `audience: open`) into `output`.
    static func buildBoth(_ output: String) throws -> (closed: String, open: String) {
        _ = try SampleBuildTests.build(output: output + "/closed")
        let project = try InterimBuildTests.copySample(into: output + "/projects")
        try InterimBuildTests.edit(project, "  dataCutoff: \"2026-06-30\"\n", "  dataCutoff: \"2026-06-30\"\n  audience: open\n")
        _ = try BuildAction(projects: [project], outputRoot: output + "/open", themeRoot: root + "/themes/default").run()
        return (output + "/closed/blinatumomab-mrd/ia1", output + "/open/blinatumomab-mrd/ia1")
    }

    /// The needles: every by-arm and comparative number of the closed results.json.
    ///
    /// Taken from the per-arm and comparative blocks (`endpoints[].arms`, `landmarkDifferences`, `logRank`,
    /// `cox`, `competingRisks`, `binary`, `adverseEvents`; `populations[].arms`; `consort.arms`; the per-arm
    /// columns of `baseline`; `interim.observed`, `conditionalPower`, `history`) in two forms:
    /// - raw, when it has at least 6 significant digits: matched as a number against every decimal number
    ///   written anywhere in the haystack (relative 1e-12, so a different spelling of the same double —
    ///   17 digits or shortest, Foundation's parser — still matches);
    /// - formatted as pages print them, when the text cannot occur by chance in a pooled table: estimates
    ///   with their interval ("0.64 (0.43–0.97)", "65.2 (55.1–73.6)", "16.1 (1.2 to 31.1)"), the observed z
    ///   (3 decimals) and conditional power ("90.4%").
    /// Short numbers alone ("1", "0.5", "53", a p of "0.036") are left out: pooled counts and boundaries
    /// print such numbers too, so their presence would prove nothing.
    static func needles(_ closed: [String: Any]) -> (raw: [Double], formatted: Set<String>) {
        var needles = Set<String>()
        var rawNeedles = Set<Double>()
        func raw(_ node: Any?) {
            switch node {
            case let object as [String: Any]: object.values.forEach(raw)
            case let array as [Any]: array.forEach(raw)
            case let number as NSNumber where number.doubleValue != number.doubleValue.rounded():
                if significantDigits("\(number.doubleValue)") >= 6 { rawNeedles.insert(number.doubleValue) }
            default: break
            }
        }
        func d(_ object: Any?, _ key: String) -> Double? { ((object as? [String: Any])?[key] as? NSNumber)?.doubleValue }
        func interval(_ object: Any?, _ e: String, _ l: String, _ u: String, _ format: (Double?) -> String, separator: String) {
            guard let estimate = d(object, e) else { return }
            needles.insert("\(format(estimate)) (\(format(d(object, l)))\(separator)\(format(d(object, u))))")
        }
        let one: (Double?) -> String = { NumberFormat.fixed($0, digits: 1) }
        let two: (Double?) -> String = { NumberFormat.fixed($0, digits: 2) }
        let percent: (Double?) -> String = { NumberFormat.percent($0) }
        for endpoint in closed["endpoints"] as! [[String: Any]] {
            for key in ["arms", "landmarkDifferences", "logRank", "cox", "competingRisks", "binary", "adverseEvents"] { raw(endpoint[key]) }
            for arm in endpoint["arms"] as? [[String: Any]] ?? [] {
                interval(arm["median"], "estimate", "lower", "upper", one, separator: "–")
                interval(arm["followUp"], "median", "lower", "upper", one, separator: "–")
                for mark in arm["landmarks"] as? [[String: Any]] ?? [] { interval(mark, "estimate", "lower", "upper", percent, separator: "–") }
            }
            for difference in endpoint["landmarkDifferences"] as? [[String: Any]] ?? [] {
                interval(difference, "estimate", "lower", "upper", percent, separator: " to ")
            }
            for hr in (endpoint["cox"] as? [String: Any])?["hazardRatios"] as? [[String: Any]] ?? [] {
                interval(hr, "estimate", "lower", "upper", two, separator: "–")
            }
            if let cr = endpoint["competingRisks"] as? [String: Any] {
                for fg in cr["fineGray"] as? [[String: Any]] ?? [] { interval(fg, "estimate", "lower", "upper", two, separator: "–") }
                for item in cr["differences"] as? [[String: Any]] ?? [] {
                    interval(item["difference"], "estimate", "lower", "upper", percent, separator: " to ")
                }
            }
            if let binary = endpoint["binary"] as? [String: Any] {
                interval(binary["difference"], "estimate", "lower", "upper", percent, separator: " to ")
                interval(binary["fisher"], "oddsRatio", "lower", "upper", two, separator: "–")
            }
        }
        for population in closed["populations"] as! [[String: Any]] { raw(population["arms"]) }
        raw((closed["consort"] as! [String: Any])["arms"])
        for variable in (closed["baseline"] as! [String: Any])["variables"] as! [[String: Any]] {
            if let continuous = variable["continuous"] as? [Any] { raw(Array(continuous.dropLast())) }
        }
        if let interim = closed["interim"] as? [String: Any] {
            raw([interim["observed"], interim["conditionalPower"], interim["history"]])
            if let z = d(interim["observed"], "z") { needles.insert(NumberFormat.fixed(z, digits: 3)) }
            for key in ["currentTrend", "designHazardRatio"] {
                if let p = d(interim["conditionalPower"], key) { needles.insert(NumberFormat.percent(p) + "%") }
            }
        }
        return (rawNeedles.sorted(), needles)
    }

    static func significantDigits(_ text: String) -> Int {
        text.split(separator: "e")[0].filter(\.isNumber).drop { $0 == "0" }.count
    }

    /// Every decimal number written in `text` with at least 6 significant digits, sorted.
    static func decimals(in text: String) -> [Double] {
        text.matches(of: /-?[0-9]+\.[0-9]+(?:[eE][-+]?[0-9]+)?/).compactMap { match in
            significantDigits(String(match.output)) >= 6 ? Double(match.output) : nil
        }.sorted()
    }

    /// The needles among `numbers` (both sorted), to a relative 1e-12.
    static func found(_ needles: [Double], in numbers: [Double]) -> [Double] {
        needles.filter { needle in
            var low = 0, high = numbers.count
            while low < high { let mid = (low + high) / 2; if numbers[mid] < needle - abs(needle) * 1e-12 { low = mid + 1 } else { high = mid } }
            return low < numbers.count && abs(numbers[low] - needle) <= abs(needle) * 1e-12
        }
    }

    @Test func theOpenBundleHoldsNoByArmOrComparativeNumberOfTheClosedOne() throws {
        let output = SampleBuildTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let (closedBundle, openBundle) = try Self.buildBoth(output)
        let closed = try InterimBuildTests.json(closedBundle + "/results.json")
        let (raw, needles) = Self.needles(closed)
        #expect(raw.count > 500 && needles.count > 20, "the closed build has many by-arm numbers (\(raw.count) raw, \(needles.count) formatted)")

        // The closed bundle prints them (the needles are real), the open one nowhere: no page, SVG, JSON, manifest or file name.
        let efficacy = try String(contentsOfFile: closedBundle + "/efficacy.html", encoding: .utf8)
        let z = NumberFormat.fixed(((closed["interim"] as! [String: Any])["observed"] as! [String: Any])["z"] as? Double, digits: 3)
        #expect(efficacy.contains(z) && needles.contains(z))
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: openBundle)!
        while let file = enumerator.nextObject() as? String { files.append(file) }
        #expect(files.contains("results.json") && files.contains("manifest.json") && files.contains("efficacy.html"))
        var haystack = files.joined(separator: "\n")
        for file in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: openBundle + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            haystack += "\n" + String(decoding: try Data(contentsOf: URL(fileURLWithPath: openBundle + "/" + file)), as: UTF8.self)
        }
        // Control: the same search finds most needles in the closed bundle's own results.json and pages.
        let closedText = try ["results.json", "efficacy.html", "index.html"].map {
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: closedBundle + "/" + $0)), as: UTF8.self)
        }.joined(separator: "\n")
        let closedRaw = Self.found(raw, in: Self.decimals(in: closedText))
        #expect(closedRaw.count == raw.count, "every raw needle is found in the closed results.json (\(closedRaw.count) of \(raw.count))")
        let closedFormatted = needles.filter { closedText.contains($0) }
        #expect(Double(closedFormatted.count) > 0.8 * Double(needles.count),
                "formatted needles on the closed pages: \(closedFormatted.count) of \(needles.count); not: \(needles.subtracting(closedFormatted).sorted().prefix(12))")
        let leakedRaw = Self.found(raw, in: Self.decimals(in: haystack))
        #expect(leakedRaw.isEmpty, "by-arm or comparative numbers in the open bundle: \(leakedRaw.prefix(20))")
        let leaked = needles.filter { haystack.contains($0) }.sorted()
        #expect(leaked.isEmpty, "by-arm or comparative results as pages print them, in the open bundle: \(leaked.prefix(20))")

        // The open results.json has no arm dimension at all; its pooled counts add up the closed build's arms.
        let open = try InterimBuildTests.json(openBundle + "/results.json")
        let openText = String(decoding: try Data(contentsOf: URL(fileURLWithPath: openBundle + "/results.json")), as: UTF8.self)
        for key in ["\"arms\"", "\"observed\"", "\"conditionalPower\"", "\"hazardRatios\"", "\"logRank\"", "\"history\"", "Direct allo-HSCT"] {
            #expect(!openText.contains(key), "open results.json has \(key)")
        }
        #expect(open["audience"] as? String == "open")
        let rfs = (open["endpoints"] as! [[String: Any]]).first { $0["endpoint"] as? String == "rfs" }!
        #expect(rfs["events"] as? Int == 85 && rfs["subjects"] as? Int == 189)
        let interim = open["interim"] as! [String: Any]
        #expect(interim["observedEvents"] as? Int == 85 && (interim["looks"] as! [Any]).count == 3)
        // CONSORT: the open flow's follow-up and analysis boxes are the closed arms' boxes added up, and no
        // box line of one arm ("Discontinued (n = 37)") is in the open bundle unless the pooled flow has that line.
        let closedArms = (closed["consort"] as! [String: Any])["arms"] as! [[String: Any]]
        let openConsort = open["consort"] as! [String: Any]
        func sum(_ values: [Any?]) -> Int { values.map { $0 as! Int }.reduce(0, +) }
        let openFollowUp = try #require(openConsort["followUp"] as? [String: Any])
        for key in ["lost", "discontinued"] {
            #expect(openFollowUp[key] as? Int == sum(closedArms.map { ($0["followUp"] as! [String: Any])[key] }), "followUp.\(key)")
        }
        let openAnalysis = try #require(openConsort["analysis"] as? [[String: Any]])
        #expect(openAnalysis.count == 3)
        for (b, box) in openAnalysis.enumerated() {
            for key in ["analysed", "excluded"] {
                #expect(box[key] as? Int == sum(closedArms.map { ($0["analysis"] as! [[String: Any]])[b][key] }), "analysis[\(b)].\(key)")
            }
        }
        func lines(followUp: [String: Any], analysis: [[String: Any]]) -> Set<String> {
            var lines: Set<String> = ["Lost to follow-up (n = \(followUp["lost"]!))", "Discontinued (n = \(followUp["discontinued"]!))"]
            for reason in followUp["reasons"] as! [[String: Any]] { lines.insert("\(reason["reason"]!) (n = \(reason["count"]!))") }
            for box in analysis {
                lines.insert("\(box["label"]!) (n = \(box["analysed"]!))")
                lines.insert("Excluded from analysis (n = \(box["excluded"]!))")
                for reason in box["reasons"] as! [[String: Any]] { lines.insert("\(reason["reason"]!) (n = \(reason["count"]!))") }
            }
            return lines
        }
        // Lines the pooled flow has itself (a stage's reasons are those of one arm when the other lost none there).
        var pooledLines = lines(followUp: openFollowUp, analysis: openAnalysis)
        for stage in openConsort["stages"] as! [[String: Any]] {
            for reason in stage["reasons"] as! [[String: Any]] { pooledLines.insert("\(reason["reason"]!) (n = \(reason["count"]!))") }
        }
        let armLines = closedArms.reduce(into: Set<String>()) {
            $0.formUnion(lines(followUp: $1["followUp"] as! [String: Any], analysis: $1["analysis"] as! [[String: Any]]))
        }.subtracting(pooledLines)
        #expect(armLines.count > 10, "the arms' CONSORT lines: \(armLines.count)")
        let closedConsort = try String(contentsOfFile: closedBundle + "/consort.html", encoding: .utf8)
        #expect(armLines.filter { closedConsort.contains($0) }.count >= 4, "the closed figure prints the arms' lines")
        let leakedConsort = armLines.filter { haystack.contains($0) }.sorted()
        #expect(leakedConsort.isEmpty, "by-arm CONSORT lines in the open bundle: \(leakedConsort.prefix(10))")
        let openPage = try String(contentsOfFile: openBundle + "/consort.html", encoding: .utf8)
        #expect(pooledLines.filter { openPage.contains($0) }.count >= 4, "the open figure prints the pooled lines")

        // The discussion page (audience: closed) is left out; the design page quotes the pooled interim numbers.
        #expect(!files.contains("page-03-discussion.html"))
        let design = try String(contentsOfFile: openBundle + "/page-02-design.html", encoding: .utf8)
        #expect(design.contains("data-key=\"interim.efficacy.z\">2.963<"))
    }

    /// In an open build, a page that quotes a by-arm or comparative key is an error at its line.
    @Test func anOpenPageQuotingAComparativeResultFailsAtItsLine() throws {
        let output = SampleBuildTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let project = try InterimBuildTests.copySample(into: output + "/projects")
        try InterimBuildTests.edit(project, "  dataCutoff: \"2026-06-30\"\n", "  dataCutoff: \"2026-06-30\"\n  audience: open\n")
        let page = project + "/pages/03-discussion.md"
        let text = try String(contentsOfFile: page, encoding: .utf8)
        let opened = text.replacingOccurrences(of: "audience: closed   # quotes by-arm and comparative results: left out of the open report\n", with: "")
        #expect(opened != text)
        try opened.write(toFile: page, atomically: true, encoding: .utf8)
        do {
            _ = try BuildAction(projects: [project], outputRoot: output + "/open", themeRoot: Self.root + "/themes/default").run()
            Issue.record("an open build quoting by-arm results must fail")
        } catch {
            let found = error.diagnostics.filter { $0.identifier == "narrative.closed-result" }
            let lines = opened.components(separatedBy: "\n")
            let expected = lines.indices.filter { lines[$0].contains("{{result:") }.map { $0 + 1 }
            #expect(Set(found.compactMap(\.location?.line)).isSubset(of: Set(expected)) && !found.isEmpty)
            let first = try #require(found.first)
            #expect(first.location?.file.hasSuffix("pages/03-discussion.md") == true)
            #expect(first.location?.line == lines.firstIndex { $0.contains("{{result:rfs.landmark24.difference}}") }.map { $0 + 1 })
            #expect(first.subject.value == "rfs.landmark24.difference")
            #expect(!FileManager.default.fileExists(atPath: output + "/open/blinatumomab-mrd"), "a failed build writes nothing")
        }
    }

    @Test func aPageAudienceOtherThanClosedIsAnError() throws {
        let output = SampleBuildTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let project = try InterimBuildTests.copySample(into: output + "/projects")
        let page = project + "/pages/03-discussion.md"
        let text = try String(contentsOfFile: page, encoding: .utf8)
        try text.replacingOccurrences(of: "audience: closed ", with: "audience: secret ").write(toFile: page, atomically: true, encoding: .utf8)
        do {
            _ = try BuildAction(projects: [project], outputRoot: output + "/out", themeRoot: Self.root + "/themes/default", dryRun: true).run()
            Issue.record("an unknown page audience must fail")
        } catch {
            #expect(error.diagnostics.contains { $0.identifier == "narrative.invalid-audience" && $0.subject.value == "secret" })
        }
    }
}
