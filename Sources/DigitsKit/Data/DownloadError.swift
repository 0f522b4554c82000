import Foundation

/// Why one mirror could not supply one file.
public enum FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case http(status: Int)
    case checksumMismatch(expected: String, actual: String)
    case truncated(received: Int64, expected: Int64)
    case connectionRefused
    case timedOut
    case network(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case let .http(status): return "HTTP \(status)"
        case let .checksumMismatch(expected, actual): return "checksum mismatch (MD5 \(actual), expected \(expected))"
        case let .truncated(received, expected): return "truncated body (\(received) of \(expected) bytes)"
        case .connectionRefused: return "connection refused"
        case .timedOut: return "timed out"
        case let .network(reason): return reason
        case let .cannotWrite(reason): return reason
        }
    }
}

/// Why `MNISTDownloader` could not fetch the data.
public enum DownloadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every mirror failed for `file`; `attempts` holds each mirror's URL and reason, in order.
    case allMirrorsFailed(file: String, attempts: [MirrorAttempt])
    case noMirrors

    public var description: String {
        switch self {
        case let .allMirrorsFailed(file, attempts):
            let lines = attempts.map { "  \($0.url.absoluteString): \($0.failure)" }
            return (["could not download \(file) from any mirror:"] + lines).joined(separator: "\n")
        case .noMirrors:
            return "no download mirrors configured"
        }
    }
}

/// One failed try of one mirror.
public struct MirrorAttempt: Sendable, Equatable {
    public let url: URL
    public let failure: FetchFailure
}
