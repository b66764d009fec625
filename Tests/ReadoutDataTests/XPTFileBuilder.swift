/// Builds SAS transport v5 files byte by byte from the TS-140 record layout, with raw value bytes
/// supplied by the test (hand-derived IBM floats), to exercise cases the real fixtures lack:
/// short numeric lengths, padding, damaged headers, several members.
struct XPTFileBuilder {
    struct Variable {
        var name: String
        var numeric: Bool
        var length: Int
        var label: String = ""
        var typeCode: Int? = nil
        var position: Int? = nil
    }

    var datasetName = "TEST"
    var variables: [Variable]
    /// Per row, per variable: the raw bytes (character values are blank-padded here when shorter).
    var rows: [[[UInt8]]]
    var namestrSize = 140
    /// Appended after the padded data (for a second member).
    var trailer: [UInt8] = []

    static func record(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        precondition(bytes.count <= 80)
        bytes += [UInt8](repeating: 0x20, count: 80 - bytes.count)
        return bytes
    }

    static func padded(_ text: String, _ width: Int) -> [UInt8] {
        var bytes = Array(text.utf8.prefix(width))
        bytes += [UInt8](repeating: 0x20, count: width - bytes.count)
        return bytes
    }

    static func int16(_ value: Int) -> [UInt8] { [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)] }
    static func int32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }

    static func padTo80(_ bytes: inout [UInt8]) {
        if bytes.count % 80 != 0 { bytes += [UInt8](repeating: 0x20, count: 80 - bytes.count % 80) }
    }

    var libraryHeader: [UInt8] {
        Self.record("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000")
            + Self.record("SAS     SAS     SASLIB  9.4     X64_SRV1                        01JAN24:00:00:00")
            + Self.record("01JAN24:00:00:00")
    }

    var member: [UInt8] {
        var out = Self.record("HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!00000000000000000160000000\(namestrSize == 140 ? "0140" : "0136")")
        out += Self.record("HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000")
        out += Self.record("SAS     \(String(decoding: Self.padded(datasetName, 8), as: UTF8.self))SASDATA 9.4     X64_SRV1                        01JAN24:00:00:00")
        out += Self.record("01JAN24:00:00:00                \(String(decoding: Self.padded("Test data", 40), as: UTF8.self))        ")
        let count = String(variables.count)
        out += Self.record("HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000\(String(repeating: "0", count: 4 - count.count))\(count)00000000000000000000")
        var namestrs: [UInt8] = []
        var position = 0
        for (index, variable) in variables.enumerated() {
            var n: [UInt8] = []
            n += Self.int16(variable.typeCode ?? (variable.numeric ? 1 : 2)) + Self.int16(0)
            n += Self.int16(variable.length) + Self.int16(index + 1)
            n += Self.padded(variable.name, 8) + Self.padded(variable.label, 40) + Self.padded("", 8)
            n += Self.int16(0) + Self.int16(0) + Self.int16(0) + [0, 0]
            n += Self.padded("", 8) + Self.int16(0) + Self.int16(0)
            n += Self.int32(variable.position ?? position)
            n += [UInt8](repeating: 0, count: namestrSize - n.count)
            namestrs += n
            position += variable.length
        }
        Self.padTo80(&namestrs)
        out += namestrs
        out += Self.record("HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000")
        var data: [UInt8] = []
        for row in rows {
            for (variable, value) in zip(variables, row) {
                data += value + [UInt8](repeating: 0x20, count: max(0, variable.length - value.count))
            }
        }
        Self.padTo80(&data)
        return out + data
    }

    var bytes: [UInt8] { libraryHeader + member + trailer }
}
