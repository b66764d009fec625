/// The printed report of a version, as the manifest records it (`readout build --pdf`).
struct PDFEntry: Codable, Sendable, Equatable {
    /// Path in the bundle: `report.pdf`.
    var file: String
    /// Size in bytes.
    var size: Int
    var sha256: String
    /// Page count, read from the PDF.
    var pages: Int
}
