/// The attributes of the start tags of an HTML page Readout generated, with the line each value starts on.
/// A small scanner, enough for our own markup: comments, `<script>`/`<style>` bodies, end tags and
/// declarations are skipped; values are quoted ("…" or '…') or bare; entities in values are decoded.
///
/// It works on the page's bytes and makes a `String` only of the attributes a caller keeps (the link check
/// keeps `id`, `name`, `href`, `src`, `xlink:href` of some 20 000 attributes); lines are counted only up to
/// a kept value, never byte by byte.
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
    private static let script = Array("script".utf8), style = Array("style".utf8)

    /// Every attribute of `html`.
    static func attributes(_ html: String) -> [Attribute] {
        var html = html
        return html.withUTF8 { attributes(in: $0) { _ in true } }
    }

    /// The attributes of `bytes` whose lowercased name `keep` accepts.
    static func attributes(in bytes: UnsafeBufferPointer<UInt8>, keep: (UnsafeBufferPointer<UInt8>) -> Bool) -> [Attribute] {
        let count = bytes.count
        var result: [Attribute] = []
        var i = 0
        // Lines counted lazily: `line` is the line of byte `counted`.
        var line = 1, counted = 0
        func lineNumber(at index: Int) -> Int {
            while counted < index {
                if bytes[counted] == UInt8(ascii: "\n") { line += 1 }
                counted += 1
            }
            return line
        }
        func starts(_ t: [UInt8], at index: Int) -> Bool {
            guard index + t.count <= count else { return false }
            for k in 0..<t.count where lower(bytes[index + k]) != t[k] { return false }
            return true
        }
        func skip(until text: [UInt8]) {
            while i < count && !starts(text, at: i) { i += 1 }
            i = min(count, i + text.count)
        }
        var tag: [UInt8] = [], name: [UInt8] = []
        while i < count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if starts(commentStart, at: i) { skip(until: commentEnd); continue }
            guard i + 1 < count, isLetter(bytes[i + 1]) else { i += 1; continue }
            i += 1
            tag.removeAll(keepingCapacity: true)
            while i < count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") {
                tag.append(lower(bytes[i])); i += 1
            }
            var tagName: String?
            // Attributes until '>'.
            while i < count, bytes[i] != UInt8(ascii: ">") {
                if isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1; continue }
                name.removeAll(keepingCapacity: true)
                while i < count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") {
                    name.append(lower(bytes[i])); i += 1
                }
                while i < count, isSpace(bytes[i]) { i += 1 }
                guard i < count, bytes[i] == UInt8(ascii: "=") else { continue }
                i += 1
                while i < count, isSpace(bytes[i]) { i += 1 }
                let valueStart: Int, valueEnd: Int
                if i < count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    i += 1
                    valueStart = i
                    while i < count, bytes[i] != quote { i += 1 }
                    valueEnd = i
                    i = min(count, i + 1)
                } else {
                    valueStart = i
                    while i < count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    valueEnd = i
                }
                let kept = name.withUnsafeBufferPointer { keep($0) }
                guard kept else { continue }
                // The line of the value's first byte (an opening quote is on the same line).
                let valueLine = lineNumber(at: valueStart)
                if tagName == nil { tagName = String(decoding: tag, as: UTF8.self) }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
                result.append(Attribute(tag: tagName!, name: String(decoding: name, as: UTF8.self),
                                        value: decodeEntities(value), line: valueLine))
            }
            i = min(count, i + 1)
            if tag == script { skip(until: scriptEnd) } else if tag == style { skip(until: styleEnd) }
        }
        return result
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#NN;` `&#xHH;` decoded; anything else kept as written. An entity
    /// is `&`, at most ten bytes, `;`. On the UTF-8 bytes, code point by code point as an HTML tokenizer reads
    /// (a combining mark after the `;` does not hide the entity, as it would to a search by Characters).
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var i = 0
            while i < count {
                let byte = bytes[i]
                guard byte == UInt8(ascii: "&") else { out.append(byte); i += 1; continue }
                // The first ';' among the next 11 bytes ends the entity.
                var semicolon = i + 1
                while semicolon < min(count, i + 12), bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
                guard semicolon < min(count, i + 12) else { out.append(byte); i += 1; continue }
                let entity = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<semicolon])
                if let decoded = decode(entity) {
                    out.append(contentsOf: decoded.utf8)
                    i = semicolon + 1
                } else {
                    out.append(byte)
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of one entity's name (between `&` and `;`), or nil when it is not one we decode.
    private static func decode(_ entity: UnsafeBufferPointer<UInt8>) -> String? {
        switch entity.count {
        case 2 where entity.elementsEqual("lt".utf8): return "<"
        case 2 where entity.elementsEqual("gt".utf8): return ">"
        case 3 where entity.elementsEqual("amp".utf8): return "&"
        case 4 where entity.elementsEqual("quot".utf8): return "\""
        case 4 where entity.elementsEqual("apos".utf8): return "'"
        default:
            guard entity.first == UInt8(ascii: "#") else { return nil }
            let name = String(decoding: entity, as: UTF8.self)
            let value = name.hasPrefix("#x") || name.hasPrefix("#X") ? UInt32(name.dropFirst(2), radix: 16) : UInt32(name.dropFirst())
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
    static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
    static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
}
