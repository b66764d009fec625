import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutData

/// Hand-built transport files (TS-140 layout) with hand-derived IBM bytes: short numeric lengths,
/// padding rules, VAX NAMESTRs, and every header error with its identifier.
@Suite struct XPTLayoutTests {
    static let char8 = XPTFileBuilder.Variable(name: "USUBJID", numeric: false, length: 8, label: "Subject")
    static func number(_ name: String, length: Int = 8) -> XPTFileBuilder.Variable {
        XPTFileBuilder.Variable(name: name, numeric: true, length: length)
    }

    static func read(_ builder: XPTFileBuilder) throws -> Dataset {
        try XPTReader.read(builder.bytes, source: "data/test.xpt")
    }

    // IBM bytes derived by hand from the definition value = 0.f × 16^(e − 64):
    // 1.0 = 0x41 10…; −118.625 = −0x76.A = −0.76A × 16^2 → 0xC2 76 A0…; 0.1 ≈ 0x40 19 99 99 99 99 99 9A.
    @Test func decodesHandDerivedIBMFloats() {
        let cases: [([UInt8], Double?)] = [
            ([0x41, 0x10, 0, 0, 0, 0, 0, 0], 1),
            ([0xC2, 0x76, 0xA0, 0, 0, 0, 0, 0], -118.625),
            ([0x40, 0x19, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9A], 0.1),
            ([0x42, 0x64, 0, 0, 0, 0, 0, 0], 100),
            ([0, 0, 0, 0, 0, 0, 0, 0], 0),
            ([0x80, 0, 0, 0, 0, 0, 0, 0], 0),
            ([0x2E, 0, 0, 0, 0, 0, 0, 0], nil),
            ([0x41, 0, 0, 0, 0, 0, 0, 0], nil),  // .A
            ([0x5A, 0, 0, 0, 0, 0, 0, 0], nil),  // .Z
            ([0x5F, 0, 0, 0, 0, 0, 0, 0], nil),  // ._
            ([0x2E, 0, 0, 0, 0, 0, 0, 1], Double(sign: .plus, exponent: 4 * (0x2E - 64) - 56, significand: 1)),
            // Largest IBM value (2^56 − 1) · 2^196 rounds up to 2^252 in 53 bits.
            ([0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], 0x1p252),
            ([0x00, 0x10, 0, 0, 0, 0, 0, 0], 0x1p-260),
        ]
        for (bytes, expected) in cases {
            let value = bytes.withUnsafeBufferPointer { IBMFloat.decode($0, at: 0, length: 8) }
            #expect(value == expected, "\(bytes)")
        }
    }

    @Test func decodesShortNumericLengths() throws {
        // Lengths 3–7 keep the leading bytes: 1.0, −118.625, 100, 0.1 truncated to 4 bytes, missing.
        var builder = XPTFileBuilder(
            variables: [Self.number("L3", length: 3), Self.number("L4", length: 4), Self.number("L5", length: 5),
                        Self.number("L6", length: 6), Self.number("L7", length: 7), Self.number("L2", length: 2)],
            rows: [])
        builder.rows = [
            [[0x41, 0x10, 0], [0xC2, 0x76, 0xA0, 0], [0x42, 0x64, 0, 0, 0], [0x40, 0x19, 0x99, 0x99, 0x99, 0x99],
             [0x2E, 0, 0, 0, 0, 0, 0], [0x41, 0x20]],
            [[0, 0, 0], [0x2E, 0, 0, 0], [0x41, 0, 0, 0, 0], [0xC1, 0x18, 0, 0, 0, 0], [0x41, 0x10, 0, 0, 0, 0, 0], [0x5F, 0]],
        ]
        let data = try Self.read(builder)
        #expect(data.rowCount == 2)
        #expect(try data.numbers("L3") == [1, 0])
        #expect(try data.numbers("L4") == [-118.625, nil])
        #expect(try data.numbers("L5") == [100, nil])
        #expect(try data.numbers("L6") == [Double(0x1999_9999_99) / 0x1p40, -1.5])
        #expect(try data.numbers("L7") == [nil, 1])
        #expect(try data.numbers("L2") == [2, nil])
    }

