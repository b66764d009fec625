import Foundation
import ReadoutCore
import ReadoutPlan
import ReadoutRender

/// The trial's previous published version (latest data cut-off before this one, in the output folder)
/// and what changed since: `results.json` `changes` and the "Changes" page.
enum VersionHistory {
    struct Previous {
        var manifest: Manifest
        var results: [String: Any]
    }

    /// The published version of `trial` with the greatest (data cut-off, version) below this one's, if any.
    static func previous(outputRoot: String, trial: String, version: String, dataCutoff: String) -> Previous? {
        let folder = outputRoot + "/" + trial
        var best: Previous?
        for name in DurableFiles.entries(folder) where !name.hasPrefix(".") && name != version {
            guard let manifest = VersionPublisher.manifest(at: folder + "/" + name), manifest.version == name,
                  manifest.identity != nil, (manifest.dataCutoff, manifest.version) < (dataCutoff, version),
                  let bytes = DurableFiles.read(folder + "/" + name + "/results.json"),
                  let results = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { continue }
            if let current = best, (current.manifest.dataCutoff, current.manifest.version) > (manifest.dataCutoff, manifest.version) { continue }
            best = Previous(manifest: manifest, results: results)
        }
        return best
    }

    static func changes(from previous: Previous, to results: TrialResults, identity: InputIdentity) throws(DiagnosticsError) -> VersionChanges {
        guard let current = (try? JSONSerialization.jsonObject(with: Data(try ResultsEncoder.encode(results)))) as? [String: Any] else {
            throw DiagnosticsError([Diagnostic(.error, "build.encode-json", "cannot read back the results as JSON")])
        }
        let old = previous.results
        func list(_ object: [String: Any], _ key: String) -> [[String: Any]] { object[key] as? [[String: Any]] ?? [] }
        func byID(_ items: [[String: Any]], _ key: String) -> [String: [String: Any]] {
            Dictionary(items.compactMap { item in (item[key] as? String).map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
        }
        let oldPopulations = byID(list(old, "populations"), "id")
        let subjects = list(current, "populations").compactMap { population -> VersionChanges.Count? in
            guard let id = population["id"] as? String, let total = population["total"] as? Int else { return nil }
            return VersionChanges.Count(id: id, label: population["label"] as? String ?? id,
                                        previous: oldPopulations[id]?["total"] as? Int, current: total)
        }
        let oldEndpoints = byID(list(old, "endpoints"), "endpoint")
        var events: [VersionChanges.Count] = []
        var estimates: [VersionChanges.Estimate] = []
        for endpoint in list(current, "endpoints") {
            guard let id = endpoint["endpoint"] as? String else { continue }
            let label = endpoint["title"] as? String ?? id
            let before = oldEndpoints[id]
            if endpoint["type"] as? String == "time-to-event" || endpoint["cox"] is [String: Any] {
                let count = { (e: [String: Any]) in list(e, "arms").compactMap { $0["events"] as? Int }.reduce(0, +) }
                events.append(VersionChanges.Count(id: id, label: label, previous: before.map(count), current: count(endpoint)))
            }
            if let (measure, now) = headline(endpoint) {
                let then = before.flatMap(headline).flatMap { $0.measure == measure ? $0.value : nil }
                estimates.append(VersionChanges.Estimate(endpoint: id, label: label, measure: measure, previous: then, current: now))
            }
        }
        let inputs = InputIdentity(identity.inputs.filter { $0.role != "previous" })
            .differences(from: (previous.manifest.inputs ?? []).filter { $0.role != "previous" })
        return VersionChanges(previousVersion: previous.manifest.version, previousDataCutoff: previous.manifest.dataCutoff,
                              previousDataLock: previous.manifest.dataLock?.id, subjects: subjects, events: events,
                              estimates: estimates, inputs: inputs)
    }

    /// A competing-risks endpoint's first subdistribution hazard ratio (Fine-Gray), else the first Cox hazard
    /// ratio, else the difference in proportions.
    static func headline(_ endpoint: [String: Any]) -> (measure: String, value: Double?)? {
        if let cr = endpoint["competingRisks"] as? [String: Any], let fg = (cr["fineGray"] as? [[String: Any]])?.first {
            return ("subdistribution hazard ratio \(fg["arm"] as? String ?? "") vs \(fg["versus"] as? String ?? "")", fg["estimate"] as? Double)
        }
        if let cox = endpoint["cox"] as? [String: Any], let hr = (cox["hazardRatios"] as? [[String: Any]])?.first {
            return ("hazard ratio \(hr["arm"] as? String ?? "") vs \(hr["versus"] as? String ?? "")", hr["estimate"] as? Double)
        }
        if let binary = endpoint["binary"] as? [String: Any], let difference = binary["difference"] as? [String: Any] {
            return ("difference in proportions", difference["estimate"] as? Double)
        }
        return nil
    }

    /// The "Changes" page, as a generated narrative page placed after the results. Every value taken from
    /// the inputs is Markdown-escaped.
    static func page(_ changes: VersionChanges, version: String) -> NarrativePage {
        let old = escape(changes.previousVersion), new = escape(version)
        var lines = ["Changes since version \(old) (data cut-off \(escape(changes.previousDataCutoff))"
                     + (changes.previousDataLock.map { ", data lock \(escape($0))" } ?? ", unlocked data") + ").", ""]
        func count(_ value: Int?) -> String { value.map(String.init) ?? "—" }
        lines += ["## Subjects", "", "| Population | \(old) | \(new) | Added |", "|---|---:|---:|---:|"]
        lines += changes.subjects.map { "| \(escape($0.label)) | \(count($0.previous)) | \($0.current) | \($0.added) |" }
        lines += ["", "## Events", "", "| Endpoint | \(old) | \(new) | Added |", "|---|---:|---:|---:|"]
        lines += changes.events.map { "| \(escape($0.label)) | \(count($0.previous)) | \($0.current) | \($0.added) |" }
        lines += ["", "## Headline estimates", "", "| Endpoint | Measure | \(old) | \(new) |", "|---|---|---:|---:|"]
        lines += changes.estimates.map {
            "| \(escape($0.label)) | \(escape($0.measure)) | \(NumberFormat.fixed($0.previous, digits: 2)) | \(NumberFormat.fixed($0.current, digits: 2)) |"
        }
        lines += ["", "## Inputs changed", ""]
        lines += changes.inputs.isEmpty ? ["None."] : changes.inputs.map { "- \(escape($0))" }
        return NarrativePage(slug: "changes", title: "Changes", order: Int.max, part: .discussion,
                             markdown: lines.joined(separator: "\n") + "\n", file: "changes", bodyStartLine: 1)
    }

    /// Backslash-escapes every ASCII punctuation character, so text from the inputs stays text in Markdown.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\n" || character == "\r" { result += " "; continue }
            if character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol { result += "\\" }
            result.append(character)
        }
        return result
    }
}
