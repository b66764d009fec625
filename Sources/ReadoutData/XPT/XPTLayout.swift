import ReadoutCore

/// The header section of a SAS transport (XPORT) version 5 file, from TS-140: a library header
/// (3 × 80-byte records), a member header and descriptor (4 records; member header bytes 74–77 give
/// the NAMESTR size, 140, or 136 on VAX/VMS), a NAMESTR header (bytes 54–57: number of variables),
/// one NAMESTR per variable packed back to back and blank-padded to a multiple of 80, and an OBS
/// header; observations follow, each `observationLength` bytes, packed and blank-padded at the end.
///
/// NAMESTR layout (big-endian): ntype Int16 (1 numeric, 2 character) @0, nlng Int16 @4,
/// nname 8 @8, nlabel 40 @16, nform 8 @56, nfl Int16 @64, nfd Int16 @66, npos Int32 @84.
struct XPTLayout {
    /// One variable's NAMESTR.
    struct Variable {
        var name: String
        var label: String?
        var format: String?
        var isNumeric: Bool
        var length: Int
        var position: Int
    }

    var datasetName: String
    var datasetLabel: String?
    var variables: [Variable]
    /// Bytes per observation (the end of the furthest variable).
    var observationLength: Int
    /// Offset of the first observation byte.
    var dataStart: Int

    static let recordLength = 80
    static let libraryHeader = Array("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!".utf8)
    static let memberHeader = Array("HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!".utf8)
    static let descriptorHeader = Array("HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!".utf8)
    static let namestrHeader = Array("HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!".utf8)
    static let observationHeader = Array("HEADER RECORD*******OBS     HEADER RECORD!!!!!!!".utf8)
    static let version8Header = Array("HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!".utf8)

    /// Parses the headers of `bytes`; `source` names the file in diagnostics.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws(Diagnostic) -> XPTLayout {
        let reader = HeaderReader(bytes: bytes, source: source)
        try reader.expectLibraryHeader()
        let memberOffset = 3 * recordLength
        try reader.expect(memberHeader, at: memberOffset, what: "member header")
        let namestrSize = try reader.number(at: memberOffset + 74, width: 4, what: "NAMESTR size in the member header")
        guard namestrSize == 140 || namestrSize == 136 else {
            throw reader.badHeader("NAMESTR size \(namestrSize) in the member header", expected: "140 (or 136 for VAX/VMS)", at: memberOffset + 74)
        }
        try reader.expect(descriptorHeader, at: memberOffset + recordLength, what: "descriptor header")
        let descriptor = memberOffset + 2 * recordLength
        try reader.need(descriptor + 2 * recordLength, for: "the member descriptor")
        let datasetName = reader.text(at: descriptor + 8, width: 8)?.uppercased() ?? ""
        let datasetLabel = reader.text(at: descriptor + recordLength + 32, width: 40)

        let namestrHeaderOffset = descriptor + 2 * recordLength
        try reader.expect(namestrHeader, at: namestrHeaderOffset, what: "NAMESTR header")
        let count = try reader.number(at: namestrHeaderOffset + 48, width: 10, what: "number of variables in the NAMESTR header")
        guard count > 0 else {
            throw reader.badHeader("the dataset has no variables", expected: "at least one variable", at: namestrHeaderOffset + 48)
        }
        let namestrStart = namestrHeaderOffset + recordLength
        try reader.need(namestrStart + count * namestrSize, for: "\(count) variable descriptions (NAMESTR records)")
        var variables: [Variable] = []
        variables.reserveCapacity(count)
        var seen: [String: Int] = [:]
        var observationLength = 0
        for number in 1...count {
            let variable = try reader.variable(at: namestrStart + (number - 1) * namestrSize, number: number)
            if let first = seen[variable.name.uppercased()] {
                throw Diagnostic(.error, 
                    "data.xpt.duplicate-variable", at: SourceLocation(file: source),
                    "variable \(variable.name) is defined twice (variables \(first) and \(number))",
                    variable: variable.name, expected: "unique variable names")
            }
            seen[variable.name.uppercased()] = number
            observationLength = max(observationLength, variable.position + variable.length)
            variables.append(variable)
        }
        let namestrBytes = count * namestrSize
        let observationHeaderOffset = namestrStart + (namestrBytes + recordLength - 1) / recordLength * recordLength
        try reader.expect(observationHeader, at: observationHeaderOffset, what: "observation header")
        return XPTLayout(
            datasetName: datasetName, datasetLabel: datasetLabel, variables: variables,
            observationLength: observationLength, dataStart: observationHeaderOffset + recordLength)
    }
}

