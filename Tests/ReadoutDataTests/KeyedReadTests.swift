import Testing
import ReadoutCore
@testable import ReadoutData
import ReadoutTestSupport

/// `CSVReader`'s `keys:` encodes a text variable against another column's dictionary while reading
/// (ADTTE and ADAE USUBJID against ADSL's): every value, type and diagnostic is as without the key.
@Suite struct KeyedReadTests {
    /// Kind and text of every row of every column (not the dictionary, whose order the key sets).
    static func values(_ data: Dataset) -> [String] {
        var out = [data.columnNames.joined(separator: "|"), data.rowLocations.map(String.init).joined(separator: ",")]
        for column in data.columns {
            let kind = switch column.values { case .text: "text"; case .numeric: "numeric"; case .date: "date" }
            out.append(kind + " " + (0..<data.rowCount).map { column.text(at: $0) ?? "NA" }.joined(separator: "\u{1}"))
        }
        return out
    }

    static func read(_ text: String, chunks: Int? = nil, key: TextColumn?) throws(DiagnosticsError) -> Dataset {
        try CSVReader.read(Array(text.utf8), name: "ADAE", source: "data/adae.csv", chunks: chunks,
                           keys: key.map { ["usubjid": $0] } ?? [:])
    }

    @Test func keyedCodesAreTheKeysAndValuesAreUnchanged() throws {
        let ids = (1...3000).map { "STUDY-01-\($0)-é" }
        let adsl = try csv("USUBJID\n" + ids.joined(separator: "\n") + "\n", name: "ADSL", source: "adsl.csv")
        let key = try adsl.textColumn("USUBJID")
        // Repeated rows, ids not in ADSL (repeated too), a missing id, a quoted id with an escaped quote.
        var rows = ids[1990..<2100].flatMap { [$0, $0, $0] } + ["NOT-1", "NOT-1", "", "NOT-2", ids[5], "\"X\"\"Y\"", ids[5]]
        rows += ids[0..<400].map { $0 }
        let text = "USUBJID,AETERM\n" + rows.enumerated().map { "\($1),T\($0 % 7)" }.joined(separator: "\n") + "\n"
        let plain = try Self.read(text, chunks: 1, key: nil)
        for chunks in [1, 2, 3, 7] {
            let keyed = try Self.read(text, chunks: chunks, key: key)
            #expect(Self.values(keyed) == Self.values(plain), "\(chunks) chunks")
            let column = try keyed.textColumn("USUBJID")
            #expect(column.isKeyed(to: key))
            #expect(!(try keyed.textColumn("AETERM")).isKeyed(to: key))
            for (row, code) in column.codes.enumerated() where code >= 0 && Int(code) < key.dictionary.count {
                #expect(key.dictionary[Int(code)] == column[row])
            }
            #expect(column.codes.filter { Int($0) >= key.dictionary.count }.count == 4)
        }
        // A key of another column (same values) is not taken for this one.
        let other = TextColumn(codes: key.codes, dictionary: key.dictionary)
        #expect(!(try Self.read(text, key: key).textColumn("USUBJID")).isKeyed(to: other))
        // A small key (no byte table from the reader) works the same.
        let small = try csv("USUBJID\nA\nB\n", name: "ADSL", source: "adsl.csv").textColumn("USUBJID")
        let few = try Self.read("USUBJID\nB\nC\n\nA\nB\n", key: small)
        #expect(Self.values(few) == Self.values(try Self.read("USUBJID\nB\nC\n\nA\nB\n", key: nil)))
        #expect(try few.textColumn("USUBJID").codes == [1, 2, 0, 1])
    }

    @Test func typesAreInferredAsWithoutTheKey() throws {
        let key = try csv("USUBJID\nS1\n2020-01-02\n2021-03-04\n", name: "ADSL", source: "adsl.csv").textColumn("USUBJID")
        let cases = [
            "USUBJID\n2020-01-02\n2021-03-04\n\n2020-01-02\n",  // only key values that are dates: dates
            "USUBJID\n2022-05-06\n2020-01-02\n",  // a date not in the key with a key date: dates
            "USUBJID\n2022-05-06\n",  // only dates not in the key: dates
            "USUBJID\n2020-01-02\nS1\n",  // a key value that is not a date: text
            "USUBJID\n2020-01-02\nS9\n",  // a value not in the key that is not a date: text
            "USUBJID\n1\n2\n",  // numbers: numeric
            "USUBJID,X\n,1\n,2\n",  // all missing: numeric
        ]
        for text in cases {
            for chunks in [1, 2] {
                #expect(Self.values(try Self.read(text, chunks: chunks, key: key)) == Self.values(try Self.read(text, chunks: 1, key: nil)), "\(text)")
            }
        }
    }

    @Test func diagnosticsAreAsWithoutTheKey() throws {
        let key = try csv("USUBJID\nS1\nS2\n", name: "ADSL", source: "adsl.csv").textColumn("USUBJID")
        var bytes = Array("USUBJID,X\nS1,1\nS2,1\nS\u{E9},1\n".utf8)
        bytes[bytes.count - 5] = 0xFF  // invalid UTF-8 in a value not in the key
        let keyed = problem { () throws(DiagnosticsError) in
            _ = try CSVReader.read(bytes, name: "ADAE", source: "data/adae.csv", keys: ["USUBJID": key])
        }
        let plain = problem { () throws(DiagnosticsError) in _ = try CSVReader.read(bytes, name: "ADAE", source: "data/adae.csv") }
        #expect(keyed != nil)
        #expect(keyed?.description == plain?.description)
    }

    @Test func randomFilesReadTheSameWithAKey() throws {
        var rng = SplitMix64(seed: 11)
        let key = try csv("V0\n1\nabc\n\"a,b\"\né\n2023-01-09\nx y\n", name: "ADSL", source: "adsl.csv").textColumn("V0")
        for round in 0..<200 {
            let bytes = ChunkedReadTests.randomCSV(&rng, rows: Int.random(in: 1...120, using: &rng))
            let chunks = 1 + round % 5
            let plain: [String]?
            do { plain = Self.values(try CSVReader.read(bytes, name: "T", source: "t.csv", chunks: 1)) } catch { plain = nil }
            let keyed: [String]?
            do { keyed = Self.values(try CSVReader.read(bytes, name: "T", source: "t.csv", chunks: chunks, keys: ["V0": key])) } catch { keyed = nil }
            #expect(plain == keyed, "round \(round) with \(chunks) chunks")
        }
    }
}
