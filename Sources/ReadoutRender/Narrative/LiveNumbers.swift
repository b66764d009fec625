import Foundation
import ReadoutCore
import ReadoutPlan

/// Numbers a narrative page may quote as `{{result:KEY}}`, formatted exactly as the result pages
/// print them. Keys are listed in docs/narrative.md; arms are numbered in trial.yaml order (`arm1`, `arm2`).
enum LiveNumbers {
    static func table(_ results: TrialResults) -> [String: String] {
        var table: [String: String] = [
            "consort.screened": "\(results.consort.screened)",
            "consort.randomized": "\(results.consort.randomized)",
            "report.dataCutoff": results.report.dataCutoff,
            "report.status": results.report.status,
        ]
        for population in results.populations {
            table["population.\(population.id).n"] = "\(population.total)"
        }
        for endpoint in results.endpoints {
            let id = endpoint.endpoint
            for (i, arm) in endpoint.arms.enumerated() {
                let key = "\(id).arm\(i + 1)"
                table["\(key).n"] = "\(arm.n)"
                table["\(key).events"] = "\(arm.events)"
                table["\(key).median"] = ReportFormat.timeWithCI(arm.median.estimate, arm.median.lower, arm.median.upper)
                for mark in arm.landmarks {
                    table["\(key).landmark\(ReportFormat.time(mark.time))"] = ReportFormat.percentWithCI(mark.estimate, mark.lower, mark.upper)
                }
                table["\(key).followUp"] = ReportFormat.timeWithCI(arm.followUp.median, arm.followUp.lower, arm.followUp.upper)
            }
            if endpoint.type == .timeToEvent {
                for difference in endpoint.landmarkDifferences where difference.arm == endpoint.arms.first(where: { $0.arm != endpoint.referenceArm })?.arm {
                    table["\(id).landmark\(ReportFormat.time(difference.time)).difference"] = ReportFormat.differenceWithCI(difference.estimate, difference.lower, difference.upper)
                }
            }
            if let hr = endpoint.cox?.hazardRatios.first {
                table["\(id).hr"] = hr.estimable ? ReportFormat.ratioWithCI(hr.estimate, hr.lower, hr.upper) : NumberFormat.notEstimable
                table["\(id).hr.p"] = ReportFormat.p(hr.p)
            }
            if let logRank = endpoint.logRank {
                table["\(id).logrank.p"] = ReportFormat.p(logRank.p)
                if let stratified = logRank.stratified { table["\(id).logrank.stratified.p"] = ReportFormat.p(stratified.p) }
            }
            if let cr = endpoint.competingRisks, let cause = cr.causeOfInterest {
                for (i, curve) in cr.incidence.filter({ $0.cause == cause }).enumerated() {
                    for mark in curve.landmarks {
                        table["\(id).arm\(i + 1).incidence\(ReportFormat.time(mark.time))"] = ReportFormat.percentWithCI(mark.estimate, mark.lower, mark.upper)
                    }
                }
                for item in cr.differences where item.cause == cause {
                    let d = item.difference
                    table["\(id).landmark\(ReportFormat.time(d.time)).difference"] = ReportFormat.differenceWithCI(d.estimate, d.lower, d.upper)
                }
                if let gray = cr.gray.first(where: { $0.cause == cause }) { table["\(id).gray.p"] = ReportFormat.p(gray.p) }
                if let fg = cr.fineGray.first(where: { $0.cause == cause }) { table["\(id).shr"] = fg.converged ? ReportFormat.ratioWithCI(fg.estimate, fg.lower, fg.upper) : NumberFormat.notEstimable }
            }
            if let binary = endpoint.binary {
                for (i, arm) in binary.arms.enumerated() {
                    table["\(id).arm\(i + 1).responders"] = ReportFormat.count(arm.responders, of: arm.n)
                }
                table["\(id).difference"] = ReportFormat.differenceWithCI(binary.difference.estimate, binary.difference.lower, binary.difference.upper)
                table["\(id).fisher.p"] = ReportFormat.p(binary.fisher.p)
            }
            if let ae = endpoint.adverseEvents {
                for i in ae.arms.indices {
                    table["\(id).arm\(i + 1).any"] = ReportFormat.count(ae.overall.anyGrade[i], of: ae.arms[i].n)
                    table["\(id).arm\(i + 1).grade3plus"] = ReportFormat.count(ae.overall.grade3OrHigher[i], of: ae.arms[i].n)
                    table["\(id).arm\(i + 1).grade5"] = ReportFormat.count(ae.overall.grade5[i], of: ae.arms[i].n)
                }
            }
        }
        return table
    }

    /// Replaces every `{{result:KEY}}` in rendered HTML; unknown keys are reported by the caller.
    static func substitute(_ html: String, table: [String: String]) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "{{result:") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let key = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            out += table[key].map { "<span class=\"live-number\" data-key=\"\(key.htmlEscaped)\">\($0.htmlEscaped)</span>" }
                ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
