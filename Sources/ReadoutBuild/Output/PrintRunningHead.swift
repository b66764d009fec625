import Foundation

/// The printed copy's running header and footer as `@page` margin boxes. The theme draws them as
/// `position: fixed` elements (`.print-header`, `.print-footer`), which Chromium lays out once, in the
/// geometry of the first page: on a landscape page (a wide table, `@page landscape`) the header rule
/// stops at the portrait width and the footer lands off the page or over the table. Margin boxes belong
/// to each page, whatever its size. So before printing, `PDFPrinter` reads the texts of the theme's two
/// elements from report.html, writes them into a stylesheet of margin boxes (`@top-left`: the header's
/// first span; `@top-right`: its other spans; `@bottom-left`: the footer's spans; the theme keeps
/// `@bottom-right`, the page number) that hides the fixed elements, and links it from the scratch copy.
/// A theme without those elements prints as it is. The published bundle does not change.
enum PrintRunningHead {
    /// The stylesheet's path in the scratch folder.
    static let stylesheet = "assets/readout-print-running-head.css"

    /// The scratch copy of report.html with the stylesheet linked, and the stylesheet; nil when the
    /// report has no `.print-header` or no `</head>`.
    static func apply(to html: [UInt8]) -> (html: [UInt8], css: [UInt8])? {
        let text = String(decoding: html, as: UTF8.self)
        guard let header = spans(of: "print-header", in: text), let first = header.first,
              let head = text.range(of: "</head>") else { return nil }
        let footer = spans(of: "print-footer", in: text) ?? []
        let css = stylesheet(title: first, right: Array(header.dropFirst()), footer: footer)
        var linked = text
        linked.insert(contentsOf: "<link rel=\"stylesheet\" href=\"\(stylesheet)\">\n", at: head.lowerBound)
        return (Array(linked.utf8), Array(css.utf8))
    }

    /// The texts of the spans of the first `<div class="NAME" …>`, entities decoded.
    static func spans(of name: String, in html: String) -> [String]? {
        guard let start = html.range(of: "<div class=\"\(name)\""),
              let end = html.range(of: "</div>", range: start.upperBound..<html.endIndex) else { return nil }
        let inner = String(html[start.upperBound..<end.lowerBound])
        let pattern = try! NSRegularExpression(pattern: "<span[^>]*>([^<]*)</span>")
        let found = pattern.matches(in: inner, range: NSRange(inner.startIndex..., in: inner)).compactMap { match in
            Range(match.range(at: 1), in: inner).map { decode(String(inner[$0])) }
        }
        return found.isEmpty ? nil : found
    }

    /// The five entities `Escape` writes, and numeric ones.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = "", rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semicolon) <= 10 else {
                out += "&"; rest = rest.dropFirst(); continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            var scalar: Unicode.Scalar?
            if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
            if let value = named[String(name)] { out += value } else if let scalar { out.unicodeScalars.append(scalar) } else { out += rest[...semicolon] }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    /// A CSS string literal: `"` and `\` escaped, and every control character, `<` and `>` (so the text can
    /// never close a style element or start markup) written as a hexadecimal escape.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">": out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\" + String(scalar.value, radix: 16) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func stylesheet(title: String, right: [String], footer: [String]) -> String {
        let font = "font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", \"Noto Sans\", \"Liberation Sans\", Arial, sans-serif; font-size: 7.5pt; color: #3b4450;"
        let top = "vertical-align: bottom; padding-bottom: 1.5mm; margin-bottom: 4mm; border-bottom: 0.75pt solid #1a1f26;"
        var css = """
        /* Written by readout build --pdf for printing only (see PrintRunningHead): the running header and footer as
           margin boxes of every page, portrait or landscape, instead of the theme's fixed elements. */
        @media print {
          .print-header, .print-footer { display: none !important; }
          body { padding-top: 0 !important; padding-bottom: 0 !important; }
        }
        @page {
          margin: 20mm 16mm 17mm 16mm;
          @top-left { content: \(cssString(title)); \(font) font-weight: 700; color: #1a1f26; \(top) }

        """
        if !right.isEmpty {
            css += "  @top-right { content: \(cssString(right.joined(separator: " · "))); \(font) text-align: right; \(top) }\n"
        }
        if !footer.isEmpty {
            css += "  @bottom-left { content: \(cssString(footer.joined(separator: " · "))); \(font) vertical-align: top; padding-top: 1.5mm; margin-top: 4mm; border-top: 0.5pt solid #c2c9d1; }\n"
        }
        return css + "}\n"
    }
}
