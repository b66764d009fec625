import Dispatch
import ReadoutCore

/// Two independent computations on both cores: `background` on a global queue while `foreground` runs on the
/// calling thread. The outcome is the one of running `foreground` and then `background`: both values, or the
/// foreground's error if it failed, else the background's.
enum Concurrently {
    static func run<A: Sendable, B>(background: @escaping @Sendable () throws(DiagnosticsError) -> A,
                                    foreground: () throws(DiagnosticsError) -> B) throws(DiagnosticsError) -> (A, B) {
        let box = ResultBox<A>()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            do throws(DiagnosticsError) { box.result = .success(try background()) } catch { box.result = .failure(error) }
        }
        let foregroundResult: Result<B, DiagnosticsError>
        do throws(DiagnosticsError) { foregroundResult = .success(try foreground()) } catch { foregroundResult = .failure(error) }
        group.wait()  // also orders the background's write of `box` before the read below
        let b = try foregroundResult.get()
        guard let backgroundResult = box.result else { preconditionFailure("the group finished without a result") }
        return (try backgroundResult.get(), b)
    }
}

/// Written once by the background block, read after the group's wait.
private final class ResultBox<A>: @unchecked Sendable {
    var result: Result<A, DiagnosticsError>?
}
