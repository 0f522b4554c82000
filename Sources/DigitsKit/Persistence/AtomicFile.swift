import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader sees either the old content or the complete new one, never a
/// half-written file: data goes to a temporary file in the same folder, is flushed to disk, and
/// is then renamed over the destination (rename is atomic within one file system).
public enum AtomicFile {
    /// Writes `bytes` to `url` atomically, creating the parent folder when needed.
    public static func write(_ bytes: some Collection<UInt8>, to url: URL) throws(AtomicFileError) {
        let writer = try Writer(destination: url)
        do {
            try writer.append(Array(bytes))
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// A file being written in pieces (a download, a large export) that appears under its final
    /// name only on `commit()`. `abandon()` removes the temporary file.
    public final class Writer {
        public let destination: URL
        public let temporary: URL
        private var descriptor: Int32

        public init(destination: URL) throws(AtomicFileError) {
            self.destination = destination
            let folder = destination.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreate(folder.path, reason: "\(error.localizedDescription)")
            }
            let suffix = String(UInt64.random(in: 0 ... .max), radix: 36)
            temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).partial-\(suffix)")
            descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor < 0 {
                throw .cannotCreate(temporary.path, reason: String(cString: strerror(errno)))
            }
        }

        deinit {
            if descriptor >= 0 {
                close(descriptor)
                unlink(temporary.path)
            }
        }

        public func append(_ bytes: [UInt8]) throws(AtomicFileError) {
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { raw in
                    systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw .cannotWrite(temporary.path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }

        /// Flushes the data to disk and moves the file to its destination.
        public func commit() throws(AtomicFileError) {
            guard descriptor >= 0 else { return }
            if fsync(descriptor) != 0 {
                throw .cannotWrite(temporary.path, reason: String(cString: strerror(errno)))
            }
            close(descriptor)
            descriptor = -1
            if rename(temporary.path, destination.path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary.path)
                throw .cannotWrite(destination.path, reason: reason)
            }
            // Make the rename itself durable.
            let folder = open(destination.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
            if folder >= 0 {
                fsync(folder)
                close(folder)
            }
        }

        /// Closes and deletes the temporary file; the destination is untouched.
        public func abandon() {
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
            unlink(temporary.path)
        }
    }
}

public enum AtomicFileError: Error, Equatable, CustomStringConvertible {
    case cannotCreate(String, reason: String)
    case cannotWrite(String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason): return "cannot create \(path): \(reason)"
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
