import ReadoutCore

/// The single-pass state machine behind ``CSVReader``: a cursor over the bytes plus the current
/// physical line, so every diagnostic can name its line and character column.
struct CSVScanner {
    static let comma: UInt8 = 0x2C
    static let quote: UInt8 = 0x22
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let tab: UInt8 = 0x09

    /// How a field ended.
    enum Terminator { case comma, endOfRecord, endOfFile }

    /// Where a field's value is: a range of the input, or the scratch buffer when `""` escapes were undone.
    struct Field {
        var start: Int
        var end: Int
        var unescaped: Bool
        var ascii: Bool
        /// Input offset and line of the first content byte, for locating invalid UTF-8.
        var contentStart: Int
        var line: Int
        var lineStart: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let source: String
    var position = 0
    /// Current physical line: absolute, or relative to the chunk's first line when parsing a chunk.
    var line = 1
    var lineStart = 0
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, source: String) {
        self.bytes = bytes
        self.source = source
    }

    // MARK: Fields

    /// Skips blank lines, not past `limit` (a chunk's end).
    mutating func skipBlankLines(limit: Int? = nil) {
        let limit = limit ?? bytes.count
        while position < limit {
            let byte = bytes[position]
            guard byte == Self.lineFeed || byte == Self.carriageReturn else { return }
            consumeLineBreak()
        }
    }

    /// Consumes LF, CRLF or CR at `position` and starts a new line.
    @inline(__always)
    private mutating func consumeLineBreak() {
        if bytes[position] == Self.carriageReturn, position + 1 < bytes.count, bytes[position + 1] == Self.lineFeed {
            position += 2
        } else {
            position += 1
        }
        line += 1
        lineStart = position
    }

