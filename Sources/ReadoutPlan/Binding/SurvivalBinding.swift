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
///
/// Works on integer ids: subjects through ``SubjectIndex``, arms, strata, PARAMCD and EVNTDESC as
/// dictionary codes resolved once per distinct value, the population as a bitset; AVAL and CNSR are
/// the dataset's typed columns (parsed once for all endpoints).
public enum SurvivalBinding {
    /// The ADTTE variables ``bind(adsl:adtte:request:subjectOfRow:warnings:)`` reads (EVNTDESC only
    /// with competing causes); AVALU for the time unit of `readout estimate`.
    public static func adtteVariables(competing: Bool) -> Set<String> {
        competing ? ["USUBJID", "PARAMCD", "AVAL", "AVALU", "CNSR", "EVNTDESC"] : ["USUBJID", "PARAMCD", "AVAL", "AVALU", "CNSR"]
    }

    /// The ADSL variables a request reads: USUBJID, the arm, the population flags and the strata.
    public static func adslVariables(_ request: SurvivalRequest) -> Set<String> {
        Set(["USUBJID", request.armVariable] + request.populationFlags + request.strata)
    }

    /// - Parameter subjectOfRow: the subject of each ADTTE row when already interned (``TrialContext``).
    public static func bind(adsl subjects: SubjectIndex, adtte: Dataset, request: SurvivalRequest, subjectOfRow: [Int32]? = nil,
                            warnings: inout [Diagnostic]) throws(DiagnosticsError) -> SurvivalInput {
        let adsl = subjects.adsl
        var problems = ProblemDigest()
        let inPopulation = try subjects.rows(withFlags: request.populationFlags)
        let armValues = try adsl.textColumn(request.armVariable)
        let strataValues = try request.strata.map { (name) throws(DiagnosticsError) in try adsl.textColumn(name) }
        let paramcd = try adtte.textColumn("PARAMCD")
        let rowSubjects: [Int32]
        if let subjectOfRow { rowSubjects = subjectOfRow } else { rowSubjects = try subjects.subjects(of: adtte) }
        let aval = try adtte.numericColumn("AVAL")
        let cnsr = try adtte.numericColumn("CNSR")
        let evntdesc = request.causes.isEmpty ? nil : try adtte.textColumn("EVNTDESC")
        let parameterCode = paramcd.code(of: request.parameter) ?? -2

        // Arm index per arm code: declared arms, or (nil) all found, ordered by bytes after the pass.
        var arms = request.arms ?? []
        let declaredArmOfCode: [Int32] = armValues.dictionary.map { value in
            request.arms?.firstIndex(of: value).map(Int32.init) ?? -1
        }
        // Cause number per EVNTDESC code (0 = not one of the causes).
        let causeOfCode: [Int] = evntdesc?.dictionary.map { (request.causes.firstIndex(of: $0) ?? -1) + 1 } ?? []
        var strataIndex: [[Int32]: Int] = [:]

        var time: [Double] = [], event: [Bool] = [], stratum: [Int?] = [], cause: [Int] = []
        var armCodes: [Int32] = []
        var subjectRows: [Int] = []
        var seen = Bitset(count: subjects.count)
        var seenCount = 0
        for row in 0..<adtte.rowCount where paramcd.codes[row] == parameterCode {
            var location: SourceLocation { adtte.location(ofRow: row) }
            let subject = rowSubjects[row]
            guard subject != SubjectIndex.missingID else {
                problems.append(Diagnostic(.error, "data.adtte.missing-usubjid", at: location, "USUBJID is missing",
                                           variable: "USUBJID", expected: "a subject in ADSL"))
                continue
            }
            guard subject >= 0 else {
                problems.append(Diagnostic(.error, "data.adtte.unknown-subject", at: location, "subject is not in ADSL",
                                           variable: "USUBJID", value: adtte.column("USUBJID")?.text(at: row),
                                           expected: "a USUBJID present in ADSL"))
                continue
            }
            let s = Int(subject)
            guard inPopulation[s] else { continue }
            guard !seen[s] else {
                problems.append(Diagnostic(.error, "data.adtte.duplicate-record", at: location,
                                           "subject has more than one \(request.parameter) record", variable: "USUBJID",
                                           value: subjects.ids[s], expected: "one record per subject and PARAMCD"))
                continue
            }
            seen.insert(s)
            seenCount += 1
            guard let t = aval[row], t >= 0 else {
                problems.append(Diagnostic(.error, "data.adtte.aval-invalid", at: location, "AVAL must be a time ≥ 0",
                                           variable: "AVAL", value: adtte.column("AVAL")?.text(at: row) ?? "", expected: "a number ≥ 0"))
                continue
            }
            guard let c = cnsr[row], c >= 0, c == c.rounded() else {
                problems.append(Diagnostic(.error, "data.adtte.cnsr-range", at: location,
                                           "CNSR must be 0 (event) or a positive integer (censored)",
                                           variable: "CNSR", value: adtte.column("CNSR")?.text(at: row) ?? "", expected: "0, 1, 2, …"))
                continue
            }
            let armCode = armValues.codes[s]
            guard armCode >= 0 else {
                problems.append(Diagnostic(.error, "data.adsl.missing-arm", at: adsl.location(ofRow: s),
                                           "arm is missing for a subject in the analysis population", variable: request.armVariable,
                                           expected: "one of \(arms.isEmpty ? "the arms" : arms.joined(separator: ", "))"))
                continue
            }
            if request.arms != nil, declaredArmOfCode[Int(armCode)] < 0 {
                problems.append(Diagnostic(.error, "data.adsl.unknown-arm", at: adsl.location(ofRow: s),
                                           "arm is not one of the arms declared in trial.yaml", variable: request.armVariable,
                                           value: armValues.dictionary[Int(armCode)], expected: "one of \(arms.joined(separator: ", "))"))
                continue
            }
            var code = 0
            if let evntdesc, c == 0 {
                let descriptionCode = evntdesc.codes[row]
                code = descriptionCode < 0 ? (request.causes.firstIndex(of: "").map { $0 + 1 } ?? 0) : causeOfCode[Int(descriptionCode)]
                guard code > 0 else {
                    problems.append(Diagnostic(.error, "data.adtte.unknown-cause", at: location,
                                               "event description is not one of the competing causes", variable: "EVNTDESC",
                                               value: evntdesc[row] ?? "", expected: "one of \(request.causes.joined(separator: ", "))"))
                    continue
                }
            }
            if !request.strata.isEmpty {
                let parts = strataValues.map { $0.codes[s] }
                if parts.contains(where: { $0 < 0 }) {
                    stratum.append(nil)
                } else {
                    if strataIndex[parts] == nil { strataIndex[parts] = strataIndex.count }
                    stratum.append(strataIndex[parts])
                }
            }
            time.append(t / request.timeDivisor)
            event.append(c == 0)
            armCodes.append(armCode)
            cause.append(code)
            subjectRows.append(s)
        }
        if !problems.isEmpty { throw DiagnosticsError(problems.result) }

        var armOfCode = declaredArmOfCode
        if request.arms == nil {
            var used = [Bool](repeating: false, count: armValues.dictionary.count)
            for code in armCodes { used[Int(code)] = true }
            arms = used.indices.filter { used[$0] }.map { armValues.dictionary[$0] }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            armOfCode = armValues.dictionary.map { value in arms.firstIndex(of: value).map(Int32.init) ?? -1 }
        }
        let arm = armCodes.map { Int(armOfCode[Int($0)]) }

        let populationSize = inPopulation.cardinality
        if seenCount < populationSize {
            warnings.append(Diagnostic(.warning, "data.adtte.missing-records", at: SourceLocation(file: adtte.source),
                                       "\(populationSize - seenCount) subject(s) of the population have no \(request.parameter) record and are not analysed",
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
                             cause: request.causes.isEmpty ? nil : cause, causes: request.causes, landmarks: request.landmarks,
                             subjects: subjectRows)
            .sortedByTime()
    }
}
