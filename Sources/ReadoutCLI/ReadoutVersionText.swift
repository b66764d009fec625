import ReadoutBuild

enum ReadoutVersionText {
    static let current = ReadoutVersion.current
}
