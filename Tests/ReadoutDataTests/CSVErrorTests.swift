import Testing
import ReadoutCore
@testable import ReadoutData

/// Every CSV error names the file, the line (and column where useful), the variable and what was expected.
@Suite struct CSVErrorTests {
    @Test func raggedRowWithTooFewFields() throws {
        let error = try #require(csvError("USUBJID,AVAL,CNSR\nS-1,1,0\nS-2,5\nS-3,4,1\n"))
        #expect(error.identifier == "data.csv.ragged-row")
        #expect(error.location.file == "data/adtte.csv")
        #expect(error.location.line == 3)
        #expect(error.message == "expected 3 fields as in the header, found 2")
        #expect(error.expected == "3 fields")
        #expect(error.value == "2 fields")
        #expect(error.variable == nil)
        #expect(error.description.hasPrefix("data/adtte.csv:3: error: expected 3 fields as in the header, found 2"))
    }

    @Test func raggedRowAfterAQuotedLineBreakReportsItsOwnStartLine() throws {
        let error = try #require(csvError("A,B\n\"multi\nline\",1\n2,3,4\n"))
        #expect(error.identifier == "data.csv.ragged-row")
        #expect(error.location.line == 4)
        #expect(error.expected == "2 fields")
        #expect(error.value == "3 fields")
        #expect(error.notes == ["a value that contains a comma must be quoted: \"a, b\""])
    }

    @Test func unterminatedQuoteReportsWhereTheQuoteOpened() throws {
        let error = try #require(csvError("A,B\n1,2\n3,\"abc\n4,5\n"))
        #expect(error.identifier == "data.csv.unterminated-quote")
        #expect(error.location.file == "data/adtte.csv")
        #expect(error.location.line == 3)
        #expect(error.location.column == 3)
        #expect(error.variable == "B")
        #expect(error.expected == "a closing \" before the end of the file")
    }

    @Test func unterminatedQuoteInTheHeader() throws {
        let error = try #require(csvError("A,\"B\n"))
        #expect(error.identifier == "data.csv.unterminated-quote")
        #expect(error.location.line == 1)
        #expect(error.location.column == 3)
        #expect(error.variable == nil)
    }

    @Test func invalidUTF8ReportsLineColumnAndVariable() throws {
        let error = try #require(csvError(Array("A,B\n1,ok\n2,caf".utf8) + [0xE9] + Array("\n".utf8)))
        #expect(error.identifier == "data.csv.invalid-utf8")
        #expect(error.location.line == 3)
        #expect(error.location.column == 6)
        #expect(error.variable == "B")
        #expect(error.expected == "UTF-8 text")
    }

    @Test func invalidUTF8InsideAMultilineQuotedField() throws {
        let error = try #require(csvError(Array("A,B\n1,\"ok\nbé".utf8) + [0xFF] + Array("\"\n".utf8)))
        #expect(error.identifier == "data.csv.invalid-utf8")
        #expect(error.location.line == 3)
        #expect(error.location.column == 3)
        #expect(error.variable == "B")
    }

    @Test func invalidUTF8InAHeaderName() throws {
        let error = try #require(csvError([0x41, 0x2C, 0xC3, 0x28, 0x0A]))
        #expect(error.identifier == "data.csv.invalid-utf8")
        #expect(error.location.line == 1)
        #expect(error.location.column == 3)
    }

    @Test func duplicateHeaderNameIgnoringCase() throws {
        let error = try #require(csvError("USUBJID,AVAL,aval\nS-1,1,2\n"))
        #expect(error.identifier == "data.csv.duplicate-header")
        #expect(error.location.file == "data/adtte.csv")
        #expect(error.location.line == 1)
        #expect(error.variable == "aval")
        #expect(error.message == "variable aval appears twice in the header (columns 2 and 3)")
        #expect(error.expected == "unique variable names (ignoring case)")
    }

    @Test(arguments: ["A,,C\n1,2,3\n", "A, ,C\n", "A,\"\",C\n"])
    func emptyHeaderName(text: String) throws {
        let error = try #require(csvError(text))
        #expect(error.identifier == "data.csv.empty-header")
        #expect(error.location.line == 1)
        #expect(error.message == "column 2 of the header has no name")
        #expect(error.expected == "a variable name in every header field")
    }

    @Test func emptyHeaderAfterLeadingBlankLinesReportsItsLine() throws {
        let error = try #require(csvError("\n\nA,\n"))
        #expect(error.identifier == "data.csv.empty-header")
        #expect(error.location.line == 3)
    }

    @Test(arguments: [[], [0x0A, 0x0A], [0xEF, 0xBB, 0xBF], [0x0D, 0x0A]] as [[UInt8]])
    func noHeader(bytes: [UInt8]) throws {
        let error = try #require(csvError(bytes))
        #expect(error.identifier == "data.csv.no-header")
        #expect(error.location.file == "data/adtte.csv")
        #expect(error.location.line == 1)
        #expect(error.expected == "a first line of comma-separated variable names")
    }

    @Test func textAfterClosingQuote() throws {
        let error = try #require(csvError("A,B\n\"x\"y,2\n"))
        #expect(error.identifier == "data.csv.text-after-quote")
        #expect(error.location.line == 2)
        #expect(error.location.column == 4)
        #expect(error.variable == "A")
        #expect(error.value == "\"x\"y")
        #expect(error.expected == "a comma or line end after the closing quote")
    }

    @Test func errorConvertsToADiagnostic() throws {
        let error = try #require(csvError("A,B\n1\n"))
        let diagnostic = error.diagnostic
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.identifier == "data.csv.ragged-row")
        #expect(diagnostic.location == ReadoutCore.SourceLocation(file: "data/adtte.csv", line: 2))
        #expect(diagnostic.subject.expected == "2 fields")
        #expect(diagnostic.description == error.description)
    }
}
