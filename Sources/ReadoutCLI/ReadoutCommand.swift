public import ArgumentParser
import ReadoutBuild

/// The `readout` root command.
public struct ReadoutCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "readout",
        abstract: "Turn a clinical trial's locked datasets and narrative into a versioned static report site.",
        discussion: """
        Run `readout build` in a repository with content/ and themes/ to build every trial into output/. Exit \
        codes: 0 success; 1 input or build errors (printed as file:line: error: …); 2 data lock, verify or \
        immutable-version failures (data differ from data.lock, tampered bundle, published version would \
        change); 64 usage error.
        """,
        version: ReadoutVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, LockCommand.self, VerifyCommand.self, EstimateCommand.self, SynthCommand.self, InitCommand.self, ThemeCommand.self, ServeCommand.self]
    )

    public init() {}
}