/// Bounds-checked access to header fields, turning every surprise into a ``Diagnostic``.
private struct HeaderReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let source: String

    func need(_ end: Int, for what: String) throws(Diagnostic) {
        guard end <= bytes.count else {
            throw Diagnostic(.error, 
                "data.xpt.truncated", at: SourceLocation(file: source),
                "the file ends after \(bytes.count) bytes, inside \(what)",
                expected: "at least \(end) bytes", notes: ["the file may have been cut short while copying"])
        }
    }

    func badHeader(_ found: String, expected: String, at offset: Int, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, 
            "data.xpt.bad-header", at: SourceLocation(file: source),
            "unexpected \(found) at byte \(offset)", expected: expected, notes: notes)
    }

    func matches(_ text: [UInt8], at offset: Int) -> Bool {
        offset + text.count <= bytes.count && text.indices.allSatisfy { bytes[offset + $0] == text[$0] }
    }

    func expectLibraryHeader() throws(Diagnostic) {
        if matches(XPTLayout.libraryHeader, at: 0) { return }
        if matches(XPTLayout.version8Header, at: 0) {
            throw Diagnostic(.error, 
                "data.xpt.unsupported-version", at: SourceLocation(file: source),
                "this is a SAS transport version 8 file", expected: "SAS transport version 5 (the FDA submission format)",
                notes: ["write it with the XPORT engine (libname x xport), haven::write_xpt(version = 5) or xportr"])
        }
        var notes: [String] = []
        if matches(Array("**COMPRESSED**".utf8), at: 0) {
            notes.append("this is a PROC CPORT file; write it with the XPORT engine instead")
        } else if matches([0xC2, 0xEA, 0x81, 0x60], at: 12) {
            notes.append("this is a SAS7BDAT dataset; export it as transport version 5 (XPORT engine) or CSV")
        }
        throw badHeader(
            "start of file", expected: "a SAS transport file starting with HEADER RECORD*******LIBRARY HEADER RECORD",
            at: 0, notes: notes)
    }

    func expect(_ header: [UInt8], at offset: Int, what: String) throws(Diagnostic) {
        try need(offset + XPTLayout.recordLength, for: "the \(what)")
        guard matches(header, at: offset) else {
            throw badHeader("record where the \(what) belongs", expected: String(decoding: header, as: UTF8.self), at: offset)
        }
    }

    /// A run of ASCII digits (leading blanks allowed), as the headers write counts.
    func number(at offset: Int, width: Int, what: String) throws(Diagnostic) -> Int {
        try need(offset + width, for: "the \(what)")
        var value = 0
        var digits = 0
        for i in offset..<(offset + width) {
            let byte = bytes[i]
            if byte == 0x20, digits == 0 { continue }
            guard byte >= 0x30, byte <= 0x39 else {
                throw badHeader(what, expected: "\(width) ASCII digits", at: offset)
            }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
        }
        guard digits > 0 else { throw badHeader(what, expected: "\(width) ASCII digits", at: offset) }
        return value
    }

    /// A blank-padded text field, trailing blanks and NULs removed; `nil` when blank.
    func text(at offset: Int, width: Int) -> String? {
        var end = offset + width
        while end > offset, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x00 { end -= 1 }
        guard end > offset else { return nil }
        return XPTText.decode(UnsafeBufferPointer(rebasing: bytes[offset..<end])).text
    }

    func int16(at offset: Int) -> Int { Int(Int16(bitPattern: UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1]))) }

    func int32(at offset: Int) -> Int {
        var value: UInt32 = 0
        for i in 0..<4 { value = value << 8 | UInt32(bytes[offset + i]) }
        return Int(Int32(bitPattern: value))
    }

    func variable(at offset: Int, number: Int) throws(Diagnostic) -> XPTLayout.Variable {
        guard let name = text(at: offset + 8, width: 8) else {
            throw Diagnostic(.error, 
                "data.xpt.bad-variable", at: SourceLocation(file: source),
                "variable \(number) has a blank name (NAMESTR at byte \(offset))", expected: "a variable name")
        }
        let type = int16(at: offset)
        let length = int16(at: offset + 4)
        let position = int32(at: offset + 84)
        func bad(_ problem: String, expected: String) -> Diagnostic {
            Diagnostic(.error, 
                "data.xpt.bad-variable", at: SourceLocation(file: source),
                "variable \(name) \(problem) (NAMESTR at byte \(offset))", variable: name, expected: expected)
        }
        guard type == 1 || type == 2 else { throw bad("has type code \(type)", expected: "1 (numeric) or 2 (character)") }
        if type == 1 {
            guard (2...8).contains(length) else { throw bad("is numeric with length \(length)", expected: "a length of 2 to 8 bytes") }
        } else {
            guard length >= 1 else { throw bad("is character with length \(length)", expected: "a length of at least 1 byte") }
        }
        guard position >= 0 else { throw bad("starts at position \(position)", expected: "a position of 0 or more") }
        var format: String?
        if let formatName = text(at: offset + 56, width: 8) {
            let width = int16(at: offset + 64), decimals = int16(at: offset + 66)
            format = formatName + (width > 0 ? "\(width)" : "") + "." + (decimals > 0 ? "\(decimals)" : "")
        }
        return XPTLayout.Variable(
            name: name, label: text(at: offset + 16, width: 40), format: format,
            isNumeric: type == 1, length: length, position: position)
    }
}

/// Text in transport files: UTF-8 when valid, otherwise Latin-1 (every byte one character).
enum XPTText {
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> (text: String, isLatin1: Bool) {
        if buffer.allSatisfy({ $0 < 0x80 }) { return (String(decoding: buffer, as: UTF8.self), false) }
        if let text = String(validating: buffer, as: UTF8.self) { return (text, false) }
        var text = ""
        text.unicodeScalars.append(contentsOf: buffer.lazy.map { Unicode.Scalar($0) })
        return (text, true)
    }
}
