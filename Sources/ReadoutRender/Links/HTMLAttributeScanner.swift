/// The attributes of the start tags of an HTML page Readout generated, with the line each value starts on.
/// A small scanner, enough for our own markup: comments, `<script>`/`<style>` bodies, end tags and
/// declarations are skipped; values are quoted ("…" or '…') or bare; entities in values are decoded.
enum HTMLAttributeScanner {
    struct Attribute: Equatable {
        var tag: String
        var name: String
        var value: String
        var line: Int
    }

    // What `attributes` looks for, as bytes once (not per position scanned).
    private static let commentStart = Array("<!--".utf8), commentEnd = Array("-->".utf8)
    private static let scriptEnd = Array("</script".utf8), styleEnd = Array("</style".utf8)

    static func attributes(_ html: String) -> [Attribute] {
        let bytes = Array(html.utf8)
        var result: [Attribute] = []
        var i = 0, line = 1
        func advance(_ n: Int = 1) {
            for _ in 0..<n where i < bytes.count {
                if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                i += 1
            }
        }
        func starts(_ t: [UInt8], at index: Int) -> Bool {
            guard index + t.count <= bytes.count else { return false }
            for k in 0..<t.count where lower(bytes[index + k]) != t[k] { return false }
            return true
        }
        func skip(until text: [UInt8]) {
            while i < bytes.count && !starts(text, at: i) { advance() }
            advance(text.count)
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { advance(); continue }
            if starts(commentStart, at: i) { skip(until: commentEnd); continue }
            guard i + 1 < bytes.count, isLetter(bytes[i + 1]) else { advance(); continue }
            advance()
            var tag: [UInt8] = []
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") {
                tag.append(lower(bytes[i])); advance()
            }
            let tagName = String(decoding: tag, as: UTF8.self)
            // Attributes until '>'.
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
                if isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { advance(); continue }
                var name: [UInt8] = []
                while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") {
                    name.append(lower(bytes[i])); advance()
                }
                while i < bytes.count, isSpace(bytes[i]) { advance() }
                guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { continue }
                advance()
                while i < bytes.count, isSpace(bytes[i]) { advance() }
                let valueLine = line
                var value: [UInt8] = []
                if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    advance()
                    while i < bytes.count, bytes[i] != quote { value.append(bytes[i]); advance() }
                    advance()
                } else {
                    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { value.append(bytes[i]); advance() }
                }
                result.append(Attribute(tag: tagName, name: String(decoding: name, as: UTF8.self),
                                        value: decodeEntities(String(decoding: value, as: UTF8.self)), line: valueLine))
            }
            advance()
            if tagName == "script" { skip(until: scriptEnd) } else if tagName == "style" { skip(until: styleEnd) }
        }
        return result
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` `&#NN;` `&#xHH;` decoded; anything else kept as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }  // a byte test: Foundation's `contains` bridges to NSString
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else { out += "&"; rest = rest[rest.index(after: amp)...]; continue }
            let entity = after[after.index(after: amp)..<semicolon]
            var decoded: String?
            switch entity {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if entity.hasPrefix("#") {
                    decoded = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
            }
            if let decoded {
                out += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
            }
        }
        return out + rest
    }

    static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
    static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
    static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
}
