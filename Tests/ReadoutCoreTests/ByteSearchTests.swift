import Testing
import ReadoutCore

/// `ByteSearch.firstIndex` against `Collection.firstRange(of:)` on the same bytes, from every start.
@Suite struct ByteSearchTests {
    @Test func equalsFirstRange() {
        let needle = Array("{{result:".utf8)
        let texts = ["", "{", "{{result", "{{result:", "x{{result:", "{{{result:a}}", "{{result:{{result:", "é {{result:a}} ✓",
                     "{{resul{{result:x", String(repeating: "ab {{result:k}} ", count: 5)]
        for text in texts {
            let bytes = Array(text.utf8)
            for start in 0...bytes.count {
                let expected = bytes[start...].firstRange(of: needle)?.lowerBound
                let found = bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: needle, in: $0, from: start) }
                #expect(found == expected, "\(text) from \(start)")
            }
        }
    }
}
