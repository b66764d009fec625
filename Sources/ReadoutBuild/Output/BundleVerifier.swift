import Foundation
public import ReadoutCore

/// `readout verify <bundle>`: re-hashes every file of a published bundle against its `manifest.json`
/// and names every changed, added or missing file; also checks that the manifest's input identity is
/// the hash of the inputs it lists.
public struct VerifyAction: Sendable {
    public var bundle: String

    public init(bundle: String) {
        self.bundle = bundle.hasSuffix("/") ? String(bundle.dropLast()) : bundle
    }

    /// Number of files verified; throws every difference found.
    public func run() throws(DiagnosticsError) -> Int {
        let manifestPath = bundle + "/" + VersionPublisher.manifestName
        guard DurableFiles.isDirectory(bundle) else {
            throw DiagnosticsError([Diagnostic(.error, "verify.not-a-bundle", at: SourceLocation(file: bundle), "no such folder",
                                               expected: "a published bundle, e.g. output/<trial>/<version>")])
        }
        guard let manifest = VersionPublisher.manifest(at: bundle) else {
            throw DiagnosticsError([Diagnostic(.error, "verify.no-manifest", at: SourceLocation(file: manifestPath),
                                               "the bundle has no readable manifest.json", expected: "a bundle written by `readout build`")])
        }
        var log = DiagnosticLog(limitPerIdentifier: .max)
        let listed = Dictionary(manifest.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let present = Set(DurableFiles.files(under: bundle)).subtracting([VersionPublisher.manifestName])
        for (path, expected) in listed.sorted(by: { $0.key < $1.key }) {
            let at = SourceLocation(file: bundle + "/" + path)
            guard present.contains(path), let bytes = DurableFiles.read(bundle + "/" + path) else {
                log.append(Diagnostic(.error, "verify.file-missing", at: at, "\(path) is in the manifest but missing from the bundle",
                                      variable: path, expected: "sha256 \(expected)"))
                continue
            }
            let actual = DatasetLoader.sha256(bytes)
            if actual != expected {
                log.append(Diagnostic(.error, "verify.file-changed", at: at, "\(path) differs from the manifest",
                                      variable: path, value: "sha256 \(actual)", expected: "sha256 \(expected)"))
            }
        }
        for path in present.sorted() where listed[path] == nil {
            log.append(Diagnostic(.error, "verify.file-added", at: SourceLocation(file: bundle + "/" + path),
                                  "\(path) is in the bundle but not in the manifest", variable: path, expected: "only the manifest's files"))
        }
        if let identity = manifest.identity, let inputs = manifest.inputs, InputIdentity(inputs).hash != identity {
            log.append(Diagnostic(.error, "verify.identity-mismatch", at: SourceLocation(file: manifestPath, line: DataLock.line(of: "\"identity\"", in: DurableFiles.read(manifestPath) ?? [])),
                                  "the manifest's identity is not the hash of the inputs it lists (manifest edited?)",
                                  variable: "identity", value: identity, expected: InputIdentity(inputs).hash))
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
        return listed.count
    }
}
