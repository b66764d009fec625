import ReadoutCLI

await ReadoutCommand.main()
