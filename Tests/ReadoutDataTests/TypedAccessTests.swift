import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutData

@Suite struct TypedAccessTests {
    static let adtte = """
        USUBJID,AVALX,CNSR
        S-1, 12.5 ,0
        S-2,,1
        S-3,1e3,0
        S-4,abc,1
        S-5,NA,0
        S-6,"3,5",1

        """

    @Test func missingColumnNamesDatasetFileAndVariablesPresent() throws {
        let data = try csv(Self.adtte)
        let error = try #require(problem { () throws(DiagnosticsError) in _ = try data.requireColumn("AVAL") })
        #expect(error.identifier == "data.column.missing")
        #expect(error.message == "dataset ADTTE has no variable AVAL")
        #expect(error.location.file == "data/adtte.csv")
        #expect(error.location.line == nil)
        #expect(error.variable == "AVAL")
        #expect(error.notes == ["did you mean AVALX?", "variables present: USUBJID, AVALX, CNSR"])
        #expect(error.description.hasPrefix("data/adtte.csv: error: dataset ADTTE has no variable AVAL (variable AVAL) [data.column.missing]"))
    }

    @Test func missingColumnWithoutACloseName() throws {
        let data = try csv(Self.adtte)
        let error = try #require(problem { () throws(DiagnosticsError) in _ = try data.numbers("TRTSDT") })
        #expect(error.notes == ["variables present: USUBJID, AVALX, CNSR"])
    }

    /// A numeric column read as text: codes in order of first appearance, one per distinct number (0 and −0
    /// alike), each spelled as its shortest text — whole numbers 0…255 take a table, the others a dictionary.
    @Test func numericColumnAsTextCodesDistinctNumbersInOrder() throws {
        let data = try csv("USUBJID,X\nA,3\nB,-0\nC,255\nD,256\nE,3.0\nF,\nG,0\nH,2.5\nI,-1\nJ,256\nK,1e2\nL,2.5\n")
        let column = try data.textColumn("X")
        #expect(column.dictionary == ["3", "0", "255", "256", "2.5", "-1", "100"])
        #expect(column.codes == [0, 1, 2, 3, 0, TextColumn.missingCode, 1, 4, 5, 3, 6, 4])
    }

    @Test func lookupIgnoresCase() throws {
        let data = try csv(Self.adtte)
        #expect(try data.requireColumn("cnsr").name == "CNSR")
        #expect(try data.numbers("Cnsr") == [0, 1, 0, 1, 0, 1])
    }

    @Test func firstUnparseableValueIsAnExactDiagnostic() throws {
        let data = try csv(Self.adtte)
        let error = try #require(problem { () throws(DiagnosticsError) in _ = try data.numbers("AVALX") })
        #expect(error.identifier == "data.value.not-a-number")
        #expect(error.location.file == "data/adtte.csv")
        #expect(error.location.line == 5)
        #expect(error.variable == "AVALX")
        #expect(error.value == "abc")
        #expect(error.expected == "a number")
        #expect(error.description == "data/adtte.csv:5: error: AVALX is not a number (variable AVALX, value \"abc\", expected a number) [data.value.not-a-number]")
    }

    @Test func everyBadValueIsCollectedWithHints() throws {
        let data = try csv(Self.adtte)
        let errors = data.validateNumbers("AVALX")
        #expect(errors.map { $0.location?.line } == [5, 6, 7])
        #expect(errors.map(\.subject.value) == ["abc", "NA", "3,5"])
        #expect(errors[0].notes.isEmpty)
        #expect(errors[1].notes == ["write missing values as empty fields (R: write.csv(..., na = \"\"))"])
        #expect(errors[2].notes == ["use a decimal point, not a decimal comma"])
        #expect(data.validateNumbers("CNSR").isEmpty)
        #expect(data.validateNumbers("AVAL").map(\.identifier) == ["data.column.missing"])
    }

    @Test func repeatsAreReportedOnceWithACount() throws {
        var text = "ID,X\n"
        for i in 0..<100 { text += "\(i),bad\(i % 7)\n" }
        text += "100,NA\n101,1e400\n102,2e400\n"
        let errors = try csv(text).validateNumbers("X")
        #expect(errors.map { $0.location?.line } == [2, 102, 103])
        #expect(errors.map(\.identifier) == ["data.value.not-a-number", "data.value.not-a-number", "data.value.not-finite"])
        #expect(errors[0].notes == ["… and 99 more rows with the same problem"])
        #expect(errors[2].notes == ["… and 1 more row with the same problem"])
    }

    @Test func diagnosticLogVariant() throws {
        let data = try csv(Self.adtte)
        var log = DiagnosticLog()
        #expect(data.numbers("AVALX", log: &log) == nil)
        #expect(data.numbers("MISSING", log: &log) == nil)
        let cnsr = data.numbers("CNSR", log: &log)
        #expect(cnsr == [0, 1, 0, 1, 0, 1])
        #expect(log.diagnostics.map(\.identifier) == [
            "data.value.not-a-number", "data.value.not-a-number", "data.value.not-a-number", "data.column.missing",
        ], "one per kind of problem: not a number, a spelling of missing, a decimal comma")
        #expect(log.diagnostics.map { $0.location?.line } == [5, 6, 7, nil])
    }

    @Test func parsesCLocaleDecimalsAndTreatsBlankAsMissing() throws {
        let data = try csv("X\n12.5\n\" 7 \"\n\"\t\"\n-.5\n+3.\n1E-3\n2.5e+2\n-0\n")
        #expect(try data.numbers("X") == [12.5, 7, nil, -0.5, 3, 0.001, 250, 0])
    }

    @Test(arguments: ["1,5", "nan", "inf", "Infinity", "0x10", "1e", "e5", ".", "-", "1 000", "1.2.3", "12abc", "٣"])
    func rejectsNonDecimalText(text: String) throws {
        let data = try csv("X\n\"\(text)\"\n")
        let error = try #require(problem { () throws(DiagnosticsError) in _ = try data.numbers("X") })
        #expect(error.value == text)
        #expect(error.location.line == 2)
    }

    @Test func stringsFormatNumbersBack() throws {
        let data = Dataset(
            name: "T", source: "t.xpt",
            columns: [Column(name: "N", values: .numeric([0, 54, -3, 25.1, 0.1 + 0.2, nil, 1e15, 1e-7]))],
            rowLocations: Array(1...8))
        #expect(try data.strings("N") == ["0", "54", "-3", "25.1", "0.30000000000000004", nil, "1000000000000000", "1e-07"])
        #expect(try data.numbers("N") == [0, 54, -3, 25.1, 0.1 + 0.2, nil, 1e15, 1e-7])
    }
}
