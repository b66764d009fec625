public import ReadoutCore
public import ReadoutPlan
internal import Yams

/// Checks of `trial.yaml` beyond its shape: ids unique, references resolvable, values well formed.
/// Locations come from the YAML node of the offending key.
enum PlanValidator {
    static func validate(_ plan: TrialPlan, file: String, yaml: String) throws(DiagnosticsError) {
        let root = (try? Yams.compose(yaml: yaml)) ?? nil
        var log = DiagnosticLog()
        func at(_ path: [String]) -> SourceLocation {
            var node = root
            for key in path {
                if let index = Int(key), case .sequence(let s)? = node, index < s.count { node = Array(s)[index] }
                else { node = node?.mapping?[key] }
            }
            return SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column)
        }
        func error(_ path: [String], _ id: String, _ message: String, value: String? = nil, expected: String? = nil) {
            log.append(Diagnostic(.error, id, at: at(path), message, variable: path.joined(separator: "."), value: value, expected: expected))
        }

        let version = plan.report.version
        if version.isEmpty || !version.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) || version.hasPrefix(".") {
            error(["report", "version"], "plan.invalid-version", "the version is used as a folder name", value: version,
                  expected: "letters, digits, '.', '-' or '_' (e.g. ia1, v1.0)")
        }
        if !isISODate(plan.report.dataCutoff) {
            error(["report", "dataCutoff"], "plan.invalid-date", "the data cut-off must be a date", value: plan.report.dataCutoff, expected: "YYYY-MM-DD")
        }
        let armValues = plan.arms.levels.map(\.value)
        if Set(armValues).count != armValues.count { error(["arms", "levels"], "plan.duplicate-arm", "arm values must be unique") }
        if !armValues.contains(plan.arms.reference) {
            error(["arms", "reference"], "plan.unknown-reference-arm", "the reference arm is not one of the levels",
                  value: plan.arms.reference, expected: "one of \(armValues.joined(separator: ", "))")
        }
        for (i, level) in plan.arms.levels.enumerated() {
            if let color = level.color, !isColor(color) {
                error(["arms", "levels", "\(i)", "color"], "plan.invalid-color", "not a CSS hex colour", value: color, expected: "#RRGGBB")
            }
        }
        let populationIDs = plan.populations.map(\.id)
        if Set(populationIDs).count != populationIDs.count { error(["populations"], "plan.duplicate-population", "population ids must be unique") }
        func checkPopulation(_ id: String, _ path: [String]) {
            if !populationIDs.contains(id) {
                error(path, "plan.unknown-population", "no population with this id", value: id, expected: "one of \(populationIDs.joined(separator: ", "))")
            }
        }
        let dataNames = Set(plan.data.keys.map { $0.lowercased() })
        if !dataNames.contains("adsl") { error(["data"], "plan.missing-dataset", "the plan must name an ADSL dataset", expected: "adsl: data/adsl.csv") }
        var endpointIDs = Set<String>()
        for (i, endpoint) in plan.endpoints.enumerated() {
            let path = ["endpoints", "\(i)"]
            if !endpointIDs.insert(endpoint.id).inserted { error(path + ["id"], "plan.duplicate-endpoint", "endpoint ids must be unique", value: endpoint.id) }
            checkPopulation(endpoint.population, path + ["population"])
            if !dataNames.contains(endpoint.dataset.lowercased()) {
                error(path + ["dataset"], "plan.unknown-dataset", "no dataset with this name under 'data'", value: endpoint.dataset,
                      expected: "one of \(dataNames.sorted().joined(separator: ", "))")
            }
            for (j, t) in (endpoint.landmarks ?? []).enumerated() where !(t > 0 && t.isFinite) {
                error(path + ["landmarks", "\(j)"], "plan.invalid-landmark", "a landmark must be a positive time", value: "\(t)", expected: "a number > 0")
            }
        }
        checkPopulation(plan.baseline.population, ["baseline", "population"])
        checkPopulation(plan.consort.screened, ["consort", "screened"])
        checkPopulation(plan.consort.randomized, ["consort", "randomized"])
        if let level = plan.methods?.confidenceLevel, !(level > 0.5 && level < 1) {
            error(["methods", "confidenceLevel"], "plan.invalid-value", "the confidence level must be a proportion", value: "\(level)", expected: "a number between 0.5 and 1, e.g. 0.95")
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(m) && d >= 1 && d <= days[m - 1]
    }

    static func isColor(_ text: String) -> Bool {
        text.hasPrefix("#") && (text.count == 7 || text.count == 4) && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}