    /// Scans one field starting at `position` and the comma or line break after it.
    @inline(__always)
    mutating func scanField(variable: String?) throws(Diagnostic) -> (Field, Terminator) {
        let count = bytes.count
        if position < count, bytes[position] == Self.quote {
            return try scanQuotedField(variable: variable)
        }
        let start = position
        var high: UInt8 = 0
        // Eight bytes at a time to the next comma, control byte (< 0x20: line breaks, tab) or byte
        // ≥ 0x80 (non-ASCII): the word tests of "Bit Twiddling Hacks" (hasless, haszero) flag every
        // such byte, and the lowest flagged byte is always one (a false flag needs a true one below
        // it), so the cursor jumps to it. Non-ASCII bytes and tabs are stepped over; the byte loop
        // below handles the rest (and the last bytes of the input).
        if let base = bytes.baseAddress {
            while position &+ 8 <= count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                let low = (word &- 0x2020_2020_2020_2020) & ~word
                let commaBits = word ^ 0x2C2C_2C2C_2C2C_2C2C
                let comma = (commaBits &- 0x0101_0101_0101_0101) & ~commaBits
                let special = (low | comma | word) & 0x8080_8080_8080_8080
                if special == 0 {
                    position &+= 8
                    continue
                }
                position &+= special.trailingZeroBitCount &>> 3
                let byte = base[position]
                if byte >= 0x80 {
                    high = byte
                } else if byte != Self.tab {
                    break
                }
                position &+= 1
            }
        }
        while position < count {
            let byte = bytes[position]
            if byte == Self.comma { break }
            if byte < 0x20 {
                if byte == Self.lineFeed || byte == Self.carriageReturn { break }
                if byte != Self.tab { throw controlCharacter(byte, variable: variable) }
            }
            high |= byte
            position += 1
        }
        let field = Field(
            start: start, end: position, unescaped: false, ascii: high < 0x80,
            contentStart: start, line: line, lineStart: lineStart)
        return (field, consumeTerminator())
    }

    private mutating func scanQuotedField(variable: String?) throws(Diagnostic) -> (Field, Terminator) {
        let count = bytes.count
        let openLine = line, openLineStart = lineStart, openPosition = position
        position += 1
        let contentStart = position
        var segmentStart = position
        var unescaped = false
        var high: UInt8 = 0
        while true {
            guard position < count else {
                throw Diagnostic(.error, 
                    "data.csv.unterminated-quote",
                    at: SourceLocation(file: source, line: openLine, column: characterColumn(of: openPosition, lineStart: openLineStart)),
                    "a quoted field opened here is never closed", variable: variable,
                    expected: "a closing \" before the end of the file",
                    notes: ["write a quote inside a quoted field as two quotes: \"\""])
            }
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < count, bytes[position + 1] == Self.quote {
                    if !unescaped { scratch.removeAll(keepingCapacity: true); unescaped = true }
                    scratch.append(contentsOf: bytes[segmentStart...position])
                    position += 2
                    segmentStart = position
                    continue
                }
                break
            }
            if byte < 0x20 {
                if byte == Self.lineFeed || byte == Self.carriageReturn {
                    consumeLineBreak()
                    continue
                }
                if byte != Self.tab { throw controlCharacter(byte, variable: variable) }
            }
            high |= byte
            position += 1
        }
        let contentEnd = position
        position += 1  // closing quote
        if unescaped { scratch.append(contentsOf: bytes[segmentStart..<contentEnd]) }
        if position < count {
            let next = bytes[position]
            if next != Self.comma && next != Self.lineFeed && next != Self.carriageReturn {
                var stop = position
                while stop < count, bytes[stop] != Self.comma, bytes[stop] != Self.lineFeed, bytes[stop] != Self.carriageReturn { stop += 1 }
                let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[openPosition..<stop]), as: UTF8.self)
                throw Diagnostic(.error, 
                    "data.csv.text-after-quote",
                    at: SourceLocation(file: source, line: line, column: characterColumn(of: position, lineStart: lineStart)),
                    "text follows the closing quote of a field", variable: variable, value: raw,
                    expected: "a comma or line end after the closing quote",
                    notes: ["quote the whole field and double the quotes inside it"])
            }
        }
        let field = Field(
            start: unescaped ? 0 : contentStart, end: unescaped ? scratch.count : contentEnd,
            unescaped: unescaped, ascii: high < 0x80,
            contentStart: contentStart, line: openLine, lineStart: openLineStart)
        return (field, consumeTerminator())
    }

    /// Consumes the comma or line break at `position` (the caller checked it is one, or the end).
    @inline(__always)
    private mutating func consumeTerminator() -> Terminator {
        guard position < bytes.count else { return .endOfFile }
        if bytes[position] == Self.comma {
            position += 1
            return .comma
        }
        consumeLineBreak()
        return .endOfRecord
    }

    // MARK: Values

    /// The field's text; `nil` when empty. Throws `data.csv.invalid-utf8` at the exact line and column.
    @inline(__always)
    func value(of field: Field, variable: String?) throws(Diagnostic) -> String? {
        guard field.end > field.start else { return nil }
        let text: String?
        if field.unescaped {
            text = scratch.withUnsafeBufferPointer { buffer in
                Self.decode(UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]), ascii: field.ascii)
            }
        } else {
            text = Self.decode(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), ascii: field.ascii)
        }
        guard let text else { throw invalidUTF8(in: field, variable: variable) }
        return text
    }

    @inline(__always)
    private static func decode(_ buffer: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
        ascii ? String(decoding: buffer, as: UTF8.self) : String(validating: buffer, as: UTF8.self)
    }

    func invalidUTF8(in field: Field, variable: String?) -> Diagnostic {
        // Re-scan the raw input from the field's first byte to the first invalid sequence.
        var iterator = UnsafeBufferPointer(rebasing: bytes[field.contentStart...]).makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = field.contentStart
        scan: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: break scan
            case .emptyInput: break scan
            }
        }
        var badLine = field.line, badLineStart = field.lineStart
        var cursor = field.contentStart
        while cursor < offset {
            let byte = bytes[cursor]
            if byte == Self.lineFeed || (byte == Self.carriageReturn && !(cursor + 1 < bytes.count && bytes[cursor + 1] == Self.lineFeed)) {
                badLine += 1
                badLineStart = cursor + 1
            }
            cursor += 1
        }
        return Diagnostic(.error, 
            "data.csv.invalid-utf8",
            at: SourceLocation(file: source, line: badLine, column: characterColumn(of: offset, lineStart: badLineStart)),
            "the text is not valid UTF-8", variable: variable, expected: "UTF-8 text",
            notes: ["save the file as UTF-8 (for example from Excel: CSV UTF-8)"])
    }

    /// `data.csv.control-character` at the byte under the cursor: NUL and the other C0 controls except tab
    /// (and line breaks between fields) have no place in a dataset and would be copied into pages.
    private func controlCharacter(_ byte: UInt8, variable: String?) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return Diagnostic(.error, 
            "data.csv.control-character",
            at: SourceLocation(file: source, line: line, column: characterColumn(of: position, lineStart: lineStart)),
            "a field holds a control character (U+\(hex.count < 2 ? "000" : "00")\(hex))", variable: variable,
            value: "U+\(hex.count < 2 ? "000" : "00")\(hex)", expected: "text without control characters (tab is allowed)",
            notes: byte == 0 ? ["a NUL byte often means the file is UTF-16 or binary; save it as UTF-8 CSV"] : [])
    }

    /// 1-based column in characters: the number of UTF-8 lead bytes between the line start and `offset`, plus one.
    private func characterColumn(of offset: Int, lineStart: Int) -> Int {
        var column = 1
        var cursor = lineStart
        while cursor < offset, cursor < bytes.count {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return column
    }
}
