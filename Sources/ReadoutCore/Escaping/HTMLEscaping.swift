extension String {
    /// Escapes `& < > " '` for HTML text and attribute values (also valid XML/SVG).
    public var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for ch in unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
