import Foundation
public import ReadoutCore
import ReadoutSynth

/// `readout synth`: writes the synthetic sample trial as CSV.
///
/// Without `subjects`, `output` is a data folder and receives the sample's three datasets (the
/// committed locked data of `content/blinatumomab-mrd` come from here). With `subjects`, the generator
/// is scaled to that many screened subjects and `output` becomes a whole trial project that
/// `readout build` can build: `trial.yaml` and `pages/*.md` copied from `template`, `data/*.csv`, and the
/// `data.lock` of those data.
/// CSV is streamed slice by slice (see `SampleTrial.writeCSV`), into `.partial` files renamed at the end.
public struct SynthAction: Sendable {
    public var seed: UInt64
    public var output: String
    /// Screened subjects (rows of ADSL); nil: the sample's own size, data files only.
    public var subjects: Int?
    /// The project whose trial.yaml and pages/ a scaled trial reuses.
    public var template: String
    public static let maximumSubjects = 10_000_000

    public init(seed: UInt64, output: String, subjects: Int? = nil, template: String = "content/blinatumomab-mrd") {
        self.seed = seed
        self.output = output
        self.subjects = subjects
        self.template = template
    }

    /// Returns the files written.
    public func run() throws(DiagnosticsError) -> [String] {
        var parameters = SampleTrialParameters()
        parameters.seed = seed
        var written: [String] = []
        var dataFolder = output
        if let subjects {
            guard (1...Self.maximumSubjects).contains(subjects) else {
                throw DiagnosticsError([Diagnostic(.error, "synth.subjects", "cannot simulate this many subjects",
                                                   variable: "--subjects", value: String(subjects),
                                                   expected: "1 to \(Self.maximumSubjects)")])
            }
            parameters.screened = subjects
            written += try copyTemplate()
            dataFolder = output + "/data"
        }
        written += try writeData(parameters, into: dataFolder)
        if subjects != nil {
            // The generated data are final as written: lock them, so the project builds as it is.
            _ = try LockAction(project: output, force: true).run()
            written.append(output + "/data.lock")
        }
        return written
    }

    /// Copies trial.yaml and pages/*.md of the template project into `output`.
    func copyTemplate() throws(DiagnosticsError) -> [String] {
        guard FileSystem.exists(template + "/trial.yaml") else {
            throw DiagnosticsError([Diagnostic(.error, "synth.no-template", at: SourceLocation(file: template),
                                               "not a trial project to take trial.yaml and pages from",
                                               expected: "a folder with a trial.yaml (--template; default content/blinatumomab-mrd, run in the repository root)")])
        }
        var files = ["trial.yaml"]
        files += FileSystem.list(template + "/pages").filter { $0.hasSuffix(".md") }.map { "pages/" + $0 }
        var written: [String] = []
        for file in files {
            let bytes = try FileSystem.readBytes(template + "/" + file, display: template + "/" + file)
            try FileSystem.write(bytes, to: output + "/" + file)
            written.append(output + "/" + file)
        }
        return written
    }

    /// Streams the three datasets into `<folder>/<name>.csv`.
    func writeData(_ parameters: SampleTrialParameters, into folder: String) throws(DiagnosticsError) -> [String] {
        let paths = SampleTrial.datasetNames.map { "\(folder)/\($0.lowercased()).csv" }
        var handles: [String: FileHandle] = [:]
        defer { for handle in handles.values { try? handle.close() } }
        for (name, path) in zip(SampleTrial.datasetNames, paths) {
            handles[name] = try Self.create(path + ".partial")
        }
        try SampleTrial.writeCSV(parameters) { (name: String, bytes: [UInt8]) throws(DiagnosticsError) in
            guard let handle = handles[name] else { return }
            do { try handle.write(contentsOf: bytes) } catch {
                throw DiagnosticsError([Diagnostic(.error, "io.write-failed", at: SourceLocation(file: "\(folder)/\(name.lowercased()).csv"),
                                                   "cannot write the file: \(error.localizedDescription)")])
            }
        }
        for handle in handles.values { try? handle.close() }
        handles = [:]
        for path in paths {
            FileSystem.remove(path)
            try FileSystem.move(path + ".partial", to: path)
        }
        return paths
    }

    /// A new empty file (replacing any), open for writing; its folder is created.
    static func create(_ path: String) throws(DiagnosticsError) -> FileHandle {
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
            return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "io.write-failed", at: SourceLocation(file: path), "cannot write the file: \(error.localizedDescription)")])
        }
    }
}
