import Foundation
public import ReadoutCore
import ReadoutPlan
import ReadoutRender

/// `readout build`: every trial project (or the ones named) → `output/<trial>/<version>/`.
public struct BuildAction: Sendable {
    /// Trial project folders as the user named them; empty means every folder of `content/` with a trial.yaml.
    public var projects: [String]
    public var contentRoot: String
    public var outputRoot: String
    public var themeRoot: String
    public var warningsAsErrors: Bool
    /// Check only: load, analyse and render everything, write nothing (`readout check`).
    public var dryRun: Bool
    public static let generator = "Readout \(ReadoutVersion.current)"

    public init(projects: [String] = [], contentRoot: String = "content", outputRoot: String = "output",
                themeRoot: String = "themes/default", warningsAsErrors: Bool = false, dryRun: Bool = false) {
        self.projects = projects
        self.contentRoot = contentRoot
        self.outputRoot = outputRoot
        self.themeRoot = themeRoot
        self.warningsAsErrors = warningsAsErrors
        self.dryRun = dryRun
    }

    /// What a build produced.
    public struct Outcome: Sendable {
        public var bundles: [String]
        public var warnings: [Diagnostic]
    }

    /// Runs the build; `progress` receives `[i/n] step` lines.
    public func run(progress: (String) -> Void = { _ in }) throws(DiagnosticsError) -> Outcome {
        let projectPaths = try locateProjects()
        let theme = try ThemeLoader.load(themeRoot)
        let renderer = SiteRenderer(theme: theme, generator: Self.generator)
        var warnings: [Diagnostic] = []
        var bundles: [String] = []
        var log = DiagnosticLog()
        for (index, display) in projectPaths.enumerated() {
            let prefix = projectPaths.count > 1 ? "(\(index + 1)/\(projectPaths.count)) " : ""
            do throws(DiagnosticsError) {
                let bundle = try buildOne(display: display, renderer: renderer, warnings: &warnings) { progress(prefix + $0) }
                bundles.append(bundle)
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        if warningsAsErrors && !warnings.isEmpty {
            log.append(contentsOf: warnings.map { var d = $0; d.severity = .error; return d })
        }
        if !bundles.isEmpty && !dryRun {
            do throws(DiagnosticsError) { try SiteIndex.write(outputRoot: outputRoot, renderer: renderer) } catch { log.append(contentsOf: error.diagnostics) }
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics + warnings) }
        return Outcome(bundles: bundles, warnings: warnings)
    }

    /// Runs the build with `timings` recording the wall time of each phase (`readout build --timings`).
    public func run(progress: (String) -> Void = { _ in }, timings: BuildTimings) throws(DiagnosticsError) -> Outcome {
        try timings.recording { () throws(DiagnosticsError) in try run(progress: progress) }
    }

    func locateProjects() throws(DiagnosticsError) -> [String] {
        if !projects.isEmpty {
            for project in projects where !FileSystem.exists(project + "/trial.yaml") {
                throw DiagnosticsError([Diagnostic(.error, "build.not-a-project", at: SourceLocation(file: project),
                                                   "not a trial project", expected: "a folder with a trial.yaml")])
            }
            return projects.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        }
        let found = FileSystem.list(contentRoot).map { contentRoot + "/" + $0 }.filter { FileSystem.exists($0 + "/trial.yaml") }
        if found.isEmpty {
            throw DiagnosticsError([Diagnostic(.error, "build.no-projects", at: SourceLocation(file: contentRoot),
                                               "no trial projects found", expected: "folders with a trial.yaml under \(contentRoot)/ (run in the repository root, or name a project)")])
        }
        return found
    }

    func buildOne(display: String, renderer: SiteRenderer, warnings: inout [Diagnostic],
                  progress: (String) -> Void) throws(DiagnosticsError) -> String {
        let steps = ["load plan and data", "analyse", "render pages", "publish"]
        progress("[1/\(steps.count)] \(display): \(steps[0])")
        BuildTimings.begin("plan and validate", project: display)
        defer { BuildTimings.end() }
        let project = try ProjectLoader.load(directory: display, display: display)
        warnings += project.datasets.values.sorted { $0.path < $1.path }.flatMap(\.dataset.warnings)
        progress("[2/\(steps.count)] \(display): \(steps[1])")
        BuildTimings.begin("analyse")
        let context = try TrialContext(plan: project.plan, datasets: project.datasets.mapValues(\.dataset), planFile: project.planFile)
        var results = try TrialAnalysis.run(context, warnings: &warnings)
        results.data = project.datasets.values.sorted { $0.path < $1.path }.map {
            DataFile(name: $0.dataset.name, file: String($0.path.dropFirst(display.count + 1)), sha256: $0.sha256, rows: $0.dataset.rowCount)
        }
        let dataHash = DatasetLoader.sha256(Array(results.data.map { "\($0.name):\($0.sha256)" }.joined(separator: "\n").utf8))
        progress("[3/\(steps.count)] \(display): \(steps[2])")
        BuildTimings.begin("render")
        var files = try renderer.renderVersion(results, narrative: project.narrative, dataHash: dataHash).map { ($0.path, $0.bytes) }
        files.append(("results.json", try ResultsEncoder.encode(results)))
        let manifest = Manifest(
            trial: project.slug, title: project.plan.trial.title, version: project.plan.report.version, status: project.plan.report.status,
            dataCutoff: project.plan.report.dataCutoff, synthetic: project.plan.trial.synthetic ?? false, generator: Self.generator,
            theme: renderer.theme.name,
            data: results.data.map { Manifest.DataEntry(name: $0.name, file: $0.file, sha256: $0.sha256) },
            files: files.map { Manifest.FileEntry(path: $0.0, sha256: DatasetLoader.sha256($0.1)) }.sorted { $0.path < $1.path })
        files.append((VersionPublisher.manifestName, try ResultsEncoder.encode(manifest)))
        let bundle = "\(outputRoot)/\(project.slug)/\(project.plan.report.version)"
        if dryRun {
            progress("[4/\(steps.count)] \(display): checked (\(files.count) files would be written to \(bundle)/)")
            return bundle
        }
        progress("[4/\(steps.count)] \(display): \(steps[3]) → \(outputRoot)/\(project.slug)/\(project.plan.report.version)/")
        BuildTimings.begin("publish")
        try VersionPublisher.publish(files: files, manifest: manifest, outputRoot: outputRoot, trial: project.slug,
                                     version: project.plan.report.version, allowReplace: project.plan.report.draft ?? false)
        return bundle
    }
}

/// Deterministic JSON: sorted keys, pretty-printed, no escaped slashes.
public enum ResultsEncoder {
    public static func encode<T: Encodable>(_ value: T) throws(DiagnosticsError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value)) + [0x0A]
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "build.json", "cannot encode results as JSON: \(error)")])
        }
    }
}
