import Foundation
import ReadoutRender

/// The one script Readout's pages may carry: the search script (exactly `SearchScript.source`) and its inlined
/// index (`<script type="application/json" id="search-index">`, which must hold no `<`). `withoutSearch` removes
/// exactly these, so the live-markup scan still finds any other script and anything that broke out of the index.
enum SearchScriptAllowance {
    static let dataOpen = "<script type=\"application/json\" id=\"search-index\">"

    static func withoutSearch(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<script>\(SearchScript.source)</script>", with: "")
        while let open = text.range(of: dataOpen), let close = text.range(of: "</script>", range: open.upperBound..<text.endIndex) {
            guard !text[open.upperBound..<close.lowerBound].contains("<") else { break }
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return text
    }
}
