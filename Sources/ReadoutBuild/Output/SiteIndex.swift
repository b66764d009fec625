import Foundation
import ReadoutCore
import ReadoutRender

/// The site's home page (`output/index.html`) listing every trial and version found in the output folder.
/// Written under the output lock (see `VersionPublisher`).
enum SiteIndex {
    static func write(outputRoot: String, renderer: SiteRenderer) throws(DiagnosticsError) {
        var entries: [HomeEntry] = []
        var search: [SearchEntry] = []
        for trial in FileSystem.list(outputRoot) where !trial.hasPrefix(".") && FileSystem.isDirectory(outputRoot + "/" + trial) {
            var manifests: [Manifest] = []
            for version in FileSystem.list(outputRoot + "/" + trial) {
                let path = "\(outputRoot)/\(trial)/\(version)/\(VersionPublisher.manifestName)"
                if let data = FileManager.default.contents(atPath: path),
                   let manifest = try? JSONDecoder().decode(Manifest.self, from: data) {
                    manifests.append(manifest)
                }
            }
            guard let latest = manifests.max(by: { ($0.dataCutoff, $0.version) < ($1.dataCutoff, $1.version) }) else { continue }
            let versions = manifests.sorted { ($0.dataCutoff, $0.version) > ($1.dataCutoff, $1.version) }.map {
                HomeEntry.Version(version: $0.version, status: Self.status($0), dataCutoff: $0.dataCutoff, href: "\(trial)/\($0.version)/index.html")
            }
            for manifest in manifests.sorted(by: { ($0.dataCutoff, $0.version) > ($1.dataCutoff, $1.version) }) {
                search += SiteSearch.entries(outputRoot: outputRoot, trial: trial, manifest: manifest)
            }
            entries.append(HomeEntry(title: latest.title, description: "\(versions.count) report version\(versions.count == 1 ? "" : "s")",
                                     synthetic: latest.synthetic, versions: versions, acronym: latest.acronym ?? ""))
        }
        let files = try renderer.renderHome(title: "Readout reports", subtitle: "Clinical trial reports built from locked data", entries: entries, search: search)
        // Each file is written to a temporary name, flushed, then renamed over the old one: there is never
        // a moment without output/index.html (the rename is atomic), and a crash leaves only a *.tmp-* file.
        for file in files {
            let final = outputRoot + "/" + file.path
            let temporary = final + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
            try DurableFiles.write(file.bytes, to: temporary)
            if file.path == "index.html" { FaultInjection.reached(.indexStaged) }
            try DurableFiles.rename(temporary, to: final)
        }
        try DurableFiles.syncDirectory(outputRoot)
    }

    /// A version's status on the home page: the report status, then its data lock id, or that it is a draft.
    static func status(_ manifest: Manifest) -> String {
        guard let lock = manifest.dataLock else { return manifest.status }
        guard let id = lock.id, lock.isLocked else { return manifest.status + " · DRAFT — data not locked" }
        return manifest.status + " · data lock \(id)" + (manifest.draft == true ? " · draft" : "")
    }
}
