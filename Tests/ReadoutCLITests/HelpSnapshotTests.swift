import ArgumentParser
import Foundation
import Testing
import ReadoutTestSupport
@testable import ReadoutCLI

/// `--help` of the top-level command and of every subcommand, against reviewed text files in
/// `Snapshots/` (`readout.txt`, `<command>.txt`). The list comes from `ReadoutCommand`'s subcommands,
/// so a new command only needs its golden recorded: `READOUT_RECORD_SNAPSHOTS=1 swift test --filter HelpSnapshot`.
@Suite struct HelpSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    /// Help is wrapped at a fixed width so the terminal running the tests does not matter.
    static let columns = 100

    static var subcommandNames: [String] {
        ReadoutCommand.configuration.subcommands.map { $0._commandName }
    }

    static func help(_ name: String) -> String? {
        if name == "readout" { return ReadoutCommand.helpMessage(columns: columns) }
        guard let command = ReadoutCommand.configuration.subcommands.first(where: { $0._commandName == name }) else { return nil }
        return ReadoutCommand.helpMessage(for: command, columns: columns)
    }

    @Test(arguments: ["readout"] + HelpSnapshotTests.subcommandNames)
    func helpMatchesSnapshot(_ name: String) throws {
        let text = try #require(Self.help(name))
        TextSnapshot.assert(text + "\n", named: name + ".txt", in: Self.directory)
    }

    /// Every golden belongs to a command that still exists (a removed or renamed command shows here).
    @Test func noStaleSnapshots() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".txt") }
        let expected = Set((["readout"] + Self.subcommandNames).map { $0 + ".txt" })
        #expect(Set(files) == expected)
    }

    /// The comparison can fail: a changed text and a missing golden are both issues (not while recording,
    /// which would overwrite the golden).
    @Test(.disabled(if: TextSnapshot.recording)) func aChangedOrMissingGoldenFails() {
        withKnownIssue { TextSnapshot.assert("changed help\n", named: "build.txt", in: Self.directory) }
        withKnownIssue { TextSnapshot.assert("help\n", named: "no-such-command.txt", in: Self.directory) }
    }

    @Test func theCommandsOfThisBranchAreListed() {
        for name in ["build", "check", "estimate", "synth"] { #expect(Self.subcommandNames.contains(name)) }
    }
}
