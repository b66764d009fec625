import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutData

/// Random and damaged input never crashes a reader: it reads (with consistent shapes) or throws a
/// ``DiagnosticsError`` with an identifier in the data namespace.
@Suite struct RobustnessTests {
    static func checkCSV(_ bytes: [UInt8]) {
        do throws(DiagnosticsError) {
            let data = try CSVReader.read(bytes, name: "F", source: "f.csv")
            #expect(data.columns.allSatisfy { $0.count == data.rowCount })
            #expect(data.rowLocations == data.rowLocations.sorted())
        } catch {
            #expect(error.diagnostics.count >= 1)
            for diagnostic in error.diagnostics {
                #expect(diagnostic.identifier.hasPrefix("data.csv.") || diagnostic.identifier == "data.value.not-finite")
                #expect(diagnostic.location?.line.map { $0 >= 1 } ?? false)
            }
        }
    }

    static func checkXPT(_ bytes: [UInt8]) {
        do throws(DiagnosticsError) {
            let data = try XPTReader.read(bytes, source: "f.xpt")
            #expect(data.columns.allSatisfy { $0.count == data.rowCount })
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.allSatisfy { $0.identifier.hasPrefix("data.xpt.") })
        }
    }

    @Test func randomBytesAsCSV() {
        var rng = SplitMix64(seed: 1)
        let alphabet: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D, 0x61, 0x20, 0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF]
        for round in 0..<2000 {
            let length = Int.random(in: 0...120, using: &rng)
            let bytes = (0..<length).map { _ in
                round % 2 == 0 ? UInt8.random(in: 0...255, using: &rng) : alphabet.randomElement(using: &rng)!
            }
            Self.checkCSV(bytes)
        }
    }

    @Test func randomBytesAsXPT() {
        var rng = SplitMix64(seed: 2)
        let header = XPTFileBuilder(variables: [XPTFileBuilder.Variable(name: "A", numeric: false, length: 3)], rows: []).libraryHeader
        for round in 0..<500 {
            let length = Int.random(in: 0...1200, using: &rng)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if round % 2 == 1 { bytes = header + bytes }
            Self.checkXPT(bytes)
        }
    }

    @Test func everyTruncationOfARealTransportFile() throws {
        let bytes = Array(try Fixtures.data("cdiscpilot01/adtte.xpt"))
        var cuts = Array(stride(from: 0, to: 12_000, by: 1))
        cuts += stride(from: 12_000, to: bytes.count, by: 37)
        for cut in cuts {
            Self.checkXPT(Array(bytes.prefix(cut)))
        }
    }

    @Test func corruptedTransportHeaders() throws {
        let original = Array(try Fixtures.data("cdiscpilot01/adsl.xpt"))
        var rng = SplitMix64(seed: 3)
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                bytes[Int.random(in: 0..<8000, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            Self.checkXPT(bytes)
        }
    }

    @Test func hugeCountsInHeadersAreErrorsNotAllocations() throws {
        let variable = XPTFileBuilder.Variable(name: "A", numeric: true, length: 8, position: Int(Int32.max) - 4)
        let bytes = XPTFileBuilder(variables: [variable], rows: [[[0x41, 0x10, 0, 0, 0, 0, 0, 0]]]).bytes
        Self.checkXPT(bytes)
        var many = XPTFileBuilder(variables: [variable], rows: []).bytes
        many.replaceSubrange(608..<618, with: Array("9999999999".utf8))
        let error = try #require(xptError(many))
        #expect(error.identifier == "data.xpt.truncated")
    }
}
