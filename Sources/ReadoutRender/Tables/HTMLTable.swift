import ReadoutCore

/// A table cell: text (escaped on output) and whether it is numeric (right-aligned, tabular figures).
struct Cell {
    var text: String
    var numeric: Bool = false
    var header: Bool = false
    var colspan: Int = 1
    var rowspan: Int = 1
    var indent: Int = 0
    /// Extra CSS class.
    var style: String? = nil

    static func text(_ text: String, indent: Int = 0) -> Cell { Cell(text: text, indent: indent) }
    static func number(_ text: String) -> Cell { Cell(text: text, numeric: true) }
    static func head(_ text: String, colspan: Int = 1, numeric: Bool = false) -> Cell {
        Cell(text: text, numeric: numeric, header: true, colspan: colspan)
    }
}

/// An accessible HTML table with caption and footnotes; all text is escaped.
struct HTMLTable {
    var id: String
    var caption: String
    var head: [[Cell]]
    var body: [[Cell]]
    var footnotes: [String] = []
    /// Rows (indices into body) that start a group (rendered bold).
    var groupRows: Set<Int> = []

    /// Tables with more columns than this print on landscape pages (the theme's named `@page landscape`).
    static let portraitColumns = 5

    /// Number of columns (the widest header row, colspans counted).
    var columnCount: Int { head.map { $0.reduce(0) { $0 + $1.colspan } }.max() ?? 0 }

    /// The table; every cell, caption and footnote is escaped. A table wider than `portraitColumns` is
    /// marked `wide-table` so print puts it on a landscape page.
    func html() -> SafeHTML {
        let wrap = columnCount > Self.portraitColumns ? "table-wrap wide-table" : "table-wrap"
        var out = "<div class=\"\(wrap)\"><table class=\"data\" id=\"\(id.htmlEscaped)\">\n<caption>\(caption.htmlEscaped)</caption>\n<thead>\n"
        for row in head { out += "<tr>" + row.map { cellHTML($0, header: true) }.joined() + "</tr>\n" }
        out += "</thead>\n<tbody>\n"
        for (i, row) in body.enumerated() {
            out += groupRows.contains(i) ? "<tr class=\"group\">" : "<tr>"
            out += row.enumerated().map { cellHTML($0.element, header: $0.element.header, rowHeader: $0.offset == 0) }.joined() + "</tr>\n"
        }
        out += "</tbody>\n"
        if !footnotes.isEmpty {
            let columns = head.first.map { row in row.reduce(0) { $0 + $1.colspan } } ?? 1
            out += "<tfoot>\n" + footnotes.map { "<tr><td colspan=\"\(columns)\">\($0.htmlEscaped)</td></tr>\n" }.joined() + "</tfoot>\n"
        }
        return SafeHTML(trusted: out + "</table></div>\n")
    }

    private func cellHTML(_ cell: Cell, header: Bool, rowHeader: Bool = false) -> String {
        let tag = header || rowHeader ? "th" : "td"
        var classes: [String] = []
        if cell.numeric { classes.append("num") }
        if cell.text == NumberFormat.notEstimable { classes.append("ne") }
        if cell.indent > 0 { classes.append("indent-\(min(cell.indent, 3))") }
        if let style = cell.style { classes.append(style) }
        var attributes = ""
        if !classes.isEmpty { attributes += " class=\"\(classes.joined(separator: " "))\"" }
        if cell.colspan > 1 { attributes += " colspan=\"\(cell.colspan)\"" }
        if cell.rowspan > 1 { attributes += " rowspan=\"\(cell.rowspan)\"" }
        if rowHeader && !header { attributes += " scope=\"row\"" } else if header && cell.colspan == 1 { attributes += " scope=\"col\"" }
        return "<\(tag)\(attributes)>\(cell.text.htmlEscaped)</\(tag)>"
    }
}
