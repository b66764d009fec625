import ReadoutCore
import ReadoutPlan

/// The readable (non-JSON) output of `readout estimate`.
enum EstimateSummary {
    static func text(_ r: EndpointResult) -> String {
        var lines: [String] = []
        let f = { (x: Double?) in NumberFormat.fixed(x, digits: 4) }
        lines.append("\(r.endpoint) — reference arm: \(r.referenceArm)")
        lines.append("methods: profile \(r.methods.profile.rawValue), CI \(r.methods.confidenceInterval.rawValue), ties \(r.methods.ties.rawValue), level \(r.methods.confidenceLevel)")
        let unit = r.timeUnit.map { " (\($0.lowercased()))" } ?? ""
        for arm in r.arms {
            lines.append("")
            lines.append("\(arm.arm): n = \(arm.n), events = \(arm.events)")
            lines.append("  median\(unit): \(f(arm.median.estimate)) (\(f(arm.median.lower)), \(f(arm.median.upper)))")
            lines.append("  median follow-up (reverse KM): \(f(arm.followUp.median)) (\(f(arm.followUp.lower)), \(f(arm.followUp.upper)))")
            for mark in arm.landmarks {
                lines.append("  S(\(NumberFormat.fixed(mark.time, digits: 1))) = \(f(mark.estimate)) (\(f(mark.lower)), \(f(mark.upper))), se \(f(mark.standardError)), at risk \(mark.atRisk.map(String.init) ?? "NE")")
            }
        }
        if let lr = r.logRank {
            lines.append("")
            lines.append("log-rank: chi-square \(f(lr.chiSquare)) on \(lr.df) df, p = \(NumberFormat.fixed(lr.p, digits: 6))")
            if let s = lr.stratified { lines.append("stratified log-rank (\((s.strata ?? []).joined(separator: ", "))): chi-square \(f(s.chiSquare)) on \(s.df) df, p = \(NumberFormat.fixed(s.p, digits: 6))") }
        }
        if let cox = r.cox {
            for hr in cox.hazardRatios {
                lines.append("Cox (\(cox.ties)): HR \(hr.arm) vs \(hr.versus) = \(f(hr.estimate)) (\(f(hr.lower)), \(f(hr.upper))), p = \(NumberFormat.fixed(hr.p, digits: 6))\(hr.estimable ? "" : " — not estimable: \(hr.reason ?? "")")")
            }
            if let s = cox.stratified, let hr = s.hazardRatios.first {
                lines.append("stratified Cox: HR = \(f(hr.estimate)) (\(f(hr.lower)), \(f(hr.upper)))")
            }
        }
        if let cr = r.competingRisks {
            lines.append("")
            for inc in cr.incidence {
                for mark in inc.landmarks {
                    lines.append("CIF \(inc.cause), \(inc.arm), t = \(NumberFormat.fixed(mark.time, digits: 1)): \(f(mark.estimate)) (var \(NumberFormat.fixed(mark.variance, digits: 6)))")
                }
            }
            for g in cr.gray { lines.append("Gray's test \(g.cause): \(f(g.statistic)) on \(g.df) df, p = \(NumberFormat.fixed(g.p, digits: 6))") }
            for fg in cr.fineGray { lines.append("Fine-Gray \(fg.cause): sHR \(fg.arm) vs \(fg.versus) = \(f(fg.estimate)) (\(f(fg.lower)), \(f(fg.upper))), p = \(NumberFormat.fixed(fg.p, digits: 6))") }
        }
        if let b = r.binary {
            for arm in b.arms {
                lines.append("\(arm.arm): \(arm.responders)/\(arm.n) = \(f(arm.proportion)); Clopper-Pearson (\(f(arm.clopperPearson.lower)), \(f(arm.clopperPearson.upper))); Wilson (\(f(arm.wilson.lower)), \(f(arm.wilson.upper)))")
            }
            lines.append("difference (Newcombe): \(f(b.difference.estimate)) (\(f(b.difference.lower)), \(f(b.difference.upper)))")
            lines.append("Fisher: p = \(NumberFormat.fixed(b.fisher.p, digits: 6)), OR = \(f(b.fisher.oddsRatio)) (\(f(b.fisher.lower)), \(f(b.fisher.upper)))")
        }
        return lines.joined(separator: "\n")
    }
}
