import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutData

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhenNeededAndFormatsNumbers() {
        let data = Dataset(
            name: "T", source: "t",
            columns: [
                Column(name: "ID", values: .text(["a", "b, c", "say \"x\"", "two\nlines", nil, " pad "])),
                Column(name: "N", values: .numeric([3, 0.1, -2.5e-5, 1e20, -0.0, nil])),
            ],
            rowLocations: Array(1...6))
        let expected = "ID,N\na,3\n\"b, c\",0.1\n\"say \"\"x\"\"\",-2.5e-05\n\"two\nlines\",1e+20\n,0\n pad ,\n"
        #expect(CSVWriter.write(data) == expected)
    }

    @Test func singleColumnMissingValuesAreNotBlankLines() throws {
        let data = Dataset(name: "T", source: "t", columns: [Column(name: "X", values: .text(["a", nil, "b"]))], rowLocations: [1, 2, 3])
        let text = CSVWriter.write(data)
        #expect(text == "X\na\n\"\"\nb\n")
        #expect(try texts(csv(text), "X") == ["a", nil, "b"])
    }

    @Test func writeThenReadGivesTheSameValues() throws {
        var rng = SplitMix64(seed: 42)
        let alphabet = Array("ab ,\"\n\r\tµé'0").map(String.init)
        var strings: [String?] = []
        var numbers: [Double?] = []
        for _ in 0..<500 {
            let length = Int.random(in: 0...6, using: &rng)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            strings.append(text.isEmpty ? nil : text)
            let bits = rng.next()
            let x = Double(bitPattern: bits)
            numbers.append(Int.random(in: 0..<10, using: &rng) == 0 ? nil : (x.isFinite ? x : Double(Int64(bitPattern: bits) >> 20)))
        }
        let original = Dataset(
            name: "RT", source: "rt.csv",
            columns: [Column(name: "S", values: .text(TextColumn(strings))), Column(name: "X", values: .numeric(NumericColumn(numbers)))],
            rowLocations: Array(1...500))
        let back = try csv(CSVWriter.write(original), name: "RT", source: "rt.csv")
        #expect(back.rowCount == 500)
        #expect(try back.strings("S") == strings)
        // Shortest round-trip text: every Double comes back bit for bit.
        let read = try back.numbers("X")
        #expect(zip(read, numbers).allSatisfy { $0?.bitPattern == $1?.bitPattern || ($0 == 0 && $1 == 0) })
    }

    @Test func transportFileToCSVAndBack() throws {
        let adsl = try XPTReaderTests.load("adsl")
        let back = try CSVReader.read(Array(CSVWriter.write(adsl).utf8), name: "ADSL", source: "adsl.csv")
        #expect(back.columnNames == adsl.columnNames)
        #expect(back.rowCount == adsl.rowCount)
        for column in adsl.columns {
            if column.isNumeric {
                #expect(try back.numbers(column.name) == adsl.numbers(column.name), "\(column.name)")
            } else {
                #expect(try back.strings(column.name) == adsl.strings(column.name), "\(column.name)")
            }
        }
    }
}
