import Dispatch
import Synchronization

/// `body(0)`, …, `body(count − 1)` computed on every core, returned in index order: the same values as a
/// sequential `map`, whatever thread ran which index. Rendering's parts (the sections of each page, each
/// page's template) are independent, so the pages come out byte-identical. The error of the lowest failing
/// index is thrown, as a sequential map would throw it.
func parallelMap<T: Sendable, E: Error>(_ count: Int, _ body: @Sendable (Int) throws(E) -> T) throws(E) -> [T] {
    let slots = Mutex<[Int: Result<T, E>]>([:])
    DispatchQueue.concurrentPerform(iterations: count) { index in
        let result: Result<T, E>
        do throws(E) { result = .success(try body(index)) } catch { result = .failure(error) }
        slots.withLock { $0[index] = result }
    }
    let results = slots.withLock { $0 }
    var values: [T] = []
    values.reserveCapacity(count)
    for index in 0..<count { values.append(try results[index]!.get()) }
    return values
}

/// A template context shared read-only by the tasks of ``parallelMap``: `[String: Any]` is not `Sendable`
/// because `Any` could be a class, but a context holds only Strings, numbers, Bools and arrays and
/// dictionaries of them (copy-on-write values; concurrent reads of them are safe), and it is never
/// mutated once built — each task copies it into its own `var` before adding to it.
struct SharedContext: @unchecked Sendable {
    let value: [String: Any]
}
