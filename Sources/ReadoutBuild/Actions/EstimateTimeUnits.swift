import ReadoutCore
import ReadoutPlan

/// The time units of `readout estimate`: what AVAL is in (`--time-unit`, else AVALU) and what results are shown in
/// (`--display-unit`, else the data's unit) — the same conversion as `time: {dataUnit, displayUnit}` in trial.yaml
/// (AVAL ÷ (display days ÷ data days); months are 365.25/12 days, years 365.25 days).
struct EstimateTimeUnits: Equatable {
    /// AVAL is divided by this.
    var divisor: Double
    /// The result's `timeUnit`: the display unit upper case, or AVALU as written when no conversion was asked for.
    var name: String?

    static func resolve(avalu: String?, dataUnit: TimeUnit?, displayUnit: TimeUnit?,
                        file: String) throws(DiagnosticsError) -> EstimateTimeUnits {
        let fromData = avalu.flatMap { TimeUnit(rawValue: $0.lowercased()) }
        if let dataUnit, let fromData, dataUnit != fromData {
            throw DiagnosticsError([Diagnostic(.error, "usage.time-unit-mismatch", at: SourceLocation(file: file),
                                               "--time-unit contradicts the unit the data states in AVALU", variable: "--time-unit",
                                               value: dataUnit.rawValue, expected: fromData.rawValue)])
        }
        guard let source = dataUnit ?? fromData else {
            if let displayUnit {
                throw DiagnosticsError([Diagnostic(.error, "usage.unknown-time-unit", at: SourceLocation(file: file),
                                                   "--display-unit needs the unit of AVAL: give --time-unit", variable: "--display-unit",
                                                   value: displayUnit.rawValue,
                                                   expected: "--time-unit days, weeks, months or years (AVALU is \(avalu.map { "'\($0)'" } ?? "absent"))")])
            }
            return EstimateTimeUnits(divisor: 1, name: avalu)
        }
        guard let displayUnit, displayUnit != source else {
            return EstimateTimeUnits(divisor: 1, name: dataUnit == nil ? avalu : source.resultsName)
        }
        return EstimateTimeUnits(divisor: displayUnit.days / source.days, name: displayUnit.resultsName)
    }
}
