/// The version of Readout itself, shown in generated pages and manifests.
public enum ReadoutVersion {
    public static let current = "0.1.0"
}
