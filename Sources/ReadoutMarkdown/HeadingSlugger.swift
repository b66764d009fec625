// Stable heading ids ("slugs"), in the manner of GitHub's and Hugo's anchor ids but restricted to
// ASCII: fold case and diacritics, keep letters and digits, turn every other run of characters into
// one '-', trim dashes, and de-duplicate within a page with -1, -2, ...
import Foundation

/// Gives each heading of one page a unique id; feed headings in document order.
struct HeadingSlugger {
    private var used = Set<String>()

    /// The id used when a heading has no ASCII letters or digits at all.
    static let fallback = "section"

    /// Ligatures and letters that have no ASCII decomposition, spelled the usual way.
    private static let spelledOut: [Character: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i", "ĳ": "ij",
    ]

    /// The slug of `text` alone, ignoring earlier headings.
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingDash = false
        for character in folded {
            let ascii: String
            if let spelled = spelledOut[character] {
                ascii = spelled
            } else if character.isASCII, character.isLetter || character.isNumber {
                ascii = String(character)
            } else {
                if !slug.isEmpty { pendingDash = true }
                continue
            }
            if pendingDash {
                slug += "-"
                pendingDash = false
            }
            slug += ascii
        }
        return slug.isEmpty ? fallback : slug
    }

    /// The slug of `text`, suffixed `-1`, `-2`, ... if an earlier heading already took it.
    mutating func uniqueSlug(_ text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var counter = 0
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        used.insert(candidate)
        return candidate
    }
}