    @Test func blankPaddingIsNotAnObservationButBlankDataRowsInsideAreKept() throws {
        // Character-only data of 10 bytes per row: 3 rows = 30 bytes, padded to 80 with 50 blanks,
        // which would be 5 blank "rows". Row 2 is blank data and must stay.
        let variables = [XPTFileBuilder.Variable(name: "FLAG", numeric: false, length: 10, label: "Flag")]
        let builder = XPTFileBuilder(variables: variables, rows: [[Array("Y".utf8)], [[]], [Array("N".utf8)]])
        let data = try Self.read(builder)
        #expect(data.rowCount == 3)
        #expect(try data.strings("FLAG") == ["Y", nil, "N"])
        #expect(data.column("FLAG")?.label == "Flag")
    }

    @Test func exactlyFilledLastRecordHasNoPadding() throws {
        let variables = [Self.char8, Self.number("AVAL")]  // 16 bytes per row, 5 rows = 80 bytes
        let rows: [[[UInt8]]] = (1...5).map { [Array("S-\($0)".utf8), [0x41, UInt8($0) << 4, 0, 0, 0, 0, 0, 0]] }
        let data = try Self.read(XPTFileBuilder(variables: variables, rows: rows))
        #expect(data.rowCount == 5)
        #expect(try data.numbers("AVAL") == [1, 2, 3, 4, 5])
        #expect(data.rowLocations == [1, 2, 3, 4, 5])
    }

    @Test func zeroObservations() throws {
        let data = try Self.read(XPTFileBuilder(variables: [Self.char8, Self.number("AVAL")], rows: []))
        #expect(data.rowCount == 0)
        #expect(data.columns.count == 2)
    }

    @Test func vaxNamestrsOf136Bytes() throws {
        var builder = XPTFileBuilder(variables: [Self.char8, Self.number("AGE")], rows: [[Array("S-1".utf8), [0x42, 0x3F, 0, 0, 0, 0, 0, 0]]])
        builder.namestrSize = 136
        let data = try Self.read(builder)
        #expect(try data.numbers("AGE") == [63])
        #expect(try data.strings("USUBJID") == ["S-1"])
    }

    @Test func latin1TextIsReadWithAWarning() throws {
        let builder = XPTFileBuilder(variables: [Self.char8], rows: [[Array("ok".utf8)], [[0x35, 0xB5, 0x67]]])
        let data = try Self.read(builder)
        #expect(try data.strings("USUBJID") == ["ok", "5µg"])
        #expect(data.warnings.count == 1)
        #expect(data.warnings.first?.identifier == "data.xpt.latin1-text")
        #expect(data.warnings.first?.severity == .warning)
        #expect(data.warnings.first?.location?.line == 2)
        #expect(data.warnings.first?.subject.variable == "USUBJID")
    }

    // MARK: Errors

    @Test func notATransportFile() throws {
        let error = try #require(xptError(Array("USUBJID,AGE\n".utf8) + [UInt8](repeating: 0x20, count: 400)))
        #expect(error.identifier == "data.xpt.bad-header")
        #expect(error.location.file == "data/adsl.xpt")
        #expect(error.location.line == nil)
        #expect(error.expected == "a SAS transport file starting with HEADER RECORD*******LIBRARY HEADER RECORD")
    }

    @Test func sas7bdatIsRecognised() throws {
        var bytes = [UInt8](repeating: 0, count: 1024)
        bytes.replaceSubrange(12..<16, with: [0xC2, 0xEA, 0x81, 0x60])
        let error = try #require(xptError(bytes))
        #expect(error.identifier == "data.xpt.bad-header")
        #expect(error.notes.first?.contains("SAS7BDAT") == true)
    }

