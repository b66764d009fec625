import Testing
import ReadoutCore
@testable import ReadoutData
import ReadoutTestSupport

/// Large CSV files are read in concurrent chunks; the result must equal a one-pass read exactly.
@Suite struct ChunkedReadTests {
    /// Everything observable of a dataset: names, lines, each column's kind, values and dictionary order.
    static func fingerprint(_ data: Dataset) -> [String] {
        var out = [data.columnNames.joined(separator: "|"), data.rowLocations.map(String.init).joined(separator: ",")]
        for column in data.columns {
            switch column.values {
            case .text(let t): out.append("text " + t.dictionary.joined(separator: "\u{1}") + " " + t.codes.map(String.init).joined(separator: ","))
            case .numeric(let n): out.append("numeric " + n.optionals.map { $0.map { String($0.bitPattern) } ?? "NA" }.joined(separator: ","))
            case .date(let d): out.append("date " + d.days.indices.map { d[$0].map(String.init) ?? "NA" }.joined(separator: ","))
            }
        }
        return out
    }

    static func randomCSV(_ rng: inout SplitMix64, rows: Int) -> [UInt8] {
        let cells = ["1", "2.5", "-3e2", "", " ", "007", "abc", "\"a,b\"", "\"two\nlines\"", "\"say \"\"hi\"\"\"", "\"cr\r\nlf\"",
                     "2023-01-09", "1999-12-31", "\"\"", "é", "x y"]
        let width = Int.random(in: 1...4, using: &rng)
        var text = (0..<width).map { "V\($0)" }.joined(separator: ",") + "\n"
        // Each column draws from its own few cells so that some columns stay numeric or dates.
        let pools = (0..<width).map { _ in (0..<Int.random(in: 1...4, using: &rng)).map { _ in cells.randomElement(using: &rng)! } }
        for _ in 0..<rows {
            var fields = pools.map { $0.randomElement(using: &rng)! }
            if width == 1, fields[0].isEmpty || fields[0] == "\"\"" { fields[0] = "1" }
            text += fields.joined(separator: ",") + (Bool.random(using: &rng) ? "\n" : "\r\n")
            if Int.random(in: 0..<20, using: &rng) == 0 { text += "\n" }
        }
        return Array(text.utf8)
    }

    @Test func chunkedReadEqualsOnePassOnRandomFiles() throws {
        var rng = SplitMix64(seed: 7)
        for round in 0..<300 {
            let bytes = Self.randomCSV(&rng, rows: Int.random(in: 1...120, using: &rng))
            let chunks = 2 + round % 5
            let one: [String]?
            do { one = Self.fingerprint(try CSVReader.read(bytes, name: "T", source: "t.csv", chunks: 1)) } catch { one = nil }
            let many: [String]?
            do { many = Self.fingerprint(try CSVReader.read(bytes, name: "T", source: "t.csv", chunks: chunks)) } catch { many = nil }
            #expect(one != nil, "round \(round) reads")
            #expect(one == many, "round \(round) with \(chunks) chunks")
        }
    }

    @Test func errorsInLaterChunksAreReportedAtTheirExactLine() throws {
        var text = "USUBJID,AVAL,NOTE\n"
        for i in 1...2000 { text += "S-\(i),\(i),\"a\nb\"\n" }  // every record spans two lines
        // Record 1700 starts on line 2 + 2 * 1699 = 3400.
        let ragged = text.replacingOccurrences("S-1700,1700,", with: "S-1700,1700,1,")
        for chunks in [1, 2, 3, 8] {
            let error = try #require(csvError(ragged, chunks: chunks))
            #expect(error.identifier == "data.csv.ragged-row")
            #expect(error.location.line == 3400, "\(chunks) chunks")
        }
        let huge = text.replacingOccurrences("S-1900,1900,", with: "S-1900,1e999,")
        for chunks in [1, 4] {
            let error = try #require(csvError(huge, chunks: chunks))
            #expect(error.identifier == "data.value.not-finite")
            #expect(error.location.line == 3800)
        }
        let control = text.replacingOccurrences("S-1999,1999,\"a", with: "S-1999,1999,\"a\u{01}")
        for chunks in [1, 5] {
            let error = try #require(csvError(control, chunks: chunks))
            #expect(error.identifier == "data.csv.control-character")
            #expect(error.location.line == 3998)
            #expect(error.location.column == 15)
        }
        let data = try csv(text)
        let chunked = try CSVReader.read(Array(text.utf8), name: "ADTTE", source: "data/adtte.csv", chunks: 4)
        #expect(chunked.rowLocations.last == 4000)
        #expect(Self.fingerprint(chunked) == Self.fingerprint(data))
    }

    @Test func boundaryInsideAQuotedFieldFallsBackToOnePass() throws {
        let text = "A,B\n1,\"" + String(repeating: "x\n", count: 500) + "\"\n2,y\n"
        let data = try CSVReader.read(Array(text.utf8), name: "T", source: "t.csv", chunks: 2)
        #expect(data.rowCount == 2)
        #expect(data.rowLocations == [2, 503])
        #expect(texts(data, "B").last == "y")
    }

    @Test func dictionariesAreMergedByRemappingCodes() throws {
        // Chunk 2 meets the values in another order and adds one; codes follow first appearance in the file.
        var text = "ARM,N\n"
        for _ in 0..<200 { text += "B,1\nA,2\n" }
        for _ in 0..<50 { text += "C,3\nA,4\nB,x\n" }
        let data = try CSVReader.read(Array(text.utf8), name: "T", source: "t.csv", chunks: 2)
        guard case .text(let arm)? = data.column("ARM")?.values else {
            Issue.record("ARM should be text")
            return
        }
        #expect(arm.dictionary == ["B", "A", "C"])
        #expect(arm.codes.suffix(3) == [2, 1, 0])
        #expect(data.column("N")?.isNumeric == false, "text in the second chunk makes the column text in the first too")
        #expect(texts(data, "N").prefix(2) == ["1", "2"])
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replaceSubrange(range, with: replacement)
    }

    private func range(of target: String) -> Range<String.Index>? {
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(target) { return start..<index(start, offsetBy: target.count) }
            start = index(after: start)
        }
        return nil
    }

    private func replaceSubrange(_ range: Range<String.Index>, with replacement: String) -> String {
        String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
