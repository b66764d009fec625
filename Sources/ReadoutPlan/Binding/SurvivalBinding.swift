public import ReadoutCore
public import ReadoutData

/// What to take from ADSL and ADTTE for one time-to-event analysis.
public struct SurvivalRequest: Sendable {
    public var parameter: String
    public var armVariable: String
    /// Arm values in display order; `nil` takes the values found, in byte order (as R sorts factors in C locale).
    public var arms: [String]?
    /// Reference arm, by value (`readout estimate --reference`) or, when `arms` are given, by index into them
    /// (a validated plan's `ArmID`); `nil` is the first arm.
    public var referenceArm: ArmChoice?
    /// ADSL flags that must all be "Y".
    public var populationFlags: [String]
    public var strata: [String]
    /// Competing causes (EVNTDESC values of events); empty for none.
    public var causes: [String]
    /// AVAL is divided by this (e.g. 30.4375 for days → months).
    public var timeDivisor: Double
    public var landmarks: [Double]

    public init(parameter: String, armVariable: String = "TRT01P", arms: [String]? = nil, referenceArm: ArmChoice? = nil,
                populationFlags: [String] = ["ITTFL"], strata: [String] = [], causes: [String] = [],
                timeDivisor: Double = 1, landmarks: [Double] = []) {
        self.parameter = parameter
        self.armVariable = armVariable
        self.arms = arms
        self.referenceArm = referenceArm
        self.populationFlags = populationFlags
        self.strata = strata
        self.causes = causes
        self.timeDivisor = timeDivisor
        self.landmarks = landmarks
    }
}

/// How a request names its reference arm.
public enum ArmChoice: Sendable, Equatable {
    /// An arm value as found in the data.
    case value(String)
    /// An index into `SurvivalRequest.arms`, resolved by `PlanValidation`.
    case index(Int)
}

