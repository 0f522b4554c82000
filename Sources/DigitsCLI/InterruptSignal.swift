import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the first Ctrl-C (SIGINT) into a flag that long fits poll, so training can save a
/// checkpoint and stop cleanly; a second Ctrl-C exits at once.
final class InterruptSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    private var source: (any DispatchSourceSignal)?

    var isRaised: Bool { lock.withLock { raised } }

    func install() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [self] in
            let again = lock.withLock { () -> Bool in
                defer { raised = true }
                return raised
            }
            if again { exit(130) }
            FileHandle.standardError.write(Data("\nInterrupted: saving a checkpoint after this batch (Ctrl-C again to quit now)\n".utf8))
        }
        source.resume()
        self.source = source
    }

    /// Restores the default Ctrl-C behaviour.
    func uninstall() {
        source?.cancel()
        source = nil
        signal(SIGINT, SIG_DFL)
    }
}
