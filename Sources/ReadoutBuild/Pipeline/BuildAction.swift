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
    /// A theme name (resolved per project by `ThemeResolver`) or a theme folder (contains `/`).
    public var themeRoot: String
    public var warningsAsErrors: Bool
    /// Check only: load, analyse and render everything, write nothing (`readout check`).
    public var dryRun: Bool
    /// How `data.lock` is enforced: required for a build, a warning for a check, skipped for `--unlocked` drafts.
    public var lockPolicy: DataLockPolicy
    /// Print each version's report.html to report.pdf with headless Chromium before publishing (`--pdf`).
    public var pdf: Bool = false
    public static let generator = "Readout \(ReadoutVersion.current)"

    public init(projects: [String] = [], contentRoot: String = "content", outputRoot: String = "output",
                themeRoot: String = "default", warningsAsErrors: Bool = false, dryRun: Bool = false,
                lockPolicy: DataLockPolicy? = nil) {
        self.projects = projects
        self.contentRoot = contentRoot
        self.outputRoot = outputRoot
        self.themeRoot = themeRoot
        self.warningsAsErrors = warningsAsErrors
        self.dryRun = dryRun
        self.lockPolicy = lockPolicy ?? (dryRun ? .warn : .required)
    }

    /// What a build produced.
    public struct Outcome: Sendable {
        public var bundles: [String]
        public var warnings: [Diagnostic]
    }

    /// Runs the build; `progress` receives `[i/n] step` lines.
    public func run(progress: (String) -> Void = { _ in }) throws(DiagnosticsError) -> Outcome {
        let projectPaths = try locateProjects()
        let printer: PDFPrinter? = pdf && !dryRun ? try PDFPrinter.locate() : nil
        var renderers: [ThemeResolver.Source: SiteRenderer] = [:]
        var warnings: [Diagnostic] = []
        var bundles: [String] = []
        var log = DiagnosticLog()
        for (index, display) in projectPaths.enumerated() {
            let prefix = projectPaths.count > 1 ? "(\(index + 1)/\(projectPaths.count)) " : ""
            do throws(DiagnosticsError) {
                let source = try ThemeResolver.source(themeRoot, project: display)
                let renderer: SiteRenderer
                if let known = renderers[source] {
                    renderer = known
                } else {
                    renderer = SiteRenderer(theme: try ThemeResolver.load(source), generator: Self.generator)
                    renderers[source] = renderer
                }
                let bundle = try buildOne(display: display, renderer: renderer, printer: printer, warnings: &warnings) { progress(prefix + $0) }
                bundles.append(bundle)
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        if warningsAsErrors && !warnings.isEmpty {
            log.append(contentsOf: warnings.map { var d = $0; d.severity = .error; return d })
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
            var log = DiagnosticLog()
            for project in projects {
                do throws(DiagnosticsError) { _ = try ProjectRoot.resolve(project) } catch { log.append(contentsOf: error.diagnostics) }
            }
            if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
            return projects.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        }
        let found = FileSystem.list(contentRoot).filter { !$0.hasPrefix(".") }.map { contentRoot + "/" + $0 }
            .filter { FileSystem.exists($0 + "/trial.yaml") }
        if found.isEmpty {
            throw DiagnosticsError([Diagnostic(.error, "build.no-projects", at: SourceLocation(file: contentRoot),
                                               "no trial projects found", expected: "folders with a trial.yaml under \(contentRoot)/ (run in the repository root, or name a project)")])
        }
        return found
    }

    func buildOne(display: String, renderer: SiteRenderer, printer: PDFPrinter? = nil, warnings: inout [Diagnostic],
                  progress: (String) -> Void) throws(DiagnosticsError) -> String {
        let steps = ["load plan and data", "analyse", "render pages", "publish"]
        progress("[1/\(steps.count)] \(display): \(steps[0])")
        BuildTimings.begin("plan and validate", project: display)
        defer { BuildTimings.end() }
        let project = try ProjectLoader.load(directory: display, display: display)
        let earlierWarnings = warnings.count
        warnings += project.datasets.values.sorted { $0.path < $1.path }.flatMap(\.dataset.warnings)
        // Data that differ from data.lock are reported with the analysis' own errors, which come first.
        let (dataLock, lockFindings) = DataLockGate.check(project, policy: lockPolicy)
        progress("[2/\(steps.count)] \(display): \(steps[1])")
        BuildTimings.begin("analyse")
        var results: TrialResults
        do throws(DiagnosticsError) {
            let context = try TrialContext(plan: project.plan, datasets: project.datasets.mapValues(\.dataset))
            results = try TrialAnalysis.run(context, warnings: &warnings)
        } catch {
            throw DiagnosticsError(error.diagnostics + lockFindings.filter { $0.severity == .error })
        }
        if lockFindings.contains(where: { $0.severity == .error }) { throw DiagnosticsError(lockFindings) }
        warnings += lockFindings
        results.data = DataLock.dataFiles(project)
        results.dataLock = dataLock
        let previous = VersionHistory.previous(outputRoot: outputRoot, trial: project.slug, version: project.plan.report.version,
                                               dataCutoff: project.plan.report.dataCutoff)
        let identity = try InputIdentity.of(project, theme: renderer.theme, dataLock: dataLock, generator: Self.generator,
                                            previous: previous?.manifest)
        let open = project.plan.report.resolvedAudience == .open
        if let endpoint = results.interim?.endpoint, !open {
            results.interim?.history = InterimHistory.points(outputRoot: outputRoot, trial: project.slug, version: project.plan.report.version,
                                                             dataCutoff: project.plan.report.dataCutoff, endpoint: endpoint)
        }
        var narrative = project.narrative
        if let previous, !open {
            let changes = try VersionHistory.changes(from: previous, to: results, identity: identity)
            results.changes = changes
            narrative.append(VersionHistory.page(changes, version: project.plan.report.version))
        }
        let dataHash = DatasetLoader.sha256(Array(results.data.map { "\($0.name):\($0.sha256)" }.joined(separator: "\n").utf8))
        progress("[3/\(steps.count)] \(display): \(steps[2])")
        BuildTimings.begin("render")
        var files: [(String, [UInt8])]
        // results.json is encoded on the other core while the pages render; the files are the same, in the same order.
        if open {
            // An open report is rendered and encoded from the pooled projection only (docs/audiences.md).
            let pooled = OpenResults(pooling: results)
            let (json, pages) = try Concurrently.run(background: { () throws(DiagnosticsError) in try ResultsEncoder.encode(pooled) },
                                                     foreground: { () throws(DiagnosticsError) in
                                                         try renderer.renderOpenVersion(pooled, narrative: narrative, dataHash: dataHash) })
            files = pages.map { ($0.path, $0.bytes) } + [("results.json", json)]
        } else {
            let final = results
            let (json, pages) = try Concurrently.run(background: { () throws(DiagnosticsError) in try ResultsEncoder.encode(final) },
                                                     foreground: { () throws(DiagnosticsError) in
                                                         try renderer.renderVersion(final, narrative: narrative, dataHash: dataHash) })
            files = pages.map { ($0.path, $0.bytes) } + [("results.json", json)]
        }
        // The files' SHA-256 for the manifest are computed on the other core while the links are checked.
        let rendered = files
        let (hashes, brokenLinks) = try Concurrently.run(
            background: { () throws(DiagnosticsError) in rendered.map { Manifest.FileEntry(path: $0.0, sha256: DatasetLoader.sha256($0.1)) } },
            foreground: { () throws(DiagnosticsError) in LinkCheck.brokenLinks(in: rendered.map { RenderedFile(path: $0.0, bytes: $0.1) }) })
        if !brokenLinks.isEmpty {
            throw DiagnosticsError(LinkCheck.diagnostics(brokenLinks, bundle: "\(outputRoot)/\(project.slug)/\(project.plan.report.version)",
                                                         narrative: narrative))
        }
        var printed: PDFEntry?
        if let printer {
            BuildTimings.begin("print PDF")
            let pdf = try printer.print(files: files, title: project.plan.trial.title, dataCutoff: project.plan.report.dataCutoff,
                                        bundle: "\(outputRoot)/\(project.slug)/\(project.plan.report.version)")
            files.append(("report.pdf", pdf.bytes))
            printed = PDFEntry(file: "report.pdf", size: pdf.bytes.count, sha256: DatasetLoader.sha256(pdf.bytes), pages: pdf.pages)
        }
        var manifest = Manifest(
            trial: project.slug, title: project.plan.trial.title, version: project.plan.report.version, status: project.plan.report.status,
            dataCutoff: project.plan.report.dataCutoff, synthetic: project.plan.trial.synthetic ?? false, generator: Self.generator,
            theme: renderer.theme.name,
            data: results.data.map { Manifest.DataEntry(name: $0.name, file: $0.file, sha256: $0.sha256) },
            files: (hashes + (printed.map { [Manifest.FileEntry(path: $0.file, sha256: $0.sha256)] } ?? [])).sorted { $0.path < $1.path })
        manifest.draft = project.plan.report.draft ?? false
        manifest.dataLock = dataLock
        manifest.identity = identity.hash
        manifest.inputs = identity.inputs
        manifest.acronym = project.plan.trial.acronym
        manifest.pdf = printed
        files.append((VersionPublisher.manifestName, try ResultsEncoder.encode(manifest)))
        let bundle = try OutputRoot.resolve(outputRoot).bundle(trial: project.slug, version: project.plan.report.version)
        if warningsAsErrors && warnings.count > earlierWarnings {
            // Refused before publishing: a failed build writes nothing.
            let refused = warnings[earlierWarnings...].map { var d = $0; d.severity = .error; return d }
            warnings.removeSubrange(earlierWarnings...)
            throw DiagnosticsError(refused)
        }
        if dryRun {
            progress("[4/\(steps.count)] \(display): checked (\(files.count) files would be written to \(bundle)/)")
            return bundle
        }
        progress("[4/\(steps.count)] \(display): \(steps[3]) → \(bundle)/")
        BuildTimings.begin("publish")
        let versionKey = project.sources.location("report.version")
        try VersionPublisher.publish(files: files, manifest: manifest, identity: identity, outputRoot: outputRoot, versionKey: versionKey) { () throws(DiagnosticsError) in
            try SiteIndex.write(outputRoot: outputRoot, renderer: renderer)
        }
        return bundle
    }
}

/// Deterministic JSON: sorted keys, pretty-printed, no escaped slashes.
public enum ResultsEncoder {
    public static func encode<T: Encodable>(_ value: T) throws(DiagnosticsError) -> [UInt8] {
        do {
            // The bytes of JSONEncoder with [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes], faster.
            var bytes = try SortedJSON.encode(value, pretty: true)
            bytes.append(0x0A)
            return bytes
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "build.encode-json", "cannot encode results as JSON: \(error)")])
        }
    }
}
