import Foundation
import ReadoutCore
import ReadoutPlan

/// Numbers a narrative page may quote as `{{result:KEY}}`: the values the result pages print, with
/// the units and CI wording of running text (`NarrativeFormat`). Keys are listed in docs/narrative.md; arms are numbered in trial.yaml order (`arm1`, `arm2`).
enum LiveNumbers {
    static func table(_ results: TrialResults) -> [ResultKey: String] {
        var table: [ResultKey: String] = [
            .consortScreened: "\(results.consort.screened)",
            .consortRandomized: "\(results.consort.randomized)",
            .dataCutoff: results.report.dataCutoff,
            .status: results.report.status,
        ]
        for population in results.populations {
            table[.populationCount(population.id)] = "\(population.total)"
        }
        for endpoint in results.endpoints {
            let id = endpoint.endpoint
            // The endpoint's own confidence level (methods may differ per endpoint).
            let f = NarrativeFormat(level: endpoint.methods.confidenceLevel, unit: results.time.displayUnit)
            for (i, arm) in endpoint.arms.enumerated() {
                table[.arm(id, i, "n")] = "\(arm.n)"
                table[.arm(id, i, "events")] = "\(arm.events)"
                table[.arm(id, i, "median")] = f.time(arm.median.estimate, arm.median.lower, arm.median.upper)
                for mark in arm.landmarks {
                    table[.armLandmark(id, i, mark.time)] = f.percent(mark.estimate, mark.lower, mark.upper)
                }
                table[.arm(id, i, "followUp")] = f.time(arm.followUp.median, arm.followUp.lower, arm.followUp.upper)
            }
            if endpoint.type == .timeToEvent {
                for difference in endpoint.landmarkDifferences where difference.arm == endpoint.arms.first(where: { $0.arm != endpoint.referenceArm })?.arm {
                    table[.landmarkDifference(id, difference.time)] = f.difference(difference.estimate, difference.lower, difference.upper)
                }
            }
            if let hr = endpoint.cox?.hazardRatios.first {
                table[.endpoint(id, "hr")] = hr.estimable ? f.ratio(hr.estimate, hr.lower, hr.upper) : NumberFormat.notEstimable
                table[.endpoint(id, "hr.p")] = f.p(hr.p)
            }
            if let rmst = endpoint.restrictedMean {
                for (i, arm) in rmst.arms.enumerated() { table[.arm(id, i, "rmst")] = ReportFormat.timeWithCI(arm.estimate, arm.lower, arm.upper) }
                if let d = rmst.differences.first { table[.endpoint(id, "rmst.difference")] = ReviewerRows.differenceText(d) }
            }
            if let ph = endpoint.proportionalHazards { table[.endpoint(id, "ph.p")] = ReportFormat.p(ph.arm.p) }
            for subgroup in endpoint.subgroups ?? [] {
                table[.endpoint(id, "subgroup.\(subgroup.variable).interaction.p")] = SubgroupSections.interactionP(subgroup.interaction)
            }
            if let logRank = endpoint.logRank {
                table[.endpoint(id, "logrank.p")] = f.p(logRank.p)
                if let stratified = logRank.stratified { table[.endpoint(id, "logrank.stratified.p")] = f.p(stratified.p) }
            }
            if let cr = endpoint.competingRisks, let cause = cr.causeOfInterest {
                for (i, curve) in cr.incidence.filter({ $0.cause == cause }).enumerated() {
                    for mark in curve.landmarks {
                        table[.armIncidence(id, i, mark.time)] = f.percent(mark.estimate, mark.lower, mark.upper)
                    }
                }
                for item in cr.differences where item.cause == cause {
                    let d = item.difference
                    table[.landmarkDifference(id, d.time)] = f.difference(d.estimate, d.lower, d.upper)
                }
                if let gray = cr.gray.first(where: { $0.cause == cause }) { table[.endpoint(id, "gray.p")] = f.p(gray.p) }
                if let fg = cr.fineGray.first(where: { $0.cause == cause }) { table[.endpoint(id, "shr")] = fg.converged ? f.ratio(fg.estimate, fg.lower, fg.upper) : NumberFormat.notEstimable }
            }
            if let binary = endpoint.binary {
                for (i, arm) in binary.arms.enumerated() {
                    table[.arm(id, i, "responders")] = f.count(arm.responders, of: arm.n)
                }
                table[.endpoint(id, "difference")] = f.difference(binary.difference.estimate, binary.difference.lower, binary.difference.upper)
                table[.endpoint(id, "fisher.p")] = f.p(binary.fisher.p)
            }
            if let ae = endpoint.adverseEvents {
                for i in ae.arms.indices {
                    table[.arm(id, i, "any")] = f.count(ae.overall.anyGrade[i], of: ae.arms[i].n)
                    table[.arm(id, i, "grade3plus")] = f.count(ae.overall.grade3OrHigher[i], of: ae.arms[i].n)
                    table[.arm(id, i, "grade5")] = f.count(ae.overall.grade5[i], of: ae.arms[i].n)
                }
            }
        }
        if let interim = results.interim { table.merge(InterimNumbers.table(interim, arms: results.arms)) { $1 } }
        return table
    }

