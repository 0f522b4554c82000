import Foundation
@testable import DigitsKit

/// Committed fixtures and byte builders for the data-layer tests: bad inputs are made from good
/// bytes here rather than committed as files.
enum DataFixtures {
    /// The folder of committed fixtures.
    static var root: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
                throw CocoaError(.fileNoSuchFile)
            }
            return url
        }
    }

    /// Two training and one test image as gzip IDX, labels 3 7 and 9.
    static var idxFolder: URL { get throws { try root.appendingPathComponent("mnist-idx") } }
    /// The same images as CSV (LF line ends for training, CRLF for test).
    static var csvFolder: URL { get throws { try root.appendingPathComponent("mnist-csv") } }

    static func bytes(_ name: String, in folder: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// An IDX image file with the given header and `count × rows × columns` bytes of data
    /// (fewer when `dataBytes` says so).
    static func imageFile(count: Int, rows: Int = 28, columns: Int = 28, dataBytes: Int? = nil,
                          magic: UInt32 = IDX.imageMagic) -> [UInt8] {
        bigEndian([magic, UInt32(count), UInt32(rows), UInt32(columns)])
            + [UInt8](repeating: 7, count: dataBytes ?? count * rows * columns)
    }

    static func labelFile(_ labels: [UInt8]) -> [UInt8] {
        bigEndian([IDX.labelMagic, UInt32(labels.count)]) + labels
    }

    static func bigEndian(_ words: [UInt32]) -> [UInt8] {
        words.flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> $0) } }
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("digits-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A temporary copy of a fixture folder, for tests that damage one file.
    static func copy(of folder: URL) throws -> URL {
        let target = try temporaryFolder().appendingPathComponent("copy")
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }

    /// Writes `bytes` into `folder` as `name`.
    static func write(_ bytes: [UInt8], as name: String, in folder: URL) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }
}
