import Foundation
import ReadoutTestSupport

/// Runs the real `readout` binary in a folder, with extra environment variables; several may run at once.
struct ReadoutProcess {
    struct Result {
        var status: Int32
        /// True when the process was ended by a signal (`status` is then the signal number).
        var signaled: Bool
        var stdout: String
        var stderr: String
    }

    let process = Process()
    let out = Pipe(), err = Pipe()

    init(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    func wait() -> Result {
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                      stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Result {
        try ReadoutProcess(arguments, in: directory, environment: environment).wait()
    }
}

/// A temporary folder with a copy of the sample project (and its data.lock) at `content/trial`.
struct TrialSandbox {
    let root = NSTemporaryDirectory() + "readout-cli-\(UUID().uuidString)"
    static let theme = Fixtures.repositoryRoot.path + "/themes/default"
    var output: String { root + "/output" }
    var bundle: String { root + "/output/trial/ia1" }

    init(name: String = "trial") throws {
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.repositoryRoot.path + "/content/blinatumomab-mrd", toPath: root + "/content/" + name)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    func edit(_ file: String, _ change: (String) -> String) throws {
        let path = root + "/content/trial/" + file
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func build(_ extra: [String] = [], project: String = "content/trial", output: String = "output",
               environment: [String: String] = [:]) throws -> ReadoutProcess.Result {
        try ReadoutProcess.run(["build", project, "--output", output, "--theme", Self.theme, "--quiet"] + extra, in: root, environment: environment)
    }

    func start(project: String = "content/trial", output: String = "output") throws -> ReadoutProcess {
        try ReadoutProcess(["build", project, "--output", output, "--theme", Self.theme, "--quiet"], in: root)
    }

    func verify(_ bundle: String = "output/trial/ia1") throws -> ReadoutProcess.Result {
        try ReadoutProcess.run(["verify", bundle], in: root)
    }

    /// Leftovers of an interrupted publish anywhere in the output folder.
    func leftovers() -> [String] {
        let all = FileManager.default.enumerator(atPath: output)?.allObjects as? [String] ?? []
        return all.filter { path in
            let name = (path as NSString).lastPathComponent
            return name.hasPrefix(".staging-") || name.hasPrefix(".retired-") || name.contains(".tmp-")
        }
    }
}
