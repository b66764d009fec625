import Testing
import ReadoutCore
@testable import ReadoutData
import ReadoutTestSupport

/// `CSVReader.read(…, variables:)` keeps only the variables asked for: the kept columns are exactly
/// those of a full read, the others are still checked for the file's structure.
@Suite struct ColumnSelectionTests {
    static let text = """
        STUDYID,USUBJID,SUBJID,AVAL,ADT,PARAMCD
        S,S-1,001,12.5,2023-01-09,RFS
        S,S-1,001,30,2023-02-01,OS
        S,S-2,002,,2023-03-01,RFS
        S,"S-2",002,7,,OS
        S,S-3,003,1e2,2023-04-01,RFS

        """

    @Test func keptColumnsEqualThoseOfAFullRead() throws {
        let full = try CSVReader.read(Array(Self.text.utf8), name: "ADTTE", source: "adtte.csv")
        for chunks in [1, 2, 3] {
            let some = try CSVReader.read(Array(Self.text.utf8), name: "ADTTE", source: "adtte.csv", chunks: chunks,
                                          variables: ["usubjid", "AVAL", "ParamCD"])
            #expect(some.columnNames == ["USUBJID", "AVAL", "PARAMCD"])
            #expect(some.variableNames == full.columnNames)
            #expect(some.unreadVariables == ["STUDYID", "SUBJID", "ADT"])
            #expect(some.rowLocations == full.rowLocations)
            for name in some.columnNames {
                #expect(texts(some, name) == texts(full, name), "\(name), \(chunks) chunks")
            }
            #expect(some.column("AVAL")?.isNumeric == true)
        }
        #expect(full.unreadVariables.isEmpty)
    }

    @Test func aMissingVariableIsReportedWithEveryVariableOfTheFile() throws {
        let some = try CSVReader.read(Array(Self.text.utf8), name: "ADTTE", source: "adtte.csv", variables: ["USUBJID"])
        let found = problem { () throws(DiagnosticsError) in _ = try some.requireColumn("CNSR") }
        #expect(found?.identifier == "data.column.missing")
        #expect(found?.notes.last == "variables present: STUDYID, USUBJID, SUBJID, AVAL, ADT, PARAMCD")
    }

    @Test func unreadColumnsAreStillCheckedForStructure() {
        func error(_ text: String) -> DataProblem? {
            problem { () throws(DiagnosticsError) in
                _ = try CSVReader.read(Array(text.utf8), name: "T", source: "t.csv", variables: ["A"])
            }
        }
        let ragged = error("A,B,C\n1,2,3\n4,5\n")
        #expect(ragged?.identifier == "data.csv.ragged-row")
        #expect(ragged?.location.line == 3)
        let control = error("A,B\n1,x\u{1}y\n")
        #expect(control?.identifier == "data.csv.control-character")
        #expect(control?.variable == "B")
        let quote = error("A,B\n1,\"open\n2,3\n")
        #expect(quote?.identifier == "data.csv.unterminated-quote")
        let utf8 = problem { () throws(DiagnosticsError) in
            _ = try CSVReader.read(Array("A,B\n1,ok\n2,".utf8) + [0xC3, 0x28] + Array("\n".utf8), name: "T", source: "t.csv",
                                   variables: ["A"])
        }
        #expect(utf8?.identifier == "data.csv.invalid-utf8")
        #expect(utf8?.location.line == 3)
        #expect(utf8?.variable == "B")
    }

    @Test func unreadColumnsAreNotTyped() throws {
        // A number too large for Double is an error in a column that is read, not in one that is skipped.
        let text = "A,B\n1,1e400\n2,3\n"
        #expect(problem { () throws(DiagnosticsError) in _ = try CSVReader.read(Array(text.utf8), name: "T", source: "t.csv") }?
            .identifier == "data.value.not-finite")
        let some = try CSVReader.read(Array(text.utf8), name: "T", source: "t.csv", variables: ["A"])
        #expect(texts(some, "A") == ["1", "2"])
    }

    /// Text codes are in order of first appearance whether a cell repeats the one above (code reused
    /// without a look-up) or not: the same codes as encoding the values afresh.
    @Test func repeatedCellsGetTheCodesOfAFreshEncoding() throws {
        var rng = SplitMix64(seed: 11)
        for round in 0..<200 {
            let bytes = ChunkedReadTests.randomCSV(&rng, rows: Int.random(in: 1...80, using: &rng))
            guard let data = try? CSVReader.read(bytes, name: "T", source: "t.csv", chunks: 1 + round % 3) else { continue }
            for column in data.columns {
                guard case .text(let stored) = column.values else { continue }
                let fresh = TextColumn(stored.optionals)
                #expect(stored.codes == fresh.codes && stored.dictionary == fresh.dictionary, "round \(round), \(column.name)")
            }
        }
    }
}
