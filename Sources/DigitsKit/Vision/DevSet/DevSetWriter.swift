import Foundation

/// Writes a development set: the pictures, `labels.csv` (`file,value`, the layout
/// `digits predict --labels` reads) and `kinds.csv` (`file,kind`).
public enum DevSetWriter {
    /// Writes `count` samples of each kind into `folder` (created if needed); returns them
    /// without their pixels' encodings.
    @discardableResult
    public static func write(_ generator: DevSetGenerator, kinds: [DevSetKind] = DevSetKind.allCases, count: Int,
                             to folder: URL) throws -> [(name: String, kind: DevSetKind, value: String)] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let jobs = kinds.flatMap { kind in (0..<count).map { (kind, $0) } }
        var written = [(name: String, kind: DevSetKind, value: String)?](repeating: nil, count: jobs.count)
        var failure: (any Error)?
        let lock = NSLock()
        parallelFor(jobs.count) { job in
            let sample = generator.sample(jobs[job].0, index: jobs[job].1)
            do {
                let bytes = try sample.jpegQuality.map { try sample.image.jpegData(quality: $0) } ?? sample.image.pngData()
                try AtomicFile.write(bytes, to: folder.appendingPathComponent(sample.name))
                lock.withLock { written[job] = (sample.name, sample.kind, sample.value) }
            } catch {
                lock.withLock { failure = error }
            }
        }
        if let failure { throw failure }
        let rows = written.compactMap { $0 }
        try AtomicFile.write(Array((["file,value"] + rows.map { "\($0.name),\($0.value)" }).joined(separator: "\n").utf8) + [10],
                             to: folder.appendingPathComponent("labels.csv"))
        try AtomicFile.write(Array((["file,kind"] + rows.map { "\($0.name),\($0.kind.rawValue)" }).joined(separator: "\n").utf8) + [10],
                             to: folder.appendingPathComponent("kinds.csv"))
        return rows
    }
}
