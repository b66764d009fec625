import ReadoutCore

/// What a theme template receives. Mustache's `{{ }}` escapes `& < > " '` but passes control
/// characters through, so every string of a context is cleaned with `Escape.documentCharacters`
/// before rendering; `{{{ }}}` values (section HTML) are built from escaped parts already.
enum TemplateContext {
    static func sanitized(_ value: Any) -> Any {
        switch value {
        case let text as String: Escape.documentCharacters(text)
        case let dictionary as [String: Any]: dictionary.mapValues(sanitized)
        case let array as [[String: Any]]: array.map { $0.mapValues(sanitized) }
        case let array as [Any]: array.map(sanitized)
        default: value
        }
    }
}
