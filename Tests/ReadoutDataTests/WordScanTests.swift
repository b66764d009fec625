import Testing
import ReadoutCore
@testable import ReadoutData

/// The scanner reads unquoted fields eight bytes at a time: every byte that ends or taints a field —
/// comma, line break, tab, another control byte, a non-ASCII byte — must be found at every offset
/// within a word, for fields of every length around the word size.
@Suite struct WordScanTests {
    @Test(arguments: [0, 1, 6, 7, 8, 9, 15, 16, 17, 23, 24, 25])
    func fieldsOfEveryLengthSplitExactly(length: Int) throws {
        // Three columns whose first two fields have `length` and `length + 3` letters.
        let a = String(repeating: "a", count: length), b = String(repeating: "b", count: length + 3)
        let data = try CSVReader.read(Array("X,Y,Z\n\(a),\(b),1\n\(b),\(a),2\n".utf8), name: "T", source: "t.csv")
        let x = try data.textColumn("X"), y = try data.textColumn("Y")
        #expect(x[0] == (a.isEmpty ? nil : a))
        #expect(y[0] == b)
        #expect(x[1] == b)
        #expect(y[1] == (a.isEmpty ? nil : a))
        #expect(try data.numericColumn("Z")[1] == 2)
    }

    @Test(arguments: 0..<17)
    func aControlByteIsFoundAtEveryOffset(offset: Int) throws {
        let text = String(repeating: "k", count: offset) + "\u{01}" + String(repeating: "k", count: 16 - offset)
        let error = try #require(csvError("ID,NAME\n1,\(text)\n"))
        #expect(error.identifier == "data.csv.control-character")
        #expect(error.location.line == 2)
        #expect(error.location.column == 3 + offset)
    }

    @Test(arguments: 0..<17)
    func nonASCIIIsValidatedAtEveryOffset(offset: Int) throws {
        // An invalid UTF-8 byte (0xFF) anywhere in a long field is an error; a valid "é" is kept.
        let head = Array(repeating: UInt8(ascii: "k"), count: offset), tail = Array(repeating: UInt8(ascii: "k"), count: 16 - offset)
        let bad = Array("ID,NAME\n1,".utf8) + head + [0xFF] + tail + [0x0A]
        #expect(throws: DiagnosticsError.self) { try CSVReader.read(bad, name: "T", source: "t.csv") }
        let good = Array("ID,NAME\n1,".utf8) + head + Array("é".utf8) + tail + [0x0A]
        let data = try CSVReader.read(good, name: "T", source: "t.csv")
        #expect(try data.textColumn("NAME")[0] == String(repeating: "k", count: offset) + "é" + String(repeating: "k", count: 16 - offset))
    }

    @Test func tabsStayInsideFieldsAndCRLFEndsRecords() throws {
        let data = try CSVReader.read(Array("A,B\r\nlong\tvalue with tab,2\r\nx,3\r\n".utf8), name: "T", source: "t.csv")
        #expect(try data.textColumn("A")[0] == "long\tvalue with tab")
        #expect(try data.numericColumn("B")[1] == 3)
        #expect(data.rowCount == 2)
    }
}
