// A tiny typed SVG tree. Text and attribute values are escaped when rendered (escaping by default),
// attributes keep their insertion order, and rendering is a pure function of the tree, so output is
// byte-stable. Elements holding text render on one line; other elements put each child on its own
// indented line so golden files diff readably.

import ReadoutCore

/// One node of an SVG document: an element or escaped character data.
public enum SVGNode: Sendable, Equatable {
    /// An element with ordered attributes and children.
    case element(SVGElement)
    /// Character data; escaped on output.
    case text(String)
}

/// An SVG element: name, ordered attributes (name, raw value) and children.
public struct SVGElement: Sendable, Equatable {
    /// Tag name, e.g. `path`.
    public var name: String
    /// Attributes in output order; values are escaped on output.
    public var attributes: [Attribute]
    /// Child nodes in document order.
    public var children: [SVGNode]

    /// One attribute: a name and its unescaped value.
    public struct Attribute: Sendable, Equatable {
        /// Attribute name, e.g. `stroke-width`.
        public var name: String
        /// Unescaped attribute value.
        public var value: String
        /// Creates an attribute.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates an element; `attributes` is a list of (name, value) pairs kept in order.
    public init(_ name: String, _ attributes: [(String, String)] = [], children: [SVGNode] = []) {
        self.name = name
        self.attributes = attributes.map { Attribute($0.0, $0.1) }
        self.children = children
    }

    /// Renders the element (and its subtree) at the given indentation depth.
    public func render(depth: Int = 0) -> String {
        var out = ""
        write(into: &out, depth: depth)
        return out
    }

    func write(into out: inout String, depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        out += indent
        writeInline(into: &out, compact: false)
        if children.isEmpty || hasText { return }
        out += "\n"
        for child in children {
            if case .element(let e) = child {
                e.write(into: &out, depth: depth + 1)
                out += "\n"
            }
        }
        out += indent + "</\(name)>"
    }

    /// Presentation attributes holding a colour: written only when the value is `#RGB`, `#RRGGBB` or
    /// `none` (anything else becomes black), so a colour from a plan can never carry markup or CSS.
    static let colorAttributes: Set<String> = ["fill", "stroke", "color", "stop-color", "flood-color", "lighting-color"]

    /// True for text-content elements and for any element with a text child: written on one line,
    /// because whitespace between their children would be rendered.
    var hasText: Bool {
        if ["text", "tspan", "title", "desc"].contains(name) { return true }
        return children.contains { if case .text = $0 { return true } else { return false } }
    }

    /// Writes the start tag; when `compact` or the element holds text, also the children and end tag.
    private func writeInline(into out: inout String, compact: Bool) {
        out += "<" + name
        for attribute in attributes {
            let value = Self.colorAttributes.contains(attribute.name) ? CSSColor.validated(attribute.value) : attribute.value
            out += " " + attribute.name + "=\"" + Escape.xml(value) + "\""
        }
        if children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        guard compact || hasText else { return }
        for child in children {
            switch child {
            case .text(let s): out += Escape.xml(s)
            case .element(let e): e.writeInline(into: &out, compact: true)
            }
        }
        out += "</\(name)>"
    }
}

/// Convenience constructors used by the chart code.
enum SVG {
    /// A `<g>` group of elements.
    static func group(_ attributes: [(String, String)] = [], _ children: [SVGElement]) -> SVGElement {
        SVGElement("g", attributes, children: children.map { .element($0) })
    }

    /// A `<text>` element with plain (escaped) content.
    static func text(_ content: String, x: Double, y: Double, _ attributes: [(String, String)] = []) -> SVGElement {
        SVGElement("text", [("x", SVGNumber.coordinate(x)), ("y", SVGNumber.coordinate(y))] + attributes,
                   children: [.text(content)])
    }

    /// A straight `<line>`.
    static func line(x1: Double, y1: Double, x2: Double, y2: Double, _ attributes: [(String, String)] = []) -> SVGElement {
        SVGElement("line", [
            ("x1", SVGNumber.coordinate(x1)), ("y1", SVGNumber.coordinate(y1)),
            ("x2", SVGNumber.coordinate(x2)), ("y2", SVGNumber.coordinate(y2)),
        ] + attributes)
    }

    /// A `<rect>`.
    static func rect(_ r: Rect, _ attributes: [(String, String)] = []) -> SVGElement {
        SVGElement("rect", [
            ("x", SVGNumber.coordinate(r.x)), ("y", SVGNumber.coordinate(r.y)),
            ("width", SVGNumber.coordinate(r.width)), ("height", SVGNumber.coordinate(r.height)),
        ] + attributes)
    }

    /// A `<path>` with the given path data.
    static func path(_ d: String, _ attributes: [(String, String)] = []) -> SVGElement {
        SVGElement("path", [("d", d)] + attributes)
    }
}

/// An axis-aligned rectangle in viewBox units.
struct Rect: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }

    /// True when the two rectangles overlap (touching edges do not count).
    func intersects(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }
}
