import Foundation
import Testing
import ReadoutCore
import ReadoutPlan
import ReadoutStats
import ReadoutTestSupport
@testable import ReadoutBuild

/// One time-to-event analysis of an unseen dataset (Tests/Fixtures/unseen, made by make-unseen.R),
/// or of a reference dataset (data in Tests/Fixtures/reference, full-contract gold from the same
/// script in Tests/Fixtures/unseen/reference_full). Its options — landmarks, strata, causes — are
/// read from the gold file, as the R script used them.
struct UnseenCase: Sendable, CustomTestStringConvertible {
    var dataset: String
    var param: String
    var reference = false
    var testDescription: String { "\(reference ? "reference " : "")\(dataset) \(param)" }

    static let all: [UnseenCase] = [
        UnseenCase(dataset: "heavy_ties", param: "PFS"),
        UnseenCase(dataset: "plateau", param: "OS"),
        UnseenCase(dataset: "empty_stratum", param: "RFS"),
        UnseenCase(dataset: "no_events", param: "RFS"),
        UnseenCase(dataset: "single_subject", param: "OS"),
        UnseenCase(dataset: "single_subject", param: "EFS"),
        UnseenCase(dataset: "landmark_edges", param: "RFS"),
        UnseenCase(dataset: "three_arms", param: "RFS"),
        UnseenCase(dataset: "three_arms", param: "EFS"),
        UnseenCase(dataset: "competing_three", param: "RFS"),
        UnseenCase(dataset: "near_ties", param: "RFS"),
        UnseenCase(dataset: "edge_times", param: "RFS"),
        UnseenCase(dataset: "strong_effect", param: "RFS"),
        UnseenCase(dataset: "aml", param: "RFS", reference: true),
        UnseenCase(dataset: "lung", param: "OS", reference: true),
        UnseenCase(dataset: "mgus2", param: "PFS", reference: true),
        UnseenCase(dataset: "ball_synth", param: "RFS", reference: true),
        UnseenCase(dataset: "ball_synth", param: "OS", reference: true),
    ] + randomSeeds.map { UnseenCase(dataset: "random/\($0)", param: "RFS") }

    /// Seeds of the randomized datasets (make-unseen.R, section 12).
    static let randomSeeds = [1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1013, 1015, 1023, 1038, 1044,
                              2003, 2004, 2005, 2006, 2007, 2008, 2010, 2011, 2012, 2013, 2014, 2015, 2038, 2063, 2117]

    /// Every case for every CI transform and tie method, as the product owner runs them.
    static let combinations: [(UnseenCase, ConfidenceTransform, TieMethod)] =
        all.flatMap { c in ConfidenceTransform.allCases.flatMap { t in TieMethod.allCases.map { (c, t, $0) } } }

    /// The binary flags (`binomial` in the gold files).
    static let binaryFlags: [(dataset: String, flag: String, reference: Bool)] =
        [("no_events", "MRDNEGFL", false), ("no_events", "CRFL", false), ("ball_synth", "MRDNEGFL", true)]
        + randomSeeds.filter(hasBinomial).map { ("random/\($0)", "MRDNEGFL", false) }

    /// Whether a randomized dataset's gold file has a binomial block (two-arm datasets).
    static func hasBinomial(_ seed: Int) -> Bool {
        ((try? goldFile("random/\(seed)"))?["binomial"] as? [String: Any])?["MRDNEGFL"] != nil
    }

    /// The folder holding adsl.csv and adtte.csv.
    static func folder(_ dataset: String, reference: Bool = false) -> String {
        Fixtures.url(reference ? "reference/\(dataset)" : "unseen/\(dataset)").path
    }

    /// The parsed gold file of a dataset.
    static func goldFile(_ dataset: String, reference: Bool = false) throws -> [String: Any] {
        let data = try Fixtures.data(reference ? "unseen/reference_full/\(dataset)/expected.json" : "unseen/\(dataset)/expected.json")
        return try #require(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any])
    }

    /// `parameters.<param>` of the gold file.
    func gold() throws -> [String: Any] {
        try #require(JSONPath.value(try Self.goldFile(dataset, reference: reference), "parameters", param) as? [String: Any])
    }

    /// The analysis as `readout estimate --profile r --ci <transform> --ties <ties>` runs it.
    func action(_ gold: [String: Any], transform: ConfidenceTransform, ties: TieMethod) -> EstimateAction {
        let landmarks = JSONPath.numbers(gold["landmark_times"]).compactMap { $0 }
        let strata = (gold["strata_variable"] as? String).map { [$0] } ?? []
        let causes = gold["causes"] as? [String] ?? []
        let folder = Self.folder(dataset, reference: reference)
        return EstimateAction(adsl: folder + "/adsl.csv", adtte: folder + "/adtte.csv", parameter: param, response: nil,
                              armVariable: "TRT01P", population: "ITTFL", reference: nil, strata: strata, landmarks: landmarks,
                              methods: MethodSettings(profile: .r, confidenceInterval: transform, ties: ties),
                              causes: causes, causeOfInterest: nil)
    }

