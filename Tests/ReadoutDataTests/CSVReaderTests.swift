import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutData

@Suite struct CSVReaderTests {
    @Test func readsHeaderAndTextColumnsWithEmptyFieldsMissing() throws {
        let data = try csv("USUBJID,AVAL,CNSR\nS-1,12.5,0\nS-2,,1\n")
        #expect(data.name == "ADTTE")
        #expect(data.source == "data/adtte.csv")
        #expect(data.columnNames == ["USUBJID", "AVAL", "CNSR"])
        #expect(data.rowCount == 2)
        #expect(texts(data, "AVAL") == ["12.5", nil])
        #expect(texts(data, "cnsr") == ["0", "1"])
        #expect(data.rowLocations == [2, 3])
        #expect(data.location(ofRow: 1).description == "data/adtte.csv:3")
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let data = try csv("ID,TEXT,N\n1,\"a, b\",2\n2,\"say \"\"hi\"\"\",3\n3,\"two\nlines\",4\n4,\"\",5\n5,\"\"\"\",6\n")
        #expect(texts(data, "TEXT") == ["a, b", "say \"hi\"", "two\nlines", nil, "\""])
        #expect(texts(data, "N") == ["2", "3", "4", "5", "6"])
        // The record with the quoted line break starts on line 4 and ends on line 5.
        #expect(data.rowLocations == [2, 3, 4, 6, 7])
    }

    @Test func crlfLoneCrAndMissingFinalLineBreak() throws {
        let crlf = try csv("A,B\r\n1,2\r\n3,\"x\r\ny\"\r\n5,6")
        #expect(texts(crlf, "B") == ["2", "x\r\ny", "6"])
        #expect(crlf.rowLocations == [2, 3, 5])
        let cr = try csv("A,B\r1,2\r3,4\r")
        #expect(texts(cr, "A") == ["1", "3"])
        #expect(cr.rowLocations == [2, 3])
    }

    @Test func skipsByteOrderMarkAndBlankLines() throws {
        let data = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("\nUSUBJID,AGE\n\nS-1,63\n\n\nS-2,64\n\n".utf8), name: "ADSL", source: "adsl.csv")
        #expect(data.columnNames == ["USUBJID", "AGE"])
        #expect(texts(data, "AGE") == ["63", "64"])
        #expect(data.rowLocations == [4, 7])
    }

    @Test func headerNamesAreTrimmedAndValuesAreNot() throws {
        let data = try csv(" USUBJID , AGE\n S-1 , 63 \n")
        #expect(data.columnNames == ["USUBJID", "AGE"])
        #expect(texts(data, "USUBJID") == [" S-1 "])
        #expect(texts(data, "AGE") == ["63"], "a numeric column: spaces around a number are not part of it")
        #expect(data.column("AGE")?.isNumeric == true)
    }

    @Test func datasetNameIsUpperCased() throws {
        #expect(try csv("A\n1\n", name: "adtte").name == "ADTTE")
    }

    @Test func trailingCommaIsAnEmptyLastField() throws {
        let data = try csv("A,B\n1,\n2,")
        #expect(texts(data, "B") == [nil, nil])
    }

    @Test func headerOnlyGivesNoRows() throws {
        let data = try csv("A,B\n")
        #expect(data.rowCount == 0)
        #expect(data.columns.map(\.count) == [0, 0])
    }

    @Test func readsMultibyteUTF8() throws {
        let data = try csv("NAME,UNIT\nRené,µmol/L\n\"Zoë, ü\",°C\n")
        #expect(texts(data, "NAME") == ["René", "Zoë, ü"])
        #expect(texts(data, "UNIT") == ["µmol/L", "°C"])
    }

    @Test func readsTheReferenceFixtures() throws {
        let bytes = Array(try Fixtures.data("reference/aml/adtte.csv"))
        let data = try CSVReader.read(bytes, name: "ADTTE", source: "reference/aml/adtte.csv")
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        #expect(data.rowCount == lines.count - 1)
        #expect(data.rowLocations.first == 2)
        #expect(data.rowLocations.last == lines.count)
    }

    @Test func readsManyRowsInOnePass() throws {
        // 20 000 records with quoted and unquoted fields; checks growth and counting, not speed.
        var text = "ID,ARM,AVAL,CNSR,NOTE\n"
        for i in 0..<20_000 {
            text += "S-\(i),\(i % 2 == 0 ? "Placebo" : "\"Blina, then HSCT\""),\(Double(i) / 8),\(i % 3 == 0 ? "" : "1"),\(i % 1000 == 0 ? "\"multi\nline\"" : "x")\n"
        }
        let data = try csv(text)
        #expect(data.rowCount == 20_000)
        #expect(try data.numbers("AVAL")[19_999] == 19_999.0 / 8)
        #expect(texts(data, "ARM")[1] == "Blina, then HSCT")
        #expect(texts(data, "CNSR")[0] == nil)
        // Row 1000 starts after one two-line record (row 0), so on line 1002 + 1.
        #expect(data.rowLocations[1000] == 1003)
        #expect(data.rowLocations[19_999] == 20_001 + 20)
    }
}
