public import ReadoutCore
public import ReadoutData

extension Dataset {
    /// `strings(_:)` with its error as the analysis layer's `DiagnosticsError`.
    public func textColumn(_ name: String) throws(DiagnosticsError) -> [String?] {
        do { return try strings(name) } catch { throw DiagnosticsError([error.diagnostic]) }
    }

    /// `numbers(_:)` with its error as the analysis layer's `DiagnosticsError`.
    public func numberColumn(_ name: String) throws(DiagnosticsError) -> [Double?] {
        do { return try numbers(name) } catch { throw DiagnosticsError([error.diagnostic]) }
    }
}
