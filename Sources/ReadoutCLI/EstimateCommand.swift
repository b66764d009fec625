public import ArgumentParser
import Foundation
import ReadoutBuild
import ReadoutCore
import ReadoutPlan
public import ReadoutStats

extension Convention: ExpressibleByArgument {}
extension ConfidenceTransform: ExpressibleByArgument {}
extension TieMethod: ExpressibleByArgument {}
extension TimeUnit: ExpressibleByArgument {}

struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate one endpoint straight from ADSL and ADTTE files (CSV or XPT).",
        discussion: """
        Time-to-event: Kaplan-Meier per arm (curve, median, landmarks, median follow-up), log-rank and Cox, \
        and with --causes the competing-risks analysis. Binary: --response FLAG ("Y" = responder) by arm. The \
        sas profile (default) uses log-log CIs and Breslow ties; the r profile log CIs and Efron ties, and R's \
        rules at the edges. --ci and --ties override the profile. The default reference arm is the first arm \
        in byte order. --time-unit names the unit of AVAL (default: AVALU when it is DAYS, WEEKS, MONTHS or \
        YEARS); --display-unit converts times, medians and landmarks as trial.yaml's time.displayUnit does \
        (months are 365.25/12 days, years 365.25 days).
        """
    )

    @Option(name: .long, help: "ADSL file.") var adsl: String
    @Option(name: .long, help: "ADTTE file.") var adtte: String?
    @Option(name: [.customLong("param")], help: "PARAMCD to analyse.") var parameter: String?
    @Option(name: .long, help: "ADSL flag for a binary endpoint (\"Y\" = responder).") var response: String?
    @Option(name: .long, help: "ADSL arm variable.") var armVariable: String = "TRT01P"
    @Option(name: .long, help: "ADSL population flag (\"Y\" = included).") var population: String = "ITTFL"
    @Option(name: .long, help: "Reference arm (default: first in byte order).") var reference: String?
    @Option(name: .long, help: "Stratification variable(s), comma-separated.") var strata: String?
    @Option(name: .long, help: "Landmark times in the display unit, comma-separated.") var landmarks: String?
    @Option(name: .long, help: "Unit of AVAL: days, weeks, months or years (default: AVALU).") var timeUnit: TimeUnit?
    @Option(name: .long, help: "Unit of the results: days, weeks, months or years (default: the data's unit).") var displayUnit: TimeUnit?
    @Option(name: .long, help: "Convention profile: sas or r.") var profile: Convention = .sas
    @Option(name: .long, help: "CI transform: plain, log or log-log (overrides the profile).") var ci: ConfidenceTransform?
    @Option(name: .long, help: "Cox ties: efron or breslow (overrides the profile).") var ties: TieMethod?
    @Option(name: .long, help: "Confidence level.") var level: Double = 0.95
    @Option(name: .long, help: "Competing causes (EVNTDESC values), comma-separated.") var causes: String?
    @Option(name: .long, help: "Cause of interest (default: the first cause).") var causeOfInterest: String?
    @Flag(name: .long, help: "Print one JSON object instead of a summary.") var json = false

    func validate() throws {
        if response == nil && (adtte == nil || parameter == nil) {
            throw ValidationError("give --adtte and --param for a time-to-event analysis, or --response for a binary one")
        }
        // The same rules as trial.yaml (PlanValidation): nan, inf, 1e400, negative or huge values are refused; 0 is a valid landmark here.
        if !(level > 0.5 && level < 1) {
            throw ValidationError("--level must be a confidence level between 0.5 and 1, e.g. 0.95 (got \(level))")
        }
        if let landmarks {
            guard let values = Self.numbers(landmarks) else {
                throw ValidationError("--landmarks must be numbers separated by commas, e.g. 12,24")
            }
            let limit = PlanValidation.maximumLandmark
            if let bad = values.first(where: { !($0 >= 0 && $0 <= limit) }) {
                throw ValidationError("--landmarks must be times from 0 up to \(Int(limit)) in the display unit (got \(bad))")
            }
        }
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func numbers(_ text: String) -> [Double]? {
        let values = list(text).map(Double.init)
        return values.contains(nil) ? nil : values.map { $0! }
    }

    func run() throws {
        let action = EstimateAction(
            adsl: adsl, adtte: adtte, parameter: parameter, response: response, armVariable: armVariable, population: population,
            reference: reference, strata: Self.list(strata), landmarks: landmarks.flatMap(Self.numbers) ?? [],
            methods: MethodSettings(profile: profile, confidenceInterval: ci, ties: ties, confidenceLevel: level),
            causes: Self.list(causes), causeOfInterest: causeOfInterest, timeUnit: timeUnit, displayUnit: displayUnit)
        var warnings: [Diagnostic] = []
        do {
            let result = try action.run(warnings: &warnings)
            DiagnosticPrinter.print(warnings)
            if json {
                print(String(decoding: try ResultsEncoder.encode(result), as: UTF8.self), terminator: "")
            } else {
                print(EstimateSummary.text(result))
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics + warnings)
            throw ExitCode(1)
        }
    }
}
