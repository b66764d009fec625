import Foundation
import Testing
import ReadoutTestSupport
@testable import ReadoutCLI

/// The real `readout` binary: help on every subcommand, exit codes, JSON on stdout, diagnostics on stderr.
@Suite(.serialized) struct CommandLineTests {
    /// The `readout` executable next to the test bundle (this target depends on it, so it is always built).
    static let binary: String = {
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
        let sibling = bundle.appendingPathComponent("readout").path
        if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/readout").path
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func everySubcommandHasHelp() throws {
        #expect(ReadoutCommand.helpMessage(for: EstimateCommand.self).contains("--cause-of-interest"))
        #expect(ReadoutCommand.helpMessage(for: BuildCommand.self).contains("--output"))
        #expect(ReadoutCommand.helpMessage(for: SynthCommand.self).contains("--seed"))
        #expect(ReadoutCommand.helpMessage(for: CheckCommand.self).contains("--warnings-as-errors"))
        #expect(ReadoutCommand.helpMessage(for: BuildCommand.self).contains("--unlocked"))
        #expect(ReadoutCommand.helpMessage(for: LockCommand.self).contains("--force"))
        #expect(ReadoutCommand.helpMessage(for: VerifyCommand.self).contains("manifest.json"))
    }

    @Test
    func estimatePrintsJSONWithNulls() throws {
        let folder = "Tests/Fixtures/reference/aml"
        let result = try Self.run(["estimate", "--adsl", "\(folder)/adsl.csv", "--adtte", "\(folder)/adtte.csv",
                                   "--param", "RFS", "--landmarks", "12,200", "--profile", "r", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        for key in ["endpoint", "timeUnit", "referenceArm", "methods", "arms", "logRank", "cox", "competingRisks", "binary"] {
            #expect(json.keys.contains(key), "missing \(key)")
        }
        #expect(json["competingRisks"] is NSNull)
        #expect(!result.stdout.contains("NaN") && !result.stdout.contains("Infinity"))
        let arm = (json["arms"] as! [[String: Any]])[0]
        let late = (arm["landmarks"] as! [[String: Any]])[1]
        #expect(late["estimate"] is NSNull, "a landmark after follow-up is null under the r profile")
    }

    @Test
    func badInputExitsWithOneAndAFileLineDiagnostic() throws {
        let directory = NSTemporaryDirectory() + "readout-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "STUDYID,USUBJID,TRT01P,ITTFL\nS,1,A,Y\nS,2,B,Y\n".write(toFile: directory + "/adsl.csv", atomically: true, encoding: .utf8)
        try "USUBJID,PARAMCD,AVAL,CNSR\n1,OS,5,0\n2,OS,-3,1\n".write(toFile: directory + "/adtte.csv", atomically: true, encoding: .utf8)
        let result = try Self.run(["estimate", "--adsl", directory + "/adsl.csv", "--adtte", directory + "/adtte.csv", "--param", "OS"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("adtte.csv:3: error: AVAL must be a time ≥ 0 (variable AVAL, value \"-3\""), "\(result.stderr)")
    }

    @Test
    func usageErrorExitsWith64() throws {
        let result = try Self.run(["estimate", "--adsl", "x.csv"])
        #expect(result.status == 64)
    }

    @Test(arguments: [["--landmarks", "nan"], ["--landmarks", "-5"], ["--landmarks", "12,1e19"], ["--landmarks", "1e400"],
                      ["--level", "nan"], ["--level", "1.5"], ["--level", "0.2"]])
    func estimateOptionsAreValidatedLikeThePlan(_ option: [String]) throws {
        let result = try Self.run(["estimate", "--adsl", "x.csv", "--adtte", "y.csv", "--param", "OS"] + option)
        #expect(result.status == 64, "\(option)")
        #expect(result.stderr.contains(option[0]), "\(option): \(result.stderr)")
    }
}