    /// Replaces every `{{result:KEY}}` in rendered HTML. The keys were checked against the plan when the
    /// project was loaded (`ResultKey.produced(by:)`); a key of the plan without a value in these results
    /// (a test that could not be computed) prints as not estimable.
    static func substitute(_ html: String, table: [ResultKey: String]) -> String {
        var html = html
        if let fast = html.withUTF8({ substituteBytes($0, table: table) }) { return fast }
        return substituteCharacters(html, table: table)
    }

    /// `substitute` on the UTF-8 bytes, for the usual HTML: every `{{result:` is followed by key bytes
    /// (ASCII letters, digits, `_ . - : / [ ] =`) and `}}`, and has ASCII (or nothing) on either side, so
    /// byte matches are exactly the character matches of `substituteCharacters` and no key needs
    /// trimming. Anything else returns nil and the whole text goes through `substituteCharacters`.
    static func substituteBytes(_ html: UnsafeBufferPointer<UInt8>, table: [ResultKey: String]) -> String? {
        var out: [UInt8] = []
        var copied = 0
        let count = html.count
        while let index = ByteSearch.firstIndex(of: Self.opener, in: html, from: copied) {
            if index > 0, html[index - 1] >= 0x80 { return nil }
            let keyStart = index + Self.opener.count
            var keyEnd = keyStart
            while keyEnd < count, Self.isKeyByte(html[keyEnd]) { keyEnd += 1 }
            guard keyEnd > keyStart, keyEnd + 1 < count, html[keyEnd] == UInt8(ascii: "}"), html[keyEnd + 1] == UInt8(ascii: "}") else { return nil }
            let end = keyEnd + 2
            if end < count, html[end] >= 0x80 { return nil }
            if out.isEmpty { out.reserveCapacity(count + 1_024) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<index]))
            let key = String(decoding: UnsafeBufferPointer(rebasing: html[keyStart..<keyEnd]), as: UTF8.self)
            let value = table[ResultKey(key)] ?? NumberFormat.notEstimable
            out.append(contentsOf: "<span class=\"live-number\" data-key=\"\(key.htmlEscaped)\">\(value.htmlEscaped)</span>".utf8)
            copied = end
        }
        if copied == 0 { return String(decoding: html, as: UTF8.self) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied...]))
        return String(decoding: out, as: UTF8.self)
    }

    /// The opener of a live reference, as bytes.
    static let opener = Array("{{result:".utf8)

    /// Bytes a key may be made of in `substituteBytes` (those of `{{result:KEY}}` in narrative Markdown).
    static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "/"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "="):
            true
        default:
            false
        }
    }

    /// `substitute` on characters (the original implementation), for any text `substituteBytes` declines.
    static func substituteCharacters(_ html: String, table: [ResultKey: String]) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "{{result:") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let key = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            let value = table[ResultKey(key)] ?? NumberFormat.notEstimable
            out += "<span class=\"live-number\" data-key=\"\(key.htmlEscaped)\">\(value.htmlEscaped)</span>"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
