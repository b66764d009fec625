import Foundation
public import ReadoutCore

/// Writes a bundle into a staging folder and moves it into place only when complete, so a failed
/// build never leaves a half-written bundle and never removes an earlier version.
///
/// A version folder that exists already is replaced only when its manifest records the same locked
/// data (a rebuild) or the plan marks the report as a draft; otherwise the build refuses.
enum VersionPublisher {
    static let manifestName = "manifest.json"

    static func publish(files: [(String, [UInt8])], manifest: Manifest, outputRoot: String, trial: String, version: String,
                        allowReplace: Bool) throws(DiagnosticsError) {
        let target = "\(outputRoot)/\(trial)/\(version)"
        if FileSystem.exists(target) {
            try checkReplaceable(target: target, manifest: manifest, allowReplace: allowReplace)
        }
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        let staging = "\(outputRoot)/.staging-\(trial)-\(version)-\(token)"
        FileSystem.remove(staging)
        do throws(DiagnosticsError) {
            for (path, bytes) in files { try FileSystem.write(bytes, to: staging + "/" + path) }
            if FileSystem.exists(target) {
                let retired = "\(outputRoot)/.retired-\(trial)-\(version)-\(token)"
                try FileSystem.move(target, to: retired)
                do throws(DiagnosticsError) {
                    try FileSystem.move(staging, to: target)
                } catch {
                    try? FileSystem.move(retired, to: target)  // put the earlier version back
                    throw error
                }
                FileSystem.remove(retired)
            } else {
                try FileSystem.move(staging, to: target)
            }
        } catch {
            FileSystem.remove(staging)
            throw error
        }
    }

    static func checkReplaceable(target: String, manifest: Manifest, allowReplace: Bool) throws(DiagnosticsError) {
        let path = target + "/" + manifestName
        guard let data = FileManager.default.contents(atPath: path),
              let existing = try? JSONDecoder().decode(Manifest.self, from: data) else {
            throw DiagnosticsError([Diagnostic(.error, "build.version-exists", at: SourceLocation(file: target),
                                               "the output folder exists but is not a Readout bundle; refusing to overwrite it",
                                               expected: "an empty place or a bundle with manifest.json")])
        }
        let old = existing.data.map { "\($0.name)=\($0.sha256)" }.sorted()
        let new = manifest.data.map { "\($0.name)=\($0.sha256)" }.sorted()
        if old != new && !allowReplace {
            throw DiagnosticsError([Diagnostic(.error, "build.version-locked", at: SourceLocation(file: target),
                                               "version '\(manifest.version)' was already built from different locked data; refusing to overwrite it",
                                               variable: "report.version", value: manifest.version,
                                               expected: "a new report.version for new data (or report.draft: true while drafting)")])
        }
    }
}
