import Foundation
import Testing
@testable import DigitsKit

@Suite struct SafeTensorsFileTests {
    static func sample() throws -> SafeTensorsFile {
        try SafeTensorsFile(
            tensors: [
                "classifier.weights": Tensor(Matrix(rows: 3, columns: 2, storage: [1, 2, 3, 4, 5, 6])),
                "classifier.bias": Tensor([Double(0.5), -0.5], shape: [2]),
                "tree.children": Tensor([Int32(1), 2, -1], shape: [3]),
                "labels": Tensor([UInt8(7), 8, 9], shape: [3]),
            ],
            metadata: ["kind": "logreg", "quote\"and\\slash": "line\nbreak\u{1} é 🙂"]
        )
    }

    @Test func sameContentGivesTheSameBytes() throws {
        let first = try Self.sample().serialized()
        // Build the dictionaries in another order: hashing must not leak into the file.
        let original = try Self.sample()
        let reordered = try SafeTensorsFile(
            tensors: Dictionary(uniqueKeysWithValues: original.tensors.sorted { $0.key > $1.key }.map { ($0.key, $0.value) }),
            metadata: Dictionary(uniqueKeysWithValues: original.metadata.sorted { $0.key > $1.key }.map { ($0.key, $0.value) }))
        #expect(reordered.serialized() == first)
        #expect(try SafeTensorsFile(bytes: first).serialized() == first)
    }

    @Test func headerIsSortedPaddedAndDataAligned() throws {
        let bytes = try Self.sample().serialized()
        let length = Int(bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        #expect(length % 8 == 0)
        let header = try #require(String(bytes: bytes[8..<(8 + length)], encoding: .utf8))
        #expect(header.hasPrefix(#"{"__metadata__":{"kind":"logreg","quote\"and\\slash":"line\nbreak\u0001 é 🙂"},"classifier.bias":{"data_offsets":[0,16],"dtype":"F64","shape":[2]},"#))
        #expect(header.contains(#""classifier.weights":{"data_offsets":[16,40],"dtype":"F32","shape":[3,2]}"#))
        #expect(header.contains(#""labels":{"data_offsets":[52,55],"dtype":"U8","shape":[3]}"#))
        // Only spaces after the closing brace: the padding.
        #expect(header.reversed().drop { $0 == " " }.first == "}")
    }

    @Test func metadataAndTensorsRoundTrip() throws {
        let file = try Self.sample()
        let read = try SafeTensorsFile(bytes: file.serialized())
        #expect(read == file)
        #expect(read.metadata["quote\"and\\slash"] == "line\nbreak\u{1} é 🙂")
        #expect(try read.tensor("classifier.weights").name == "classifier.weights")
    }

    @Test func emptyFileHasAHeaderOnly() throws {
        let bytes = try SafeTensorsFile().serialized()
        #expect(bytes == [8, 0, 0, 0, 0, 0, 0, 0] + Array("{}      ".utf8))
        #expect(try SafeTensorsFile(bytes: bytes) == SafeTensorsFile())
    }

    @Test func metadataKeyCannotNameATensor() {
        #expect(throws: SafeTensorsError.reservedTensorName("__metadata__")) {
            try SafeTensorsFile(tensors: ["__metadata__": Tensor([UInt8(1)], shape: [1])])
        }
    }

    @Test func writeThenReadLeavesNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("model.safetensors")
        try Self.sample().write(to: url)
        #expect(try SafeTensorsFile.read(from: url) == Self.sample())
        #expect(try folder.contents() == ["model.safetensors"])
    }

    @Test func abandonedWriteLeavesTheExistingFileUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("model.safetensors")
        try Self.sample().write(to: url)
        let before = try Data(contentsOf: url)

        // What `AtomicFile.write` does when a write fails half-way.
        let writer = try AtomicFile.Writer(destination: url)
        try writer.append(Array(try SafeTensorsFile().serialized().prefix(5)))
        writer.abandon()

        #expect(try Data(contentsOf: url) == before)
        #expect(try folder.contents() == ["model.safetensors"])
    }

    @Test func failedRenameLeavesNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A non-empty folder where the file should go: the final rename must fail.
        let url = folder.url.appendingPathComponent("model.safetensors")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data([1]).write(to: url.appendingPathComponent("keep"))

        #expect(throws: AtomicFileError.self) { try Self.sample().write(to: url) }
        #expect(try folder.contents() == ["model.safetensors"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.path) == ["keep"])
    }

    @Test func readErrorsNameTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("model.safetensors")
        var bytes = try Self.sample().serialized()
        bytes.removeLast(4)
        try Data(bytes).write(to: url)

        let error = try #require(throws: SafeTensorsError.self) { try SafeTensorsFile.read(from: url) }
        #expect(error == .inFile(path: url.path, .tensorPastEnd(tensor: "labels", end: 55, dataSize: 51)))
        #expect(error.description.hasPrefix("\(url.path): tensor 'labels' ends at byte 55 but the data section has 51 bytes"))

        let missing = folder.url.appendingPathComponent("absent.safetensors")
        let unreadable = try #require(throws: SafeTensorsError.self) { try SafeTensorsFile.read(from: missing) }
        guard case .unreadable(let path, _) = unreadable else {
            Issue.record("expected .unreadable, got \(unreadable)")
            return
        }
        #expect(path == missing.path)
    }
}
