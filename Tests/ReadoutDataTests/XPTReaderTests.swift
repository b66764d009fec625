import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutData

/// The CDISCPILOT01 transport files (SAS 9.4 and R-written), checked against SOURCE.md and against
/// R 4.2 `foreign::read.xport` (values printed with sprintf("%.17g")).
@Suite struct XPTReaderTests {
    static func load(_ name: String) throws -> Dataset {
        try XPTReader.read(Array(Fixtures.data("cdiscpilot01/\(name).xpt")), source: "cdiscpilot01/\(name).xpt")
    }

    static func counts(_ values: [String?]) -> [String: Int] {
        values.reduce(into: [:]) { $0[$1 ?? "<missing>", default: 0] += 1 }
    }

    static func sum(_ values: [Double?]) -> (sum: Double, missing: Int) {
        (values.compactMap { $0 }.reduce(0, +), values.filter { $0 == nil }.count)
    }

    @Test func adslShapeNamesAndLabels() throws {
        let adsl = try Self.load("adsl")
        #expect(adsl.name == "ADSL")
        #expect(adsl.rowCount == 254)
        #expect(adsl.columns.count == 49)
        #expect(adsl.columns.allSatisfy { $0.count == 254 })
        #expect(adsl.rowLocations.first == 1 && adsl.rowLocations.last == 254)
        // R: names(read.xport("adsl.xpt"))[c(1, 8, 16, 49)]
        #expect(adsl.columnNames[0] == "STUDYID" && adsl.columnNames[7] == "TRT01PN")
        #expect(adsl.columnNames[15] == "AGE" && adsl.columnNames[48] == "MMSETOT")
        // R: lookup.xport("adsl.xpt")$ADSL$label
        #expect(adsl.column("STUDYID")?.label == "Study Identifier")
        #expect(adsl.column("TRT01PN")?.label == "Planned Treatment for Period 01 (N)")
        #expect(adsl.column("TRTSDT")?.label == "Date of First Exposure to Treatment")
        #expect(adsl.column("TRTSDT")?.format == "DATE9.")
        #expect(adsl.column("AGE")?.isNumeric == true)
        #expect(adsl.column("USUBJID")?.isNumeric == false)
        #expect(adsl.warnings.isEmpty)
    }

    @Test func adslArmsAndExactZeros() throws {
        let adsl = try Self.load("adsl")
        #expect(Self.counts(try adsl.strings("TRT01P")) == ["Placebo": 86, "Xanomeline Low Dose": 84, "Xanomeline High Dose": 84])
        #expect(try adsl.strings("TRT01A") == adsl.strings("TRT01P"))
        let dose = try adsl.numbers("TRT01PN")
        // Exact zeros (all-zero IBM bytes) are 0, not 5.4e-79.
        #expect(dose.filter { $0 == 0 }.count == 86)
        #expect(dose.filter { $0 == 54 }.count == 84)
        #expect(dose.filter { $0 == 81 }.count == 84)
        #expect(Self.counts(try adsl.strings("TRT01AN")) == ["0": 86, "54": 84, "81": 84])
        #expect(Self.counts(try adsl.strings("SEX")) == ["F": 143, "M": 111])
        #expect(Self.counts(try adsl.strings("EFFFL")) == ["Y": 234, "N": 20])
        #expect(Self.counts(try adsl.strings("COMP24FL")) == ["Y": 118, "N": 136])
    }

    @Test func adslValuesAgreeWithR() throws {
        let adsl = try Self.load("adsl")
        // R: mean(adsl$AGE)
        let age = try adsl.numbers("AGE").map { $0! }
        expectClose(age.reduce(0, +) / Double(age.count), 75.086614173228341, relative: Tolerance.closedForm, "mean AGE")
        // R: sum(x, na.rm = TRUE); sum(is.na(x))
        let expected: [(String, Double, Int)] = [
            ("BMIBL", 6242.1000000000004, 1), ("HEIGHTBL", 41638.599999999999, 0), ("WEIGHTBL", 16861.900000000001, 1),
            ("CUMDOSE", 1083456, 0), ("AVGDD", 10550.6, 0), ("TRTSDT", 4959736, 0), ("TRTEDT", 4988969, 0),
        ]
        for (name, total, missing) in expected {
            let (sum, nas) = Self.sum(try adsl.numbers(name))
            expectClose(sum, total, relative: Tolerance.closedForm, "sum \(name)")
            #expect(nas == missing, "missing \(name)")
        }
        // R: adsl[c(1, 2, 254), c("USUBJID", "AGE", "SEX", "TRT01P", "TRTSDT", "BMIBL", "DCSREAS", "HEIGHTBL")]
        #expect(adsl.column("USUBJID")?.text(at: 0) == "01-701-1015")
        #expect(try adsl.numbers("AGE")[0] == 63)
        #expect(try adsl.numbers("TRTSDT")[0] == 19725)
        #expect(try adsl.numbers("BMIBL")[0] == 25.100000000000001)
        #expect(try adsl.numbers("HEIGHTBL")[0] == 147.30000000000001)
        #expect(try adsl.numbers("WEIGHTBL")[0] == 54.399999999999999)
        #expect(adsl.column("DCSREAS")?.text(at: 0) == nil)  // R: "" (blank)
        #expect(adsl.column("DCSREAS")?.text(at: 1) == "Adverse Event")
        #expect(adsl.column("USUBJID")?.text(at: 253) == "01-718-1427")
        #expect(adsl.column("DCSREAS")?.text(at: 253) == "Lack of Efficacy")
        #expect(try adsl.numbers("AVGDD")[253] == 73.900000000000006)
        #expect(try adsl.numbers("BMIBL")[253] == 20.5)
        // R: sum(adsl$DCSREAS == "") is 110.
        #expect(try adsl.strings("DCSREAS").filter { $0 == nil }.count == 110)
    }

