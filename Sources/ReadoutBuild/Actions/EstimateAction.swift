import Foundation
public import ReadoutData
public import ReadoutCore
public import ReadoutPlan
import ReadoutStats

/// `readout estimate`: one analysis straight from ADSL and ADTTE files, independent of any project.
public struct EstimateAction: Sendable {
    public var adsl: String
    public var adtte: String?
    public var parameter: String?
    public var response: String?
    public var armVariable: String
    public var population: String
    public var reference: String?
    public var strata: [String]
    public var landmarks: [Double]
    public var methods: MethodSettings
    public var causes: [String]
    public var causeOfInterest: String?
    /// Unit of AVAL (`--time-unit`); without it AVALU says, when it names a unit.
    public var timeUnit: TimeUnit?
    /// Unit of times, medians and landmarks in the result (`--display-unit`); without it the data's unit.
    public var displayUnit: TimeUnit?

    public init(adsl: String, adtte: String?, parameter: String?, response: String?, armVariable: String, population: String,
                reference: String?, strata: [String], landmarks: [Double], methods: MethodSettings, causes: [String],
                causeOfInterest: String?, timeUnit: TimeUnit? = nil, displayUnit: TimeUnit? = nil) {
        self.adsl = adsl
        self.adtte = adtte
        self.parameter = parameter
        self.response = response
        self.armVariable = armVariable
        self.population = population
        self.reference = reference
        self.strata = strata
        self.landmarks = landmarks
        self.methods = methods
        self.causes = causes
        self.causeOfInterest = causeOfInterest
        self.timeUnit = timeUnit
        self.displayUnit = displayUnit
    }

    public func run(warnings: inout [Diagnostic]) throws(DiagnosticsError) -> EndpointResult {
        let resolved = methods.resolved
        // Only the variables this analysis reads (the others' values are skipped, see CSVReader).
        let adslVariables = Set(["USUBJID", armVariable, population] + strata + (response.map { [$0] } ?? []))
        let adslData = try DatasetLoader.load(path: adsl, display: adsl, name: "ADSL", variables: adslVariables,
                                              hash: false).dataset
        let subjects = try SubjectIndex(adsl: adslData)
        if let response {
            let member = try subjects.rows(withFlags: [population])
            let arms = try adslData.textColumn(armVariable)
            let values = try adslData.textColumn(response)
            let rows = member.indices.filter { arms.codes[$0] >= 0 }
            var used = [Bool](repeating: false, count: arms.dictionary.count)
            for row in rows { used[Int(arms.codes[row])] = true }
            let names = used.indices.filter { used[$0] }.map { arms.dictionary[$0] }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let armOfCode = arms.dictionary.map { names.firstIndex(of: $0) ?? -1 }
            let yes = values.code(of: "Y") ?? -2
            let reference = try referenceIndex(names)
            let input = BinaryAnalysis.Input(arms: names, referenceArm: reference, arm: rows.map { armOfCode[Int(arms.codes[$0])] },
                                             response: rows.map { values.codes[$0] < 0 ? nil : values.codes[$0] == yes })
            return EndpointResult.make(endpoint: response, title: response, type: .binary, population: population, timeUnit: nil,
                                  referenceArm: names[reference], methods: resolved,
                                  binary: BinaryAnalysis.run(input, variable: response, level: resolved.confidenceLevel,
                                                             convention: resolved.profile))
        }
        guard let adtte, let parameter else {
            throw DiagnosticsError([Diagnostic(.error, "usage.missing-option", "give --adtte and --param for a time-to-event analysis, or --response for a binary one")])
        }
        let adtteData = try DatasetLoader.load(path: adtte, display: adtte, name: "ADTTE",
                                               variables: SurvivalBinding.adtteVariables(competing: !causes.isEmpty),
                                               keys: ["USUBJID": subjects.ids], hash: false).dataset
        let units = try EstimateTimeUnits.resolve(avalu: try avalu(adtteData, parameter: parameter), dataUnit: timeUnit,
                                                  displayUnit: displayUnit, file: adtte)
        let request = SurvivalRequest(parameter: parameter, armVariable: armVariable, arms: nil, referenceArm: reference.map(ArmChoice.value),
                                      populationFlags: [population], strata: strata, causes: causes, timeDivisor: units.divisor,
                                      landmarks: landmarks)
        let input = try SurvivalBinding.bind(adsl: subjects, adtte: adtteData, request: request, warnings: &warnings)
        let unit = units.name
        if let cause = causeOfInterest, !causes.contains(cause) {
            throw DiagnosticsError([Diagnostic(.error, "usage.invalid-cause", "the cause of interest is not one of --causes",
                                               variable: "--cause-of-interest", value: cause, expected: "one of \(causes.joined(separator: ", "))")])
        }
        let labels = TimeToEventAnalysis.Labels(endpoint: parameter, title: parameter, type: causes.isEmpty ? .timeToEvent : .competingRisks,
                                                population: population, timeUnit: unit, causeOfInterest: causeOfInterest ?? causes.first,
                                                rmstHorizon: landmarks.last)
        do {
            return try TimeToEventAnalysis.run(input, labels: labels, methods: resolved)
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "stats.invalid-input", at: SourceLocation(file: adtte), "\(error)")])
        }
    }

    func referenceIndex(_ names: [String]) throws(DiagnosticsError) -> Int {
        guard let reference else { return 0 }
        guard let index = names.firstIndex(of: reference) else {
            throw DiagnosticsError([Diagnostic(.error, "usage.unknown-reference-arm", "the reference arm is not one of the arms",
                                               variable: "--reference", value: reference, expected: "one of \(names.joined(separator: ", "))")])
        }
        return index
    }

    /// AVALU of the parameter's first row, when the dataset has the column.
    func avalu(_ adtte: Dataset, parameter: String) throws(DiagnosticsError) -> String? {
        guard adtte.column("AVALU") != nil else { return nil }
        let params = try adtte.textColumn("PARAMCD"), units = try adtte.textColumn("AVALU")
        guard let code = params.code(of: parameter) else { return nil }
        return params.codes.firstIndex(of: code).flatMap { units[$0] }
    }
}
