import Testing
import ReadoutCore
@testable import ReadoutData

/// Column types as the CSV reader infers them, and the data checks it makes while reading.
@Suite struct TypedStorageTests {
    @Test func numericWhenEveryPresentCellIsADecimalNumber() throws {
        let data = try csv("A,B,C\n1,2.50,x\n,1e3,\n-4, ,y\n")
        guard case .numeric(let a)? = data.column("A")?.values, case .numeric(let b)? = data.column("B")?.values else {
            Issue.record("A and B should be numeric")
            return
        }
        #expect(a.optionals == [1, nil, -4])
        #expect(a.missing.indices == [1])
        #expect(b.optionals == [2.5, 1000, nil], "a blank cell (spaces only) is missing in a numeric column")
        #expect(texts(data, "B") == ["2.5", "1000", nil], "numbers shown as text are NumberText.format")
        guard case .text(let c)? = data.column("C")?.values else {
            Issue.record("C should be text")
            return
        }
        #expect(c.codes == [0, TextColumn.missingCode, 1])
        #expect(c.dictionary == ["x", "y"])
    }

    @Test func integersWithLeadingZerosOrManyDigitsStayText() throws {
        let data = try csv("SITE,ID,OK\n007,12345678901234567,0\n010,2,0.5\n")
        #expect(data.column("SITE")?.isNumeric == false)
        #expect(texts(data, "SITE") == ["007", "010"])
        #expect(data.column("ID")?.isNumeric == false, "more than 15 digits is not exact as a Double")
        #expect(texts(data, "ID") == ["12345678901234567", "2"])
        #expect(data.column("OK")?.isNumeric == true, "a lone 0 and 0.5 are numbers")
        #expect(try data.numbers("SITE") == [7, 10], "a text column asked for numbers still parses")
    }

    @Test func textColumnKeepsTheSpellingOfEarlierNumericLookingCells() throws {
        // The column is numeric until row 4; the re-read keeps "1.50" and " 2" as written.
        let data = try csv("X\n1.50\n 2\n3\nabc\n")
        #expect(data.column("X")?.isNumeric == false)
        #expect(texts(data, "X") == ["1.50", " 2", "3", "abc"])
    }

    @Test func isoDatesAreDayNumbersWithTheTextRecoverable() throws {
        let data = try csv("D,E\n2023-01-09,2023-02-30\n,2023-01-01\n1970-01-01,\n2000-02-29,x\n")
        guard case .date(let d)? = data.column("D")?.values else {
            Issue.record("D should hold dates")
            return
        }
        #expect(d.days.count == 4)
        #expect(d[0] == 19366)  // R: as.numeric(as.Date("2023-01-09"))
        #expect(d[1] == nil)
        #expect(d[2] == 0)
        #expect(texts(data, "D") == ["2023-01-09", nil, "1970-01-01", "2000-02-29"])
        #expect(try data.strings("D") == ["2023-01-09", nil, "1970-01-01", "2000-02-29"])
        #expect(data.column("E").map { if case .text = $0.values { true } else { false } } == true, "2023-02-30 is not a date")
        #expect(ISODate.format(-1) == "1969-12-31")
        #expect(ISODate.parse(Array("0001-01-01".utf8)).map(ISODate.format) == "0001-01-01")
        #expect(ISODate.parse(Array("2023-1-09".utf8)) == nil)
    }

    @Test func numbersTooLargeForADoubleAreErrorsAtTheirLine() throws {
        let error = try #require(csvError("USUBJID,AGE\nS-1,30\nS-2,1e400\nS-3,-2E+999\n"))
        #expect(error.identifier == "data.value.not-finite")
        #expect(error.location.line == 3)
        #expect(error.variable == "AGE")
        #expect(error.value == "1e400")
        #expect(error.notes == ["… and 1 more row with the same problem"])
    }

    @Test(arguments: ["inf", "nan", "Infinity", "NaN"])
    func infinityAndNaNAreNotNumbers(text: String) throws {
        let data = try csv("USUBJID,AGE\nS-1,30\nS-2,\(text)\n")
        #expect(data.column("AGE")?.isNumeric == false)
        let error = try #require(problem { () throws(DiagnosticsError) in _ = try data.numbers("AGE") })
        #expect(error.identifier == "data.value.not-a-number")
        #expect(error.location.line == 3)
        #expect(error.variable == "AGE")
    }

    @Test func controlCharactersAreErrorsAtLineAndColumn() throws {
        let nul = try #require(csvError(Array("A,B\nx,y\nab,c".utf8) + [0x00] + Array("d\n".utf8)))
        #expect(nul.identifier == "data.csv.control-character")
        #expect(nul.location.line == 3)
        #expect(nul.location.column == 5)
        #expect(nul.variable == "B")
        #expect(nul.value == "U+0000")
        let bell = try #require(csvError("A,B\n\"x\ny\u{07}\",1\n"))
        #expect(bell.identifier == "data.csv.control-character")
        #expect(bell.location.line == 3)
        #expect(bell.location.column == 2)
        #expect(csvError("A,B\n\"tab\there\",1\n") == nil, "tab is allowed")
    }

    @Test func textIsDictionaryEncodedOncePerDistinctValue() throws {
        var text = "ARM\n"
        for i in 0..<999 { text += i % 3 == 0 ? "Placebo\n" : i % 3 == 1 ? "\"Drug, 10 mg\"\n" : "\"Dr\"\"ug\"\n" }
        let data = try csv(text)
        guard case .text(let arm)? = data.column("ARM")?.values else {
            Issue.record("ARM should be text")
            return
        }
        #expect(arm.dictionary == ["Placebo", "Drug, 10 mg", "Dr\"ug"], "distinct values in order of first appearance")
        #expect(arm.codes.count == 999)
        #expect(arm.codes.prefix(4) == [0, 1, 2, 0])
        #expect(arm.code(of: "Drug, 10 mg") == 1)
        #expect(arm[4] == "Drug, 10 mg")
    }
}
