import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on standard error, for long jobs (downloads, training epochs).
///
/// It draws only when both standard output and standard error are terminals, so piped output
/// and logs never fill with control characters. Safe to update from any thread; redraws are
/// limited to about 20 a second.
public final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let width: Int
    private let lock = NSLock()
    // Guarded by `lock`:
    private var label: String
    private var lastLine = ""
    private var lastDraw: UInt64 = 0

    /// True when both standard output and standard error are terminals.
    public static var terminalsAttached: Bool { isatty(STDOUT_FILENO) != 0 && isatty(STDERR_FILENO) != 0 }

    public init(label: String, width: Int = 30, enabled: Bool = ProgressBar.terminalsAttached) {
        self.label = label
        self.width = width
        self.enabled = enabled
    }

    /// Shows `completed` of `total` units; with no total, only the detail is shown.
    public func update(completed: Int64, total: Int64?, detail: String? = nil) {
        let fraction = total.flatMap { $0 > 0 ? Double(completed) / Double($0) : nil }
        update(fraction: fraction, detail: detail)
    }

    /// Shows `fraction` (0…1, nil when unknown) and an optional detail such as "12.3 MB / 47.0 MB".
    public func update(fraction: Double?, detail: String? = nil, label newLabel: String? = nil) {
        guard enabled else { return }
        lock.withLock {
            if let newLabel { label = newLabel }
            let line = Self.render(label: label, fraction: fraction, detail: detail, width: width)
            let now = DispatchTime.now().uptimeNanoseconds
            guard line != lastLine, now - lastDraw >= 50_000_000 || fraction == 1 else { return }
            // Carriage return and "erase line" redraw in place; the bar never scrolls the terminal.
            write("\r\u{1b}[2K" + line)
            lastLine = line
            lastDraw = now
        }
    }

    /// Ends the bar's line so that later output starts on a fresh one.
    public func finish() {
        guard enabled else { return }
        lock.withLock {
            guard !lastLine.isEmpty else { return }
            write("\n")
            lastLine = ""
        }
    }

    /// The text of the bar, e.g. `label [#######-------]  45%  12.3 MB / 47.0 MB`.
    public static func render(label: String, fraction: Double?, detail: String?, width: Int) -> String {
        var parts = [label]
        if let fraction {
            let clamped = min(max(fraction, 0), 1)
            let filled = Int((clamped * Double(width)).rounded(.down))
            parts.append("[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]")
            let percent = String(Int((clamped * 100).rounded(.down)))
            parts.append(String(repeating: " ", count: 3 - percent.count) + percent + "%")
        }
        if let detail { parts.append(detail) }
        return parts.joined(separator: " ")
    }

    /// A byte count in decimal megabytes, as download sizes are usually quoted: "12.3 MB".
    public static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
