public import ReadoutCore

/// A validated subgrouping variable: its endpoints resolved to time-to-event endpoints of the plan and
/// the plan line it was declared at (for diagnostics about the data).
public struct SubgroupSpec: Sendable {
    public var variable: String
    public var label: String
    /// Declared levels (value, label) in display order; `nil` takes the values found.
    public var levels: [(value: String, label: String)]?
    /// The time-to-event endpoints analysed by this variable.
    public var endpoints: [EndpointID]
    /// Where `subgroups.variables[i]` is in trial.yaml.
    public var location: SourceLocation
}
