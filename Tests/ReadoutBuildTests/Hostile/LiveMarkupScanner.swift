import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Finds live markup in generated HTML/SVG. Every `<` in escaped text is `&lt;`, so each raw `<` opens
/// a real tag (or a comment / doctype); the scanner reads each tag's name and attributes and reports
/// script-capable elements, event-handler attributes and `javascript:`-style URLs.
enum LiveMarkupScanner {
    static let forbiddenElements: Set<String> = ["script", "img", "iframe", "object", "embed", "frame", "base", "form"]
    static let urlAttributes: Set<String> = ["href", "src", "xlink:href", "action", "formaction", "data", "poster"]

    struct Tag { var name: String; var attributes: [(name: String, value: String)] }

    static func tags(in text: String) -> [Tag] {
        let s = Array(text.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                var j = i + 4
                while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
                i = j + 3
                continue
            }
            var j = i + 1
            var name = ""
            if j < s.count, s[j] == "/" || s[j] == "!" { j += 1 }
            while j < s.count, !CharacterSet.whitespacesAndNewlines.contains(s[j]), s[j] != ">", s[j] != "/" { name.unicodeScalars.append(s[j]); j += 1 }
            var attributes: [(String, String)] = []
            while j < s.count, s[j] != ">" {
                while j < s.count, CharacterSet.whitespacesAndNewlines.contains(s[j]) || s[j] == "/" { j += 1 }
                var attribute = ""
                while j < s.count, !CharacterSet.whitespacesAndNewlines.contains(s[j]), s[j] != "=", s[j] != ">", s[j] != "/" {
                    attribute.unicodeScalars.append(s[j]); j += 1
                }
                var value = ""
                if j < s.count, s[j] == "=" {
                    j += 1
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]; j += 1
                        while j < s.count, s[j] != quote { value.unicodeScalars.append(s[j]); j += 1 }
                        j += 1
                    } else {
                        while j < s.count, !CharacterSet.whitespacesAndNewlines.contains(s[j]), s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute, value)) }
            }
            tags.append(Tag(name: name.lowercased(), attributes: attributes.map { (name: $0.0.lowercased(), value: $0.1) }))
            i = j + 1
        }
        return tags
    }

    /// Problems found in one file's text; empty when nothing is live.
    static func problems(in text: String) -> [String] {
        var found: [String] = []
        for tag in tags(in: text) {
            if forbiddenElements.contains(tag.name) { found.append("element <\(tag.name)>") }
            if tag.name == "meta", tag.attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }) {
                found.append("meta refresh")
            }
            for attribute in tag.attributes {
                if attribute.name.hasPrefix("on") { found.append("event handler \(attribute.name) on <\(tag.name)>") }
                if attribute.name == "style" { found.append("inline style on <\(tag.name)>") }
                if urlAttributes.contains(attribute.name) {
                    let value = attribute.value.replacingOccurrences(of: "&#58;", with: ":").lowercased()
                        .filter { !$0.isWhitespace }
                    if let colon = value.firstIndex(of: ":"), !value[..<colon].contains("/"), !value[..<colon].contains("#"),
                       !["http", "https", "mailto"].contains(String(value[..<colon])) {
                        found.append("URL with scheme in \(attribute.name)=\"\(attribute.value)\" on <\(tag.name)>")
                    }
                }
                if !attribute.name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-:_".unicodeScalars.contains($0) }) {
                    found.append("odd attribute name \(attribute.name) on <\(tag.name)>")
                }
            }
        }
        return found
    }

    /// Every inline `<svg>…</svg>` of a page, each of which must be well-formed XML.
    static func svgFragments(in text: String) -> [String] {
        var fragments: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "<svg"), let close = rest[open.lowerBound...].range(of: "</svg>") {
            fragments.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return fragments
    }

    static func isWellFormedXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }
}
