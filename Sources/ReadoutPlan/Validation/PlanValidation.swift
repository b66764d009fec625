public import ReadoutCore

/// The one check of a decoded `trial.yaml`: references (arms, populations, datasets, causes) and values
/// (slugs, dates, colours, landmark times, confidence level, digits). Every problem is collected as a
/// diagnostic at its line, from the `SourceMap` the decoder filled; nothing reads the file again.
/// Decoding already rejected unknown keys, keys of another endpoint type, null or control characters in
/// text and non-finite numbers.
public enum PlanValidation {
    /// Largest landmark time, in the display unit: far beyond any follow-up, and small enough to print as a whole number.
    public static let maximumLandmark = 1_000_000.0
    /// Decimals a baseline variable may ask for.
    public static let digitsRange = 0...6

    public static func validate(_ plan: TrialPlan, sources: SourceMap) throws(DiagnosticsError) -> ValidatedPlan {
        var log = DiagnosticLog()
        func error(_ path: String, _ id: String, _ message: String, value: String? = nil, expected: String? = nil) {
            log.append(Diagnostic(.error, id, at: sources.location(path), message, variable: path, value: value, expected: expected))
        }

        checkSlug(plan.report.version, "report.version", "plan.invalid-version", "the version is used as a folder name", error)
        if !isISODate(plan.report.dataCutoff) {
            error("report.dataCutoff", "plan.invalid-date", "the data cut-off must be a date", value: plan.report.dataCutoff, expected: "YYYY-MM-DD")
        }

        // Arms: unique values, a declared reference, CSS colours.
        let armValues = plan.arms.levels.map(\.value)
        if armValues.isEmpty { error("arms.levels", "plan.invalid-value", "the plan must declare at least one arm", expected: "a list of arm levels") }
        for (i, value) in armValues.enumerated() where armValues[..<i].contains(value) {
            error("arms.levels[\(i)].value", "plan.duplicate-arm", "arm values must be unique", value: value)
        }
        let reference = armValues.firstIndex(of: plan.arms.reference)
        if reference == nil {
            error("arms.reference", "plan.unknown-reference-arm", "the reference arm is not one of the levels",
                  value: plan.arms.reference, expected: "one of \(armValues.joined(separator: ", "))")
        }
        for (i, level) in plan.arms.levels.enumerated() {
            if let color = level.color, !isColor(color) {
                error("arms.levels[\(i)].color", "plan.invalid-color", "not a CSS hex colour", value: color, expected: "#RRGGBB")
            }
        }

        // Populations: safe, unique ids; every reference resolves.
        let populationIDs = plan.populations.map(\.id)
        for (i, id) in populationIDs.enumerated() {
            checkSlug(id.rawValue, "populations[\(i)].id", "plan.invalid-id", "a population id is used in anchors and references", error)
            if populationIDs[..<i].contains(id) {
                error("populations[\(i)].id", "plan.duplicate-population", "population ids must be unique", value: id.rawValue)
            }
        }
        func checkPopulation(_ id: PopulationID, _ path: String) {
            if !populationIDs.contains(id) {
                error(path, "plan.unknown-population", "no population with this id", value: id.rawValue,
                      expected: "one of \(populationIDs.map(\.rawValue).joined(separator: ", "))")
            }
        }

        // Datasets and endpoints.
        let dataNames = Set(plan.data.keys.map { $0.lowercased() })
        if !dataNames.contains("adsl") { error("data", "plan.missing-dataset", "the plan must name an ADSL dataset", expected: "adsl: data/adsl.csv") }
        var endpointIDs = Set<EndpointID>()
        for (i, endpoint) in plan.endpoints.enumerated() {
            let path = "endpoints[\(i)]"
            checkSlug(endpoint.id.rawValue, path + ".id", "plan.invalid-id", "an endpoint id is used in file names, anchors and references", error)
            if !endpointIDs.insert(endpoint.id).inserted {
                error(path + ".id", "plan.duplicate-endpoint", "endpoint ids must be unique", value: endpoint.id.rawValue)
            }
            checkPopulation(endpoint.population, path + ".population")
            if !dataNames.contains(endpoint.dataset.lowercased()) {
                error(path + ".dataset", "plan.unknown-dataset", "no dataset with this name under 'data'", value: endpoint.dataset,
                      expected: "one of \(dataNames.sorted().joined(separator: ", "))")
            }
            for (j, t) in endpoint.landmarks.enumerated() where !(t > 0 && t <= maximumLandmark) {
                error(path + ".landmarks[\(j)]", "plan.invalid-landmark", "a landmark must be a positive time in the display unit",
                      value: "\(t)", expected: "a number > 0 and at most \(Int(maximumLandmark))")
            }
            if case .adverseEvents(let e) = endpoint {
                AdverseEventValidation.validate(e.adverseEvents, path: path) { error($0, $1, $2, value: $3, expected: $4) }
            }
            if case .competingRisks(let e) = endpoint {
                if e.causes.isEmpty {
                    error(path + ".causes", "plan.invalid-value", "a competing-risks endpoint needs its causes", expected: "the EVNTDESC values of the competing events")
                } else if !e.causes.contains(e.causeOfInterest) {
                    error(path + ".causeOfInterest", "plan.invalid-value", "the cause of interest is not one of the causes",
                          value: e.causeOfInterest, expected: "one of \(e.causes.joined(separator: ", "))")
                }
            }
        }

        checkPopulation(plan.baseline.population, "baseline.population")
        for (i, variable) in plan.baseline.variables.enumerated() {
            for (key, digits) in [("digits", variable.digits), ("decimals", variable.decimals)] {
                if let digits, !digitsRange.contains(digits) {
                    error("baseline.variables[\(i)].\(key)", "plan.invalid-value", "too many or too few decimals", value: "\(digits)",
                          expected: "a whole number from \(digitsRange.lowerBound) to \(digitsRange.upperBound)")
                }
            }
        }
        checkPopulation(plan.consort.screened, "consort.screened")
        checkPopulation(plan.consort.randomized, "consort.randomized")
        for (i, stage) in plan.consort.stages.enumerated() {
            for (j, arm) in (stage.arms ?? []).enumerated() where !armValues.contains(arm) {
                error("consort.stages[\(i)].arms[\(j)]", "plan.invalid-value", "a CONSORT stage names an arm that is not declared",
                      value: arm, expected: "one of \(armValues.joined(separator: ", "))")
            }
            if stage.arms?.isEmpty == true {
                error("consort.stages[\(i)].arms", "plan.invalid-value", "a CONSORT stage must belong to at least one arm",
                      expected: "arm values, or no 'arms' key for every arm")
            }
        }
        for (i, box) in (plan.consort.analysis ?? []).enumerated() {
            checkPopulation(box.population, "consort.analysis[\(i)].population")
        }
        if let level = plan.methods?.confidenceLevel, !(level > 0.5 && level < 1) {
            error("methods.confidenceLevel", "plan.invalid-value", "the confidence level must be a proportion", value: "\(level)",
                  expected: "a number between 0.5 and 1, e.g. 0.95")
        }
        let interim = plan.interim.flatMap { design in
            InterimDesignValidation.validate(design, plan: plan, sources: sources) { path, id, message, value, expected, notes in
                log.append(Diagnostic(.error, id, at: sources.location(path), message, variable: path, value: value, expected: expected, notes: notes))
            }
        }
        let subgroups = subgroups(plan, sources: sources, error)
        guard !log.hasErrors, let reference else { throw DiagnosticsError(log.diagnostics) }
        return ValidatedPlan(plan: plan, file: sources.file, referenceArm: ArmID(reference), interim: interim, subgroups: subgroups)
    }

    /// A name used as a folder, file or anchor: `[A-Za-z0-9][A-Za-z0-9._-]*` (so never `.` or `..`).
    public static func isSlug(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIIAlphanumeric else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "." || $0 == "_" || $0 == "-" }
    }

    private static func checkSlug(_ text: String, _ path: String, _ id: String, _ why: String,
                                  _ error: (String, String, String, String?, String?) -> Void) {
        if !isSlug(text) {
            error(path, id, why, text, "letters, digits, '.', '-' or '_', starting with a letter or digit (e.g. ia1, v1.0)")
        }
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

private extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