    @Test func adtteEventsPerArmAndValues() throws {
        let adtte = try Self.load("adtte")
        #expect(adtte.name == "ADTTE")
        #expect(adtte.rowCount == 254)
        #expect(adtte.columns.count == 26)
        let arm = try adtte.strings("TRTA")
        let censor = try adtte.numbers("CNSR")
        var events: [String: Int] = [:]
        for (a, c) in zip(arm, censor) where c == 0 { events[a!, default: 0] += 1 }
        #expect(events == ["Placebo": 29, "Xanomeline Low Dose": 62, "Xanomeline High Dose": 61])
        #expect(censor.allSatisfy { $0 == 0 || $0 == 1 })
        // R: sum(adtte$AVAL); adtte[c(1, 254), c("USUBJID", "AVAL", "CNSR", "EVNTDESC", "ADT", "STARTDT")]
        #expect(Self.sum(try adtte.numbers("AVAL")).sum == 16853)
        #expect(try adtte.numbers("AVAL")[0] == 2 && adtte.numbers("ADT")[0] == 19726 && adtte.numbers("STARTDT")[0] == 19725)
        #expect(try adtte.strings("EVNTDESC")[0] == "Dematologic Event Occured")
        #expect(try adtte.numbers("AVAL")[253] == 42 && adtte.numbers("ADT")[253] == 19385)
        #expect(try adtte.strings("PARAMCD").allSatisfy { $0 == "TTDE" })
        #expect(adtte.column("STARTDT")?.label == "Time to Event Origin Date for Subject")
    }

    @Test func adaeWrittenByRReads() throws {
        let adae = try Self.load("adae")
        #expect(adae.name == "ADAE")
        #expect(adae.rowCount == 1191)
        #expect(adae.columns.count == 55)
        #expect(Set(try adae.strings("USUBJID")).count == 225)
        #expect(Self.counts(try adae.strings("AESEV")) == ["MILD": 770, "MODERATE": 378, "SEVERE": 43])
        #expect(Self.counts(try adae.strings("TRTEMFL")) == ["Y": 1126, "<missing>": 65])
        #expect(try adae.strings("CQ01NAM").filter { $0 == "DERMATOLOGIC EVENTS" }.count == 493)
        // R: sum(x, na.rm = TRUE); sum(is.na(x))
        let astdy = Self.sum(try adae.numbers("ASTDY")), adurn = Self.sum(try adae.numbers("ADURN"))
        #expect(astdy.sum == 40380 && astdy.missing == 11)
        #expect(adurn.sum == 17025 && adurn.missing == 477)
        #expect(try adae.numbers("AEPTCD").allSatisfy { $0 == nil })
        #expect(try adae.strings("AEDECOD")[0] == "APPLICATION SITE ERYTHEMA")
        #expect(try adae.numbers("AENDT")[0] == nil && adae.numbers("ASTDT")[0] == 19726)
        #expect(try adae.strings("AEDECOD")[1190] == "NAUSEA" && adae.numbers("AESEQ")[1190] == 16)
        #expect(adae.column("STUDYID")?.label == "Study Identifier")
    }

    /// mini.xpt is written by haven 2.5.1 (`Tests/Fixtures/data/make_mini_xpt.R`); expected values from
    /// R 4.2 `foreign::read.xport("mini.xpt")` printed with sprintf("%.17g").
    @Test func specialMissingValuesZerosAndExtremes() throws {
        let mini = try XPTReader.read(Array(Fixtures.data("data/mini.xpt")), source: "data/mini.xpt")
        #expect(mini.name == "MINI")
        #expect(mini.rowCount == 5)
        #expect(mini.columnNames == ["USUBJID", "AVAL", "CNSR", "TINY"])
        #expect(try mini.strings("USUBJID") == ["S-001", "S-002", nil, "S-004", "S-005"])
        // .Z in row 4, exact 0 in row 1.
        #expect(try mini.numbers("AVAL") == [0, -12.5, 0.33333333333333331, nil, 6.0221407599999999e+23])
        // .A in row 5.
        #expect(try mini.numbers("CNSR") == [0, 1, 0, 1, nil])
        // 5e-79 is below the IBM range and was written as exact 0.
        #expect(try mini.numbers("TINY") == [1e-70, 6.2230152778611417e-61, 123456789.125, -0.10000000000000001, 0])
        #expect(mini.column("AVAL")?.label == "Analysis Value")
        #expect(mini.column("TINY")?.label == nil)
        #expect(mini.column("TINY")?.format == "BEST12.")
    }
}
