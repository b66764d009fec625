/// `SearchText.plain`'s tag removal and white-space collapse on UTF-8 bytes, with exactly the result of the
/// grapheme-by-grapheme reference (`SearchText.tagsRemoved`, `split` on Characters): a delimiter byte (`<`, `>`,
/// space, tab, line feed, carriage return) counts only where it is a Character on its own. That is certain when
/// its neighbours are ASCII (other than the "\r\n" pair, one Character); otherwise the string's own grapheme
/// breaking decides, at that position only.
struct ByteSearchText {
    private static let lessThan = UInt8(ascii: "<"), greaterThan = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    private static let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t"), carriageReturn = UInt8(ascii: "\r")
    private static let skippedElements: [[UInt8]] = [Array("svg".utf8), Array("script".utf8), Array("style".utf8)]

    let text: String
    let bytes: [UInt8]

    init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    /// Each tag replaced by one space; an `svg`, `script` or `style` element dropped up to its end tag.
    static func tagsRemoved(_ html: String) -> String {
        let scan = ByteSearchText(html)
        let bytes = scan.bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var skipping: [UInt8]?
        while i < bytes.count {
            if let name = skipping {
                guard let end = scan.find([lessThan, slash] + name, from: i) else { break }
                i = end + 2 + name.count
                if let close = scan.firstLone(greaterThan, from: i) { i = close + 1 }
                skipping = nil
                continue
            }
            guard let open = scan.firstLone(lessThan, from: i) else { out += bytes[i...]; break }
            out += bytes[i..<open]
            guard let close = scan.firstLone(greaterThan, from: open + 1) else { break }
            if let name = scan.elementName(at: open + 1), skippedElements.contains(name) { skipping = name }
            out.append(space)
            i = close + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Split at " ", "\n", "\t", "\r" Characters, empty pieces dropped, joined by one space.
    static func whiteSpaceCollapsed(_ text: String) -> String {
        let scan = ByteSearchText(text)
        let bytes = scan.bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var separated = false
        for (i, byte) in bytes.enumerated() {
            if (byte == space || byte == newline || byte == tab || byte == carriageReturn) && scan.isLone(i) {
                separated = true
                continue
            }
            if separated && !out.isEmpty { out.append(space) }
            separated = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the ASCII byte at `p` is a Character by itself.
    func isLone(_ p: Int) -> Bool {
        let byte = bytes[p]
        let previousIsSafe = p == 0 || (bytes[p - 1] < 0x80 && !(bytes[p - 1] == Self.carriageReturn && byte == Self.newline))
        let nextIsSafe = p + 1 == bytes.count || (bytes[p + 1] < 0x80 && !(byte == Self.carriageReturn && bytes[p + 1] == Self.newline))
        if previousIsSafe && nextIsSafe { return true }
        let position = text.utf8.index(text.utf8.startIndex, offsetBy: p)
        guard let character = String.Index(position, within: text) else { return false }
        return text.index(after: character) == text.utf8.index(after: position)
    }

    func firstLone(_ byte: UInt8, from start: Int) -> Int? {
        var i = start
        while i < bytes.count, let found = bytes[i...].firstIndex(of: byte) {
            if isLone(found) { return found }
            i = found + 1
        }
        return nil
    }

    /// The first place from `start` where `needle` (ASCII) starts and ends on Character boundaries, as
    /// `firstRange(of:)` on Characters finds it.
    func find(_ needle: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count, let first = bytes[i...(bytes.count - needle.count)].firstIndex(of: needle[0]) {
            var k = 1
            while k < needle.count, bytes[first + k] == needle[k] { k += 1 }
            if k == needle.count && isLone(first) && isLone(first + needle.count - 1) { return first }
            i = first + 1
        }
        return nil
    }

    /// The lowercased letters and digits that begin at `start` (a Character boundary), as the reference reads a
    /// tag name; nil when they are not plain ASCII (then the name is none of svg, script, style).
    func elementName(at start: Int) -> [UInt8]? {
        var j = start
        var name: [UInt8] = []
        while j < bytes.count, Self.isAlphanumeric(bytes[j]) { name.append(Self.lowercased(bytes[j])); j += 1 }
        if j == bytes.count || bytes[j] < 0x80 { return name }
        // A non-ASCII Character follows (or extends the last letter): read the name grapheme by grapheme.
        let position = text.utf8.index(text.utf8.startIndex, offsetBy: start)
        guard let index = String.Index(position, within: text) else { return nil }
        let characters = text[index...].prefix { $0.isLetter || $0.isNumber }.lowercased()
        return Array(characters.utf8)
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
    static func lowercased(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
}