    /// The binary analysis as `readout estimate --profile r --response <flag>` runs it.
    static func binaryAction(dataset: String, flag: String, reference: Bool, transform: ConfidenceTransform,
                             ties: TieMethod) -> EstimateAction {
        EstimateAction(adsl: folder(dataset, reference: reference) + "/adsl.csv", adtte: nil, parameter: nil, response: flag, armVariable: "TRT01P",
                       population: "ITTFL", reference: nil, strata: [], landmarks: [],
                       methods: MethodSettings(profile: .r, confidenceInterval: transform, ties: ties), causes: [], causeOfInterest: nil)
    }

    /// Runs `action` and returns its endpoint object exactly as `--json` prints it, parsed.
    static func output(_ action: EstimateAction) throws -> [String: Any] {
        var warnings: [Diagnostic] = []
        let bytes = try ResultsEncoder.encode(try action.run(warnings: &warnings))
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes), options: []) as? [String: Any])
    }
}

/// Reading the `--json` output strictly: every key must be present, a number must be a JSON number
/// or `null` (never a string), and a gold value is compared in its JSON view (R's NA, NaN and ±Inf
/// are all `null` in the product's JSON, which has no non-finite numbers).
enum Output {
    /// `object[key]`, recording an issue when `object` is not a JSON object or lacks `key`.
    static func field(_ object: Any?, _ key: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Any? {
        guard let dict = object as? [String: Any] else {
            Issue.record("expected an object with key \(key), got \(String(describing: object))", sourceLocation: sourceLocation)
            return nil
        }
        guard let value = dict[key] else {
            Issue.record("key \(key) is missing", sourceLocation: sourceLocation)
            return nil
        }
        return value
    }

    /// A JSON array (an issue otherwise).
    static func array(_ node: Any?, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Any] {
        guard let array = node as? [Any] else {
            Issue.record("\(what): expected an array, got \(String(describing: node))", sourceLocation: sourceLocation)
            return []
        }
        return array
    }

    /// A JSON number, or nil for `null`; anything else (a string such as "NaN") records an issue.
    static func number(_ node: Any?, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Double? {
        switch node {
        case is NSNull: return nil
        case is String, nil:
            Issue.record("\(what): expected a number or null, got \(String(describing: node))", sourceLocation: sourceLocation)
            return nil
        default:
            return JSONPath.number(node)
        }
    }

    /// The JSON view of an R gold value: NA, NaN and ±Inf are `null`.
    static func gold(_ node: Any?) -> Double? {
        JSONPath.number(node).flatMap { $0.isFinite ? $0 : nil }
    }

    /// `actual[key]` (a number or null) against the gold value in its JSON view.
    static func expect(_ actual: Any?, _ key: String, _ gold: Any?, relative: Double, _ what: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let value = number(field(actual, key, sourceLocation: sourceLocation), "\(what) \(key)", sourceLocation: sourceLocation)
        expectClose(value, Output.gold(gold), relative: relative, "\(what) \(key)", sourceLocation: sourceLocation)
    }

    /// `actual[key]` must be exactly the gold number (counts, times, degrees of freedom).
    static func expectExact(_ actual: Any?, _ key: String, _ gold: Any?, _ what: String,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let value = number(field(actual, key, sourceLocation: sourceLocation), "\(what) \(key)", sourceLocation: sourceLocation)
        let expected = Output.gold(gold)
        #expect(value == expected, "\(what) \(key): got \(String(describing: value)), R \(String(describing: expected))",
                sourceLocation: sourceLocation)
    }

    /// `actual[key]` must be `null`.
    static func expectNull(_ actual: Any?, _ key: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let node = field(actual, key, sourceLocation: sourceLocation)
        #expect(node is NSNull, "\(what) \(key): expected null, got \(String(describing: node))", sourceLocation: sourceLocation)
    }

    /// `actual[key]` must be the string `expected`.
    static func expectString(_ actual: Any?, _ key: String, _ expected: String?, _ what: String,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let node = field(actual, key, sourceLocation: sourceLocation)
        #expect(node as? String == expected, "\(what) \(key): got \(String(describing: node)), expected \(String(describing: expected))",
                sourceLocation: sourceLocation)
    }

    /// `actual[key]` must be the Boolean `expected`.
    static func expectBool(_ actual: Any?, _ key: String, _ expected: Bool?, _ what: String,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let node = field(actual, key, sourceLocation: sourceLocation)
        #expect(node as? Bool == expected, "\(what) \(key): got \(String(describing: node)), expected \(String(describing: expected))",
                sourceLocation: sourceLocation)
    }
}
