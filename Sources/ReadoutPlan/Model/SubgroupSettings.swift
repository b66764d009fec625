/// `subgroups:` in trial.yaml: ADSL variables whose levels get their own hazard ratio and an
/// interaction test, for the time-to-event endpoints (all, or those listed). See docs/trial-yaml.md.
public struct SubgroupSettings: Codable, Sendable {
    /// Time-to-event endpoint ids; absent = every time-to-event endpoint.
    public var endpoints: [EndpointID]?
    public var variables: [SubgroupVariable]
}

/// One subgrouping variable.
public struct SubgroupVariable: Codable, Sendable {
    /// ADSL variable (e.g. AGEGR1).
    public var variable: String
    /// Heading in tables and the forest plot (defaults to the variable name).
    public var label: String?
    /// Levels in display order with optional labels; absent = the values found, in byte order.
    /// A value outside declared levels is an error (`data.adsl.undeclared-level`).
    public var levels: [SubgroupLevel]?
}

public struct SubgroupLevel: Codable, Sendable {
    public var value: String
    public var label: String?
}

/// `rmst:` in trial.yaml: the horizon τ of the restricted mean survival time, in the display unit
/// (default: each endpoint's last landmark).
public struct RMSTSettings: Codable, Sendable {
    public var tau: Double
}