    @Test func version8IsRefused() throws {
        var bytes = XPTFileBuilder(variables: [Self.char8], rows: []).bytes
        bytes.replaceSubrange(0..<48, with: Array("HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!".utf8))
        let error = try #require(xptError(bytes))
        #expect(error.identifier == "data.xpt.unsupported-version")
        #expect(error.expected == "SAS transport version 5 (the FDA submission format)")
    }

    @Test func damagedMemberHeader() throws {
        var bytes = XPTFileBuilder(variables: [Self.char8], rows: []).bytes
        bytes[240 + 20] = UInt8(ascii: "X")
        let error = try #require(xptError(bytes))
        #expect(error.identifier == "data.xpt.bad-header")
        #expect(error.message == "unexpected record where the member header belongs at byte 240")
        #expect(error.expected == "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!")
    }

    @Test func badVariableCountDigits() throws {
        var bytes = XPTFileBuilder(variables: [Self.char8], rows: []).bytes
        bytes[560 + 55] = UInt8(ascii: "x")
        let error = try #require(xptError(bytes))
        #expect(error.identifier == "data.xpt.bad-header")
        #expect(error.expected == "10 ASCII digits")
    }

    @Test func truncatedInsideTheHeaders() throws {
        let bytes = XPTFileBuilder(variables: [Self.char8, Self.number("AVAL")], rows: []).bytes
        let error = try #require(xptError(Array(bytes.prefix(700))))
        #expect(error.identifier == "data.xpt.truncated")
        #expect(error.message == "the file ends after 700 bytes, inside 2 variable descriptions (NAMESTR records)")
        #expect(error.expected == "at least 920 bytes")
    }

    @Test func truncatedInsideAnObservation() throws {
        // 3 rows of 16 bytes = 48 bytes of data; cut after 40 (inside row 3).
        let rows: [[[UInt8]]] = (1...3).map { [Array("S-\($0)".utf8), [0x41, 0x10, 0, 0, 0, 0, 0, 0]] }
        let bytes = XPTFileBuilder(variables: [Self.char8, Self.number("AVAL")], rows: rows).bytes
        let dataStart = bytes.count - 80
        let error = try #require(xptError(Array(bytes.prefix(dataStart + 40))))
        #expect(error.identifier == "data.xpt.truncated")
        #expect(error.location.line == 3)
        #expect(error.message == "the file ends inside observation 3 (8 of 16 bytes present)")
    }

    @Test func numericVariableWithImpossibleLength() throws {
        let error = try #require(xptError(XPTFileBuilder(variables: [Self.char8, Self.number("AVAL", length: 9)], rows: []).bytes))
        #expect(error.identifier == "data.xpt.bad-variable")
        #expect(error.variable == "AVAL")
        #expect(error.expected == "a length of 2 to 8 bytes")
    }

    @Test func unknownTypeCode() throws {
        var variable = Self.number("AVAL")
        variable.typeCode = 3
        let error = try #require(xptError(XPTFileBuilder(variables: [variable], rows: []).bytes))
        #expect(error.identifier == "data.xpt.bad-variable")
        #expect(error.variable == "AVAL")
        #expect(error.expected == "1 (numeric) or 2 (character)")
    }

    @Test func duplicateVariableNames() throws {
        let error = try #require(xptError(XPTFileBuilder(variables: [Self.number("AVAL"), Self.number("aval")], rows: []).bytes))
        #expect(error.identifier == "data.xpt.duplicate-variable")
        #expect(error.variable == "aval")
        #expect(error.message == "variable aval is defined twice (variables 1 and 2)")
    }

    @Test func secondMemberIsRefused() throws {
        let second = XPTFileBuilder(datasetName: "ADAE", variables: [Self.char8], rows: [[Array("S-1".utf8)]])
        var first = XPTFileBuilder(datasetName: "ADSL", variables: [Self.char8], rows: [[Array("S-1".utf8)]])
        first.trailer = second.member
        let error = try #require(xptError(first.bytes))
        #expect(error.identifier == "data.xpt.multiple-members")
        #expect(error.message == "the file holds more than one dataset (ADSL, then ADAE)")
        #expect(error.expected == "one dataset per transport file")
    }
}
