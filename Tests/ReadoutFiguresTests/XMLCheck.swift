// Well-formedness check of generated SVG with Foundation's XML parser.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

enum XMLCheck {
    /// True when `text` parses as XML without error.
    static func isWellFormed(_ text: String) -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse()
    }
}
