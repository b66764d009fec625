/// Where each value of a decoded file is: its path (`endpoints[2].landmarks[0]`, the form of
/// `Diagnostic.subject.variable`) → the line and column of the value. Filled by the decoder that read
/// the file, so later checks report problems at their line without reading the file again.
public struct SourceMap: Sendable {
    public var file: String
    private var locations: [String: SourceLocation]

    public init(file: String, locations: [String: SourceLocation] = [:]) {
        self.file = file
        self.locations = locations
    }

    public mutating func record(_ path: String, _ location: SourceLocation) {
        locations[path] = location
    }

    /// The location of `path`, or of its nearest enclosing value that has one, or the file.
    public func location(_ path: String) -> SourceLocation {
        var path = Substring(path)
        while !path.isEmpty {
            if let location = locations[String(path)] { return location }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return locations[""] ?? SourceLocation(file: file)
    }
}
