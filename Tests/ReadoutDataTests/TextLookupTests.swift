import Testing
@testable import ReadoutData

/// `TextLookup` joins identifier columns: on the reader's byte table for columns with many distinct
/// values, on the strings otherwise; both give the same codes.
@Suite struct TextLookupTests {
    static func ids(_ range: ClosedRange<Int>, every step: Int = 1) -> [String] {
        stride(from: range.lowerBound, through: range.upperBound, by: step).map { "STUDY-01-\($0)-ÿ" }
    }

    @Test func theReadersTableJoinsAsTheStringsDo() throws {
        let adsl = try csv("USUBJID\n" + Self.ids(1...3000).joined(separator: "\n") + "\n", name: "ADSL", source: "adsl.csv")
        // Repeated rows, ids not in ADSL, a missing id.
        let rows = Self.ids(2000...4000).flatMap { [$0, $0] } + [""]
        let adae = try csv("USUBJID,X\n" + rows.map { $0 + ",1" }.joined(separator: "\n") + "\n", name: "ADAE", source: "adae.csv")
        let left = try adsl.textColumn("USUBJID"), right = try adae.textColumn("USUBJID")
        #expect(left.byteDictionary != nil && right.byteDictionary != nil)
        let viaBytes = TextLookup(left).codes(of: right)
        let viaStrings = TextLookup(TextColumn(codes: left.codes, dictionary: left.dictionary))
            .codes(of: TextColumn(codes: right.codes, dictionary: right.dictionary))
        #expect(viaBytes == viaStrings)
        #expect(viaBytes.filter { $0 >= 0 }.count == 1001 && viaBytes.contains(-1))
        for (code, value) in right.dictionary.enumerated() where viaBytes[code] >= 0 {
            #expect(left.dictionary[Int(viaBytes[code])] == value)
        }
        #expect(TextLookup(left).code(of: "STUDY-01-2999-ÿ") == 2998)
    }
}
