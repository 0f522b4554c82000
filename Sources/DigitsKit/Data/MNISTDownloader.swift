import Foundation

/// Fetches the four original MNIST `.gz` files, trying mirrors in order and checking each file
/// against its published MD5 before it appears under its final name. Files already present with
/// the right checksum are not fetched again. Mirrors and checksums are injectable for tests.
public struct MNISTDownloader: Sendable {
    /// A file to fetch and the MD5 of its exact bytes.
    public struct Resource: Sendable, Equatable {
        public let name: String
        public let md5: String

        public init(name: String, md5: String) {
            self.name = name
            self.md5 = md5
        }
    }

    /// Progress of the whole download, reported as bytes arrive.
    public struct Progress: Sendable {
        public let file: String
        /// 0-based position of `file` among the files being fetched, and their number.
        public let fileIndex: Int
        public let fileCount: Int
        public let bytesReceived: Int64
        /// The file's size, when the server declared it.
        public let totalBytes: Int64?
    }

    /// What happened to one file.
    public enum Outcome: Sendable, Equatable {
        case downloaded(from: URL)
        case alreadyPresent
    }

    /// Mirrors of the original MNIST files, in the order torchvision and TensorFlow use them.
    public static let defaultMirrors: [URL] = [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
        "http://yann.lecun.com/exdb/mnist/",
    ].compactMap(URL.init(string:))

    /// The original files and their MD5s as published in torchvision (`torchvision/datasets/mnist.py`).
    public static let mnistResources: [Resource] = [
        Resource(name: "train-images-idx3-ubyte.gz", md5: "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
        Resource(name: "train-labels-idx1-ubyte.gz", md5: "d53e105ee54ea40749a09fcbcd1e9432"),
        Resource(name: "t10k-images-idx3-ubyte.gz", md5: "9fb629c4189551a2d022fa330f9573f3"),
        Resource(name: "t10k-labels-idx1-ubyte.gz", md5: "ec29112dd5afa0611ce80d1b7f02629c"),
    ]

    public var mirrors: [URL]
    public var resources: [Resource]
    /// Seconds without any data before a transfer is abandoned.
    public var timeout: TimeInterval

    public init(mirrors: [URL] = defaultMirrors, resources: [Resource] = mnistResources, timeout: TimeInterval = 30) {
        self.mirrors = mirrors
        self.resources = resources
        self.timeout = timeout
    }

    /// Fetches every resource into `folder` (created when needed), one after the other.
    /// - Returns: each file's name and outcome, in the order of `resources`.
    public func download(
        to folder: URL,
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws(DownloadError) -> [(name: String, outcome: Outcome)] {
        guard !mirrors.isEmpty else { throw .noMirrors }
        var results: [(name: String, outcome: Outcome)] = []
        for (index, resource) in resources.enumerated() {
            let destination = folder.appendingPathComponent(resource.name)
            if Self.matches(destination, md5: resource.md5) {
                results.append((resource.name, .alreadyPresent))
                continue
            }
            let report: HTTPFileFetch.Progress = { received, total in
                progress(Progress(file: resource.name, fileIndex: index, fileCount: resources.count,
                                  bytesReceived: received, totalBytes: total))
            }
            var attempts: [MirrorAttempt] = []
            for mirror in mirrors {
                let url = mirror.appendingPathComponent(resource.name)
                if let failure = await HTTPFileFetch.fetch(url, to: destination, md5: resource.md5,
                                                           timeout: timeout, progress: report) {
                    attempts.append(MirrorAttempt(url: url, failure: failure))
                    continue
                }
                results.append((resource.name, .downloaded(from: mirror)))
                break
            }
            if attempts.count == mirrors.count {
                throw .allMirrorsFailed(file: resource.name, attempts: attempts)
            }
        }
        return results
    }

    /// True when `file` exists and its MD5 is `md5`.
    static func matches(_ file: URL, md5: String) -> Bool {
        guard let data = try? Data(contentsOf: file) else { return false }
        var digest = MD5()
        data.withUnsafeBytes { digest.update($0.bindMemory(to: UInt8.self)) }
        return digest.hexDigest() == md5.lowercased()
    }
}
