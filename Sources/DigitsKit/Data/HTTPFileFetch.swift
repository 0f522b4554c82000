import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Streams one HTTP(S) resource into a file while computing its MD5: the file appears under its
/// final name only when the body is complete and the checksum matches; otherwise the partial
/// file is removed.
enum HTTPFileFetch {
    /// Progress of one transfer: bytes received, and the total when the server declared one.
    typealias Progress = @Sendable (_ received: Int64, _ total: Int64?) -> Void

    static func fetch(_ url: URL, to destination: URL, md5 expected: String, timeout: TimeInterval,
                      progress: @escaping Progress) async -> FetchFailure? {
        let writer: AtomicFile.Writer
        do {
            writer = try AtomicFile.Writer(destination: destination)
        } catch {
            return .cannotWrite(error.description)
        }
        let delegate = TransferDelegate(writer: writer, expectedMD5: expected.lowercased(), progress: progress)
        // One serial queue for every callback, so the delegate's state needs no lock.
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
        defer { session.finishTasksAndInvalidate() }
        return await withCheckedContinuation { continuation in
            delegate.start(session.dataTask(with: url), continuation: continuation)
        }
    }
}

/// The URLSession delegate of one transfer. `@unchecked Sendable` because URLSession calls it
/// from the serial delegate queue only, and `start` runs before the task is resumed.
private final class TransferDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let writer: AtomicFile.Writer
    private let expectedMD5: String
    private let progress: HTTPFileFetch.Progress
    private var md5 = MD5()
    private var received: Int64 = 0
    private var declaredLength: Int64?
    private var failure: FetchFailure?
    private var continuation: CheckedContinuation<FetchFailure?, Never>?

    init(writer: AtomicFile.Writer, expectedMD5: String, progress: @escaping HTTPFileFetch.Progress) {
        self.writer = writer
        self.expectedMD5 = expectedMD5
        self.progress = progress
    }

    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<FetchFailure?, Never>) {
        self.continuation = continuation
        task.resume()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        if let http = response as? HTTPURLResponse, http.statusCode != 200 {
            failure = .http(status: http.statusCode)
            completionHandler(.cancel)
            return
        }
        declaredLength = response.expectedContentLength >= 0 ? response.expectedContentLength : nil
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard failure == nil else { return }
        let bytes = [UInt8](data)
        do {
            try writer.append(bytes)
        } catch {
            failure = .cannotWrite(error.description)
            dataTask.cancel()
            return
        }
        md5.update(bytes)
        received += Int64(bytes.count)
        progress(received, declaredLength)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let outcome = failure ?? check(error)
        if outcome == nil {
            do {
                try writer.commit()
            } catch {
                writer.abandon()
                finish(.cannotWrite(error.description))
                return
            }
        } else {
            writer.abandon()
        }
        finish(outcome)
    }

    private func finish(_ outcome: FetchFailure?) {
        continuation?.resume(returning: outcome)
        continuation = nil
    }

    /// The failure of a transfer that URLSession reports complete, or nil when the body is whole
    /// and its MD5 matches.
    private func check(_ error: Error?) -> FetchFailure? {
        // A short body is reported as such whatever error (if any) the connection ended with.
        if let declaredLength, received < declaredLength {
            return .truncated(received: received, expected: declaredLength)
        }
        if let error { return Self.describe(error) }
        let actual = md5.hexDigest()
        return actual == expectedMD5 ? nil : .checksumMismatch(expected: expectedMD5, actual: actual)
    }

    private static func describe(_ error: Error) -> FetchFailure {
        guard let urlError = error as? URLError else { return .network(error.localizedDescription) }
        switch urlError.code {
        case .cannotConnectToHost: return .connectionRefused
        case .timedOut: return .timedOut
        case .cannotFindHost, .dnsLookupFailed: return .network("host not found")
        case .notConnectedToInternet: return .network("not connected to the internet")
        case .networkConnectionLost: return .network("connection lost")
        default: return .network(urlError.localizedDescription)
        }
    }
}
