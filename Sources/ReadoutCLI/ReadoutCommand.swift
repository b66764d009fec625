public import ArgumentParser

/// The `readout` root command.
public struct ReadoutCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "readout",
        abstract: "Turn a clinical trial's locked datasets and narrative into a versioned static report site.",
        subcommands: []
    )

    public init() {}
}
