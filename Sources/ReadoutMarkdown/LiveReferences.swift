// Live-number placeholders `{{result:key}}` in narrative Markdown.
//
// Before cmark sees the text, each placeholder is swapped for an alphanumeric token of the same byte
// length (`rdtRef12zzzz`, so cmark's source columns stay right) that no Markdown rule can touch: smart punctuation, emphasis and autolinks leave letters and digits
// alone, and HTML and URL escaping keep them as they are. After rendering, tokens go back to
// `{{result:key}}` verbatim, except inside code spans and code blocks, where the first brace is written
// `&#123;` so the text reads the same but a later string substitution cannot match it. Any other
// `{{result:` in the output (escaped with a backslash, or with a malformed key) is defused the same way,
// so in the final HTML every literal `{{result:key}}` is a live reference and nothing else is.

import ReadoutCore

/// The placeholders of one Markdown text and the tokenized text handed to cmark.
struct LiveReferences {
    /// Marks the start of a placeholder.
    static let opener = Array("{{result:".utf8)
    /// What a defused placeholder starts with in HTML.
    static let defusedOpener = "&#123;{result:"

    /// The Markdown with every placeholder replaced by a token.
    let tokenized: String
    /// Placeholders in source order: key and 1-based line in the scanned text.
    let occurrences: [(key: String, line: Int)]
    /// Token prefix, chosen so that it does not occur in the source.
    private let prefix: [UInt8]
    private static let suffix = UInt8(ascii: "z")

    /// ASCII letters, digits and `_ . - : / [ ] =`; all of them are inert in HTML text and attributes.
    static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "/"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "="):
            true
        default:
            false
        }
    }

    /// Finds the placeholders of `markdown` and builds the tokenized text. A placeholder preceded by an
    /// odd number of backslashes is escaped and left alone.
    init(_ markdown: String) {
        let source = Array(markdown.utf8)
        var prefix = Array("rdtRef".utf8)
        while source.firstRange(of: prefix) != nil { prefix.append(UInt8(ascii: "x")) }
        self.prefix = prefix

        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var found: [(key: String, line: Int)] = []
        var line = 1
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            if byte == UInt8(ascii: "{"), let (key, end) = Self.placeholder(in: source, at: index) {
                let number = Array(String(found.count).utf8)
                output += prefix + number
                output += repeatElement(Self.suffix, count: Self.padding(key: key.count, prefix: prefix.count, digits: number.count))
                found.append((String(decoding: key, as: UTF8.self), line))
                index = end
                continue
            }
            output.append(byte)
            index += 1
        }
        tokenized = String(decoding: output, as: UTF8.self)
        occurrences = found
    }

    /// How many suffix bytes make a token as long as its placeholder `{{result:key}}` (at least one).
    private static func padding(key: Int, prefix: Int, digits: Int) -> Int {
        max(1, opener.count + key + 2 - prefix - digits)
    }

    /// The key bytes and the end index of a well-formed, unescaped placeholder starting at `start`.
    private static func placeholder(in source: [UInt8], at start: Int) -> (key: ArraySlice<UInt8>, end: Int)? {
        guard source[start...].starts(with: opener) else { return nil }
        var backslashes = 0
        var before = start - 1
        while before >= 0, source[before] == UInt8(ascii: "\\") {
            backslashes += 1
            before -= 1
        }
        guard backslashes % 2 == 0 else { return nil }
        let keyStart = start + opener.count
        var keyEnd = keyStart
        while keyEnd < source.count, isKeyByte(source[keyEnd]) { keyEnd += 1 }
        guard keyEnd > keyStart, source[keyEnd...].starts(with: Array("}}".utf8)) else { return nil }
        return (source[keyStart..<keyEnd], keyEnd + 2)
    }

    /// Indexes of the placeholders whose tokens ended up inside code (never substituted).
    func literalIndexes(in codeTexts: [String]) -> Set<Int> {
        var indexes = Set<Int>()
        for text in codeTexts {
            replacingTokens(in: Array(text.utf8)) { index in
                indexes.insert(index)
                return []
            }
        }
        return indexes
    }

    /// Plain text (heading titles): tokens back to `{{result:key}}`.
    func restorePlain(_ text: String) -> String {
        String(decoding: replacingTokens(in: Array(text.utf8)) { Array("{{result:\(occurrences[$0].key)}}".utf8) },
               as: UTF8.self)
    }

    /// Rendered HTML: stray `{{result:` defused, live tokens restored verbatim, tokens in code defused.
    func restoreHTML(_ html: String, literal: Set<Int>) -> String {
        let defused = Self.defusingOpeners(in: Array(html.utf8))
        let restored = replacingTokens(in: defused) { index in
            let key = occurrences[index].key
            return Array((literal.contains(index) ? "\(Self.defusedOpener)\(key)}}" : "{{result:\(key)}}").utf8)
        }
        return String(decoding: restored, as: UTF8.self)
    }

    /// `text` with every `{{result:` replaced by `defusedOpener` (the opener cannot overlap itself, so
    /// this is what `replacing(opener, with:)` gives, in one pass over the bytes).
    static func defusingOpeners(in text: [UInt8]) -> [UInt8] {
        let replacement = Array(defusedOpener.utf8)
        return text.withUnsafeBufferPointer { bytes in
            var output: [UInt8] = []
            var copied = 0
            while let index = ByteSearch.firstIndex(of: opener, in: bytes, from: copied) {
                if output.isEmpty { output.reserveCapacity(bytes.count + 64) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                output.append(contentsOf: replacement)
                copied = index + opener.count
            }
            if copied == 0 { return text }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return output
        }
    }

    /// Copies `text`, replacing each token `prefix<index>zz…` with `replacement(index)`.
    @discardableResult
    private func replacingTokens(in text: [UInt8], _ replacement: (Int) -> [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == prefix[0], text[index...].starts(with: prefix) {
                var cursor = index + prefix.count
                var number = 0
                var digits = 0
                while cursor < text.count, digits < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[cursor]) {
                    number = number * 10 + Int(text[cursor] - UInt8(ascii: "0"))
                    digits += 1
                    cursor += 1
                }
                if digits > 0, number < occurrences.count {
                    let padding = Self.padding(key: occurrences[number].key.utf8.count, prefix: prefix.count, digits: digits)
                    if text[cursor...].prefix(padding).elementsEqual(repeatElement(Self.suffix, count: padding)) {
                        output += replacement(number)
                        index = cursor + padding
                        continue
                    }
                }
            }
            output.append(text[index])
            index += 1
        }
        return output
    }
}
