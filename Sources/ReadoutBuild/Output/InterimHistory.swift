import Foundation
import ReadoutPlan

/// The observed path of the interim statistic across versions: the information fraction and z of every
/// published version of the trial before this one (by data cut-off, then version), read from their
/// `results.json` in the output folder — the same published bundles `VersionHistory` reads, never
/// anything outside the output root.
enum InterimHistory {
    static func points(outputRoot: String, trial: String, version: String, dataCutoff: String, endpoint: String) -> [InterimHistoryPoint] {
        let folder = outputRoot + "/" + trial
        var points: [InterimHistoryPoint] = []
        for name in DurableFiles.entries(folder) where !name.hasPrefix(".") && name != version {
            guard let manifest = VersionPublisher.manifest(at: folder + "/" + name), manifest.version == name,
                  manifest.identity != nil, (manifest.dataCutoff, manifest.version) < (dataCutoff, version),
                  let bytes = DurableFiles.read(folder + "/" + name + "/results.json"),
                  let results = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any],
                  let interim = results["interim"] as? [String: Any], interim["endpoint"] as? String == endpoint,
                  let fraction = (interim["informationFraction"] as? NSNumber)?.doubleValue,
                  let z = ((interim["observed"] as? [String: Any])?["z"] as? NSNumber)?.doubleValue,
                  fraction.isFinite, z.isFinite, fraction > 0, fraction <= 10, abs(z) <= 40 else { continue }
            points.append(InterimHistoryPoint(version: name, dataCutoff: manifest.dataCutoff, informationFraction: fraction, z: z))
        }
        return points.sorted { ($0.dataCutoff, $0.version) < ($1.dataCutoff, $1.version) }
    }
}
