import Dispatch
import Foundation

/// The number of worker threads DigitsKit uses for its own loops (BLAS has its own threads).
/// `DIGITS_THREADS` overrides the processor count, e.g. to measure a single-core run.
public let workerCount: Int = {
    if let text = ProcessInfo.processInfo.environment["DIGITS_THREADS"], let value = Int(text), value >= 1 {
        return value
    }
    return max(1, ProcessInfo.processInfo.activeProcessorCount)
}()

/// Runs `body(chunk)` for `0..<chunks` on all cores and waits; the body must only touch state
/// owned by its chunk (or synchronise itself).
public func parallelFor(_ chunks: Int, _ body: (Int) -> Void) {
    if chunks <= 0 { return }
    if chunks == 1 || workerCount == 1 {
        for chunk in 0..<chunks { body(chunk) }
        return
    }
    // The body is not `@Sendable` so that callers can capture unsafe buffer pointers; the
    // contract above (disjoint chunks) is what makes that safe.
    withoutActuallyEscaping(body) { body in
        let shared = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: chunks) { shared.value($0) }
    }
}

/// Carries a value across a concurrency boundary whose safety the caller guarantees.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Splits `0..<count` into about `workerCount` contiguous ranges and runs `body` on each in
/// parallel: the usual way to spread rows over cores.
public func parallelRanges(_ count: Int, minimumChunk: Int = 1, _ body: (Range<Int>) -> Void) {
    guard count > 0 else { return }
    let chunks = max(1, min(workerCount, count / max(1, minimumChunk)))
    let size = (count + chunks - 1) / chunks
    parallelFor(chunks) { chunk in
        let start = chunk * size
        let end = min(count, start + size)
        if start < end { body(start..<end) }
    }
}
