import Foundation
import Testing
import ReadoutCore
import ReadoutPlan
import ReadoutStats
import ReadoutTestSupport
@testable import ReadoutBuild

/// The real `readout` executable, once per unseen analysis: `readout estimate --profile r --ci C
/// --ties T --json` must exit 0, print exactly the endpoint object the tests compare with R, use
/// `null` (never NaN, Infinity or a string) for every missing number, and carry every key of the
/// contract in docs/results-json.md.
@Suite struct UnseenCLITests {
    /// The built executable next to the test bundle (`swift build --build-tests` builds both).
    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("readout")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/readout")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    /// One CI transform and tie method per case, rotating so that every combination is run.
    static let cliCases: [(UnseenCase, ConfidenceTransform, TieMethod)] = UnseenCase.all.enumerated().map { i, c in
        let combos = ConfidenceTransform.allCases.flatMap { t in TieMethod.allCases.map { (t, $0) } }
        let (t, ties) = combos[i % combos.count]
        return (c, t, ties)
    }

    @Test(arguments: cliCases)
    func timeToEvent(_ c: UnseenCase, _ transform: ConfidenceTransform, _ ties: TieMethod) throws {
        let gold = try c.gold()
        let action = c.action(gold, transform: transform, ties: ties)
        var arguments = ["estimate", "--adsl", action.adsl, "--adtte", action.adtte!, "--param", c.param, "--profile", "r",
                         "--ci", transform.rawValue, "--ties", ties.rawValue, "--json"]
        if !action.strata.isEmpty { arguments += ["--strata", action.strata.joined(separator: ",")] }
        if !action.landmarks.isEmpty { arguments += ["--landmarks", action.landmarks.map { "\($0)" }.joined(separator: ",")] }
        if !action.causes.isEmpty { arguments += ["--causes", action.causes.joined(separator: ",")] }
        try checkCLI(arguments, action: action)
    }

    @Test(arguments: UnseenCase.binaryFlags.map { ($0.dataset, $0.flag, $0.reference) })
    func binary(_ dataset: String, _ flag: String, _ reference: Bool) throws {
        let action = UnseenCase.binaryAction(dataset: dataset, flag: flag, reference: reference, transform: .log, ties: .efron)
        try checkCLI(["estimate", "--adsl", action.adsl, "--response", flag, "--profile", "r", "--json"], action: action)
    }

    func checkCLI(_ arguments: [String], action: EstimateAction) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 0, "readout \(arguments.joined(separator: " ")): exit \(result.status), \(String(decoding: result.stderr, as: UTF8.self))")
        var warnings: [Diagnostic] = []
        let expected = try ResultsEncoder.encode(try action.run(warnings: &warnings))
        #expect(Array(result.stdout) == expected, "the CLI prints the endpoint object of EstimateAction")
        let text = String(decoding: result.stdout, as: UTF8.self)
        for token in ["NaN", "nan", "Infinity", "inf\""] {
            #expect(!text.contains(token), "JSON contains \(token)")
        }
        let json = try JSONSerialization.jsonObject(with: result.stdout, options: [])
        ContractShape.check(json, path: "")
    }
}

/// The keys docs/results-json.md promises for an endpoint object, by path ("[]" = every element),
/// and the keys whose values are strings; every other leaf must be a number, a Boolean or null.
enum ContractShape {
    static let required: [String: [String]] = [
        "": ["endpoint", "title", "type", "population", "timeUnit", "referenceArm", "methods", "arms", "logRank", "cox",
             "competingRisks", "binary", "adverseEvents"],
        "methods": ["profile", "confidenceInterval", "ties", "confidenceLevel"],
        "arms[]": ["arm", "n", "events", "median", "landmarks", "followUp", "curve"],
        "arms[].median": ["estimate", "lower", "upper"],
        "arms[].landmarks[]": ["time", "atRisk", "estimate", "standardError", "lower", "upper"],
        "arms[].followUp": ["median", "lower", "upper"],
        "arms[].curve[]": ["time", "atRisk", "events", "censored", "estimate", "lower", "upper"],
        "logRank": ["chiSquare", "df", "p", "arms", "stratified"],
        "logRank.arms[]": ["arm", "observed", "expected"],
        "logRank.stratified": ["chiSquare", "df", "p", "arms", "strata", "excluded"],
        "logRank.stratified.arms[]": ["arm", "observed", "expected"],
        "cox": ["ties", "logLikelihood", "tests", "hazardRatios", "converged", "iterations", "stratified"],
        "cox.tests": ["wald", "likelihoodRatio", "score"],
        "cox.tests.wald": ["statistic", "df", "p"],
        "cox.tests.likelihoodRatio": ["statistic", "df", "p"],
        "cox.tests.score": ["statistic", "df", "p"],
        "cox.hazardRatios[]": ["arm", "versus", "coefficient", "standardError", "estimate", "lower", "upper", "p", "estimable", "reason"],
        "cox.stratified": ["ties", "logLikelihood", "tests", "hazardRatios", "converged", "iterations", "strata", "excluded"],
        "cox.stratified.hazardRatios[]": ["arm", "versus", "coefficient", "standardError", "estimate", "lower", "upper", "p", "estimable", "reason"],
        "competingRisks": ["causes", "causeOfInterest", "incidence", "gray", "grayStratified", "fineGray"],
        "competingRisks.incidence[]": ["arm", "cause", "events", "landmarks", "curve"],
        "competingRisks.incidence[].landmarks[]": ["time", "estimate", "variance", "lower", "upper"],
        "competingRisks.incidence[].curve[]": ["time", "estimate"],
        "competingRisks.gray[]": ["cause", "statistic", "df", "p"],
        "competingRisks.grayStratified[]": ["cause", "statistic", "df", "p"],
        "competingRisks.fineGray[]": ["cause", "arm", "versus", "estimate", "lower", "upper", "p"],
        "binary": ["variable", "arms", "difference", "fisher"],
        "binary.arms[]": ["arm", "responders", "n", "missing", "proportion", "clopperPearson", "wilson"],
        "binary.arms[].clopperPearson": ["lower", "upper"],
        "binary.arms[].wilson": ["lower", "upper"],
        "binary.difference": ["estimate", "lower", "upper"],
        "binary.fisher": ["p", "oddsRatio", "lower", "upper"],
    ]

    static let stringKeys: Set<String> = ["endpoint", "title", "type", "population", "timeUnit", "referenceArm", "profile",
                                          "confidenceInterval", "ties", "arm", "versus", "reason", "cause", "causeOfInterest",
                                          "variable", "strata[]", "causes[]", "transform"]

    static func check(_ node: Any, path: String, key: String = "") {
        switch node {
        case let object as [String: Any]:
            for k in required[path] ?? [] where object[k] == nil {
                Issue.record("\(path.isEmpty ? "endpoint" : path): key \(k) is missing")
            }
            for (k, value) in object { check(value, path: path.isEmpty ? k : "\(path).\(k)", key: k) }
        case let array as [Any]:
            for element in array { check(element, path: path + "[]", key: key + "[]") }
        case is String:
            #expect(stringKeys.contains(key), "\(path): a string where a number or null belongs: \(node)")
        default:
            break  // numbers, Booleans and null
        }
    }
}
