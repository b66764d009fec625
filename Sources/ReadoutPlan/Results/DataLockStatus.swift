/// Whether a build's datasets matched the project's `data.lock` (`locked`, with the lock id) or were
/// built with `--unlocked` (a draft; every page says "DRAFT — DATA NOT LOCKED").
public struct DataLockStatus: Codable, Sendable, Equatable {
    /// `locked` or `unlocked`.
    public var status: String
    /// The lock id (12 hex digits) when locked.
    public var id: String?

    public static func locked(_ id: String) -> DataLockStatus { DataLockStatus(status: "locked", id: id) }
    public static let unlocked = DataLockStatus(status: "unlocked", id: nil)

    public var isLocked: Bool { status == "locked" }
}
