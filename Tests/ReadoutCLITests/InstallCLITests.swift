import Foundation
import Testing
import ReadoutTestSupport
@testable import ReadoutCLI

/// The real binary outside the repository: `init --sample`, `build` with the built-in theme, `theme export`, and
/// `estimate --time-unit/--display-unit`.
@Suite(.serialized) struct InstallCLITests {
    static func run(_ arguments: [String], in directory: String) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                    stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "readout-install-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func initSampleBuildsAnywhereWithTheBuiltInTheme() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try Self.run(["init", "my-trial", "--sample"], in: dir)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("build it with: readout build my-trial"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/themes"))
        let built = try Self.run(["build", "my-trial", "--quiet"], in: dir)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("built output/my-trial/ia1/index.html"))
        for page in ["index.html", "search.html", "search-index.json", "assets/readout.css", "page-01-introduction.html"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/output/my-trial/ia1/" + page), "missing \(page)")
        }
        let again = try Self.run(["init", "my-trial"], in: dir)
        #expect(again.status == 1)
        #expect(again.stderr.contains("[init.target-exists]"))
    }

    @Test func exportedThemeOverridesTheBuiltInOneForItsProject() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.run(["init", "t1", "--sample"], in: dir).status == 0)
        let exported = try Self.run(["theme", "export", "t1/themes/default"], in: dir)
        #expect(exported.status == 0, "\(exported.stderr)")
        let css = dir + "/t1/themes/default/assets/readout.css"
        let marker = "\n/* project override 7f3a */\n"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: css))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(marker.utf8))
        try handle.close()
        let built = try Self.run(["build", "t1", "--quiet"], in: dir)
        #expect(built.status == 0, "\(built.stderr)")
        let out = try String(contentsOfFile: dir + "/output/t1/ia1/assets/readout.css", encoding: .utf8)
        #expect(out.hasSuffix(marker))
        let refused = try Self.run(["theme", "export", "t1/themes/default"], in: dir)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("[theme.export-target-exists]"))
        let missing = try Self.run(["build", "t1", "--theme", "corporate"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("[theme.missing]"))
    }

    @Test func estimateConvertsDaysToMonths() throws {
        let folder = Fixtures.repositoryRoot.path + "/Tests/Fixtures/reference/lung"
        let common = ["estimate", "--adsl", folder + "/adsl.csv", "--adtte", folder + "/adtte.csv", "--param", "OS", "--profile", "r", "--json"]
        let months = try Self.run(common + ["--time-unit", "days", "--display-unit", "months", "--landmarks", "12"], in: folder)
        #expect(months.status == 0, "\(months.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(months.stdout.utf8)) as! [String: Any]
        #expect(json["timeUnit"] as? String == "MONTHS")
        let days = try Self.run(common + ["--landmarks", "365.25"], in: folder)
        let daysJSON = try JSONSerialization.jsonObject(with: Data(days.stdout.utf8)) as! [String: Any]
        #expect(daysJSON["timeUnit"] as? String == "DAYS")
        let s12 = ((json["arms"] as! [[String: Any]])[0]["landmarks"] as! [[String: Any]])[0]["estimate"] as! Double
        let s365 = ((daysJSON["arms"] as! [[String: Any]])[0]["landmarks"] as! [[String: Any]])[0]["estimate"] as! Double
        expectClose(s12, s365, relative: Tolerance.closedForm, "S(12 months) = S(365.25 days)")
        let wrong = try Self.run(common + ["--time-unit", "weeks", "--display-unit", "months"], in: folder)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("[usage.time-unit-mismatch]"))
        let bad = try Self.run(common + ["--display-unit", "fortnights"], in: folder)
        #expect(bad.status == 64)
    }
}
