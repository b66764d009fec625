import ReadoutCLI

ReadoutCommand.main()