/// Joins ADTTE to ADSL and checks every row, reporting all problems with file, line, variable and value.
public enum SurvivalBinding {
    public static func bind(adsl subjects: SubjectIndex, adtte: Dataset, request: SurvivalRequest,
                            warnings: inout [Diagnostic]) throws(DiagnosticsError) -> SurvivalInput {
        let adsl = subjects.adsl
        var log = DiagnosticLog()
        let inPopulation = try subjects.rows(withFlags: request.populationFlags)
        let armValues = try adsl.textColumn(request.armVariable)
        let strataValues = try request.strata.map { (name) throws(DiagnosticsError) in try adsl.textColumn(name) }
        let paramcd = try adtte.textColumn("PARAMCD")
        let usubjid = try adtte.textColumn("USUBJID")
        let aval = try adtte.numberColumn("AVAL")
        let cnsr = try adtte.numberColumn("CNSR")
        let evntdesc = request.causes.isEmpty ? nil : try adtte.textColumn("EVNTDESC")

        var arms = request.arms ?? []
        var armIndex: [String: Int] = [:]
        for (i, a) in arms.enumerated() { armIndex[a] = i }
        var strataIndex: [String: Int] = [:]

        var time: [Double] = [], event: [Bool] = [], arm: [Int] = [], stratum: [Int?] = [], cause: [Int] = []
        var seen = Set<String>()
        var rawArms: [String] = []
        for row in 0..<adtte.rowCount where paramcd[row] == request.parameter {
            let location = adtte.location(ofRow: row)
            guard let id = usubjid[row] else {
                log.append(Diagnostic(.error, "data.adtte.missing-usubjid", at: location, "USUBJID is missing",
                                      variable: "USUBJID", expected: "a subject in ADSL"))
                continue
            }
            guard let subjectRow = subjects.row(of: id) else {
                log.append(Diagnostic(.error, "data.adtte.unknown-subject", at: location, "subject is not in ADSL",
                                      variable: "USUBJID", value: id, expected: "a USUBJID present in ADSL"))
                continue
            }
            guard inPopulation[subjectRow] else { continue }
            guard seen.insert(id).inserted else {
                log.append(Diagnostic(.error, "data.adtte.duplicate-record", at: location,
                                      "subject has more than one \(request.parameter) record", variable: "USUBJID", value: id,
                                      expected: "one record per subject and PARAMCD"))
                continue
            }
            guard let t = aval[row], t.isFinite, t >= 0 else {
                log.append(Diagnostic(.error, "data.adtte.aval-invalid", at: location, "AVAL must be a time ≥ 0",
                                      variable: "AVAL", value: adtte.column("AVAL")?.text(at: row) ?? "", expected: "a number ≥ 0"))
                continue
            }
            guard let c = cnsr[row], c >= 0, c == c.rounded() else {
                log.append(Diagnostic(.error, "data.adtte.cnsr-range", at: location, "CNSR must be 0 (event) or a positive integer (censored)",
                                      variable: "CNSR", value: adtte.column("CNSR")?.text(at: row) ?? "", expected: "0, 1, 2, …"))
                continue
            }
            guard let a = armValues[subjectRow] else {
                log.append(Diagnostic(.error, "data.adsl.missing-arm", at: adsl.location(ofRow: subjectRow),
                                      "arm is missing for a subject in the analysis population", variable: request.armVariable,
                                      expected: "one of \(arms.isEmpty ? "the arms" : arms.joined(separator: ", "))"))
                continue
            }
            if request.arms != nil, armIndex[a] == nil {
                log.append(Diagnostic(.error, "data.adsl.unknown-arm", at: adsl.location(ofRow: subjectRow),
                                      "arm is not one of the arms declared in trial.yaml", variable: request.armVariable, value: a,
                                      expected: "one of \(arms.joined(separator: ", "))"))
                continue
            }
            var code = 0
            if let evntdesc, c == 0 {
                let description = evntdesc[row] ?? ""
                guard let k = request.causes.firstIndex(of: description) else {
                    log.append(Diagnostic(.error, "data.adtte.unknown-cause", at: location,
                                          "event description is not one of the competing causes", variable: "EVNTDESC", value: description,
                                          expected: "one of \(request.causes.joined(separator: ", "))"))
                    continue
                }
                code = k + 1
            }
            if !request.strata.isEmpty {
                let parts = strataValues.map { $0[subjectRow] }
                if parts.contains(where: { $0 == nil }) {
                    stratum.append(nil)
                } else {
                    let key = parts.map { $0! }.joined(separator: " / ")
                    if strataIndex[key] == nil { strataIndex[key] = strataIndex.count }
                    stratum.append(strataIndex[key])
                }
            }
            time.append(t / request.timeDivisor)
            event.append(c == 0)
            rawArms.append(a)
            cause.append(code)
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }

        if request.arms == nil {
            arms = Array(Set(rawArms)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, a) in arms.enumerated() { armIndex[a] = i }
        }
        arm = rawArms.map { armIndex[$0]! }

        let populationSize = inPopulation.lazy.filter { $0 }.count
        if seen.count < populationSize {
            warnings.append(Diagnostic(.warning, "data.adtte.missing-records", at: SourceLocation(file: adtte.source),
                                       "\(populationSize - seen.count) subject(s) of the population have no \(request.parameter) record and are not analysed",
                                       variable: "PARAMCD", value: request.parameter))
        }
        guard !time.isEmpty else {
            throw DiagnosticsError([Diagnostic(.error, "data.adtte.no-records", at: SourceLocation(file: adtte.source),
                                               "no records for this parameter in the analysis population", variable: "PARAMCD",
                                               value: request.parameter, expected: "at least one record")])
        }
        let reference: Int
        switch request.referenceArm {
        case .value(let name)?:
            guard let index = arms.firstIndex(of: name) else {
                throw DiagnosticsError([Diagnostic(.error, "usage.unknown-reference-arm", "the reference arm is not one of the arms in the data",
                                                   variable: request.armVariable, value: name, expected: "one of \(arms.joined(separator: ", "))")])
            }
            reference = index
        case .index(let index)?:
            reference = index
        case nil:
            reference = 0
        }
        return SurvivalInput(arms: arms, referenceArm: reference, time: time, event: event, arm: arm,
                             stratum: request.strata.isEmpty ? nil : stratum, strataVariables: request.strata,
                             cause: request.causes.isEmpty ? nil : cause, causes: request.causes, landmarks: request.landmarks)
    }
}
